import { PrismaStorage } from '../../bot/storage';
import { timeOf, turnSqlOf } from '../../prisma/turnSql';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

describe('turn statements (prisma/turnSql.ts)', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => db.dispose());

  it('keeps a turn write when another turn rolls its transaction back meanwhile', async () => {
    const storage = new PrismaStorage(db.prisma);
    await storage.read(['warm']);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const rolledBack = db.prisma
      .$transaction(async (tx) => {
        await tx.botState.create({ data: { key: 'other', data: '{}', etag: 'e' } });
        await held;
        throw new Error('rollback');
      })
      .catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const written = storage.write({ mine: { v: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(rolledBack).resolves.toBeInstanceOf(Error);
    await written;
    expect((await storage.read(['mine', 'other'])).mine).toMatchObject({ v: 1 });
    expect((await storage.read(['other'])).other).toBeUndefined();
  });

  it('commits batches of the same tick together, and a failing one rolls back and rejects alone', async () => {
    const sql = turnSqlOf(db.prisma);
    await sql.all('SELECT 1', []);
    const topic = 'INSERT INTO "ConversationTopic" ("conversationKey", "topic", "updatedAt") VALUES (?, ?, ?)';
    const when = new Date('2026-12-01T15:30:00Z');
    await sql.run(topic, ['webchat:taken', 'pension', when]);
    const [first, failing, last] = await Promise.allSettled([
      sql.batch([
        [topic, ['webchat:a1', 'reliquidacion', when]],
        [topic, ['webchat:a2', 'reliquidacion', when]],
      ]),
      sql.batch([
        [topic, ['webchat:b1', 'reinsercion', when]],
        [topic, ['webchat:taken', 'reinsercion', when]],
      ]),
      sql.batch([[topic, ['webchat:c1', 'clave', when]]]),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: [1, 1] });
    expect(failing.status).toBe('rejected');
    expect(last).toEqual({ status: 'fulfilled', value: [1] });
    const keys = (await db.prisma.conversationTopic.findMany({ orderBy: { conversationKey: 'asc' } })).map((r) => r.conversationKey);
    expect(keys).toEqual(['webchat:a1', 'webchat:a2', 'webchat:c1', 'webchat:taken']);
    await expect(sql.batch([[topic, ['webchat:b1', 'reinsercion', when]]])).resolves.toEqual([1]);
  });

  it('lets a read asked for after a write see it, though the write has not been awaited', async () => {
    const sql = turnSqlOf(db.prisma);
    await sql.all('SELECT 1', []); // Prisma has opened its SQLite connection: the statements run on it directly.
    const when = new Date('2026-12-01T15:30:00Z');
    const written = sql.run('INSERT INTO "ConversationTopic" ("conversationKey", "topic", "updatedAt") VALUES (?, ?, ?)', [
      'webchat:w1',
      'pension',
      when,
    ]);
    // SQLite: one connection, statements in the order asked. PostgreSQL (tests/postgres): each statement takes a pooled
    // connection, so only an awaited write comes before a read.
    if (!db.url.startsWith('file:')) await written;
    const read = sql.all<{ topic: string }>('SELECT "topic" FROM "ConversationTopic" WHERE "conversationKey" = ?', ['webchat:w1']);
    await expect(read).resolves.toEqual([{ topic: 'pension' }]);
    await expect(written).resolves.toBe(1);
  });

  it('runs reads and writes asked for in one tick in the order asked: each read sees exactly the writes before it', async () => {
    const sql = turnSqlOf(db.prisma);
    await sql.all('SELECT 1', []);
    const insert = 'INSERT INTO "ConversationTopic" ("conversationKey", "topic", "updatedAt") VALUES (?, ?, ?)';
    const count = 'SELECT COUNT(*) AS "n" FROM "ConversationTopic"';
    const when = new Date('2026-12-01T15:30:00Z');
    const steps: (() => Promise<unknown>)[] = [
      () => sql.run(insert, ['webchat:o1', 'pension', when]),
      () => sql.all<{ n: number | bigint }>(count, []),
      () =>
        sql.batch([
          [insert, ['webchat:o2', 'pension', when]],
          [insert, ['webchat:o3', 'pension', when]],
        ]),
      () => sql.all<{ n: number | bigint }>(count, []),
    ];
    // SQLite: all asked in one tick, none awaited. PostgreSQL (pooled connections, no order across them): in turn.
    const results: unknown[] = [];
    if (db.url.startsWith('file:')) results.push(...(await Promise.all(steps.map((step) => step()))));
    else for (const step of steps) results.push(await step());
    const counts = [results[1], results[3]].map((rows) => Number((rows as { n: number | bigint }[])[0].n));
    expect(counts).toEqual([1, 3]);
  });

  it('joins an upsert that returns rows to the shared commit; one that fails rejects alone', async () => {
    const sql = turnSqlOf(db.prisma);
    await sql.all('SELECT 1', []);
    const when = new Date('2026-12-01T15:30:00Z');
    const upsert = `INSERT INTO "RateCounter" ("key", "windowStart", "count") VALUES (?, ?, 1)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateCounter"."count" + 1 RETURNING "count"`;
    const topic = 'INSERT INTO "ConversationTopic" ("conversationKey", "topic", "updatedAt") VALUES (?, ?, ?)';
    await sql.run(topic, ['webchat:taken', 'pension', when]);
    const [first, second, taken, written] = await Promise.allSettled([
      sql.returning<{ count: number | bigint }>(upsert, ['k', when]),
      sql.returning<{ count: number | bigint }>(upsert, ['k', when]),
      sql.returning(`${topic} RETURNING "topic"`, ['webchat:taken', 'clave', when]),
      sql.run(topic, ['webchat:after', 'clave', when]),
    ]);
    const counts = [first, second].map((r) => (r.status === 'fulfilled' ? Number(r.value[0].count) : NaN));
    expect(counts).toEqual([1, 2]);
    expect(taken.status).toBe('rejected');
    expect(written).toEqual({ status: 'fulfilled', value: 1 });
    expect(await db.prisma.conversationTopic.count()).toBe(2);
  });

  it('binds times the way the model API stores them, so both compare', async () => {
    const when = new Date('2026-12-01T15:30:00.250Z');
    await turnSqlOf(db.prisma).run('INSERT INTO "ConversationTopic" ("conversationKey", "topic", "updatedAt") VALUES (?, ?, ?)', [
      'webchat:c1',
      'reliquidacion',
      when,
    ]);
    const row = await db.prisma.conversationTopic.findUnique({ where: { conversationKey: 'webchat:c1' } });
    expect(row?.updatedAt.toISOString()).toBe(when.toISOString());
    const found = await db.prisma.conversationTopic.count({ where: { updatedAt: { gte: when } } });
    expect(found).toBe(1);
    const [read] = await turnSqlOf(db.prisma).all<{ updatedAt: unknown }>(
      'SELECT "updatedAt" FROM "ConversationTopic" WHERE "conversationKey" = ?',
      ['webchat:c1'],
    );
    expect(timeOf(read.updatedAt).toISOString()).toBe(when.toISOString());
  });

  it.each([
    ['2026-12-01T15:30:00.250+00:00', '2026-12-01T15:30:00.250Z'],
    ['2026-12-01 15:30:00', '2026-12-01T15:30:00.000Z'],
    [new Date('2026-12-01T15:30:00Z'), '2026-12-01T15:30:00.000Z'],
    [1796139000000n, new Date(1796139000000).toISOString()],
  ])('reads the time %p as %s', (value, iso) => {
    expect(timeOf(value).toISOString()).toBe(iso);
  });
});

describe('turn statements are prepared once per client', () => {
  it('gives the same statements object to every caller of one client, and another to another client', async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    try {
      expect(turnSqlOf(first.prisma)).toBe(turnSqlOf(first.prisma));
      expect(turnSqlOf(first.prisma)).not.toBe(turnSqlOf(second.prisma));
    } finally {
      await first.dispose();
      await second.dispose();
    }
  });
});
