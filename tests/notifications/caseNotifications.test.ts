import fs from 'node:fs';
import path from 'node:path';
import { NOTIFICACIONES, TIPO_NOMBRE } from '../../catalog';
import { notificationEmailKey } from '../../core/usecases/notifications/notifyCaseEvents';
import { startTestServer, type TestServer } from '../helpers/server';
import { Chat, linkIn, submitSignIn } from '../signin/chat';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };

/** Waits until an .eml file in `dir` contains `text` (the outbox worker writes them). */
async function emlContaining(dir: string, text: string, timeoutMs = 5000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
    for (const file of files) {
      const body = fs.readFileSync(path.join(dir, file), 'utf8');
      if (body.includes(text)) return body;
    }
    if (Date.now() > until) throw new Error(`no e-mail containing "${text}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('case notifications: web chat and e-mail, once, with the e-mail fallback', () => {
  let server: TestServer;
  let chat: Chat;
  let afiliadoId: string;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer();
    chat = new Chat(server.baseUrl);
    await chat.start();
    const link = linkIn(await chat.say('Mis trámites'));
    expect((await submitSignIn(link, { ...JOSE, identificacion: JOSE.cedula, cookie: chat.cookie })).status).toBe(200);
    await chat.poll();
    const jose = await server.app.prisma.afiliado.findUniqueOrThrow({ where: { cedula: JOSE.cedula } });
    afiliadoId = jose.id;
    const created = await server.app.prisma.case.create({
      data: { numero: 'RL-2026-009001', tipo: 'RELIQUIDACION', estado: 'EN_REVISION', afiliadoId },
    });
    caseId = created.id;
  });
  afterAll(() => server.stop());

  const move = (estado: 'REQUIERE_INFORMACION' | 'APROBADO' | 'NEGADO', nota: string) =>
    server.app.prisma.caseEvent.create({ data: { caseId, estado, nota, autor: 'agente', fecha: new Date(), notificar: true } });

  it('records where the signed-in citizen can be reached', async () => {
    const contacts = await server.app.prisma.citizenContact.findMany({ where: { afiliadoId } });
    expect(contacts).toEqual([expect.objectContaining({ channelId: 'directline', conversationKey: `directline:${chat.id}` })]);
  });

  it('tells the citizen in the open web chat and by e-mail, once, even with two workers and a retry', async () => {
    const event = await move('REQUIERE_INFORMACION', 'Copia legible de la cédula');
    const facts = {
      numero: 'RL-2026-009001',
      tipo: TIPO_NOMBRE.RELIQUIDACION,
      estado: 'REQUIERE_INFORMACION' as const,
      nota: 'Copia legible de la cédula',
    };
    await Promise.all([server.app.notifications.worker.tick(), server.app.notifications.worker.tick()]);
    await server.app.notifications.worker.tick();
    const seen = (await chat.poll()).map((a) => a.text);
    expect(seen).toEqual([NOTIFICACIONES.chat(facts)]);
    expect(NOTIFICACIONES.chat(facts)).toContain('Mis trámites');
    expect(NOTIFICACIONES.chat(facts)).toContain('Copia legible de la cédula');
    const rows = await server.app.prisma.caseNotification.findMany({ where: { caseEventId: event.id }, orderBy: { canal: 'asc' } });
    expect(rows.map((r) => [r.canal, r.estado])).toEqual([
      ['chat:directline', 'ENVIADA'],
      ['email', 'ENVIADA'],
    ]);
    expect(await server.app.prisma.outboxEmail.count({ where: { dedupKey: notificationEmailKey(event.id) } })).toBe(1);
    const eml = await emlContaining(server.outboxDir, 'RL-2026-009001');
    expect(eml).toContain('requiere');
  });

  it('falls back to e-mail when the chat cannot be reached, and skips a closed web chat', async () => {
    jest.setTimeout(60_000);
    // The web chat was closed (no valid Direct Line token), and a stale reference points at a service that is down.
    await server.app.prisma.dlToken.deleteMany({ where: { conversationId: chat.id } });
    await server.app.prisma.citizenContact.create({
      data: {
        afiliadoId,
        channelId: 'emulator',
        conversationKey: 'emulator:perdida',
        reference: JSON.stringify({
          channelId: 'emulator',
          serviceUrl: 'http://127.0.0.1:9/',
          conversation: { id: 'perdida' },
          user: { id: 'u' },
          bot: { id: 'b' },
        }),
        updatedAt: new Date(),
      },
    });
    const event = await move('APROBADO', 'Su reliquidación fue aprobada.');
    await server.app.notifications.worker.tick();
    // The background worker may hold the claim of the failing channel while its connector retries: wait for the end.
    let rows = await server.app.prisma.caseNotification.findMany({ where: { caseEventId: event.id }, orderBy: { canal: 'asc' } });
    for (let i = 0; i < 300 && (rows.length < 3 || rows.some((r) => r.estado === 'ENVIANDO')); i++) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await server.app.prisma.caseNotification.findMany({ where: { caseEventId: event.id }, orderBy: { canal: 'asc' } });
    }
    expect(rows.map((r) => [r.canal, r.estado])).toEqual([
      ['chat:directline', 'OMITIDA'],
      ['chat:emulator', 'FALLIDA'],
      ['email', 'ENVIADA'],
    ]);
    expect(await server.app.prisma.outboxEmail.count({ where: { dedupKey: notificationEmailKey(event.id) } })).toBe(1);
    await emlContaining(server.outboxDir, 'aprobad');
  });
});
