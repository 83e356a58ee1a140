import { deflateSync, gzipSync } from 'node:zlib';
import { AuthenticationError } from 'botframework-connector';
import { BOT_FRAMEWORK_MAX_BODY_BYTES } from '../../bot/channels/botframework';
import { createApplication } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logger';
import { API_MENSAJES } from '../../catalog';
import { testRecognizer } from '../helpers/dialogHarness';
import { createTestDatabase } from '../helpers/db';
import { freePort, startTestServer, type TestServer } from '../helpers/server';

const activity = (overrides: Record<string, unknown>): Record<string, unknown> => ({
  type: 'message',
  id: 'a1',
  text: 'hola',
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:9',
  from: { id: 'user1', role: 'user' },
  recipient: { id: 'bot' },
  conversation: { id: 'emu-conv-1' },
  ...overrides,
});

/**
 * A service in local mode, with a spy on its Bot Framework adapter's processActivity: any connection to the
 * serviceUrl would be made inside it, so a refused activity must not even reach it.
 */
async function startWithAdapterSpy(): Promise<{ s: TestServer; processed: jest.SpyInstance }> {
  const s = await startTestServer({ env: { BOTFRAMEWORK_ENDPOINT: 'local' } });
  const channel = s.app.channels.find((c) => c.id === 'botframework');
  if (!channel || !('processActivity' in channel.adapter)) throw new Error('no Bot Framework channel');
  const processed = jest.spyOn(channel.adapter as { processActivity: (...args: unknown[]) => Promise<unknown> }, 'processActivity');
  return { s, processed };
}

