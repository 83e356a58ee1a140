/**
 * Media through the Graph API's media endpoints, the 24-hour window and templates, back-off on Meta's throughput
 * errors, unsupported inputs, and the stored copy of a clave-bearing message, against the fake Graph API.
 */
import { WHATSAPP_NO_ADMITIDO } from '../../catalog';
import { inspectDocument, refusalMessage } from '../../core/documents';
import { DomainError } from '../../core/domain/errors';
import { REDACTED_TEXT } from '../../dialogs/shared/sensitive';
import { envelope, messagesChange, userMessage, type WaUser } from '../../simulators/whatsapp/webhook';
import { makeJpeg, makeOversizedFile, makePdf } from '../helpers/documentFiles';
import { Phone, readable, startWhatsAppWorld, WA, type WhatsAppWorld } from './helpers';

const TEMPLATE = { name: 'aviso_tramite', language: 'es', parameters: ['RI-2026-000001'] };

describe('WhatsApp media, window and delivery', () => {
  // Real time (the back-off needs it to move) plus an offset the window test moves by a day.
  let offset = 0;
  let world: WhatsAppWorld;
  beforeAll(async () => {
    world = await startWhatsAppWorld({ clock: () => new Date(Date.now() + offset) });
  }, 60_000);
  afterAll(async () => world?.stop());

  const reference = (user: WaUser) => ({ channelId: 'whatsapp', conversation: { id: `whatsapp:${user.waId}` } });

  async function mediaFrom(user: WaUser, bytes: Buffer, mimeType: string, filename: string) {
    const media = world.graph.addMedia(bytes, mimeType, filename);
    const message = userMessage(user, 'document', { document: { id: media.id, mime_type: mimeType, sha256: media.sha256, filename } });
    await world.graph.deliver(envelope([[messagesChange(WA.phoneNumberId, [user], [message])]]));
    return { contentType: mimeType, contentUrl: `whatsapp-media:${media.id}`, name: filename };
  }
  const read = (attachment: { contentType: string; contentUrl: string; name: string }, user: WaUser) =>
    world.channel.readAttachment?.(attachment, { channelId: 'whatsapp', conversationId: `whatsapp:${user.waId}` });

  describe('media', () => {
    const user: WaUser = { waId: '593991000001', name: 'Media' };
    it.each([
      ['a valid JPG', () => makeJpeg(1200, 900), 'image/jpeg', 'cedula.jpg'],
      ['a valid PDF', () => makePdf(), 'application/pdf', 'solicitud.pdf'],
    ])('reads %s byte for byte and the intake accepts it', async (_name, make, mime, filename) => {
      const bytes = await make();
      const file = await read(await mediaFrom(user, bytes, mime, filename), user);
      expect(file?.bytes.equals(bytes)).toBe(true);
      expect((await inspectDocument({ bytes: file?.bytes ?? Buffer.alloc(0), declaredName: filename, purpose: 'cedula' })).ok).toBe(true);
    });

    it('reads a file over 1 MB only up to the limit, and the intake refuses it for its size', async () => {
      const file = await read(await mediaFrom(user, makeOversizedFile(3 * 1024 * 1024), 'application/pdf', 'grande.pdf'), user);
      expect(file?.bytes.length).toBe(1024 * 1024 + 1);
      const result = await inspectDocument({ bytes: file?.bytes ?? Buffer.alloc(0), declaredName: 'grande.pdf', purpose: 'cedula' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(refusalMessage(result, 'grande.pdf')).toMatch(/1 MB/);
    });

    it('fetches the media URL again when it has expired', async () => {
      const bytes = await makePdf();
      const attachment = await mediaFrom(user, bytes, 'application/pdf', 'solicitud.pdf');
      const real = world.graph.mediaRequests.metadata;
      // The first URL expires between the look-up and the download: the reader asks for a new one.
      const original = global.fetch;
      let expired = false;
      global.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
        if (!expired && String(input).includes('/media-download/')) {
          expired = true;
          world.graph.expireMediaUrls();
        }
        return original(input, init);
      }) as typeof fetch;
      try {
        const file = await read(attachment, user);
        expect(file?.bytes.equals(bytes)).toBe(true);
      } finally {
        global.fetch = original;
      }
      expect(world.graph.mediaRequests.metadata - real).toBe(2);
      expect(world.graph.mediaRequests.expired).toBeGreaterThan(0);
    });

    it('does not read media sent in another chat', async () => {
      const attachment = await mediaFrom(user, await makePdf(), 'application/pdf', 'x.pdf');
      expect(await read(attachment, { waId: '593991000099', name: 'Otro' })).toBeUndefined();
    });
  });

  describe('the 24-hour window', () => {
    const user: WaUser = { waId: '593991000002', name: 'Ventana' };

    it('sends free-form messages inside the window, and only a template after it, to a citizen who opted in', async () => {
      const phone = new Phone(world, user);
      await phone.say('teléfono del IESS');
      await phone.waitFor('');
      expect(await world.channel.proactiveWindow?.isOpen(reference(user))).toBe(true);
      await expect(world.channel.proactiveWindow?.sendTemplate(reference(user), TEMPLATE)).rejects.toMatchObject({
        code: 'whatsapp_sin_consentimiento',
      });
      await expect(world.channel.proactiveWindow?.sendTemplate(reference(user), TEMPLATE)).rejects.toBeInstanceOf(DomainError);
      await phone.tap('Sí, acepto');
      await phone.waitFor('Listo');
      offset += 24 * 60 * 60 * 1000 + 1000;
      expect(await world.channel.proactiveWindow?.isOpen(reference(user))).toBe(false);
      const before = world.graph.sent.length;
      await world.channel.proactiveWindow?.sendTemplate(reference(user), TEMPLATE);
      const template = await world.graph.waitFor((m) => m.body.type === 'template' && m.body.to === user.waId, { from: before });
      expect(template.body.template).toEqual({
        name: 'aviso_tramite',
        language: { code: 'es' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'RI-2026-000001' }] }],
      });
    });

    it('gives up a free-form message Meta refuses with 131047 and closes the window', async () => {
      const other: WaUser = { waId: '593991000003', name: 'Cerrada' };
      await new Phone(world, other).say('hola');
      await world.graph.waitFor((m) => m.body.to === other.waId);
      await new Promise((r) => setTimeout(r, 300));
      world.graph.failNext([131047], other.waId);
      await world.channel.continueConversation(reference(other), async (context) => {
        await context.sendActivity('aviso de prueba');
      });
      let row;
      for (let i = 0; i < 100; i += 1) {
        row = await world.db.prisma.waOutbound.findFirst({ where: { waUser: other.waId, errorCode: 131047 } });
        if (row?.estado === 'FALLIDO') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(row).toMatchObject({ estado: 'FALLIDO', errorCode: 131047, attempts: 1, body: '{}' });
      expect(await world.channel.proactiveWindow?.isOpen(reference(other))).toBe(false);
    });
  });

  it.each([[130429], [131056]])('backs off on %i and delivers the message afterwards, once', async (code) => {
    const user: WaUser = { waId: `59399200${code}`.slice(0, 12), name: 'Limite' };
    const phone = new Phone(world, user);
    world.graph.failNext([code, code], user.waId);
    await phone.say('¿atienden los sábados?');
    await phone.waitFor('');
    for (
      let i = 0;
      i < 100 && (await world.db.prisma.waOutbound.count({ where: { waUser: user.waId, estado: 'PENDIENTE' } })) > 0;
      i += 1
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const rows = await world.db.prisma.waOutbound.findMany({ where: { waUser: user.waId }, orderBy: { id: 'asc' } });
    // The first request (the read receipt) met both refusals, waited, and went through on its third attempt.
    expect(rows[0]).toMatchObject({ kind: 'read', estado: 'ENVIADO', attempts: 2, errorCode: code });
    expect(rows.slice(1).every((r) => r.estado === 'ENVIADO' && r.attempts === 0)).toBe(true);
    expect(world.graph.refused.filter((r) => r.code === code)).toHaveLength(2);
    expect(world.graph.sent.filter((m) => m.body.message_id === rows[0].wamid || m.body.to === user.waId).length).toBe(rows.length - 1);
    expect(world.channel.sender.backoffMs(1)).toBeLessThan(world.channel.sender.backoffMs(2));
  });

  it.each([
    ['audio', { audio: { id: '1', mime_type: 'audio/ogg' } }, WHATSAPP_NO_ADMITIDO.audio],
    ['video', { video: { id: '2', mime_type: 'video/mp4' } }, WHATSAPP_NO_ADMITIDO.video],
    ['sticker', { sticker: { id: '3', mime_type: 'image/webp' } }, WHATSAPP_NO_ADMITIDO.sticker],
    ['location', { location: { latitude: -0.18, longitude: -78.47 } }, WHATSAPP_NO_ADMITIDO.location],
    ['contacts', { contacts: [{ name: { formatted_name: 'X' } }] }, WHATSAPP_NO_ADMITIDO.contacts],
    ['reaction', { reaction: { message_id: 'wamid.x', emoji: '👍' } }, WHATSAPP_NO_ADMITIDO.reaction],
    ['unsupported', { unsupported: { type: 'poll' } }, WHATSAPP_NO_ADMITIDO.otro],
  ])('answers a %s message with its own sentence', async (type, content, answer) => {
    const user: WaUser = { waId: '593993000001', name: 'Tipos' };
    const mark = world.graph.sent.length;
    await world.graph.deliver(envelope([[messagesChange(WA.phoneNumberId, [user], [userMessage(user, type, content)])]]));
    await world.graph.waitFor((m) => m.body.to === user.waId && readable(m).includes(answer), { from: mark });
  });

  it('stores a message that carries a clave only redacted, after warning the citizen', async () => {
    const user: WaUser = { waId: '593993000002', name: 'Clave' };
    const phone = new Phone(world, user);
    await phone.say('mi clave es Litoral2017');
    await phone.waitFor('clave');
    for (
      let i = 0;
      i < 50 && (await world.db.prisma.waInbound.count({ where: { waUser: user.waId, estado: 'PROCESADO' } })) === 0;
      i += 1
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const stored = await world.db.prisma.waInbound.findMany({ where: { waUser: user.waId } });
    expect(stored.map((r) => JSON.parse(r.message).text.body)).toEqual([REDACTED_TEXT]);
  });
});
