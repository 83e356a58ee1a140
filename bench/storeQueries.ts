/**
 * `node dist/bench/storeQueries.js`: CPU time of one conversation-state read and write on a fresh SQLite file, three
 * ways: Prisma's model API, Prisma's raw queries, and the turn statements (prisma/turnSql.ts) the service uses on
 * every turn (README, "Performance"). Prints microseconds per call, the median of 5 passes of 3,000 calls each.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient, type PrismaClient } from '../prisma/client';
import { turnSqlOf } from '../prisma/turnSql';
import { migrateDatabase } from './fullBot';

type Call = () => Promise<unknown>;

function calls(db: PrismaClient): Record<string, Call> {
  const sql = turnSqlOf(db);
  const now = new Date();
  return {
    'read, model API (findUnique)': () => db.botState.findUnique({ where: { key: 'k' } }),
    'read, $queryRaw': () => db.$queryRaw`SELECT "key", "data", "etag" FROM "BotState" WHERE "key" = ${'k'}`,
    'read, turn statement': () => sql.all('SELECT "key", "data", "etag" FROM "BotState" WHERE "key" = ?', ['k']),
    'write, model API (upsert)': () =>
      db.botState.upsert({ where: { key: 'k' }, create: { key: 'k', data: '{}', etag: 'a' }, update: { data: '{}', etag: 'b' } }),
    'write, $executeRaw': () => db.$executeRaw`UPDATE "BotState" SET "data" = ${'{}'}, "updatedAt" = ${now} WHERE "key" = ${'k'}`,
    'write, turn statement': () => sql.run('UPDATE "BotState" SET "data" = ?, "updatedAt" = ? WHERE "key" = ?', ['{}', now, 'k']),
  };
}

async function microsPerCall(call: Call, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i += 1) await call();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-store-bench-'));
  migrateDatabase(dir);
  const db = createPrismaClient(`file:${path.join(dir, 'iess.db')}`);
  try {
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.botState.create({ data: { key: 'k', data: '{}', etag: 'a' } });
    process.stdout.write(`store queries: node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}\n`);
    for (const [name, call] of Object.entries(calls(db))) {
      await microsPerCall(call, 500);
      const passes: number[] = [];
      for (let pass = 0; pass < 5; pass += 1) passes.push(await microsPerCall(call, 3000));
      passes.sort((a, b) => a - b);
      process.stdout.write(`${name.padEnd(32)} ${passes[2].toFixed(1).padStart(7)} µs of CPU per call\n`);
    }
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`store bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
