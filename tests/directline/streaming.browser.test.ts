import type { Browser, Page } from 'playwright-core';
import { CONTACTO_TEXTO, MSG } from '../../catalog';
import { launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

/** The chat page (bot/web/app.js) in Chromium: replies come over the Direct Line stream, polling only as a fallback. */
describe('the chat page uses Direct Line streaming', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openChat(blockStream: boolean): Promise<{ page: Page; sockets: string[]; polls: string[] }> {
    const page = await browser.newPage();
    const sockets: string[] = [];
    const polls: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('request', (request) => {
      if (request.method() === 'GET' && /\/activities\?watermark=/.test(request.url())) polls.push(request.url());
    });
    if (blockStream) {
      // As a proxy that refuses WebSocket upgrades would: the stream never opens.
      await page.addInitScript(() => {
        const Native = window.WebSocket;
        window.WebSocket = function (url: string) {
          return new Native(url.replace('/stream?', '/bloqueado?'));
        } as unknown as typeof WebSocket;
      });
    }
    await page.goto(`${server.baseUrl}/`);
    return { page, sockets, polls };
  }

  it('receives the welcome and an answer on the stream, without polling', async () => {
    const { page, sockets, polls } = await openChat(false);
    await page.getByText(MSG.bienvenida).first().waitFor({ timeout: 30_000 });
    const box = page.getByRole('textbox').last();
    await box.fill('teléfono del IESS');
    await box.press('Enter');
    // The reply's first line, which only the bot's answer shows (the page footer has the phone too).
    await page.getByText(CONTACTO_TEXTO.split('\n')[0]).first().waitFor({ timeout: 30_000 });
    expect(sockets).toHaveLength(1);
    expect(sockets[0]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/[\w-]+\/stream\?t=/);
    expect(polls).toEqual([]);
    await page.close();
  }, 90_000);

  it('falls back to polling on the same conversation when the stream cannot open', async () => {
    const { page, polls } = await openChat(true);
    await page.getByText(MSG.bienvenida).first().waitFor({ timeout: 30_000 });
    expect(polls.length).toBeGreaterThan(0);
    await page.close();
  }, 90_000);
});
