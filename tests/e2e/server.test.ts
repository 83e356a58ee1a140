import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApplication } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logger';
import { MENU_OPCIONES, MSG } from '../../catalog';
import { startTestServer, type TestServer, freePort } from '../helpers/server';
import { testRecognizer } from '../helpers/dialogHarness';

/** A loopback stand-in for the Bot Connector service that the Emulator and Azure channels provide. */
async function startFakeConnector(): Promise<{ url: string; received: Record<string, unknown>[]; close(): Promise<void> }> {
  const received: Record<string, unknown>[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
        received.push(JSON.parse(body) as Record<string, unknown>);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: `r${received.length}` }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((r) => server.close(() => r())) };
}

async function storeCounts(s: TestServer): Promise<number[]> {
  const p = s.db.prisma;
  return Promise.all([p.botState.count(), p.dlConversation.count(), p.dlActivity.count(), p.case.count(), p.rateCounter.count()]);
}

describe('HTTP service', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  it('reports health when the store answers', async () => {
    const res = await fetch(`${s.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves the chat page in Spanish with the local Web Chat bundle and a strict CSP that still lets attachments be read (blob:)', async () => {
    const res = await fetch(`${s.baseUrl}/`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<script src="/static/webchat.js"></script>');
    expect(html).not.toMatch(/https?:\/\/(?!www\.iess\.gob\.ec)/);
    const csp = new Map(
      String(res.headers.get('content-security-policy'))
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources] as const),
    );
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'blob:']);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect([...csp.values()].flat().filter((src) => /^https?:/.test(src))).toEqual([]);
    const bundle = await fetch(`${s.baseUrl}/static/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
  });

  it.each<[string, RequestInit, number]>([
    ['malformed JSON', { body: '{"type": "message", ', headers: { 'Content-Type': 'application/json' } }, 400],
    [
      'a body over the limit',
      { body: JSON.stringify({ type: 'message', text: 'a'.repeat(300 * 1024) }), headers: { 'Content-Type': 'application/json' } },
      413,
    ],
    ['a body that is not JSON', { body: 'hola', headers: { 'Content-Type': 'text/plain' } }, 415],
  ])('answers %s on /api/messages with a 4xx and changes nothing', async (_name, init, status) => {
    const before = await storeCounts(s);
    const res = await fetch(`${s.baseUrl}/api/messages`, { method: 'POST', ...init });
    expect(res.status).toBe(status);
    expect(await storeCounts(s)).toEqual(before);
  });

  it('runs a turn from a channel (Emulator, local mode) and replies through the connector', async () => {
    const connector = await startFakeConnector();
    try {
      const res = await fetch(`${s.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'a1',
          text: 'hola',
          channelId: 'emulator',
          serviceUrl: connector.url,
          from: { id: 'user1', role: 'user' },
          recipient: { id: 'bot' },
          conversation: { id: 'emu-conv-1' },
        }),
      });
      expect(res.status).toBe(200);
      const messages = connector.received.filter((a) => a.type === 'message');
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ text: MSG.saludo, replyToId: 'a1', conversation: { id: 'emu-conv-1' } });
      const actions = (messages[0].suggestedActions as { actions: { title: string }[] }).actions;
      expect(actions.map((a) => a.title)).toEqual(MENU_OPCIONES);
    } finally {
      await connector.close();
    }
  });
});

describe('health when the store is down', () => {
  it('stays live (/healthz 200) and answers 503 on readiness (/readyz)', async () => {
    const port = await freePort();
    const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: 'file:/nonexistent-dir/iess.db', SEED_DEMO: 'false' });
    const app = await createApplication(config, { logger: silentLogger, recognizer: testRecognizer() });
    const url = await app.listen();
    try {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', checks: { database: 'unavailable' } });
    } finally {
      await app.close();
    }
  });
});

describe('over-long messages on the web chat channel', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  it('refuses a 5,000-character message politely, without touching conversation state', async () => {
    const { token, conversationId } = (await (await fetch(`${s.baseUrl}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    expect((await fetch(`${s.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: auth })).status).toBe(201);
    const statesBefore = await s.db.prisma.botState.findMany({ orderBy: { key: 'asc' } });
    const post = await fetch(`${s.baseUrl}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ type: 'message', from: { id: 'x', role: 'user' }, text: 'a'.repeat(5000) }),
    });
    expect(post.status).toBe(200);
    const { activities } = (await (
      await fetch(`${s.baseUrl}/v3/directline/conversations/${conversationId}/activities`, { headers: auth })
    ).json()) as { activities: { from: { id: string }; text?: string }[] };
    expect(activities[activities.length - 1].text).toBe(MSG.mensajeLargo(1000));
    expect(await s.db.prisma.botState.findMany({ orderBy: { key: 'asc' } })).toEqual(statesBefore);
  });
});
