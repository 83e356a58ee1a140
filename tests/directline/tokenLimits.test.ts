import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { call, fakeClock, newToken, startDirectLine, type FakeClock, type TestServer } from './helpers';

/** Two channel instances over one store, every client on 127.0.0.1 (as citizens behind one carrier NAT address). */
describe('Direct Line limits: many citizens behind one address, shared by every instance', () => {
  let db: TestDatabase;
  let second: PrismaClient;
  let clock: FakeClock;
  let a: TestServer;
  let b: TestServer;
  const limits = { tokensPerBrowser: 3, messagesPerConversation: 4, refreshesPerConversation: 2 };

  beforeAll(async () => {
    db = await createTestDatabase();
    second = createPrismaClient(db.url);
    clock = fakeClock(new Date('2026-12-01T12:00:05Z'));
    a = await startDirectLine(db.prisma, { clock: clock.now, tokenRateLimitPerMinute: 60, limits });
    b = await startDirectLine(second, { clock: clock.now, tokenRateLimitPerMinute: 60, limits });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await second?.$disconnect();
    await db?.dispose();
  });
  beforeEach(() => clock.advance(60_000));

  const message = (server: TestServer, t: { token: string; conversationId: string }, text: string): Promise<Response> =>
    call(server.baseUrl, `/v3/directline/conversations/${t.conversationId}/activities`, t.token, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', from: { id: 'u' }, text }),
    });

  it('25 citizens, each in their own browser, open two chats each from one address within a minute, on both instances', async () => {
    const browsers = await Promise.all(Array.from({ length: 25 }, (_, i) => newToken((i % 2 ? a : b).baseUrl)));
    expect(new Set(browsers.map((t) => t.conversationId)).size).toBe(25);
    // Each of them can open another chat (a second tab) in the same minute.
    const again = await Promise.all(browsers.map((t, i) => newToken((i % 2 ? b : a).baseUrl, t.browserCookie)));
    expect(again.every((t) => t.setCookie === null)).toBe(true);
  });

  it('one browser is held to its own limit, on either instance, while its neighbours behind the address are not', async () => {
    const first = await newToken(a.baseUrl);
    const cookie = first.browserCookie;
    await newToken(b.baseUrl, cookie);
    await newToken(a.baseUrl, cookie);
    // The fourth chat of that browser in the minute (limit 3):
    const refused = await fetch(`${b.baseUrl}/api/directline/token`, { method: 'POST', headers: { Cookie: cookie ?? '' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    await expect(newToken(b.baseUrl)).resolves.toMatchObject({ conversationId: expect.any(String) });
  });

  it('the address ceiling still stops a flood of cookie-less requests, counted once for both instances', async () => {
    const statuses: number[] = [];
    const cookies: (string | null)[] = [];
    for (let i = 0; i < 64; i += 1) {
      const res = await fetch(`${(i % 2 ? a : b).baseUrl}/api/directline/token`, { method: 'POST' });
      statuses.push(res.status);
      cookies.push(res.headers.get('set-cookie'));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.slice(60)).toEqual([429, 429, 429, 429]);
    // Each allowed first visit got its key; a refused one gets none (the key is set only once the chat is allowed).
    expect(cookies.slice(0, 60).every((c) => c !== null && c.startsWith('iess_navegador='))).toBe(true);
    expect(cookies.slice(60)).toEqual([null, null, null, null]);
  });

  it('messages are limited per conversation, across instances, not per address', async () => {
    const citizen = await newToken(a.baseUrl);
    const neighbour = await newToken(b.baseUrl);
    for (const t of [citizen, neighbour]) {
      expect((await call(a.baseUrl, '/v3/directline/conversations', t.token, { method: 'POST' })).status).toBe(201);
    }
    const sent = [];
    for (let i = 0; i < 5; i += 1) sent.push((await message(i % 2 ? a : b, citizen, `hola ${i}`)).status);
    expect(sent).toEqual([200, 200, 200, 200, 429]);
    expect((await message(b, neighbour, 'hola')).status).toBe(200);
    const stored = await db.prisma.dlActivity.count({ where: { conversationId: citizen.conversationId, json: { contains: '"hola 4"' } } });
    expect(stored).toBe(0);
  });

  it("a refreshed token starts no new count: the conversation's counter counts every message, whichever token sends it", async () => {
    const t = await newToken(a.baseUrl);
    expect((await call(a.baseUrl, '/v3/directline/conversations', t.token, { method: 'POST' })).status).toBe(201);
    const statuses = [(await message(a, t, 'uno')).status, (await message(b, t, 'dos')).status];
    const refreshed = await call(b.baseUrl, '/v3/directline/tokens/refresh', t.token, { method: 'POST' });
    const next = { ...t, token: ((await refreshed.json()) as { token: string }).token };
    statuses.push((await message(b, next, 'tres')).status, (await message(a, next, 'cuatro')).status);
    // The fifth message of the conversation (limit 4) is refused, though its token has sent only two.
    const refused = await message(a, next, 'cinco');
    statuses.push(refused.status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    // The old token is held to the same count: the conversation is over its limit, whichever token asks.
    expect((await message(b, t, 'seis')).status).toBe(429);
  });

  it('token refreshes are limited per conversation', async () => {
    const t = await newToken(a.baseUrl);
    const refresh = (server: TestServer, token: string) => call(server.baseUrl, '/v3/directline/tokens/refresh', token, { method: 'POST' });
    const one = await refresh(a, t.token);
    expect(one.status).toBe(200);
    const { token } = (await one.json()) as { token: string };
    expect((await refresh(b, token)).status).toBe(200);
    expect((await refresh(a, token)).status).toBe(429);
  });

  it('keeps no address, browser key or token in clear in the counters', async () => {
    const keys = (await db.prisma.rateCounter.findMany()).map((row) => row.key).join(' ');
    expect(keys).not.toMatch(/127\.0\.0\.1|iess_navegador|directline/);
  });
});
