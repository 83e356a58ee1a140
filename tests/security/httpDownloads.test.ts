import path from 'node:path';
import { currentTurnConversation, withTurnConversation } from '../../bot/downloads';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { PAGINA_DESCARGAS } from '../../catalog';
import type { ConversationKey } from '../../core/ports';
import { createDownload } from '../../prisma/store/downloads';
import { createDialogWorld } from '../helpers/dialogHarness';
import { startTestServer, type TestServer } from '../helpers/server';

const PDF = Buffer.from('%PDF-1.4\n% prueba\n%%EOF\n');

describe('download links bound to the chat that received them', () => {
  let s: TestServer;
  let storage: LocalFolderStorage;
  beforeAll(async () => {
    s = await startTestServer();
    storage = new LocalFolderStorage(path.join(path.dirname(s.outboxDir), 'documentos'));
  });
  afterAll(async () => s.stop());

  /** A Direct Line conversation as Web Chat opens it, and the cookie its browser got. */
  async function chat(cookie?: string): Promise<{ conversationId: string; cookie: string }> {
    const res = await fetch(`${s.baseUrl}/api/directline/token`, { method: 'POST', headers: cookie ? { Cookie: cookie } : {} });
    const { token, conversationId } = (await res.json()) as { token: string; conversationId: string };
    const set = res.headers.get('set-cookie');
    const headers = { Authorization: `Bearer ${token}` };
    expect((await fetch(`${s.baseUrl}/v3/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
    return { conversationId, cookie: cookie ?? String(set).split(';')[0] };
  }

  async function link(conversation?: ConversationKey): Promise<string> {
    const { token } = await createDownload(s.db.prisma, {
      save: (bytes) => storage.save(bytes),
      bytes: PDF,
      nombre: 'solicitud.pdf',
      mediaType: 'application/pdf',
      tipo: 'SOLICITUD_CLAVE',
      conversation,
      ttlSeconds: 3600,
      now: new Date(),
    });
    return `${s.baseUrl}/descargas/${token}`;
  }

  it('serves the file to the browser holding the chat, and a 403 page to any other browser', async () => {
    const owner = await chat();
    const url = await link({ channelId: 'directline', conversationId: owner.conversationId });
    const mine = await fetch(url, { headers: { Cookie: owner.cookie } });
    expect(mine.status).toBe(200);
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(PDF);

    const stranger = await chat();
    for (const headers of [{}, { Cookie: stranger.cookie }, { Cookie: 'iess_navegador=otro' }] as Record<string, string>[]) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(403);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain(PAGINA_DESCARGAS.otroNavegadorTitulo);
      expect(html).not.toContain('%PDF');
    }
  });

  it('keeps serving links handed out in conversations not bound to a browser (Emulator, Teams) or outside a chat', async () => {
    for (const conversation of [{ channelId: 'msteams', conversationId: 'a:1' }, undefined]) {
      expect((await fetch(await link(conversation))).status).toBe(200);
    }
  });
});

describe('the conversation of a turn reaches the download grant', () => {
  it('binds the solicitud de clave link to the conversation whose turn filed it, without the dialog passing it', async () => {
    const world = await createDialogWorld();
    try {
      const conversation = { channelId: 'directline', conversationId: 'dl_abc' };
      expect(currentTurnConversation()).toBeUndefined();
      const filed = await withTurnConversation(conversation, async () => {
        expect(currentTurnConversation()).toEqual(conversation);
        return world.deps.claveRequests.file({ identificacion: '1311108789', email: 'ana.nueva@example.ec', telefono: '0998765432' });
      });
      expect(filed.documento?.url).toMatch(/\/descargas\/[A-Za-z0-9_-]{43}$/);
      expect(await world.db.prisma.downloadGrant.findMany({ select: { channelId: true, conversationId: true } })).toEqual([
        { channelId: 'directline', conversationId: 'dl_abc' },
      ]);
    } finally {
      await world.db.dispose();
    }
  });
});
