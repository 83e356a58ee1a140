import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MSG } from '../../catalog/es-EC/messages';
import { INGRESAR, INGRESAR_OTRO_NAVEGADOR, SIGNIN } from '../../catalog/es-EC/signin';
import { BROWSER_COOKIE } from '../../bot/channels/directline/browserKey';
import { chatButton, launchBrowser } from '../helpers/browser';
import { HOST_MOTIVO, hostSays, startSignInApp, type SignInApp } from '../signin/harness';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').last();
  await box.fill(text);
  await box.press('Enter');
}

describe('sign-in from Web Chat in headless Chromium', () => {
  let app: SignInApp;
  let browser: Browser;
  let context: BrowserContext;
  let chat: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    app = await startSignInApp();
    browser = await launchBrowser();
    context = await browser.newContext();
    chat = await context.newPage();
    chat.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    chat.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`);
    });
    await chat.goto(`${app.baseUrl}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('card button → IESS page in a new tab → cédula and clave → "Listo" → back in the chat, signed in', async () => {
    await chat.getByText(MSG.bienvenida).first().waitFor({ timeout: 20_000 });
    await send(chat, 'quiero ver mis trámites');
    await chat.getByText(HOST_MOTIVO, { exact: false }).first().waitFor({ timeout: 15_000 });
    await chat.getByText('Nunca escriba su clave en este chat.', { exact: false }).first().waitFor();

    const opened = context.waitForEvent('page');
    await chatButton(chat, SIGNIN.boton).click();
    const signInPage = await opened;
    await signInPage.waitForLoadState();
    expect(new URL(signInPage.url()).pathname).toBe('/ingresar');
    await signInPage.getByRole('heading', { name: INGRESAR.titulo }).waitFor();

    await signInPage.getByLabel(INGRESAR.identificacion).fill(JOSE.cedula);
    await signInPage.getByLabel(INGRESAR.clave, { exact: true }).fill('NoEsMiClave1');
    await signInPage.getByRole('button', { name: INGRESAR.boton }).click();
    await signInPage.getByRole('alert').getByText(INGRESAR.datosIncorrectos).waitFor();
    expect(await signInPage.content()).not.toContain('NoEsMiClave1');
    await signInPage.screenshot({ path: '/tmp/iess-ingresar-error.png' });

    await signInPage.getByLabel(INGRESAR.clave, { exact: true }).fill(JOSE.clave);
    await signInPage.getByRole('button', { name: INGRESAR.boton }).click();
    await signInPage.getByText(INGRESAR.exito).waitFor();
    await signInPage.screenshot({ path: '/tmp/iess-ingresar.png' });

    await chat.getByText(SIGNIN.listo('José Luis')).first().waitFor({ timeout: 15_000 });
    await chat
      .getByText(hostSays({ citizen: { afiliadoId: 'x', nombres: 'José Luis' } }))
      .first()
      .waitFor();
    await chat.screenshot({ path: '/tmp/iess-chat-ingreso.png', fullPage: true });
    expect(JSON.stringify(await app.db.prisma.dlActivity.findMany())).not.toContain(JOSE.clave);
  }, 90_000);

  it("refuses in the citizen's browser a link sent from another browser's chat: 403 page, no form, nobody signed in", async () => {
    const keys = (await context.cookies(app.baseUrl)).filter((c) => c.name === BROWSER_COOKIE);
    expect(keys).toEqual([expect.objectContaining({ httpOnly: true, sameSite: 'Lax', secure: false, expires: -1, path: '/' })]);
    expect(await chat.evaluate(() => document.cookie)).not.toContain(BROWSER_COOKIE);
    const attacker = await browser.newContext();
    try {
      const attackerChat = await attacker.newPage();
      await attackerChat.goto(`${app.baseUrl}/`);
      await attackerChat.getByText(MSG.bienvenida).first().waitFor({ timeout: 20_000 });
      await send(attackerChat, 'quiero ver mis trámites');
      await attackerChat.getByText(HOST_MOTIVO, { exact: false }).first().waitFor({ timeout: 15_000 });
      const opened = attacker.waitForEvent('page');
      await chatButton(attackerChat, SIGNIN.boton).click();
      const own = await opened;
      await own.getByRole('heading', { name: INGRESAR.titulo }).waitFor();
      const link = own.url();
      const sessions = await app.db.prisma.citizenSession.count();

      const victim = await context.newPage();
      const response = await victim.goto(link);
      expect(response?.status()).toBe(403);
      await victim.getByRole('heading', { name: INGRESAR_OTRO_NAVEGADOR.titulo }).waitFor();
      await victim.getByText(INGRESAR_OTRO_NAVEGADOR.mensaje).waitFor();
      expect(await victim.getByLabel(INGRESAR.clave, { exact: true }).count()).toBe(0);
      await victim.screenshot({ path: '/tmp/iess-ingresar-otro-navegador.png' });
      expect(await app.db.prisma.citizenSession.count()).toBe(sessions);
      await own.reload();
      await own.getByRole('heading', { name: INGRESAR.titulo }).waitFor();
    } finally {
      await attacker.close();
    }
  }, 90_000);

  it('logged no script or policy errors in the chat page', () => {
    expect(problems).toEqual([]);
  });
});
