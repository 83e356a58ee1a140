import { createHash } from 'node:crypto';
import { BROWSER_COOKIE, browserCookie, browserKeyHashOf, browserKeyOf } from '../../bot/channels/directline/browserKey';
import { createLogger } from '../../bot/logger';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { call, newToken, startDirectLine, type TestServer } from './helpers';

const KEY = 'K'.repeat(42) + '_';
const OTHER = 'o'.repeat(42) + '-';
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const SESSION_COOKIE = new RegExp(`^${BROWSER_COOKIE}=([A-Za-z0-9_-]{43}); Path=/; HttpOnly; SameSite=Lax$`);
const keyOf = (setCookie: string | null): string => SESSION_COOKIE.exec(setCookie ?? '')?.[1] ?? '';

describe('browser key cookie: reading and writing', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['no Cookie header', undefined, undefined],
    ['the key alone', `${BROWSER_COOKIE}=${KEY}`, KEY],
    ['the key among other cookies', `a=1; ${BROWSER_COOKIE}=${KEY};b=2`, KEY],
    ['a short value', `${BROWSER_COOKIE}=abc`, undefined],
    ['a value with other characters', `${BROWSER_COOKIE}=${KEY.slice(1)}!`, undefined],
    ['a longer value', `${BROWSER_COOKIE}=${KEY}x`, undefined],
    ['the key twice (another one planted beside it)', `${BROWSER_COOKIE}=${KEY}; ${BROWSER_COOKIE}=${OTHER}`, undefined],
    ['a cookie whose name only ends like ours', `x${BROWSER_COOKIE}=${KEY}`, undefined],
  ])('reads %s', (_name, cookie, expected) => {
    const req = { headers: cookie === undefined ? {} : { cookie } };
    expect(browserKeyOf(req)).toBe(expected);
    expect(browserKeyHashOf(req)).toBe(expected === undefined ? undefined : sha256(expected));
  });

  it.each<[boolean, string]>([
    [false, `${BROWSER_COOKIE}=${KEY}; Path=/; HttpOnly; SameSite=Lax`],
    [true, `${BROWSER_COOKIE}=${KEY}; Path=/; HttpOnly; SameSite=Lax; Secure`],
  ])('writes a session cookie (no expiry), Secure=%s', (secure, expected) => {
    expect(browserCookie(KEY, secure)).toBe(expected);
  });
});

describe('browser key cookie on the token endpoint', () => {
  let db: TestDatabase;
  let srv: TestServer;
  let secure: TestServer;
  const lines: string[] = [];
  const bindingOf = async (conversationId: string): Promise<string | null> =>
    (await db.prisma.dlConversation.findUniqueOrThrow({ where: { id: conversationId } })).browserKeyHash;

  beforeAll(async () => {
    db = await createTestDatabase();
    srv = await startDirectLine(db.prisma, { logger: createLogger('debug', (line) => lines.push(line)) });
    secure = await startDirectLine(db.prisma, { publicBaseUrl: 'https://asistente.iess.gob.ec', tokenRateLimitPerMinute: 1 });
  });
  afterAll(async () => {
    await srv?.close();
    await secure?.close();
    await db?.dispose();
  });

  it('sets an HttpOnly, SameSite=Lax session cookie with the first token and keeps only its hash with the conversation', async () => {
    lines.length = 0;
    const issued = await newToken(srv.baseUrl);
    const key = keyOf(issued.setCookie);
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.browserCookie).toBe(`${BROWSER_COOKIE}=${key}`);
    await expect(bindingOf(issued.conversationId)).resolves.toBe(sha256(key));
    const stored = JSON.stringify([await db.prisma.dlConversation.findMany(), await db.prisma.dlToken.findMany()]);
    expect(stored).not.toContain(key);
    expect(lines.join('\n')).toContain('directline.conversation_created');
    expect(lines.join('\n')).not.toContain(key);
    expect(lines.join('\n')).not.toContain(issued.token);
  });

  it('marks the cookie Secure when the public base URL is https, and sets none on a throttled request', async () => {
    const issued = await newToken(secure.baseUrl);
    expect(issued.setCookie).toMatch(new RegExp(`^${BROWSER_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Secure$`));
    const throttled = await fetch(`${secure.baseUrl}/api/directline/token`, { method: 'POST' });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('set-cookie')).toBeNull();
  });

  it('keeps the key of a browser that has one (another tab, a page reload): no new cookie, the same binding', async () => {
    const first = await newToken(srv.baseUrl);
    const second = await newToken(srv.baseUrl, first.browserCookie);
    expect(second.setCookie).toBeNull();
    expect(second.browserCookie).toBe(first.browserCookie);
    expect(second.conversationId).not.toBe(first.conversationId);
    await expect(bindingOf(second.conversationId)).resolves.toBe(await bindingOf(first.conversationId));
  });

  it.each<[string, string]>([
    ['a malformed key', `${BROWSER_COOKIE}=corta`],
    ['two keys', `${BROWSER_COOKIE}=${KEY}; ${BROWSER_COOKIE}=${OTHER}`],
  ])('gives a new key to a browser sending %s', async (_name, cookie) => {
    const issued = await newToken(srv.baseUrl, cookie);
    const key = keyOf(issued.setCookie);
    expect([KEY, OTHER]).not.toContain(key);
    await expect(bindingOf(issued.conversationId)).resolves.toBe(sha256(key));
  });

  it('starting, reconnecting and refreshing the token neither need nor change the cookie, and keep the binding', async () => {
    const { token, conversationId } = await newToken(srv.baseUrl);
    const before = await bindingOf(conversationId);
    const answers = [
      await call(srv.baseUrl, '/v3/directline/conversations', token, { method: 'POST' }),
      await call(srv.baseUrl, `/v3/directline/conversations/${conversationId}?watermark=0`, token),
      await call(srv.baseUrl, '/v3/directline/tokens/refresh', token, { method: 'POST' }),
    ];
    expect(answers.map((res) => res.status)).toEqual([201, 200, 200]);
    expect(answers.map((res) => res.headers.get('set-cookie'))).toEqual([null, null, null]);
    const refreshed = (await answers[2].json()) as { token: string };
    expect((await call(srv.baseUrl, '/v3/directline/tokens/refresh', refreshed.token, { method: 'POST' })).status).toBe(200);
    await expect(bindingOf(conversationId)).resolves.toBe(before);
    expect(await db.prisma.dlToken.count({ where: { conversationId } })).toBe(3);
  });
});
