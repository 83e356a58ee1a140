import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderEmail } from '../../bot/mail/layout';
import type { Clock, FilingPort } from '../../core/ports';
import type { EmailRenderer } from '../../core/usecases/email';
import { createFiling } from '../../core/usecases/filing';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { createFilingRecords } from '../../prisma/store/filing';

/** A migrated, empty database private to one test file. */
export interface TestDatabase {
  prisma: PrismaClient;
  url: string;
  dispose(): Promise<void>;
}

let replacement: (() => Promise<TestDatabase>) | undefined;

/**
 * Makes `createTestDatabase` return databases of another store for the rest of this test file (tests/postgres/ runs the
 * store tests on PostgreSQL this way, unchanged).
 */
export function useTestDatabases(factory: () => Promise<TestDatabase>): void {
  replacement = factory;
}

/** Copies the migrated template made in globalSetup into a fresh file and opens it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (replacement) return replacement();
  const template = process.env.IESS_TEMPLATE_DB;
  if (!template) throw new Error('IESS_TEMPLATE_DB is not set: run the tests through jest (globalSetup).');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-test-'));
  const file = path.join(dir, 'test.db');
  fs.copyFileSync(template, file);
  const url = `file:${file}`;
  const prisma = createPrismaClient(url);
  return {
    prisma,
    url,
    async dispose() {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The FilingPort the services build (core/usecases/filing over the store's records), for tests that swap or wrap it. */
export function createTestFiling(prisma: PrismaClient, clock: Clock, render: EmailRenderer = renderEmail): FilingPort {
  return createFiling({ records: createFilingRecords(prisma), clock, render });
}
