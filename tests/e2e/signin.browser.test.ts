import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MSG } from '../../dialogs/catalog/messages';
import { INGRESAR, SIGNIN } from '../../dialogs/catalog/signin';
import { launchBrowser } from '../helpers/browser';
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
    await chat.getByRole('button', { name: SIGNIN.boton }).last().click();
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
    await chat.getByText(hostSays({ citizen: { afiliadoId: 'x', nombres: 'José Luis' } })).first().waitFor();
    await chat.screenshot({ path: '/tmp/iess-chat-ingreso.png', fullPage: true });
    expect(JSON.stringify(await app.db.prisma.dlActivity.findMany())).not.toContain(JOSE.clave);
  }, 90_000);

  it('logged no script or policy errors in the chat page', () => {
    expect(problems).toEqual([]);
  });
});
