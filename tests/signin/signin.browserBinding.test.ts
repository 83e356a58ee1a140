import { BROWSER_COOKIE } from '../../bot/channels/directline/browserKey';
import { createLogger } from '../../bot/logger';
import { escapeHtml } from '../../bot/mail/layout';
import { INGRESAR, INGRESAR_OTRO_NAVEGADOR, SIGNIN } from '../../catalog';
import { Chat, linkIn, openLink, submitSignIn } from './chat';
import { hostSays, startSignInApp, type SignInApp } from './harness';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };
const HOST_JOSE = hostSays({ citizen: { afiliadoId: 'x', nombres: 'José Luis' } });
const FORGED = `${BROWSER_COOKIE}=${'F'.repeat(43)}`;

/** The attack of the issue: the attacker's chat sends its link to a victim, who opens it in the victim's own browser. */
describe('sign-in links only work in the browser of their Direct Line chat', () => {
  let app: SignInApp;
  const lines: string[] = [];
  const countsOf = async (): Promise<number[]> => [await app.db.prisma.citizenSession.count(), await app.db.prisma.rateCounter.count()];

  beforeAll(async () => {
    app = await startSignInApp({ logger: createLogger('debug', (line) => lines.push(line)) });
  });
  afterAll(async () => app?.stop());
  beforeEach(async () => {
    await app.db.prisma.citizenSession.deleteMany();
    await app.db.prisma.rateCounter.deleteMany();
  });

  it("refuses with 403 a link opened without the chat's cookie, never reads the clave, and signs nobody in", async () => {
    lines.length = 0;
    const attacker = new Chat(app.baseUrl);
    await attacker.start();
    const link = linkIn(await attacker.say('quiero ver mis trámites'));
    const victim = new Chat(app.baseUrl);
    await victim.start();
    expect(victim.cookie).not.toBe(attacker.cookie);
    // The token endpoint's own counters (one per client address) exist from here on; sign-in must add none.
    const before = await countsOf();

    for (const cookie of [undefined, victim.cookie, FORGED, `${attacker.cookie}x`]) {
      const page = await openLink(link, cookie);
      expect(page.status).toBe(403);
      expect(page.headers.get('cache-control')).toBe('no-store');
      const html = await page.text();
      expect(html).toContain(escapeHtml(INGRESAR_OTRO_NAVEGADOR.titulo));
      expect(html).toContain(escapeHtml(INGRESAR_OTRO_NAVEGADOR.mensaje));
      expect(html).toContain(escapeHtml(INGRESAR_OTRO_NAVEGADOR.aviso));
      expect(html).not.toContain('name="clave"');
    }
    for (const cookie of [victim.cookie, undefined]) {
      const posted = await submitSignIn(link, { identificacion: JOSE.cedula, clave: JOSE.clave, cookie });
      expect(posted.status).toBe(403);
      expect(await posted.text()).toContain(escapeHtml(INGRESAR_OTRO_NAVEGADOR.mensaje));
      const empty = await submitSignIn(link, { identificacion: '', clave: '', cookie });
      expect(empty.status).toBe(403);
    }

    expect(await attacker.poll()).toEqual([]);
    await expect(app.sessions.current({ channelId: 'directline', conversationId: attacker.id })).resolves.toBeUndefined();
    expect(await countsOf()).toEqual([0, before[1]]);
    expect(before[0]).toBe(0);
    const logs = lines.join('\n');
    expect(logs).toMatch(/signin_refused.*"reason":"browser"/);
    const keyOf = (cookie: string | undefined): string => cookie?.split('=')[1] ?? '';
    for (const secret of [
      new URL(link).searchParams.get('t') ?? '',
      keyOf(attacker.cookie),
      keyOf(victim.cookie),
      JOSE.clave,
      JOSE.cedula,
    ]) {
      expect(secret).toMatch(/^.{10,}$/);
      expect(logs).not.toContain(secret);
    }
    expect((await openLink(link, attacker.cookie)).status).toBe(200);
  });

  it("signs in from the chat's own browser after a token refresh, and from a second tab of that browser", async () => {
    const tab = new Chat(app.baseUrl);
    await tab.start();
    await tab.refresh();
    const link = linkIn(await tab.say('hola'));
    const second = new Chat(app.baseUrl, tab.cookie);
    await second.start();
    expect(second.setCookie).toBeNull();
    expect(second.cookie).toBe(tab.cookie);
    const secondLink = linkIn(await second.say('hola'));

    const page = await submitSignIn(link, { identificacion: JOSE.cedula, clave: JOSE.clave, cookie: tab.cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(INGRESAR.exito);
    expect((await tab.poll()).map((a) => a.text)).toEqual([SIGNIN.listo('José Luis'), HOST_JOSE]);
    expect((await submitSignIn(secondLink, { identificacion: JOSE.cedula, clave: JOSE.clave, cookie: second.cookie })).status).toBe(200);
    expect((await second.poll()).map((a) => a.text)).toEqual([SIGNIN.listo('José Luis'), HOST_JOSE]);
  });
});
