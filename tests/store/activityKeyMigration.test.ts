import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { DirectLineStore, TOMBSTONE } from '../../bot/channels/directline/store';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { startPostgres, type PostgresCluster } from '../helpers/postgres';

/**
 * The migration that makes a conversation's last seq its watermark (`*_activity_key`, both providers), applied to a
 * store written by the schema before it: every row keeps its seq, and a conversation whose last activities had been
 * deleted (old counter above its last row) gets a tombstone there, so the next append never reuses a seq a client
 * may already hold as its watermark.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const FOLDERS = { sqlite: path.join(ROOT, 'prisma', 'migrations'), postgresql: path.join(ROOT, 'prisma', 'postgresql', 'migrations') };

/** The migration files of a provider, in order, split at the one under test. */
function migrations(provider: keyof typeof FOLDERS): { before: string[]; target: string } {
  const names = fs
    .readdirSync(FOLDERS[provider])
    .filter((name) => /^\d{14}_/.test(name))
    .sort();
  const at = names.findIndex((name) => name.endsWith('_activity_key'));
  const read = (name: string): string => fs.readFileSync(path.join(FOLDERS[provider], name, 'migration.sql'), 'utf8');
  return { before: names.slice(0, at).map(read), target: read(names[at]) };
}

const OLD_ROWS = [
  // c1: activities 0..3 stored, 4 and 5 deleted by the old remove() (its counter stayed at 5).
  { conversation: 'c1', counter: 5, seqs: [0, 1, 2, 3] },
  // c2: nothing deleted.
  { conversation: 'c2', counter: 2, seqs: [0, 1, 2] },
];

/** The old schema's INSERTs for OLD_ROWS (DlConversation with its counter, DlActivity with its text id). */
function oldInserts(): string[] {
  const statements: string[] = [];
  for (const { conversation, counter, seqs } of OLD_ROWS) {
    statements.push(`INSERT INTO "DlConversation" ("id", "userId", "nextWatermark") VALUES ('${conversation}', 'u', ${counter})`);
    for (const seq of seqs) {
      const id = `${conversation}|${String(seq).padStart(7, '0')}`;
      const json = JSON.stringify({ type: 'message', id, text: `t${seq}` });
      statements.push(
        `INSERT INTO "DlActivity" ("id", "conversationId", "seq", "json") VALUES ('${id}', '${conversation}', ${seq}, '${json}')`,
      );
    }
  }
  return statements;
}

async function expectMigrated(prisma: PrismaClient): Promise<void> {
  const rows = await prisma.dlActivity.findMany({ orderBy: [{ conversationId: 'asc' }, { seq: 'asc' }] });
  expect(rows.map((row) => `${row.conversationId}:${row.seq}:${row.json === TOMBSTONE ? 'tombstone' : 'kept'}`)).toEqual([
    'c1:0:kept',
    'c1:1:kept',
    'c1:2:kept',
    'c1:3:kept',
    'c1:5:tombstone',
    'c2:0:kept',
    'c2:1:kept',
    'c2:2:kept',
  ]);
  const store = new DirectLineStore(prisma);
  expect((await store.append('c1', (id) => ({ type: 'message', id, text: 'nuevo' }))).seq).toBe(6);
  expect((await store.append('c2', (id) => ({ type: 'message', id, text: 'nuevo' }))).seq).toBe(3);
  // A client that held watermark 3 gets the new activity, and the tombstone is not sent.
  const page = await store.list('c1', 3);
  expect(page.activities.map((row) => `${row.seq}:${row.activity.text}`)).toEqual(['6:nuevo']);
  expect(page.watermark).toBe(6);
  expect(await store.watermarks(['c1', 'c2'])).toEqual(
    new Map([
      ['c1', 6],
      ['c2', 3],
    ]),
  );
}

describe('the activity_key migration', () => {
  it('keeps every SQLite row and leaves a tombstone where the old counter ran ahead', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-migration-'));
    const file = path.join(dir, 'old.db');
    const { before, target } = migrations('sqlite');
    const db = new Database(file);
    for (const sql of before) db.exec(sql);
    for (const sql of oldInserts()) db.exec(sql);
    db.exec(target);
    db.close();
    const prisma = createPrismaClient(`file:${file}`);
    try {
      await expectMigrated(prisma);
    } finally {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on PostgreSQL', () => {
    let cluster: PostgresCluster | undefined;
    beforeAll(async () => {
      cluster = await startPostgres();
    }, 120_000);
    afterAll(async () => cluster?.stop(), 60_000);

    it('keeps every row and leaves a tombstone where the old counter ran ahead', async () => {
      const url = (cluster as PostgresCluster).urlOf('postgres');
      const { before, target } = migrations('postgresql');
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        for (const sql of [...before, ...oldInserts(), target]) await client.query(sql);
      } finally {
        await client.end();
      }
      const prisma = createPrismaClient(url);
      try {
        await expectMigrated(prisma);
      } finally {
        await prisma.$disconnect();
      }
    }, 60_000);
  });
});
