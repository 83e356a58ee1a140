import {
  buttonReply,
  deliverWebhook,
  envelope,
  messagesChange,
  signBody,
  statusChange,
  textMessage,
  type WaUser,
} from '../../simulators/whatsapp/webhook';
import { Phone, readable, startWhatsAppWorld, WA, type WhatsAppWorld } from './helpers';

const ana: WaUser = { waId: '593987650001', name: 'Ana' };
const luis: WaUser = { waId: '593987650002', name: 'Luis' };
const sinTelefono: WaUser = { userId: 'EC.1234567890123456', name: 'Sin Teléfono' };

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('WhatsApp webhook', () => {
  let world: WhatsAppWorld;
  beforeAll(async () => {
    world = await startWhatsAppWorld();
  }, 60_000);
  afterAll(async () => world?.stop());

  const processed = (): Promise<number> => world.db.prisma.waInbound.count({ where: { estado: 'PROCESADO' } });

  it.each([
    ['the right token', WA.verifyToken, 200, 'desafio-123'],
    ['a wrong token', 'otro-token', 403, 'Forbidden'],
  ])('verification with %s', async (_name, token, status, body) => {
    const url = `${world.webhookUrl}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=desafio-123`;
    const response = await fetch(url);
    expect(response.status).toBe(status);
    expect(await response.text()).toBe(body);
  });

  it('refuses verification without hub.mode=subscribe', async () => {
    const response = await fetch(`${world.webhookUrl}?hub.verify_token=${WA.verifyToken}&hub.challenge=x`);
    expect(response.status).toBe(403);
  });

  it('accepts a good signature over raw bytes with ñ, á, "/" and emoji, and answers the message', async () => {
    const message = textMessage(ana, 'Señor, ¿qué necesito para la reliquidación? 🙏 a/b');
    // Written by hand so the bytes differ from JSON.stringify (escaped slash, spaces): the signature is over these bytes.
    const raw = Buffer.from(
      JSON.stringify(envelope([[messagesChange(WA.phoneNumberId, [ana], [message])]]), null, 1).replace(/\//g, '\\/'),
      'utf8',
    );
    expect(raw.toString('utf8')).toContain('a\\/b');
    const answer = await world.graph.deliver(raw);
    expect(answer.status).toBe(200);
    const stored = await world.db.prisma.waInbound.findUnique({ where: { wamid: String(message.id) } });
    expect(JSON.parse(stored?.message ?? '{}').text.body).toBe('Señor, ¿qué necesito para la reliquidación? 🙏 a/b');
    await world.graph.waitFor((m) => m.body.to === ana.waId && readable(m).includes('reliquidación'), { timeoutMs: 15_000 });
  });

  it.each([
    ['a wrong signature', signBody('otro-secreto', Buffer.from('{}'))],
    ['a malformed signature', 'sha1=abc'],
    ['no signature', null],
  ])('answers 401 to %s and stores nothing', async (_name, signature) => {
    const before = await world.db.prisma.waInbound.count();
    const payload = envelope([[messagesChange(WA.phoneNumberId, [luis], [textMessage(luis, 'hola')])]]);
    const answer = await deliverWebhook(world.webhookUrl, WA.appSecret, payload, { signature });
    expect(answer.status).toBe(401);
    expect(await world.db.prisma.waInbound.count()).toBe(before);
  });

  it('answers 400 to a signed body that is not JSON', async () => {
    expect((await deliverWebhook(world.webhookUrl, WA.appSecret, Buffer.from('no es json'))).status).toBe(400);
  });

  it('runs one turn for a duplicated wamid', async () => {
    const phone = new Phone(world, luis);
    const message = textMessage(luis, 'teléfono del IESS');
    const payload = envelope([[messagesChange(WA.phoneNumberId, [luis], [message])]]);
    const before = phone.received().length;
    expect((await world.graph.deliver(payload)).status).toBe(200);
    await until(async () => (await world.db.prisma.waInbound.findUnique({ where: { wamid: String(message.id) } }))?.estado === 'PROCESADO');
    await until(async () => (await world.db.prisma.waOutbound.count({ where: { waUser: luis.waId, estado: 'PENDIENTE' } })) === 0);
    const afterFirst = phone.received().length;
    expect(afterFirst).toBeGreaterThan(before);
    expect((await world.graph.deliver(payload)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 600));
    expect(await world.db.prisma.waInbound.count({ where: { wamid: String(message.id) } })).toBe(1);
    expect(phone.received().length).toBe(afterFirst);
  });

  it('runs N turns for a batched delivery (two entries, three messages, a user with only a user_id), in order per user', async () => {
    const start = await processed();
    const first = textMessage(ana, 'teléfono del IESS');
    const second = textMessage(ana, 'requisitos para la reinserción laboral');
    const third = textMessage(sinTelefono, '¿atienden los sábados?');
    const payload = envelope([
      [messagesChange(WA.phoneNumberId, [ana], [first, second])],
      [messagesChange(WA.phoneNumberId, [sinTelefono], [third])],
    ]);
    expect((await world.graph.deliver(payload)).status).toBe(200);
    await until(async () => (await processed()) === start + 3);
    const rows = await world.db.prisma.waInbound.findMany({
      where: { wamid: { in: [String(first.id), String(second.id)] } },
      orderBy: { processedAt: 'asc' },
    });
    expect(rows.map((r) => r.wamid)).toEqual([first.id, second.id]);
    await world.graph.waitFor((m) => m.body.recipient === sinTelefono.userId && m.body.to === undefined);
  });

  it('applies status callbacks to the outbound record', async () => {
    const phone = new Phone(world, ana);
    await phone.say('hola');
    const sent = await phone.waitFor('');
    await until(async () => (await world.db.prisma.waOutbound.count({ where: { wamid: sent.wamid } })) === 1);
    for (const status of ['sent', 'delivered', 'read'] as const) {
      expect(
        (await world.graph.deliver(envelope([[statusChange(WA.phoneNumberId, { wamid: sent.wamid, status, recipient: ana.waId ?? '' })]])))
          .status,
      ).toBe(200);
      expect((await world.db.prisma.waOutbound.findUnique({ where: { wamid: sent.wamid } }))?.status).toBe(status);
    }
    const failed = statusChange(WA.phoneNumberId, {
      wamid: sent.wamid,
      status: 'failed',
      recipient: ana.waId ?? '',
      errors: [{ code: 131026, title: 'Message undeliverable' }],
    });
    await world.graph.deliver(envelope([[failed]]));
    const row = await world.db.prisma.waOutbound.findUnique({ where: { wamid: sent.wamid } });
    expect(row).toMatchObject({ status: 'failed', estado: 'FALLIDO', errorCode: 131026 });
  });

  it('closes the window on a failed status with 131047', async () => {
    const phone = new Phone(world, luis);
    await phone.say('hola');
    const sent = await phone.waitFor('');
    await until(async () => (await world.db.prisma.waOutbound.count({ where: { wamid: sent.wamid } })) === 1);
    expect((await world.db.prisma.waContact.findUnique({ where: { waUser: luis.waId } }))?.lastUserMessageAt).not.toBeNull();
    const errors = [{ code: 131047, title: 'Re-engagement message' }];
    await world.graph.deliver(
      envelope([[statusChange(WA.phoneNumberId, { wamid: sent.wamid, status: 'failed', recipient: luis.waId ?? '', errors })]]),
    );
    expect((await world.db.prisma.waContact.findUnique({ where: { waUser: luis.waId } }))?.lastUserMessageAt).toBeNull();
  });

  it('marks messages read with the typing indicator', async () => {
    const message = buttonReply(luis, 'teléfono del IESS', 'Teléfono');
    await world.graph.deliver(envelope([[messagesChange(WA.phoneNumberId, [luis], [message])]]));
    const read = await world.graph.waitFor((m) => m.body.status === 'read' && m.body.message_id === message.id);
    expect(read.body.typing_indicator).toEqual({ type: 'text' });
  });

  it('ignores changes for another phone number id (200, nothing stored)', async () => {
    const before = await world.db.prisma.waInbound.count();
    const answer = await world.graph.deliver(envelope([[messagesChange('000000', [luis], [textMessage(luis, 'hola')])]]));
    expect(answer.status).toBe(200);
    expect(await world.db.prisma.waInbound.count()).toBe(before);
  });
});
