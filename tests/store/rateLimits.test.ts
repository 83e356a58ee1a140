import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { hitRateLimit, pruneRateCounters } from '../../prisma/store/rateLimits';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

describe('hitRateLimit (shared fixed windows in RateCounter)', () => {
  let db: TestDatabase;
  let second: PrismaClient;
  const start = new Date('2026-12-01T12:00:15Z');

  beforeAll(async () => {
    db = await createTestDatabase();
    second = createPrismaClient(db.url);
  });

  afterAll(async () => {
    await second?.$disconnect();
    await db?.dispose();
  });

  it('counts concurrent hits from two clients of one database against one limit', async () => {
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        hitRateLimit(i % 2 ? db.prisma : second, { key: 'shared', limit: 10, windowSeconds: 60, now: start }),
      ),
    );
    expect(hits.filter((h) => h.allowed)).toHaveLength(10);
    expect(new Set(hits.map((h) => h.retryAfterSeconds))).toEqual(new Set([45]));
  });

  it('opens a new window when the injected clock reaches the next one', async () => {
    const options = { key: 'clock', limit: 1, windowSeconds: 60 };
    expect((await hitRateLimit(db.prisma, { ...options, now: start })).allowed).toBe(true);
    expect((await hitRateLimit(db.prisma, { ...options, now: new Date(start.getTime() + 44_000) })).allowed).toBe(false);
    expect((await hitRateLimit(db.prisma, { ...options, now: new Date(start.getTime() + 45_000) })).allowed).toBe(true);
  });

  it('stores keys hashed and prunes ended windows', async () => {
    await hitRateLimit(db.prisma, { key: 'cedula:1714307103', limit: 5, windowSeconds: 60, now: start });
    const keys = (await db.prisma.rateCounter.findMany()).map((r) => r.key).join(' ');
    expect(keys).not.toContain('1714307103');
    expect(await pruneRateCounters(db.prisma, { before: new Date(start.getTime() + 3_600_000) })).toBeGreaterThan(0);
    expect(await db.prisma.rateCounter.count()).toBe(0);
  });
});
