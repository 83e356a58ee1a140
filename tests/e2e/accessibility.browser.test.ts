import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { simpleParser } from 'mailparser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MENU, MSG, PAGINA_CHAT, PAGINA_WEB } from '../../catalog';
import { NUEVA_CLAVE } from '../../catalog/es-EC/clave';
import { INGRESAR, SIGNIN } from '../../catalog/es-EC/signin';
import { chatButton, launchBrowser } from '../helpers/browser';
import { DirectLineTestClient } from '../helpers/directLineClient';
import { startTestServer, type TestServer } from '../helpers/server';

/** Screenshots are test artifacts, kept outside the repository. */
const ARTIFACTS = process.env.IESS_ARTIFACTS ?? '/tmp/iess-artifacts';

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** Runs axe-core on the page and returns its serious and critical violations, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** Waits for the first .eml in the outbox folder and returns the /clave/nueva link it holds. */
async function resetLinkFromOutbox(dir: string): Promise<string> {
  const started = Date.now();
  for (;;) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
    if (files.length > 0) {
      const mail = await simpleParser(fs.readFileSync(path.join(dir, files.sort()[0])));
      const link = /(http:\/\/127\.0\.0\.1:\d+\/clave\/nueva\?token=[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
      if (!link) throw new Error('no /clave/nueva link in the e-mail');
      return link;
    }
    if (Date.now() - started > 10_000) throw new Error(`no .eml file in ${dir}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('accessibility (axe-core) and the chat on a phone, in headless Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let resetLink: string;

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
    /* A real new-clave link: José's online recovery over Direct Line, the link read from the outbox e-mail. */
    const chat = new DirectLineTestClient(server.baseUrl);
    await chat.start();
    for (const answer of ['olvidé mi clave', '0939336715', '21/11', 'Pesquera Manabí S.A.', '1976', 'Firulais', 'Portoviejo', 'sí'])
      await chat.say(answer);
    resetLink = await resetLinkFromOutbox(server.outboxDir);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  describe.each(WIDTHS)('at $name width', ({ name, viewport }) => {
    let context: BrowserContext;
    let chat: Page;
    const problems: string[] = [];

    beforeAll(async () => {
      context = await browser.newContext({ viewport });
      chat = await context.newPage();
      chat.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      chat.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
    });

    afterAll(async () => {
      await context?.close();
    });

    it('the chat page (/) has no serious or critical violations, with the welcome and the menu shown', async () => {
      await chat.goto(`${server.baseUrl}/`);
      await chat.getByText(MSG.bienvenida).first().waitFor({ timeout: 20_000 });
      await chatButton(chat, MENU.requisitos).waitFor();
      await shot(chat, `chat-${name}`);
      expect(await seriousViolations(chat)).toEqual([]);
    }, 60_000);

    it('shows its own send-box placeholder and the footer phone and e-mail as tel: and mailto: links', async () => {
      expect(await chat.getByRole('textbox').last().getAttribute('placeholder')).toBe(PAGINA_CHAT.script.placeholder);
      const footer = chat.locator('footer');
      expect(await footer.getByRole('link', { name: PAGINA_WEB.telefonoEtiqueta }).getAttribute('href')).toBe('tel:+59323945666');
      expect(await footer.getByRole('link', { name: PAGINA_WEB.correo }).getAttribute('href')).toBe(`mailto:${PAGINA_WEB.correo}`);
    });

    it('a real sign-in link opens /ingresar without serious or critical violations, and the card button is then disabled', async () => {
      await chatButton(chat, MENU.misTramites).click();
      const button = chatButton(chat, SIGNIN.boton);
      await button.waitFor({ timeout: 15_000 });
      await shot(chat, `chat-signin-card-${name}`);
      const opened = context.waitForEvent('page');
      await button.click();
      const signIn = await opened;
      await signIn.waitForLoadState();
      expect(new URL(signIn.url()).pathname).toBe('/ingresar');
      await signIn.getByRole('heading', { name: INGRESAR.titulo }).waitFor();
      await shot(signIn, `ingresar-${name}`);
      expect(await seriousViolations(signIn)).toEqual([]);
      expect(await signIn.locator('footer a[href^="tel:"]').count()).toBe(1);
      await signIn.close();

      expect(await button.isDisabled()).toBe(true);
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      const again = context.waitForEvent('page', { timeout: 1_500 }).then(
        () => 'opened',
        () => 'none',
      );
      await button.click({ force: true });
      expect(await again).toBe('none');
      await shot(chat, `chat-signin-used-${name}`);
      expect(await seriousViolations(chat)).toEqual([]);
    }, 60_000);

    it('a real new-clave link (/clave/nueva) has no serious or critical violations', async () => {
      const page = await context.newPage();
      const response = await page.goto(resetLink);
      expect(response?.status()).toBe(200);
      await page.getByRole('heading', { name: NUEVA_CLAVE.titulo }).waitFor();
      await shot(page, `clave-nueva-${name}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }, 60_000);

    it('an invalid new-clave link shows its error page without serious or critical violations', async () => {
      const page = await context.newPage();
      const response = await page.goto(`${server.baseUrl}/clave/nueva?token=no-valido`);
      expect(response?.status()).toBe(410);
      await page.getByText(NUEVA_CLAVE.invalido).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    }, 60_000);

    it('logged no script or policy errors', () => {
      expect(problems).toEqual([]);
    });
  });

  describe('the chat at phone width (390×844)', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
      page = await context.newPage();
      await page.goto(`${server.baseUrl}/`);
      await page.getByText(MSG.bienvenida).first().waitFor({ timeout: 20_000 });
    }, 60_000);

    afterAll(async () => {
      await context?.close();
    });

    it('keeps the keyboard path: focus starts on the chat, the skip link is just before it and moves focus back', async () => {
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('webchat');
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(PAGINA_CHAT.saltarAlChat);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('webchat');
    });

    it('has a compact header: at most 64 px of the 844', async () => {
      const header = await page.locator('header.banner').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(64);
    });

    it('keeps the latest answer visible above the menu, which is one horizontal row', async () => {
      await chatButton(page, MENU.contacto).click();
      await page.getByText(PAGINA_WEB.correo, { exact: false }).first().waitFor({ timeout: 15_000 });
      await chatButton(page, MENU.requisitos).waitFor({ timeout: 15_000 });
      await page.waitForTimeout(800);
      await shot(page, 'chat-phone-menu-answer');
      const geometry = await page.evaluate(() => {
        const rect = (el: Element | null) => (el ? el.getBoundingClientRect() : null);
        const transcript = rect(document.querySelector('.webchat__basic-transcript__scrollable'));
        const bubbles = document.querySelectorAll('.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble');
        const answer = rect(bubbles[bubbles.length - 1] ?? null);
        const buttons = Array.from(document.querySelectorAll('.webchat__suggested-actions button.webchat__suggested-action')).map((b) =>
          b.getBoundingClientRect(),
        );
        const menu = rect(document.querySelector('.webchat__suggested-actions'));
        return { transcript, answer, menu, buttonTops: Array.from(new Set(buttons.map((b) => Math.round(b.top)))) };
      });
      const { transcript, answer, menu } = geometry;
      if (!transcript || !answer || !menu) throw new Error(`chat not found: ${JSON.stringify(geometry)}`);
      // The menu is a single row, and short.
      expect(geometry.buttonTops).toHaveLength(1);
      expect(await page.locator('.webchat__suggested-actions--carousel-layout').count()).toBe(1);
      expect(menu.height).toBeLessThanOrEqual(80);
      // The answer's end is on screen, above the menu, and most of it is visible in the transcript.
      expect(answer.bottom).toBeLessThanOrEqual(Math.min(transcript.bottom, menu.top) + 1);
      const visible = Math.min(answer.bottom, transcript.bottom) - Math.max(answer.top, transcript.top);
      expect(visible).toBeGreaterThanOrEqual(Math.min(answer.height, 200));
    }, 60_000);
  });
});
