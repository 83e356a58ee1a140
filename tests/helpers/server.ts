import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApplication, type Application } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger, type Logger } from '../../bot/logger';
import type { Clock } from '../../core/ports';
import { createTestDatabase, type TestDatabase } from './db';
import { testRecognizer } from './dialogHarness';

/** The demo tenant of prisma/fixtures/demo-agentes.json, the allowed Teams tenant of every test server. */
export const DEMO_TEAMS_TENANT_ID = '7a1c2e3f-0b4d-4e5f-9a6b-1c2d3e4f5a6b';

/** A running service on a free loopback port, over its own seeded database. */
export interface TestServer {
  app: Application;
  db: TestDatabase;
  baseUrl: string;
  /** Where e-mails are written as .eml files when SMTP_URL is not set. */
  outboxDir: string;
  stop(): Promise<void>;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the whole service as `npm start` would, but on loopback (with the Bot Framework endpoint in local mode unless
 * `env` says otherwise), a temp database and a temp documents folder. */
export async function startTestServer(options: { clock?: Clock; logger?: Logger; env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const port = await freePort();
  const documents = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-docs-'));
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    SEED_DEMO: 'true',
    DOCUMENTS_DIR: documents,
    MAIL_OUTBOX_DIR: path.join(documents, 'outbox'),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    BOTFRAMEWORK_ENDPOINT: 'local',
    TEAMS_TENANT_ID: DEMO_TEAMS_TENANT_ID,
    ...options.env,
  });
  const app = await createApplication(config, {
    logger: options.logger ?? silentLogger,
    clock: options.clock,
    recognizer: testRecognizer(),
    scryptLogN: 10,
    outboxPollMs: 50,
  });
  const baseUrl = await app.listen();
  return {
    app,
    db,
    baseUrl,
    outboxDir: config.mailOutboxDir,
    async stop() {
      await app.close();
      await db.dispose();
      fs.rmSync(documents, { recursive: true, force: true });
    },
  };
}
