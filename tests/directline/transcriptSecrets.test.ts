import type { Activity, TurnContext } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import { SEALED_TOKEN } from '../../bot/channels/directline/linkTokens';
import { REDACTED_TEXT } from '../../dialogs/shared/sensitive';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { call, newToken, startDirectLine, type TestServer } from './helpers';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE';

describe('Direct Line transcript: no clave and no link token in a stored row', () => {
  let db: TestDatabase;
  let srv: TestServer;
  const seenByBot: string[] = [];
  const rowsOf = async (conversationId: string): Promise<string> =>
    (await db.prisma.dlActivity.findMany({ where: { conversationId } })).map((r) => r.json).join('\n');

  beforeAll(async () => {
    db = await createTestDatabase();
    srv = await startDirectLine(db.prisma, {
      logic: async (context: TurnContext) => {
        const text = context.activity.text ?? '';
        seenByBot.push(text);
        if (text === 'falla Secreta9001x') throw new Error('boom');
        if (text === 'tarjeta') {
          await context.sendActivity({
            text: `Enlace: ${srv.baseUrl}/descargas/${TOKEN}`,
            attachments: [CardFactory.signinCard('Ingresar', `${srv.baseUrl}/ingresar?t=${TOKEN}`, 'Ingrese')],
          });
        }
      },
    });
  });
  afterAll(async () => {
    await srv?.close();
    await db?.dispose();
  });

  async function converse(): Promise<{ id: string; token: string }> {
    const issued = await newToken(srv.baseUrl);
    await call(srv.baseUrl, '/v3/directline/conversations', issued.token, { method: 'POST' });
    return { id: issued.conversationId, token: issued.token };
  }
  const say = (c: { id: string; token: string }, text: string): Promise<Response> =>
    call(srv.baseUrl, `/v3/directline/conversations/${c.id}/activities`, c.token, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text, from: { id: 'u' } }),
    });
  const poll = async (c: { id: string; token: string }, watermark = ''): Promise<Activity[]> =>
    (
      (await (await call(srv.baseUrl, `/v3/directline/conversations/${c.id}/activities?watermark=${watermark}`, c.token)).json()) as {
        activities: Activity[];
      }
    ).activities;

  it('stores a message that carries a clave already redacted, even when the turn throws; the bot still reads it', async () => {
    const c = await converse();
    expect([200, 502]).toContain((await say(c, 'falla Secreta9001x')).status);
    expect(seenByBot).toContain('falla Secreta9001x');
    const rows = await rowsOf(c.id);
    expect(rows).not.toContain('Secreta9001x');
    expect(rows).toContain(REDACTED_TEXT);
  });

  it('delivers the real links to the first poll only; the row and every later poll hold the sealed form', async () => {
    const c = await converse();
    expect((await say(c, 'tarjeta')).status).toBe(200);
    expect(await rowsOf(c.id)).not.toContain(TOKEN);
    expect(await db.prisma.dlDelivery.count({ where: { conversationId: c.id } })).toBe(1);
    const first = JSON.stringify(await poll(c));
    expect(first).toContain(`/ingresar?t=${TOKEN}`);
    expect(first).toContain(`/descargas/${TOKEN}`);
    const again = JSON.stringify(await poll(c));
    expect(again).not.toContain(TOKEN);
    expect(again).toContain(`/ingresar?t=${SEALED_TOKEN}`);
    expect(again).toContain(`/descargas/${SEALED_TOKEN}`);
    expect(JSON.stringify(await db.prisma.dlActivity.findMany())).not.toContain(TOKEN);
    expect(await db.prisma.dlDelivery.count({ where: { conversationId: c.id } })).toBe(0);
  });
});
