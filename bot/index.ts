process.env.DOTENV_CONFIG_QUIET ??= 'true';

import fs from 'node:fs';
import { ARRANQUE } from '../catalog';
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
      process.stderr.write(`${ARRANQUE.configuracionNoValida(error.message)}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.botFrameworkEndpoint === 'local') {
    logger.warn('local_mode', { message: ARRANQUE.modoLocal });
  }
  if (config.appSecretGenerated) {
    logger.warn('app_secret_generated', { message: ARRANQUE.secretoGenerado });
  }
  fs.mkdirSync(config.documentsDir, { recursive: true });
  const app = await createApplication(config, { logger });
  const url = await app.listen();
  logger.info('listening', { url, webChat: `${config.publicBaseUrl}/` });
  process.stdout.write(`\n${ARRANQUE.listo(`${config.publicBaseUrl}/`)}\n\n`);
  const stop = async (signal: string) => {
    logger.info('stopping', { signal });
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${ARRANQUE.noInicio(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
