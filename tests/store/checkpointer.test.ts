import Database from 'better-sqlite3';
import fs from 'node:fs';
import { startSqliteCheckpointer, type CheckpointResult, type SqliteCheckpointerOptions } from '../../prisma/checkpointer';
import type { PrismaClient } from '../../prisma/client';
import { tuneSqlite } from '../../prisma/sqliteTuning';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A logger that keeps what was warned. */
function recordingLogger() {
  const warnings: { event: string; fields?: Record<string, unknown> }[] = [];
  return { warnings, warn: (event: string, fields?: Record<string, unknown>) => void warnings.push({ event, fields }) };
}

/** The main connection's autocheckpoint, in pages (0 = never). */
async function autocheckpointOf(prisma: PrismaClient): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ wal_autocheckpoint: number | bigint }[]>('PRAGMA wal_autocheckpoint');
  return Number(rows[0]?.wal_autocheckpoint);
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

const walSize = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

describe('SQLite checkpointer (checkpoints on a worker thread)', () => {
  let db: TestDatabase;
  let file: string;
  const options = (extra: Partial<SqliteCheckpointerOptions> = {}): SqliteCheckpointerOptions => ({
    prisma: db.prisma,
    databaseUrl: db.url,
    journalMode: 'wal',
    intervalMs: 50,
    logger: recordingLogger(),
    ...extra,
  });

  beforeEach(async () => {
    db = await createTestDatabase();
    file = db.url.slice('file:'.length);
    expect(await tuneSqlite(db.prisma, db.url)).toBe(true);
    await db.prisma.$executeRawUnsafe('CREATE TABLE "CheckpointProbe" ("id" INTEGER PRIMARY KEY, "body" TEXT NOT NULL)');
  });
  afterEach(async () => {
    await db.dispose();
  });

  it.each([
    ['a PostgreSQL URL', { databaseUrl: 'postgresql://iess@127.0.0.1:5432/iess' }],
    ['the rollback journal', { journalMode: 'delete' as const }],
    ['interval 0 (SQLite checkpoints itself)', { intervalMs: 0 }],
  ])('starts no worker for %s and leaves the autocheckpoint alone', async (_case, extra) => {
    const checkpointer = startSqliteCheckpointer(options(extra));
    expect(await checkpointer.ready).toBe(false);
    expect(checkpointer.worker).toBeUndefined();
    expect(await autocheckpointOf(db.prisma)).toBe(1000);
    await checkpointer.stop();
  });

  it('checkpoints and empties the log off the main thread while autocheckpoint is 0; every write is there after reopening', async () => {
    const results: CheckpointResult[] = [];
    const logger = recordingLogger();
    const checkpointer = startSqliteCheckpointer(
      options({ logger, truncateBytes: 256 * 1024, onCheckpoint: (result) => results.push(result) }),
    );
    expect(checkpointer.worker).toBeDefined();
    // SQLite keeps checkpointing until the thread is ready: the start does not wait for it.
    expect(await autocheckpointOf(db.prisma)).toBe(1000);
    expect(await checkpointer.ready).toBe(true);
    expect(await autocheckpointOf(db.prisma)).toBe(0);

    const rows = 3000;
    const body = 'x'.repeat(1000);
    let largestWal = 0;
    for (let id = 1; id <= rows; id++) {
      await db.prisma.$executeRawUnsafe('INSERT INTO "CheckpointProbe" ("id", "body") VALUES (?, ?)', id, body);
      if (id % 100 === 0) {
        largestWal = Math.max(largestWal, walSize(file));
        await sleep(15);
      }
    }
    await until(() => results.some((r) => r.mode === 'TRUNCATE' && r.busy === 0));
    // One commit per row appends at least a 4 KB page: without checkpoints the log would hold all of them (> 12 MB).
    expect(largestWal).toBeLessThan((rows * 4096) / 3);
    expect(results.some((r) => r.mode === 'PASSIVE' && r.checkpointed > 0 && r.checkpointed === r.log)).toBe(true);
    expect(await autocheckpointOf(db.prisma)).toBe(0);

    await checkpointer.stop();
    expect(checkpointer.worker).toBeUndefined();
    expect(await autocheckpointOf(db.prisma)).toBe(1000);
    expect(logger.warnings).toEqual([]);
    await db.prisma.$disconnect();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT COUNT(*) AS n FROM "CheckpointProbe"').get()).toEqual({ n: rows });
    reopened.close();
  });

  it('empties the log only outside a transaction on the connection: one that reads, waits, then writes goes through', async () => {
    const results: CheckpointResult[] = [];
    const logger = recordingLogger();
    const checkpointer = startSqliteCheckpointer(options({ logger, truncateBytes: 1, onCheckpoint: (r) => results.push(r) }));
    expect(await checkpointer.ready).toBe(true);
    const body = 'y'.repeat(1000);
    // A turn's interactive transaction (deferred BEGIN: a read, then a write) stays open across several passes.
    const turn = db.prisma.$transaction(async (tx) => {
      await tx.$queryRawUnsafe('SELECT COUNT(*) AS n FROM "CheckpointProbe"');
      await sleep(300);
      await tx.$executeRawUnsafe('INSERT INTO "CheckpointProbe" ("id", "body") VALUES (0, ?)', body);
    });
    await expect(turn).resolves.toBeUndefined();
    for (let id = 1; id <= 200; id++) {
      await db.prisma.$executeRawUnsafe('INSERT INTO "CheckpointProbe" ("id", "body") VALUES (?, ?)', id, body);
    }
    await until(() => results.some((r) => r.mode === 'TRUNCATE' && r.busy === 0));
    await checkpointer.stop();
    expect(logger.warnings).toEqual([]);
    expect(await db.prisma.$queryRawUnsafe('SELECT COUNT(*) AS n FROM "CheckpointProbe"')).toEqual([{ n: 201n }]);
  });

  it('gives SQLite its autocheckpoint back and warns when the worker is killed; writes go on', async () => {
    const logger = recordingLogger();
    const checkpointer = startSqliteCheckpointer(options({ logger }));
    expect(await checkpointer.ready).toBe(true);
    expect(await autocheckpointOf(db.prisma)).toBe(0);
    await checkpointer.worker!.terminate();

    await until(async () => (await autocheckpointOf(db.prisma)) === 1000);
    expect(logger.warnings.map((w) => w.event)).toEqual(['sqlite_checkpointer_stopped']);
    expect(checkpointer.worker).toBeUndefined();
    await db.prisma.$executeRawUnsafe('INSERT INTO "CheckpointProbe" ("id", "body") VALUES (1, ?)', 'after');
    await checkpointer.stop();
    expect(await db.prisma.$queryRawUnsafe('SELECT "body" FROM "CheckpointProbe"')).toEqual([{ body: 'after' }]);
  });

  it('keeps SQLite’s autocheckpoint and warns when the worker cannot open the file', async () => {
    const logger = recordingLogger();
    const checkpointer = startSqliteCheckpointer(options({ logger, databaseUrl: `file:${file}.missing` }));
    expect(await checkpointer.ready).toBe(false);
    expect(checkpointer.worker).toBeUndefined();
    expect(logger.warnings.map((w) => w.event)).toEqual(['sqlite_checkpointer_not_started']);
    expect(await autocheckpointOf(db.prisma)).toBe(1000);
    expect(fs.existsSync(`${file}.missing`)).toBe(false);
  });

  it('stop() while the worker is still starting: it ends, autocheckpoint stays 1000, no warning', async () => {
    const logger = recordingLogger();
    const checkpointer = startSqliteCheckpointer(options({ logger }));
    await checkpointer.stop();
    expect(await checkpointer.ready).toBe(false);
    expect(checkpointer.worker).toBeUndefined();
    expect(logger.warnings).toEqual([]);
    expect(await autocheckpointOf(db.prisma)).toBe(1000);
  });

  it('stop() ends the worker with exit code 0, without a warning, and a second stop() does nothing', async () => {
    const logger = recordingLogger();
    const checkpointer = startSqliteCheckpointer(options({ logger }));
    expect(await checkpointer.ready).toBe(true);
    const exit = new Promise<number>((resolve) => checkpointer.worker!.once('exit', resolve));
    await checkpointer.stop();
    expect(await exit).toBe(0);
    await checkpointer.stop();
    expect(logger.warnings).toEqual([]);
    expect(await autocheckpointOf(db.prisma)).toBe(1000);
  });
});
