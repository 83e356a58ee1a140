/**
 * Durability and the sign-in binding: a message stored but not processed (a crash between the 200 and the turn) is
 * processed exactly once after restart, also when another instance held its lease; and a forwarded sign-in link
 * never signs the attacker's chat in, nor the victim's.
 */
import { MSG, SIGNIN, SIGNIN_MOTIVO, WHATSAPP_CODIGO } from '../../catalog';
import { recordWaInbound } from '../../prisma/store/whatsappInbound';
import { textMessage, type WaUser } from '../../simulators/whatsapp/webhook';
import { createTestDatabase } from '../helpers/db';
import { Phone, readable, signInOnPage, startWhatsAppWorld, type WhatsAppWorld } from './helpers';

const JOSE = { cedula: '0939336715', clave: 'Litoral2017' };

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a crash between storing and processing', () => {
  it('processes the stored message once after restart (the app created twice on one database)', async () => {
    const db = await createTestDatabase();
    const world = await startWhatsAppWorld({ db });
    await world.stopApp();
    const user: WaUser = { waId: '593994000001', name: 'Reinicio' };
    const message = textMessage(user, 'teléfono del IESS');
    // What the webhook did before the crash: the message is recorded, its turn never ran, and a dead instance still
    // holds the user's lease for a moment.
    await recordWaInbound(db.prisma, [
      { wamid: String(message.id), waUser: user.waId ?? '', waId: user.waId, message: JSON.stringify(message), receivedAt: new Date() },
    ]);
    await db.prisma.waContact.update({
      where: { waUser: user.waId },
      data: { leaseOwner: 'instancia-caida', leaseUntil: new Date(Date.now() + 1000) },
    });
    // The user did write to Meta (the fake only answers users inside its window).
    world.graph.openWindow(user.waId ?? '');
    await world.restart();
    await until(async () => (await db.prisma.waInbound.findUnique({ where: { wamid: String(message.id) } }))?.estado === 'PROCESADO');
    await world.stopApp();
    await world.restart();
    await new Promise((r) => setTimeout(r, 500));
    const inbound = await db.prisma.waInbound.findMany({ where: { waUser: user.waId } });
    expect(inbound.map((r) => [r.estado, r.attempts])).toEqual([['PROCESADO', 0]]);
    const turns = await db.prisma.waOutbound.count({ where: { waUser: user.waId, kind: 'read' } });
    expect(turns).toBe(1);
    const replies = world.graph.sent.filter((m) => m.body.to === user.waId);
    expect(replies.length).toBeGreaterThan(0);
    expect(new Set(replies.map((m) => readable(m))).size).toBe(replies.length);
    await world.stop();
  }, 60_000);
});

describe('the forwarded sign-in link', () => {
  let world: WhatsAppWorld;
  beforeAll(async () => {
    world = await startWhatsAppWorld();
  }, 60_000);
  afterAll(async () => world?.stop());

  const session = (waUser: string) =>
    world.db.prisma.citizenSession.findUnique({ where: { conversationKey: `whatsapp:whatsapp:${waUser}` } });

  it('signs in neither the chat that asked (the attacker) nor the chat of the person who used the link', async () => {
    const attacker = new Phone(world, { waId: '593994000010', name: 'Atacante' });
    const victim = new Phone(world, { waId: '593994000011', name: 'José' });
    await victim.say('hola');
    await victim.waitFor(MSG.saludo);
    await attacker.say('quiero presentar una reliquidación');
    await attacker.waitFor(SIGNIN.instrucciones(10, SIGNIN_MOTIVO.reliquidacion).split('\n')[0]);
    const link = await attacker.link();
    // The victim opens the forwarded link and signs in with their own clave: the page asks for a code from the chat.
    const code = await signInOnPage(link, JOSE);
    expect(await session('593994000010')).toBeNull();
    // The victim sends the code from their own WhatsApp: it is not a code there, and signs nobody in.
    await victim.say(code);
    await new Promise((r) => setTimeout(r, 800));
    expect(await session('593994000011')).toBeNull();
    expect(await session('593994000010')).toBeNull();
    expect(victim.received().some((m) => readable(m).includes(SIGNIN.listo('José Luis')))).toBe(false);
    expect(attacker.received().some((m) => readable(m).includes(SIGNIN.listo('José Luis')))).toBe(false);
    // A wrong guess from the attacker's chat is refused; five end the sign-in.
    await attacker.say(code === '000000' ? '111111' : '000000');
    await attacker.waitFor(WHATSAPP_CODIGO.incorrecto);
    expect(await session('593994000010')).toBeNull();
  });

  it('signs in the chat that asked when the code comes from it within the minutes, once', async () => {
    const phone = new Phone(world, { waId: '593994000020', name: 'José' });
    await phone.say('quiero presentar una reliquidación');
    const link = await phone.link();
    const code = await signInOnPage(link, JOSE);
    expect(await session('593994000020')).toBeNull();
    await phone.say(code);
    await phone.waitFor(SIGNIN.listo('José Luis'));
    expect(await session('593994000020')).not.toBeNull();
    expect(await world.db.prisma.waSignInCode.count({ where: { conversationKey: 'whatsapp:whatsapp:593994000020' } })).toBe(0);
    // The link was single-use: opening it again is refused.
    expect((await fetch(link)).status).toBe(410);
  });
});
