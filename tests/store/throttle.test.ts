import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { chatClientKey, claimThrottle, releaseThrottle, throttleDelaySeconds, type ThrottlePolicy } from '../../prisma/store/rateLimits';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const POLICY: ThrottlePolicy = { free: 5, baseSeconds: 30, maxSeconds: 3600, forgetSeconds: 86_400 };
const start = new Date('2026-12-01T12:00:00Z');
const at = (seconds: number): Date => new Date(start.getTime() + seconds * 1000);

describe('growing-delay throttle (ThrottleState)', () => {
  let db: TestDatabase;
  let second: PrismaClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    second = createPrismaClient(db.url);
  });
  afterAll(async () => {
    await second?.$disconnect();
    await db?.dispose();
  });
  beforeEach(async () => db.prisma.throttleState.deleteMany());

  it('is free for five failures, then doubles the wait from 30 s up to the cap', () => {
    expect([1, 4, 5, 6, 7, 8, 12, 13, 40].map((n) => throttleDelaySeconds(POLICY, n))).toEqual([0, 0, 30, 60, 120, 240, 3600, 3600, 3600]);
  });

  it('refuses while the wait lasts and says how long; each failure past the free ones doubles it', async () => {
    const claim = (seconds: number) => claimThrottle(db.prisma, { key: 'k', policy: POLICY, now: at(seconds) });
    for (let i = 0; i < 5; i += 1) expect(await claim(0)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await claim(10)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect((await claim(30)).allowed).toBe(true);
    expect(await claim(31)).toEqual({ allowed: false, retryAfterSeconds: 59 });
    expect((await claim(90)).allowed).toBe(true);
    expect(await claim(91)).toEqual({ allowed: false, retryAfterSeconds: 119 });
  });

  it('lets only one of many parallel tries through a wait, across two clients of the store', async () => {
    for (let i = 0; i < 5; i += 1) await claimThrottle(db.prisma, { key: 'p', policy: POLICY, now: start });
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) => claimThrottle(i % 2 ? db.prisma : second, { key: 'p', policy: POLICY, now: at(30) })),
    );
    expect(tries.filter((t) => t.allowed)).toHaveLength(1);
  });

  it('a released try is given back; a reset forgets every failure; old failures are forgotten after a day', async () => {
    for (let i = 0; i < 5; i += 1) await claimThrottle(db.prisma, { key: 'r', policy: POLICY, now: start });
    await releaseThrottle(db.prisma, { key: 'r', policy: POLICY, now: start });
    expect((await claimThrottle(db.prisma, { key: 'r', policy: POLICY, now: start })).allowed).toBe(true);
    await releaseThrottle(db.prisma, { key: 'r', policy: POLICY, now: start, reset: true });
    expect(await db.prisma.throttleState.count()).toBe(0);
    for (let i = 0; i < 9; i += 1) await claimThrottle(db.prisma, { key: 'o', policy: POLICY, now: start });
    expect((await claimThrottle(db.prisma, { key: 'o', policy: POLICY, now: at(86_401) })).allowed).toBe(true);
    const stored = await db.prisma.throttleState.findMany();
    expect(stored.map((s) => s.key)).not.toContain('o');
  });

  it('names a self-hosted Direct Line chat by its browser key, the same across its conversations; other chats by their user', async () => {
    for (const id of ['dl-1', 'dl-2'])
      await db.prisma.dlConversation.create({ data: { id, userId: `dl_${id}`, browserKeyHash: 'f'.repeat(64) } });
    const names = await Promise.all([
      chatClientKey(db.prisma, { channelId: 'directline', conversationId: 'dl-1', userId: 'dl_dl-1' }),
      chatClientKey(db.prisma, { channelId: 'directline', conversationId: 'dl-2', userId: 'dl_dl-2' }),
      chatClientKey(db.prisma, { channelId: 'msteams', conversationId: 'a:1', userId: '29:abc' }),
    ]);
    expect(names).toEqual([`browser:${'f'.repeat(64)}`, `browser:${'f'.repeat(64)}`, 'user:msteams:29:abc']);
  });
});