describe('/api/messages in local mode', () => {
  let s: TestServer;
  let processed: jest.SpyInstance;
  beforeAll(async () => {
    ({ s, processed } = await startWithAdapterSpy());
  });
  afterAll(async () => s.stop());
  beforeEach(() => processed.mockClear());

  const post = (body: string, contentType = 'application/json'): Promise<Response> =>
    fetch(`${s.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': contentType }, body });

  it.each([
    ['a public address', 'https://example.com/'],
    ['a private address', 'http://10.0.0.1:8080/'],
    ['a name that only starts like loopback', 'http://127.0.0.1.nip.io/'],
    ['localhost as a subdomain', 'http://localhost.attacker.ec/'],
    ['IPv6 outside ::1', 'http://[fe80::1]/'],
    ['a non-http scheme', 'file:///etc/passwd'],
  ])('refuses a foreign serviceUrl (%s) with 400 before any connection', async (_name, serviceUrl) => {
    const res = await post(JSON.stringify(activity({ serviceUrl })));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BadArgument', message: API_MENSAJES.actividadNoValida } });
    expect(processed).not.toHaveBeenCalled();
  });

  it.each<[string, string]>([
    ['{}', '{}'],
    ['a numeric type', JSON.stringify({ type: 123 })],
    ['no conversation', JSON.stringify(activity({ conversation: undefined }))],
    ['no from', JSON.stringify(activity({ from: undefined }))],
    ['no serviceUrl', JSON.stringify(activity({ serviceUrl: undefined }))],
    ['an array', '[]'],
    ['a JSON string', '"hola"'],
    ['broken JSON', '{"type":'],
  ])('answers %s with 400 and a generic message, never a 500', async (_name, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(/Error|stack|undefined|at \w+ \(/);
    expect(processed).not.toHaveBeenCalled();
  });

  const postRaw = (body: Buffer | string, headers: Record<string, string>): Promise<Response> =>
    fetch(`${s.baseUrl}/api/messages`, { method: 'POST', headers, body: typeof body === 'string' ? body : Uint8Array.from(body) });
  const tooBig = JSON.stringify(activity({ text: 'x'.repeat(BOT_FRAMEWORK_MAX_BODY_BYTES) }));

  it.each<[string, () => Promise<Response>, number, unknown]>([
    ['broken JSON', () => post('{"type":'), 400, { error: { code: 'BadArgument', message: API_MENSAJES.noEsJson } }],
    ['an empty body', () => post(''), 400, { error: { code: 'BadArgument', message: API_MENSAJES.noEsJson } }],
    ['text/plain', () => post('hola', 'text/plain'), 415, { error: { code: 'UnsupportedMediaType', message: API_MENSAJES.noEsJson } }],
    [
      'no content type',
      () => postRaw(JSON.stringify(activity({})), {}),
      415,
      { error: { code: 'UnsupportedMediaType', message: API_MENSAJES.noEsJson } },
    ],
    ['a body over the limit', () => post(tooBig), 413, { error: { code: 'PayloadTooLarge', message: API_MENSAJES.actividadMuyGrande } }],
    [
      'a gzip body that inflates over the limit',
      () => postRaw(gzipSync(tooBig), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }),
      413,
      { error: { code: 'PayloadTooLarge', message: API_MENSAJES.actividadMuyGrande } },
    ],
    [
      'a body in an unknown encoding',
      () => postRaw(JSON.stringify(activity({})), { 'Content-Type': 'application/json', 'Content-Encoding': 'br' }),
      415,
      { error: { code: 'UnsupportedMediaType', message: API_MENSAJES.noEsJson } },
    ],
    [
      'a corrupt gzip body',
      () => postRaw(Buffer.from('no es gzip'), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }),
      400,
      { error: { code: 'BadArgument', message: API_MENSAJES.noEsJson } },
    ],
  ])('answers %s with its status and a Spanish JSON error, before the adapter', async (_name, send, status, body) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
    expect(processed).not.toHaveBeenCalled();
  });

  it('reads a gzip or deflate body as the adapter would', async () => {
    processed.mockImplementationOnce(async () => ({ status: 202 })).mockImplementationOnce(async () => ({ status: 202 }));
    const body = JSON.stringify(activity({ conversation: { id: 'c-gzip' } }));
    for (const [encoding, bytes] of [
      ['gzip', gzipSync(body)],
      ['deflate', deflateSync(body)],
    ] as const) {
      const res = await postRaw(bytes, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Encoding': encoding });
      expect(res.status).toBe(202);
    }
    expect(processed).toHaveBeenCalledTimes(2);
    expect((processed.mock.calls[0] as [string, { conversation: { id: string } }])[1].conversation.id).toBe('c-gzip');
  });

  it('accepts loopback serviceUrls (localhost, 127.0.0.0/8, ::1) and hands them to the adapter', async () => {
    // The adapter is replaced for this test: it would try the (closed) loopback port and wait for its retries.
    processed.mockImplementation(async () => ({ status: 202 }));
    for (const serviceUrl of ['http://localhost:9/', 'http://127.8.0.1:9/', 'http://[::1]:9/']) {
      const res = await post(JSON.stringify(activity({ serviceUrl, conversation: { id: `c-${serviceUrl}` } })));
      expect(res.status).not.toBe(400);
    }
    expect(processed).toHaveBeenCalledTimes(3);
    processed.mockRestore();
  });
});

describe('answers of the adapter on /api/messages', () => {
  let s: TestServer;
  let processed: jest.SpyInstance;
  beforeAll(async () => {
    ({ s, processed } = await startWithAdapterSpy());
  });
  afterAll(async () => s.stop());

  it.each<[string, () => Promise<unknown>, number, unknown]>([
    [
      'a refused token',
      () => Promise.reject(new AuthenticationError('Unauthorized Access. Request is not authorized', 401)),
      401,
      { error: { code: 'Unauthorized', message: API_MENSAJES.noAutorizado } },
    ],
    [
      'an internal failure',
      () => Promise.reject(new TypeError('internal detail at connector.js:12')),
      500,
      { error: { code: 'ServiceError', message: API_MENSAJES.errorInterno } },
    ],
    ['an invoke response', () => Promise.resolve({ status: 200, body: { value: 'invoke body' } }), 200, { value: 'invoke body' }],
    [
      'an expectReplies turn',
      () => Promise.resolve({ status: 200, body: { activities: [{ type: 'message', text: 'hola' }] } }),
      200,
      { activities: [{ type: 'message', text: 'hola' }] },
    ],
  ])('%s: its status, and for an error a generic body, never the exception text', async (_name, outcome, status, body) => {
    processed.mockImplementationOnce(outcome);
    const res = await fetch(`${s.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer x' },
      body: JSON.stringify(activity({ conversation: { id: `answers-${status}-${Math.random()}` } })),
    });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
  });

  it('hands the adapter the Authorization header and the activity with its dates parsed, raw strings kept', async () => {
    processed.mockImplementationOnce(async () => undefined);
    const timestamp = '2026-12-01T10:00:00.000Z';
    const res = await fetch(`${s.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer abc' },
      body: JSON.stringify(activity({ timestamp, localTimestamp: '2026-12-01T05:00:00.000-05:00' })),
    });
    expect(res.status).toBe(200);
    const [authHeader, received] = processed.mock.calls.at(-1) as [string, Record<string, unknown>];
    expect(authHeader).toBe('Bearer abc');
    expect(received.timestamp).toEqual(new Date(timestamp));
    expect(received.rawTimestamp).toBe(timestamp);
    expect(received.rawLocalTimestamp).toBe('2026-12-01T05:00:00.000-05:00');
  });
});

describe('/api/messages when the endpoint is off', () => {
  it('is not listened on (404), while the Direct Line keeps working', async () => {
    const s = await startTestServer({ env: { BOTFRAMEWORK_ENDPOINT: 'off' } });
    try {
      expect(s.app.channels.map((c) => c.id)).toEqual(['directline']);
      const res = await fetch(`${s.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(activity({})),
      });
      expect([404, 405]).toContain(res.status);
      expect((await fetch(`${s.baseUrl}/api/directline/token`, { method: 'POST' })).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});

describe('production with only the self-hosted Direct Line', () => {
  it('starts without an Azure registration, with no /api/messages', async () => {
    const db = await createTestDatabase();
    const port = await freePort();
    const config = loadConfig({
      NODE_ENV: 'production',
      APP_SECRET: 's'.repeat(40),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      SEED_DEMO: 'false',
    });
    expect(config.botFrameworkEndpoint).toBe('off');
    const app = await createApplication(config, { logger: silentLogger, recognizer: testRecognizer(), scryptLogN: 10 });
    try {
      const url = await app.listen();
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/api/messages`, { method: 'POST', body: '{}' })).status).toBe(404);
    } finally {
      await app.close();
      await db.dispose();
    }
  });

  it('still demands the app id when the Bot Framework endpoint is on, and refuses local mode', () => {
    const base = { NODE_ENV: 'production', APP_SECRET: 's'.repeat(40) };
    expect(() => loadConfig({ ...base, BOTFRAMEWORK_ENDPOINT: 'azure' })).toThrow(/MicrosoftAppId/);
    expect(() => loadConfig({ ...base, BOTFRAMEWORK_ENDPOINT: 'local' })).toThrow(/BOTFRAMEWORK_ENDPOINT/);
    expect(loadConfig({ ...base, MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }).botFrameworkEndpoint).toBe('azure');
  });
});
