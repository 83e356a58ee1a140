import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { CONTACTO, getTramite, MSG, QUEJAS, SEGUIMIENTO_TRAMITE } from '../../catalog';
import { chatButton, launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/** Screenshots are test artifacts, kept outside the repository. */
const ARTIFACTS = process.env.IESS_ARTIFACTS ?? '/tmp/iess-artifacts';
const TEL = `tel:+${CONTACTO.telefono.replace(/\D/g, '')}`;
const MAILTO = `mailto:${CONTACTO.correo}`;

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').last();
  await box.fill(text);
  await box.press('Enter');
}

const firstLine = (text: string): string => text.split('\n')[0];

describe('the chat on a 390×844 phone: follow-ups, a complaint, tappable contacts, the menu row', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${server.baseUrl}/`);
    await page.getByText(MSG.bienvenida).first().waitFor({ timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('never shows the menu arrows over a button label', async () => {
    const overlaps = await page.evaluate(() => {
      const bars = document.querySelectorAll('.webchat__suggested-actions__carousel');
      const carousel = bars[bars.length - 1];
      if (!carousel) return ['no carousel'];
      const boxes = (selector: string) =>
        Array.from(carousel.querySelectorAll(selector))
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 0 && r.height > 0);
      const buttons = boxes('.webchat__suggested-action');
      const arrows = [...boxes('.react-film__flipper'), ...boxes('.react-film__flipper__body')];
      return arrows.flatMap((a) =>
        buttons
          .filter((b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top)
          .map((b) => `arrow ${a.left}-${a.right} over button ${b.left}-${b.right}`),
      );
    });
    expect(await page.locator('.webchat__suggested-action').count()).toBeGreaterThan(0);
    expect(overlaps).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'phone-menu-row.png') });
  });

  it('makes the phone and the e-mail of a bot message tappable links', async () => {
    await send(page, 'telefono del iess');
    await page.locator(`#webchat a[href="${TEL}"]`).first().waitFor({ timeout: 15_000 });
    expect(await page.locator(`#webchat a[href="${MAILTO}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('#webchat .webchat__stacked-layout--from-user a').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'phone-contact-links.png') });
  }, 60_000);

  it('answers a follow-up about the trámite just explained', async () => {
    await send(page, 'requisitos para la reliquidacion');
    await page.getByText('Sirve para volver a calcular la pensión', { exact: false }).last().waitFor({ timeout: 15_000 });
    await send(page, '¿cuánto cuesta?');
    await page.getByText(SEGUIMIENTO_TRAMITE.reliquidacion.costo).last().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'phone-follow-up.png') });
  }, 60_000);

  it('registers a complaint and shows its number, with tappable channels', async () => {
    await send(page, 'quiero poner una queja');
    await page.getByText(QUEJAS.acuse).last().waitFor({ timeout: 15_000 });
    await chatButton(page, QUEJAS.si).click();
    await page.getByText(QUEJAS.preguntaTramite).last().waitFor({ timeout: 15_000 });
    await chatButton(page, getTramite('reinsercion').etiqueta).click();
    await page.getByText(firstLine(QUEJAS.preguntaCaso), { exact: false }).last().waitFor({ timeout: 15_000 });
    await chatButton(page, QUEJAS.sinNumero).click();
    await page.getByText(QUEJAS.preguntaDetalle).last().waitFor({ timeout: 15_000 });
    await send(page, 'Me hicieron volver tres veces a la ventanilla.');
    await page
      .getByText(/Registré su queja con el número QJ-\d{4}-\d{6}/)
      .last()
      .waitFor({ timeout: 15_000 });
    expect(await server.db.prisma.complaint.count({ where: { tramite: 'reinsercion' } })).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'phone-complaint.png') });
  }, 90_000);

  it('has no serious or critical axe violation after these turns, and no page error', async () => {
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(serious).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);
});
