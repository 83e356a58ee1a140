import type { Activity } from 'botbuilder';
import { SEALED_TOKEN } from '../../bot/channels/directline/linkTokens';
import { MENU } from '../../catalog';
import { startTestServer, type TestServer } from '../helpers/server';
import { Chat, linkIn, openLink } from '../signin/chat';

const tokenOf = (url: string): string => new URL(url).searchParams.get('t') ?? new URL(url).pathname.split('/').pop() ?? '';

describe('no link token in clear in a stored transcript: delivered once to the poll, sealed in the row', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  async function storedRows(): Promise<string> {
    const rows = await server.db.prisma.dlActivity.findMany();
    return rows.map((r) => r.json).join('\n');
  }

  it('the sign-in card reaches the chat with a working link; no row and no later poll holds its token', async () => {
    const chat = new Chat(server.baseUrl);
    await chat.start();
    const link = linkIn(await chat.say(MENU.misTramites));
    const token = tokenOf(link);
    expect(token.length).toBeGreaterThan(20);
    expect((await openLink(link, chat.cookie)).status).toBe(200);

    const rows = await storedRows();
    expect(rows).not.toContain(token);
    expect(rows).toContain(`/ingresar?t=${SEALED_TOKEN}`);
    expect(JSON.stringify(await chat.all())).not.toContain(token);
    const state = (await server.db.prisma.botState.findMany()).map((r) => r.data).join('\n');
    expect(state).not.toContain(token);
    const sealed = linkIn(await chat.all());
    expect((await openLink(sealed, chat.cookie)).status).toBe(404);
  });

  it('the download link of the printable solicitud works from the chat; no row and no later poll holds its token', async () => {
    const chat = new Chat(server.baseUrl);
    await chat.start();
    await chat.say('necesito sacar la clave por primera vez');
    await chat.say('1311108789');
    await chat.say('12/12');
    const replies: Activity[] = await chat.say('sí');
    const url = replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentUrl?.includes('/descargas/'))?.contentUrl ?? '';
    const token = tokenOf(url);
    expect(token.length).toBeGreaterThan(20);
    // The link is bound to the chat's browser (its cookie), like a sign-in link.
    expect((await fetch(url, { headers: chat.cookie ? { cookie: chat.cookie } : {} })).status).toBe(200);

    const rows = await storedRows();
    expect(rows).not.toContain(token);
    expect(rows).toContain(`/descargas/${SEALED_TOKEN}`);
    expect(JSON.stringify(await chat.all())).not.toContain(token);
    expect((await server.db.prisma.botState.findMany()).map((r) => r.data).join('\n')).not.toContain(token);
  });
});
