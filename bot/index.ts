process.env.DOTENV_CONFIG_QUIET ??= 'true';

import fs from 'node:fs';
import { createApplication } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

/** Entry point: validates the configuration, starts the service, and stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuración no válida: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (!config.credentials.appId) {
    logger.warn('local_mode', {
      message: 'MicrosoftAppId no está definido: modo local. /api/messages acepta solicitudes sin autenticar (Emulator). No use este modo en producción.',
    });
  }
  if (config.appSecretGenerated) {
    logger.warn('app_secret_generated', { message: 'APP_SECRET no está definido: se usa uno aleatorio en este proceso. Defínalo igual en todas las instancias.' });
  }
  fs.mkdirSync(config.documentsDir, { recursive: true });
  const app = await createApplication(config, { logger });
  const url = await app.listen();
  logger.info('listening', { url, webChat: `${config.publicBaseUrl}/` });
  process.stdout.write(`\nAsistente IESS listo. Abra el chat web en: ${config.publicBaseUrl}/\n\n`);
  const stop = async (signal: string) => {
    logger.info('stopping', { signal });
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`No se pudo iniciar el asistente: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
