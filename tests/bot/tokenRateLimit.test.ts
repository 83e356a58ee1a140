import { RateLimiter } from '../../bot/channels/directline/rateLimit';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

describe('token endpoint rate limiter', () => {
  let db: TestDatabase;
  let second: PrismaClient;
  let now: Date;
  const clock = (): Date => now;

  beforeAll(async () => {
    db = await createTestDatabase();
    second = createPrismaClient(db.url);
  });

  afterAll(async () => {
    await second?.$disconnect();
    await db?.dispose();
  });

  beforeEach(() => {
    now = new Date('2026-12-01T12:00:10Z');
  });

  it('shares one budget per IP between instances that use the same store', async () => {
    const a = new RateLimiter(3, clock, db.prisma);
    const b = new RateLimiter(3, clock, second);
    const waits = await Promise.all([a, b, a, b, a].map((limiter) => limiter.consume('10.0.0.1')));
    expect(waits.filter((w) => w === 0)).toHaveLength(3);
    for (const wait of waits.filter((w) => w > 0)) expect(wait).toBe(50);
    expect(await b.consume('10.0.0.2')).toBe(0);
    expect(await db.prisma.rateCounter.count()).toBe(2);
  });

  it('lets the IP through again in the next minute, by the injected clock', async () => {
    const limiter = new RateLimiter(1, clock, db.prisma);
    expect(await limiter.consume('10.0.0.3')).toBe(0);
    expect(await limiter.consume('10.0.0.3')).toBeGreaterThan(0);
    now = new Date(now.getTime() + 61_000);
    expect(await limiter.consume('10.0.0.3')).toBe(0);
  });

  it('keeps counts for different limits apart', async () => {
    expect(await new RateLimiter(1, clock, db.prisma).consume('10.0.0.4')).toBe(0);
    expect(await new RateLimiter(5, clock, db.prisma).consume('10.0.0.4')).toBe(0);
  });

  it('stores no IP address in clear', async () => {
    await new RateLimiter(2, clock, db.prisma).consume('192.168.77.99');
    const keys = (await db.prisma.rateCounter.findMany()).map((row) => row.key);
    expect(keys.join(' ')).not.toContain('192.168.77.99');
  });

  it('without a store counts in process memory, as before', async () => {
    const a = new RateLimiter(2, clock);
    const b = new RateLimiter(2, clock);
    expect([await a.consume('ip'), await a.consume('ip'), await b.consume('ip')]).toEqual([0, 0, 0]);
    expect(await a.consume('ip')).toBe(60);
    expect(a.hit('ip')).toBe(60);
    now = new Date(now.getTime() + 60_000);
    expect(a.hit('ip')).toBe(0);
  });
});
