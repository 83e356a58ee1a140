import { startTestServer, type TestServer } from '../helpers/server';

/** The HTML pages a browser may open; each must refuse to be framed by another site. */
const HTML_PAGES: [string, string][] = [
  ['the chat page', '/'],
  ['the chat page with a query string', '/?origen=portal'],
  ['the sign-in page (unknown link)', '/ingresar?t=desconocido'],
  ['the new-clave page (unknown link)', '/clave/nueva?token=desconocido'],
  ['a download page (unknown link)', `/descargas/${'A'.repeat(43)}`],
];

describe('security headers on an http public URL', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => s.stop());

  it.each(HTML_PAGES)('%s sends X-Frame-Options consistent with its frame-ancestors, and no HSTS', async (_name, path) => {
    const res = await fetch(`${s.baseUrl}${path}`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const frameAncestors = /frame-ancestors ([^;]+)/.exec(String(res.headers.get('content-security-policy')))?.[1];
    expect(res.headers.get('x-frame-options')).toBe(frameAncestors === "'self'" ? 'SAMEORIGIN' : 'DENY');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it.each<[string, string, string]>([
    ['DELETE', '/', 'GET'],
    ['PUT', '/api/directline/token', 'POST'],
    ['DELETE', '/v3/directline/conversations', 'POST'],
    ['PATCH', '/healthz', 'GET'],
    ['DELETE', '/api/messages', 'POST'],
    ['DELETE', '/ingresar', 'GET'],
    ['PUT', '/clave/nueva', 'POST'],
    ['DELETE', `/descargas/${'A'.repeat(43)}`, 'GET'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const res = await fetch(`${s.baseUrl}${path}`, { method });
    expect(res.status).toBe(405);
    expect(String(res.headers.get('allow')).split(/,\s*/)).toContain(allow);
  });

  it.each<[string, string]>([
    ['text/plain', JSON.stringify({ type: 'message', from: { id: 'x' }, text: 'hola' })],
    ['application/xml', '<activity><type>message</type></activity>'],
    ['application/x-www-form-urlencoded', 'type=message&text=hola'],
  ])('refuses a Direct Line activity sent as %s with 415', async (contentType, body) => {
    const { token, conversationId } = (await (await fetch(`${s.baseUrl}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { Authorization: `Bearer ${token}` };
    expect((await fetch(`${s.baseUrl}/v3/directline/conversations`, { method: 'POST', headers: auth })).status).toBe(201);
    const res = await fetch(`${s.baseUrl}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': contentType },
      body,
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'UnsupportedMediaType' } });
    const json = await fetch(`${s.baseUrl}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ type: 'message', from: { id: 'x', role: 'user' }, text: 'hola' }),
    });
    expect(json.status).toBe(200);
  });

  it('refuses an /api/messages body that is not JSON with 415', async () => {
    const res = await fetch(`${s.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
  });
});

describe('security headers on an https public URL', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ env: { PUBLIC_BASE_URL: 'https://asistente.iess.gob.ec' } });
  });
  afterAll(async () => s.stop());

  it.each(HTML_PAGES)('%s sends Strict-Transport-Security', async (_name, path) => {
    const res = await fetch(`${s.baseUrl}${path}`);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=31536000\b/);
    expect(res.headers.get('x-frame-options')).toMatch(/^(DENY|SAMEORIGIN)$/);
  });

  it('sends it on JSON answers too', async () => {
    expect((await fetch(`${s.baseUrl}/healthz`)).headers.get('strict-transport-security')).toMatch(/^max-age=/);
  });
});
