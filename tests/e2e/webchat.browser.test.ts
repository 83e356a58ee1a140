import type { Browser, Page } from 'playwright-core';
import { ESTADO, getTramite, MENU, MSG, REQUISITOS } from '../../catalog';
import { chatButton, launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

const firstLine = (text: string): string => text.split('\n')[0];

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').last();
  await box.fill(text);
  await box.press('Enter');
}

describe('Web Chat in headless Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${server.baseUrl}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the welcome with the main menu', async () => {
    await page.getByText(MSG.bienvenida).first().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: MENU.requisitos }).first().waitFor();
  });

  it('runs a journey from a suggested action', async () => {
    await chatButton(page, MENU.requisitos).click();
    await page.getByText(REQUISITOS.elegir).last().waitFor({ timeout: 15_000 });
    await chatButton(page, getTramite('reliquidacion').etiqueta).click();
    await page.getByText('Sirve para volver a calcular la pensión', { exact: false }).first().waitFor({ timeout: 15_000 });
  });

  it('answers a typed question about requirements', async () => {
    await send(page, 'que documentos necesito para la reinsercion laboral');
    await page.getByText('Es la autorización para volver a trabajar', { exact: false }).first().waitFor({ timeout: 15_000 });
    await page.getByText('Cada archivo debe ser JPG o PDF y pesar máximo 1 MB.', { exact: false }).first().waitFor();
  });

  it('answers the state of a case from the store', async () => {
    await send(page, 'quiero saber el estado de mi tramite');
    await page.getByText(ESTADO.pedirNumero).last().waitFor({ timeout: 15_000 });
    await send(page, 'RL-2026-000042');
    await page.getByText(firstLine(ESTADO.pedirIdentificacion), { exact: false }).last().waitFor({ timeout: 15_000 });
    await send(page, '2314944220');
    await page.getByText('Estado: en revisión, desde el 9 de octubre de 2026.', { exact: false }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: process.env.SCREENSHOT_PATH ?? '/tmp/iess-webchat.png', fullPage: true });
  });

  it('logged no script or policy errors', () => {
    expect(problems).toEqual([]);
  });
});
