import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response } from 'restify';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startDirectLine, type TestServer } from './helpers';

const WEBCHAT_JS = path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><script src="/webchat.js"></script></head>
<body><div id="webchat" style="height:600px"></div><script>
fetch('/api/directline/token', { method: 'POST' }).then((r) => r.json()).then((b) => {
  const directLine = window.WebChat.createDirectLine({ token: b.token, domain: location.origin + '/v3/directline', webSocket: false, pollingInterval: 200 });
  window.WebChat.renderWebChat({ directLine, locale: 'en-US' }, document.getElementById('webchat'));
});
</script></body></html>`;

describe('official Web Chat against the self-hosted Direct Line (headless Chromium)', () => {
  let db: TestDatabase;
  let srv: TestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    srv = await startDirectLine(db.prisma);
    srv.server.get('/', async (_req: Request, res: Response) => {
      res.sendRaw(200, PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
    });
    srv.server.get('/webchat.js', async (_req: Request, res: Response) => {
      res.sendRaw(200, fs.readFileSync(WEBCHAT_JS), { 'Content-Type': 'text/javascript; charset=utf-8' });
    });
    srv.server.get('/favicon.ico', async (_req: Request, res: Response) => {
      res.sendRaw(204, '', {});
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${srv.baseUrl}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await srv?.close();
    await db?.dispose();
  });

  it('shows the greeting sent on conversationUpdate', async () => {
    await page.getByText('¡Hola! Soy el asistente.').first().waitFor({ timeout: 20_000 });
  });

  it('sends a typed message, marks it sent and shows the reply', async () => {
    const box = page.getByRole('textbox').last();
    await box.fill('hola desde el navegador');
    await box.press('Enter');
    await page.getByText('eco: hola desde el navegador').first().waitFor({ timeout: 15_000 });
    await expect(page.getByText(/send failed/i).count()).resolves.toBe(0);
  });

  it('uploads a file through the upload button (sent with the next message) and the bot reads it', async () => {
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'cedula.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 prueba') });
    const box = page.getByRole('textbox').last();
    await box.fill('mi cédula');
    await box.press('Enter');
    await page.getByText('eco: mi cédula [15]').first().waitFor({ timeout: 15_000 });
    const rows = await db.prisma.dlAttachment.findMany();
    expect(rows).toEqual([expect.objectContaining({ name: 'cedula.pdf', contentType: 'application/pdf', size: 15 })]);
  });

  it('logged no script errors and no failed turns', () => {
    expect(problems).toEqual([]);
    expect(srv.turnErrors).toEqual([]);
  });
});
