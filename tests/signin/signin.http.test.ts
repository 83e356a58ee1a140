import type { ConversationReferenceJson } from '../../core/ports';
import { createLogger } from '../../bot/logger';
import { SIGNIN_MAX_BODY_BYTES } from '../../bot/signin/routes';
import { INGRESAR } from '../../catalog';
import { escapeHtml } from '../../bot/mail/layout';
import type { SessionStore } from '../../prisma/store/session';
import type { TestDatabase } from '../helpers/db';
import { createSignInWorld, manualClock, startSignInPage } from './harness';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };
const CONVERSATION = { channelId: 'directline', conversationId: 'conv-http' };
const MINUTE = 60_000;

const form = (fields: Record<string, string>, type = 'application/x-www-form-urlencoded'): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': type },
  body: new URLSearchParams(fields).toString(),
});

describe('sign-in page over HTTP', () => {
  const clock = manualClock();
  const lines: string[] = [];
  const continued: ConversationReferenceJson[] = [];
  let failContinuation = false;
  let db: TestDatabase;
  let sessions: SessionStore;
  let page: { baseUrl: string; close: () => Promise<void> };

  const newToken = async (): Promise<string> => {
    const { url } = await sessions.createSignInLink({
      reference: {
        channelId: 'directline',
        serviceUrl: 'http://127.0.0.1:1',
        conversation: { id: CONVERSATION.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      },
    });
    return new URL(url).searchParams.get('t') ?? '';
  };
  const post = (init: RequestInit): Promise<Response> => fetch(`${page.baseUrl}/ingresar`, init);

  beforeAll(async () => {
    ({ db, sessions } = await createSignInWorld(clock.now));
    page = await startSignInPage({
      sessions,
      logger: createLogger('debug', (line) => lines.push(line)),
      continueConversation: async (reference) => {
        if (failContinuation) throw new Error('canal caído');
        continued.push(reference);
      },
    });
  });
  afterAll(async () => {
    await page?.close();
    await db?.dispose();
  });
  beforeEach(async () => {
    await db.prisma.rateCounter.deleteMany();
    await db.prisma.throttleState.deleteMany();
    await db.prisma.citizenSession.deleteMany();
    continued.length = 0;
    failContinuation = false;
  });

  it('shows the form with labels, the token hidden, the warning, and headers that keep the link private', async () => {
    const token = await newToken();
    const res = await fetch(`${page.baseUrl}/ingresar?t=${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*form-action 'self'; frame-ancestors 'none'/);
    const html = await res.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain(`<label for="identificacion">${escapeHtml(INGRESAR.identificacion)}</label>`);
    expect(html).toContain(`<label for="clave">${escapeHtml(INGRESAR.clave)}</label>`);
    expect(html).toContain('type="password" autocomplete="current-password"');
    expect(html).toContain(`<input type="hidden" name="t" value="${token}">`);
    expect(html).toContain(escapeHtml(INGRESAR.aviso));
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/https?:\/\/[^"'\s<]+/g)?.every((u) => new URL(u).hostname.endsWith('iess.gob.ec'))).toBe(true);
  });

  it.each<[string, (token: string) => Promise<string>, number, string]>([
    [
      'an expired link',
      async (t) => {
        clock.advance(10 * MINUTE);
        return t;
      },
      410,
      INGRESAR.vencido,
    ],
    [
      'a used link',
      async (t) => {
        await sessions.signInWithLink({
          token: t,
          identificacion: JOSE.cedula,
          clave: JOSE.clave,
          holdsChat: async () => true,
          client: { address: '127.0.0.1' },
        });
        return t;
      },
      410,
      INGRESAR.usado,
    ],
    ['an unknown link', async () => 'A'.repeat(43), 404, INGRESAR.desconocido],
    ['no link at all', async () => '', 404, INGRESAR.desconocido],
    ['markup instead of a token', async () => '<script>alert(1)</script>', 404, INGRESAR.desconocido],
  ])('GET with %s explains what to do', async (_name, prepare, status, message) => {
    const token = await prepare(await newToken());
    const res = await fetch(`${page.baseUrl}/ingresar?t=${encodeURIComponent(token)}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain(escapeHtml(message));
    expect(html).not.toContain('<script>');
  });

  it('signs José in, continues the conversation, shows "Listo", and logs neither clave, token nor cédula', async () => {
    lines.length = 0;
    const token = await newToken();
    const res = await post(form({ t: token, identificacion: JOSE.cedula, clave: JOSE.clave }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(INGRESAR.exito);
    expect(continued).toEqual([
      expect.objectContaining({ channelId: 'directline', conversation: expect.objectContaining({ id: CONVERSATION.conversationId }) }),
    ]);
    await expect(sessions.current(CONVERSATION)).resolves.toMatchObject({ nombres: 'José Luis' });
    const logs = lines.join('\n');
    expect(logs).toContain('signin_completed');
    for (const secret of [JOSE.clave, token, JOSE.cedula]) expect(logs).not.toContain(secret);
    expect((await post(form({ t: token, identificacion: JOSE.cedula, clave: JOSE.clave }))).status).toBe(410);
  });

  it('answers a wrong clave and an unknown cédula with the same form and message, never echoing the clave', async () => {
    lines.length = 0;
    const token = await newToken();
    const wrong = await post(form({ t: token, identificacion: JOSE.cedula, clave: 'Clave<Secreta>9' }));
    const unknown = await post(form({ t: token, identificacion: '1714307103', clave: 'Clave<Secreta>9' }));
    expect([wrong.status, unknown.status]).toEqual([422, 422]);
    const [a, b] = [await wrong.text(), await unknown.text()];
    expect(a).toContain(INGRESAR.datosIncorrectos);
    expect(a.replace(JOSE.cedula, 'ID')).toBe(b.replace('1714307103', 'ID'));
    for (const html of [a, b]) expect(html).not.toMatch(/Clave(<|&lt;)Secreta/);
    expect(lines.join('\n')).not.toMatch(/Secreta|0939336715|1714307103/);
    expect(continued).toEqual([]);
  });

  it('throttles the sixth wrong try from one browser for a cédula with a page that says how long to wait and that the clave is not locked', async () => {
    const token = await newToken();
    for (let i = 0; i < 5; i += 1)
      expect((await post(form({ t: token, identificacion: JOSE.cedula, clave: `Otra${i}` }))).status).toBe(422);
    const res = await post(form({ t: token, identificacion: JOSE.cedula, clave: JOSE.clave }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await res.text();
    expect(html).toMatch(/espere \d+ minutos?/);
    expect(html).toContain('Su clave no se bloqueó.');
  });

  it.each<[string, (token: string) => RequestInit, number, string]>([
    [
      'JSON',
      (t) => ({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ t, identificacion: JOSE.cedula, clave: JOSE.clave }),
      }),
      415,
      INGRESAR.tipoNoAdmitido,
    ],
    [
      'multipart',
      (t) => {
        const data = new FormData();
        data.set('t', t);
        return { method: 'POST', body: data };
      },
      415,
      INGRESAR.tipoNoAdmitido,
    ],
    ['plain text', (t) => ({ method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: `t=${t}` }), 415, INGRESAR.tipoNoAdmitido],
    ['a huge body', (t) => form({ t, identificacion: JOSE.cedula, clave: 'x'.repeat(SIGNIN_MAX_BODY_BYTES) }), 413, INGRESAR.muyGrande],
    ['no token', () => form({ identificacion: JOSE.cedula, clave: JOSE.clave }), 400, INGRESAR.invalida],
    [
      'an empty body',
      () => ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' }),
      400,
      INGRESAR.invalida,
    ],
    ['no clave', (t) => form({ t, identificacion: JOSE.cedula }), 400, INGRESAR.faltanDatos],
    ['no identification', (t) => form({ t, clave: JOSE.clave }), 400, INGRESAR.faltanDatos],
    [
      'a broken encoding',
      () => ({
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: 't=%zz&identificacion=%&clave=%E0%A4%A',
      }),
      404,
      INGRESAR.desconocido,
    ],
  ])('POST with %s gets a Spanish page, not a crash', async (_name, init, status, message) => {
    const res = await post(init(await newToken()));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain(escapeHtml(message));
    expect(continued).toEqual([]);
  });

  it('keeps the session and says "Listo" when continuing the chat fails; the failure is logged without secrets', async () => {
    lines.length = 0;
    failContinuation = true;
    const res = await post(form({ t: await newToken(), identificacion: JOSE.cedula, clave: JOSE.clave }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(INGRESAR.exito);
    await expect(sessions.current(CONVERSATION)).resolves.toBeDefined();
    expect(lines.join('\n')).toContain('signin_continuation_failed');
    expect(lines.join('\n')).not.toContain(JOSE.clave);
  });

  it('answers a store failure with a Spanish 500 page, and the server keeps serving', async () => {
    const broken = await startSignInPage({
      sessions: { inspectLink: () => Promise.reject(new Error('sin base')), signInWithLink: () => Promise.reject(new Error('sin base')) },
      continueConversation: async () => undefined,
      logger: createLogger('error', () => undefined),
    });
    try {
      const get = await fetch(`${broken.baseUrl}/ingresar?t=${'A'.repeat(43)}`);
      expect(get.status).toBe(500);
      expect(await get.text()).toContain(escapeHtml(INGRESAR.error));
      const res = await fetch(`${broken.baseUrl}/ingresar`, form({ t: 'A'.repeat(43), identificacion: JOSE.cedula, clave: JOSE.clave }));
      expect(res.status).toBe(500);
      expect((await fetch(`${page.baseUrl}/ingresar`)).status).toBe(404);
    } finally {
      await broken.close();
    }
  });
});
