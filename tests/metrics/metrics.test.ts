import { createLogger } from '../../bot/logger';
import { rateLimitScope } from '../../bot/instrumentation';
import { DirectLineTestClient } from '../helpers/directLineClient';
import { startTestServer, type TestServer } from '../helpers/server';

/** The value of one sample line of the exposition text, or undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics, probes and request ids on a running service', () => {
  let server: TestServer;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ logger: createLogger('debug', (l) => lines.push(l)), env: { DIRECTLINE_TOKENS_PER_MINUTE: '4' } });
  });
  afterAll(() => server.stop());

  it('counts turns by channel and outcome, their latency and the NLU fallback', async () => {
    const chat = new DirectLineTestClient(server.baseUrl);
    await chat.start();
    await chat.say('requisitos para la reliquidación');
    await chat.say('zxqv plomo azul trineo');
    const res = await fetch(`${server.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'iess_turns_total{channel="directline",outcome="ok"}')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'iess_turn_duration_seconds_count{channel="directline"}')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'iess_turn_duration_seconds_bucket{le="+Inf",channel="directline"}')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'iess_nlu_results_total{status="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'iess_nlu_results_total{status="unknown"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'iess_outbox_emails{state="pendiente"}')).toBe(0);
    expect(sample(text, 'iess_outbox_oldest_pending_seconds')).toBe(0);
    expect(text).toContain('iess_process_resident_memory_bytes');
  });

  it('puts the request id on every log line of a request and echoes it', async () => {
    lines.length = 0;
    const chat = new DirectLineTestClient(server.baseUrl);
    const minted = await fetch(`${server.baseUrl}/api/directline/token`, { method: 'POST', headers: { 'X-Request-Id': 'prueba-1234567' } });
    expect(minted.headers.get('x-request-id')).toBe('prueba-1234567');
    const forged = await fetch(`${server.baseUrl}/healthz`, { headers: { 'X-Request-Id': 'x" "level":"error" y' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await chat.start();
    await chat.say('hola');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const created = parsed.filter((l) => l.event === 'directline.conversation_created');
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created[0].requestId).toBe('prueba-1234567');
    const received = parsed.filter((l) => l.event === 'directline.activity_received');
    expect(received).toHaveLength(1);
    expect(received[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(parsed.every((l) => typeof l.requestId === 'string')).toBe(true);
  });

  it('counts the Direct Line token refusals (429) by route', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await fetch(`${server.baseUrl}/api/directline/token`, { method: 'POST' })).status);
    expect(statuses).toContain(429);
    const text = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(sample(text, 'iess_rate_limit_refusals_total{scope="http:/api/directline/token"}')).toBeGreaterThanOrEqual(1);
  });

  it('refuses /metrics through a proxy when no METRICS_TOKEN is set', async () => {
    const res = await fetch(`${server.baseUrl}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('iess_');
  });

  it('/healthz is liveness and /readyz checks the store and the migrations', async () => {
    const live = await fetch(`${server.baseUrl}/healthz`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      { status: 'ok', checks: { database: 'ok', migrations: 'ok', stopping: false } },
    ]);
  });

  it('/readyz says 503 when a migration of this build is missing from the database', async () => {
    await server.db.prisma.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '20261202040000_housekeeping'`);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { database: 'ok', migrations: 'pending' } });
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  let server: TestServer;
  const token = 'token-de-metricas-de-32-caracteres-x';
  beforeAll(async () => {
    server = await startTestServer({ env: { METRICS_TOKEN: token } });
  });
  afterAll(() => server.stop());

  it.each([
    ['no header', {}, 401],
    ['a wrong token', { Authorization: 'Bearer otro-token' }, 401],
    ['the token', { Authorization: `Bearer ${token}` }, 200],
    ['the token through a proxy', { Authorization: `Bearer ${token}`, 'X-Forwarded-For': '203.0.113.9' }, 200],
  ])('answers %s', async (_what, headers: Record<string, string>, status) => {
    const res = await fetch(`${server.baseUrl}/metrics`, { headers });
    expect(res.status).toBe(status);
  });
});

describe('rate-limit scope labels', () => {
  it.each([
    ['estado:conv:dl_abc', 'estado:conv'],
    ['clave-sol:id:1714307103', 'clave-sol:id'],
    ['clave-sol:conv-id:dl_abc:1714307103', 'clave-sol:conv-id'],
    ['documentos:cmabc123', 'documentos'],
    ['1714307103:x', 'other'],
  ])('%s → %s (never the identification)', (key, scope) => {
    expect(rateLimitScope(key)).toBe(scope);
  });
});
