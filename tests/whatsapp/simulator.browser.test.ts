/**
 * The newcomer's WhatsApp simulator in headless Chromium: the page shows the phone conversation drawn from the Cloud
 * API bodies the bot sent (a list behind its button, reply buttons), and sends the person's text and taps to the bot
 * as signed webhooks through the same fake Graph API the other tests use.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { ESTADO, MENU, MSG, WHATSAPP_AVISOS } from '../../catalog';
import { startSimulator, type Simulator } from '../../simulators/whatsapp/simulator';
import { launchBrowser } from '../helpers/browser';
import { startWhatsAppWorld, WA, type WhatsAppWorld } from './helpers';

describe('the WhatsApp simulator page in Chromium', () => {
  let sim: Simulator;
  let world: WhatsAppWorld;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ accessToken: WA.accessToken, phoneNumberId: WA.phoneNumberId, appSecret: WA.appSecret });
    world = await startWhatsAppWorld({ graph: sim.graph });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${sim.url}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
    await sim?.close();
  });

  async function send(text: string): Promise<void> {
    await page.getByLabel('Mensaje').fill(text);
    await page.getByRole('button', { name: 'Enviar' }).click();
  }

  it('checks a case with the menu list, then answers the opt-in with a button', async () => {
    await send('hola');
    await page.getByText(MSG.saludo).first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '☰ Ver opciones' }).last().click();
    await page.getByRole('button', { name: MENU.estado }).last().click();
    await page.getByText(ESTADO.pedirNumero).last().waitFor({ timeout: 15_000 });
    await send('RL-2026-000042');
    await page.getByText(ESTADO.pedirIdentificacion.split('\n')[0], { exact: false }).last().waitFor({ timeout: 15_000 });
    await send('2314944220');
    await page.getByText('Estado: en revisión, desde el 9 de octubre de 2026.', { exact: false }).first().waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: WHATSAPP_AVISOS.si }).last().click();
    await page.getByText(WHATSAPP_AVISOS.aceptado).last().waitFor({ timeout: 15_000 });
    expect(await world.db.prisma.waContact.findUnique({ where: { waUser: sim.user.waId } })).toMatchObject({ optIn: true });
    fs.mkdirSync('/tmp/iess-artifacts', { recursive: true });
    await page.screenshot({ path: '/tmp/iess-artifacts/whatsapp-simulador.png', fullPage: true });
  });

  it('logged no script error', () => {
    expect(problems).toEqual([]);
  });
});
