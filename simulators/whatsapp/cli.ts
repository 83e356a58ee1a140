import { startSimulator } from './simulator';

/**
 * `npm run whatsapp:sim`: starts the WhatsApp simulator on SIM_PORT (3979) and prints how to start the bot against
 * it. The secrets are the simulator's own local values (override them with the same WHATSAPP_* variables as the bot).
 */
const env = process.env;
const port = Number(env.SIM_PORT ?? 3979);
const settings = {
  WHATSAPP_VERIFY_TOKEN: env.WHATSAPP_VERIFY_TOKEN ?? 'simulador-verificacion',
  WHATSAPP_APP_SECRET: env.WHATSAPP_APP_SECRET ?? 'simulador-secreto-de-la-app',
  WHATSAPP_ACCESS_TOKEN: env.WHATSAPP_ACCESS_TOKEN ?? 'simulador-token-de-acceso',
  WHATSAPP_PHONE_NUMBER_ID: env.WHATSAPP_PHONE_NUMBER_ID ?? '100000000000001',
  WHATSAPP_GRAPH_URL: `http://localhost:${port}`,
};
const webhookUrl = env.IESS_WHATSAPP_WEBHOOK ?? 'http://localhost:3978/api/whatsapp';

void startSimulator({
  accessToken: settings.WHATSAPP_ACCESS_TOKEN,
  phoneNumberId: settings.WHATSAPP_PHONE_NUMBER_ID,
  appSecret: settings.WHATSAPP_APP_SECRET,
  webhookUrl,
  port,
  host: '127.0.0.1',
}).then(
  (sim) => {
    const line = Object.entries(settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    process.stdout.write(
      [
        `Simulador de WhatsApp en http://localhost:${port}/ (envía los mensajes a ${webhookUrl}).`,
        'Inicie el bot en otra terminal con:',
        `  ${line} npm start`,
        '',
      ].join('\n'),
    );
    const stop = (): void => void sim.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: unknown) => {
    process.stderr.write(`No se pudo iniciar el simulador: ${String(error)}\n`);
    process.exit(1);
  },
);
