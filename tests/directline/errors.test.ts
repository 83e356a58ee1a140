import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { call, fakeClock, newToken, startDirectLine, storeCounts, type FakeClock, type TestServer } from './helpers';

interface Env {
  main: TestServer;
  limited: TestServer;
  clock: FakeClock;
  own: { token: string; conversationId: string };
  other: { token: string; conversationId: string };
}

const TTL = 1800;

function upload(env: Env, bytes: number): Promise<Response> {
  const form = new FormData();
  form.append('activity', new Blob([JSON.stringify({ type: 'message', text: 'x' })], { type: 'application/vnd.microsoft.activity' }));
  form.append('file', new Blob([Buffer.alloc(bytes, 1)], { type: 'image/png' }), 'foto.png');
  return call(env.main.baseUrl, `/v3/directline/conversations/${env.own.conversationId}/upload?userId=x`, env.own.token, {
    method: 'POST',
    body: form,
  });
}

const activities = (env: Env): string => `/v3/directline/conversations/${env.own.conversationId}/activities`;

const table: [string, number, string, (env: Env) => Promise<Response>][] = [
  [
    'malformed JSON',
    400,
    'BadArgument',
    (env) => call(env.main.baseUrl, activities(env), env.own.token, { method: 'POST', body: '{"type": "message", ' }),
  ],
  [
    'JSON that is not an object',
    400,
    'BadArgument',
    (env) => call(env.main.baseUrl, activities(env), env.own.token, { method: 'POST', body: '[1,2]' }),
  ],
  [
    'unsupported activity type',
    400,
    'BadArgument',
    (env) =>
      call(env.main.baseUrl, activities(env), env.own.token, { method: 'POST', body: JSON.stringify({ type: 'conversationUpdate' }) }),
  ],
  [
    'JSON body over the limit',
    413,
    'MessageSizeExceeded',
    (env) =>
      call(env.main.baseUrl, activities(env), env.own.token, {
        method: 'POST',
        body: JSON.stringify({ type: 'message', text: 'a'.repeat(70 * 1024) }),
      }),
  ],
  [
    'chunked JSON body over the limit',
    413,
    'MessageSizeExceeded',
    (env) => {
      const chunk = new TextEncoder().encode('a'.repeat(16 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 6) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const init = { method: 'POST', body, duplex: 'half' } as RequestInit;
      return call(env.main.baseUrl, activities(env), env.own.token, init);
    },
  ],
  ['upload over the limit', 413, 'MessageSizeExceeded', (env) => upload(env, 300 * 1024)],
  [
    'upload that is not multipart',
    400,
    'BadArgument',
    (env) =>
      call(env.main.baseUrl, `/v3/directline/conversations/${env.own.conversationId}/upload`, env.own.token, {
        method: 'POST',
        body: '{}',
      }),
  ],
  [
    'unknown conversation',
    404,
    'NotFound',
    (env) => call(env.main.baseUrl, '/v3/directline/conversations/no-such-conversation/activities', env.own.token),
  ],
  [
    'post to a conversation of another token',
    403,
    'Forbidden',
    (env) =>
      call(env.main.baseUrl, `/v3/directline/conversations/${env.other.conversationId}/activities`, env.own.token, {
        method: 'POST',
        body: JSON.stringify({ type: 'message', text: 'intruso' }),
      }),
  ],
  [
    'poll a conversation of another token',
    403,
    'Forbidden',
    (env) => call(env.main.baseUrl, `/v3/directline/conversations/${env.other.conversationId}/activities`, env.own.token),
  ],
  [
    'upload to a conversation of another token',
    403,
    'Forbidden',
    (env) =>
      call(env.main.baseUrl, `/v3/directline/conversations/${env.other.conversationId}/upload`, env.own.token, {
        method: 'POST',
        body: new FormData(),
      }),
  ],
  ['missing token', 401, 'TokenInvalid', (env) => call(env.main.baseUrl, activities(env), undefined)],
  ['unknown token', 401, 'TokenInvalid', (env) => call(env.main.baseUrl, activities(env), 'bm90LWEtdG9rZW4')],
  [
    'malformed Authorization header',
    401,
    'TokenInvalid',
    (env) => call(env.main.baseUrl, activities(env), undefined, { headers: { Authorization: `Basic ${env.own.token}` } }),
  ],
  [
    'missing token on start',
    401,
    'TokenInvalid',
    (env) => call(env.main.baseUrl, '/v3/directline/conversations', undefined, { method: 'POST' }),
  ],
  [
    'missing token on refresh',
    401,
    'TokenInvalid',
    (env) => call(env.main.baseUrl, '/v3/directline/tokens/refresh', undefined, { method: 'POST' }),
  ],
  [
    'expired token (fake clock)',
    403,
    'TokenExpired',
    async (env) => {
      env.clock.advance((TTL + 1) * 1000);
      try {
        return await call(env.main.baseUrl, activities(env), env.own.token, {
          method: 'POST',
          body: JSON.stringify({ type: 'message', text: 'tarde' }),
        });
      } finally {
        env.clock.advance(-(TTL + 1) * 1000);
      }
    },
  ],
  [
    'refresh with an expired token',
    403,
    'TokenExpired',
    async (env) => {
      env.clock.advance((TTL + 1) * 1000);
      try {
        return await call(env.main.baseUrl, '/v3/directline/tokens/refresh', env.own.token, { method: 'POST' });
      } finally {
        env.clock.advance(-(TTL + 1) * 1000);
      }
    },
  ],
  ['non-numeric watermark', 400, 'BadArgument', (env) => call(env.main.baseUrl, `${activities(env)}?watermark=abc`, env.own.token)],
  ['negative watermark', 400, 'BadArgument', (env) => call(env.main.baseUrl, `${activities(env)}?watermark=-1`, env.own.token)],
  ['unknown attachment', 404, 'NotFound', (env) => fetch(`${env.main.baseUrl}/v3/directline/attachments/AAAAAAAAAAAAAAAAAAAAAA`)],
  [
    'token endpoint over the per-IP limit',
    429,
    'TooManyRequests',
    (env) => fetch(`${env.limited.baseUrl}/api/directline/token`, { method: 'POST' }),
  ],
];

describe('Direct Line error answers leave the store untouched', () => {
  let db: TestDatabase;
  const env = {} as Env;

  beforeAll(async () => {
    db = await createTestDatabase();
    env.clock = fakeClock();
    env.main = await startDirectLine(db.prisma, { clock: env.clock.now, tokenTtlSeconds: TTL, maxUploadBytes: 256 * 1024 });
    env.limited = await startDirectLine(db.prisma, { clock: env.clock.now, tokenRateLimitPerMinute: 2 });
    env.own = await newToken(env.main.baseUrl);
    env.other = await newToken(env.main.baseUrl);
    for (const t of [env.own, env.other]) {
      const started = await call(env.main.baseUrl, '/v3/directline/conversations', t.token, { method: 'POST' });
      expect(started.status).toBe(201);
    }
    await newToken(env.limited.baseUrl);
    await newToken(env.limited.baseUrl);
  });

  afterAll(async () => {
    await env.main?.close();
    await env.limited?.close();
    await db?.dispose();
  });

  it.each(table)('%s → %i %s', async (_name, status, code, request) => {
    const before = await storeCounts(db.prisma, env.main.attachments);
    const res = await request(env);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(body.error?.code).toBe(code);
    expect(typeof body.error?.message).toBe('string');
    expect(JSON.stringify(body)).not.toContain(env.own.token);
    expect(await storeCounts(db.prisma, env.main.attachments)).toEqual(before);
    expect(env.limited.attachments.files.size).toBe(0);
  });

  it('answers 429 with Retry-After in seconds', async () => {
    const res = await fetch(`${env.limited.baseUrl}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets the token endpoint through again once the minute has passed', async () => {
    env.clock.advance(61_000);
    const res = await fetch(`${env.limited.baseUrl}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(200);
  });

  it('no rejected request reached onTurnError', () => {
    expect(env.main.turnErrors).toEqual([]);
  });
});
