import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { hitRateLimit, hitRateLimits } from '../../prisma/store/rateLimits';
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

  // Ended windows are pruned by the housekeeping sweep (tests/housekeeping/batches.test.ts).
  it('stores keys hashed', async () => {
    await hitRateLimit(db.prisma, { key: 'cedula:1714307103', limit: 5, windowSeconds: 60, now: start });
    const keys = (await db.prisma.rateCounter.findMany()).map((r) => r.key).join(' ');
    expect(keys).not.toContain('1714307103');
  });
});

describe('hitRateLimits (several limits counted in one statement)', () => {
  let db: TestDatabase;
  let second: PrismaClient;
  const start = new Date('2026-12-01T12:00:15Z');
  const options = { windowSeconds: 60, now: start };

  beforeAll(async () => {
    db = await createTestDatabase();
    second = createPrismaClient(db.url);
  });

  afterAll(async () => {
    await second?.$disconnect();
    await db?.dispose();
  });

  it('counts every key of a hit and refuses each at the same count as hitRateLimit', async () => {
    const hits = [
      { key: 'both:token', limit: 3 },
      { key: 'both:conversation', limit: 5 },
    ];
    const decisions = [];
    for (let i = 0; i < 6; i += 1) decisions.push(await hitRateLimits(db.prisma, { hits, ...options }));
    expect(decisions.map(([token]) => token.allowed)).toEqual([true, true, true, false, false, false]);
    expect(decisions.map(([, conversation]) => conversation.allowed)).toEqual([true, true, true, true, true, false]);
    expect(new Set(decisions.flat().map((d) => d.retryAfterSeconds))).toEqual(new Set([45]));
    // The same counters as hitRateLimit's: a single hit of one key continues the count.
    expect((await hitRateLimit(db.prisma, { key: 'both:conversation', limit: 7, ...options })).allowed).toBe(true);
    expect((await hitRateLimit(db.prisma, { key: 'both:conversation', limit: 7, ...options })).allowed).toBe(false);
  });

  it('returns the decisions in the order of the hits, whatever order the rows come back in', async () => {
    await hitRateLimit(db.prisma, { key: 'order:b', limit: 1, ...options });
    const [a, b, c] = await hitRateLimits(db.prisma, {
      hits: [
        { key: 'order:a', limit: 1 },
        { key: 'order:b', limit: 1 },
        { key: 'order:c', limit: 1 },
      ],
      ...options,
    });
    expect([a.allowed, b.allowed, c.allowed]).toEqual([true, false, true]);
  });

  it('keeps one budget per key across two clients of one database hitting at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        hitRateLimits(i % 2 ? db.prisma : second, {
          hits: [
            { key: 'shared:token', limit: 10 },
            { key: 'shared:conversation', limit: 20 },
          ],
          ...options,
        }),
      ),
    );
    expect(results.filter(([token]) => token.allowed)).toHaveLength(10);
    expect(results.filter(([, conversation]) => conversation.allowed)).toHaveLength(20);
    const counts = await db.prisma.rateCounter.findMany({ where: { count: 30 } });
    expect(counts).toHaveLength(2);
  });

  it('refuses repeated keys in one call and does nothing for none', async () => {
    const hits = [
      { key: 'twice', limit: 1 },
      { key: 'twice', limit: 1 },
    ];
    await expect(hitRateLimits(db.prisma, { hits, ...options })).rejects.toThrow(TypeError);
    expect(await hitRateLimits(db.prisma, { hits: [], ...options })).toEqual([]);
  });
});
