process.env.DOTENV_CONFIG_QUIET ??= 'true';

import fs from 'node:fs';
import { ARRANQUE } from '../catalog';
import { createApplication } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

/** Longest a stop may take before the process exits anyway (orchestrators send SIGKILL after 10 s by default). */
const STOP_DEADLINE_MS = 9500;

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
  // SIGTERM (orchestrators, `docker stop`) and SIGINT: refuse new turns, finish those in flight, give back the outbox
  // leases, close the database, and exit within STOP_DEADLINE_MS whatever happens.
  const stop = async (signal: string) => {
    logger.info('stopping', { signal });
    setTimeout(() => {
      logger.error('stop_deadline_exceeded', { deadlineMs: STOP_DEADLINE_MS });
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    try {
      await app.close({ drainMs: STOP_DEADLINE_MS - 3000 });
      logger.info('stopped', { signal });
      process.exit(0);
    } catch (error) {
      logger.error('stop_failed', { error });
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${ARRANQUE.noInicio(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
