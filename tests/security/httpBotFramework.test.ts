import type restify from 'restify';
import { createApplication } from '../../bot/app';
import { withGenericErrors } from '../../bot/channels/botframework/validate';
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

describe('/api/messages in local mode', () => {
  let s: TestServer;
  let processed: jest.SpyInstance;
  beforeAll(async () => {
    s = await startTestServer({ env: { BOTFRAMEWORK_ENDPOINT: 'local' } });
    const channel = s.app.channels.find((c) => c.id === 'botframework');
    if (!channel || !('process' in channel.adapter)) throw new Error('no Bot Framework channel');
    // Any connection to the serviceUrl would be made inside CloudAdapter.process: it must not even be called.
    processed = jest.spyOn(channel.adapter as { process: (...args: unknown[]) => Promise<void> }, 'process');
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

  it('accepts loopback serviceUrls (localhost, 127.0.0.0/8, ::1) and hands them to the adapter', async () => {
    // The adapter is replaced for this test: it would try the (closed) loopback port and wait for its retries.
    processed.mockImplementation(async (_req: unknown, res: { send(code: number): void }) => res.send(202));
    for (const serviceUrl of ['http://localhost:9/', 'http://127.8.0.1:9/', 'http://[::1]:9/']) {
      const res = await post(JSON.stringify(activity({ serviceUrl, conversation: { id: `c-${serviceUrl}` } })));
      expect(res.status).not.toBe(400);
    }
    expect(processed).toHaveBeenCalledTimes(3);
    processed.mockRestore();
  });
});

describe('error answers of the CloudAdapter', () => {
  it.each<[number, unknown]>([
    [500, { error: { code: 'ServiceError', message: API_MENSAJES.errorInterno } }],
    [401, { error: { code: 'Unauthorized', message: API_MENSAJES.noAutorizado } }],
    [200, 'invoke body'],
  ])('replace the exception message of a %i with a generic one', (statusCode, expected) => {
    const send = jest.fn();
    const res = { statusCode, send, header: () => undefined } as unknown as restify.Response;
    withGenericErrors(res).send(statusCode === 200 ? 'invoke body' : 'TypeError: internal detail at connector.js:12');
    expect(send).toHaveBeenCalledWith(expected);
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
