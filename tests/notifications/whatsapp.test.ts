/**
 * Case notifications to citizens signed in on WhatsApp (signed webhook, fake Graph API): free-form inside the
 * 24-hour window, the configured utility template outside it only with opt-in, e-mail only without opt-in, once on
 * retry, and the e-mail still sent when Meta refuses the WhatsApp message (a Graph error envelope).
 */
import { ESTADO_NOMBRE, MENU, MSG, NOTIFICACIONES, SIGNIN, TIPO_NOMBRE, WHATSAPP_AVISOS } from '../../catalog';
import type { CaseStateName } from '../../core/domain/cases';
import { notificationEmailKey } from '../../core/usecases/notifications/notifyCaseEvents';
import { DEMO_FIXTURE } from '../../prisma/store/seed';
import type { SentMessage } from '../../simulators/whatsapp/fakeGraph';
import { Phone, readable, signInOnPage, startWhatsAppWorld, type WhatsAppWorld } from '../whatsapp/helpers';

const TEMPLATE = 'aviso_tramite';
const DAY_MS = 24 * 60 * 60 * 1000;

function person(cedula: string) {
  const a = DEMO_FIXTURE.afiliados.find((x) => x.cedula === cedula);
  if (!a || !('clave' in a) || !a.clave || !a.email) throw new Error(`falta ${cedula} en el fixture`);
  return { cedula, clave: a.clave, nombres: a.nombres, email: a.email };
}
const JOSE = person('0939336715');
const ROSA = person('0145878195');
const CARLOS = person('1849579501');

describe('case notifications on WhatsApp: window, template with opt-in, once, e-mail fallback', () => {
  // Real time (the sender's back-off needs it) plus an offset that moves the clock past the 24-hour window.
  let offset = 0;
  let world: WhatsAppWorld;
  const phones: Record<string, Phone> = {};
  beforeAll(async () => {
    world = await startWhatsAppWorld({ clock: () => new Date(Date.now() + offset), env: { WHATSAPP_TEMPLATE_NAME: TEMPLATE } });
    phones.jose = new Phone(world, { waId: '593990001301', name: 'José' });
    phones.rosa = new Phone(world, { waId: '593990001302', name: 'Rosa' });
    phones.carlos = new Phone(world, { waId: '593990001303', name: 'Carlos' });
    await signIn(phones.jose, JOSE, true);
    await signIn(phones.rosa, ROSA, false);
    await signIn(phones.carlos, CARLOS, true);
  }, 120_000);
  afterAll(async () => world?.stop());

  /** Greets, answers the opt-in question, signs in from "Mis trámites" with the code from the IESS page. */
  async function signIn(phone: Phone, who: typeof JOSE, optIn: boolean): Promise<void> {
    await phone.say('hola');
    await phone.waitFor(MSG.saludo);
    await phone.tap(optIn ? WHATSAPP_AVISOS.si : WHATSAPP_AVISOS.no);
    await phone.waitFor(optIn ? WHATSAPP_AVISOS.aceptado : WHATSAPP_AVISOS.rechazado);
    await phone.tap(MENU.misTramites);
    const code = await signInOnPage(await phone.link(), who);
    await phone.say(code);
    await phone.waitFor(SIGNIN.listo(who.nombres));
  }

  let seq = 0;
  /** A case of `cedula` moved to `estado` by the system or an agent (a case event to notify). */
  async function move(cedula: string, estado: CaseStateName, nota: string) {
    const afiliado = await world.app.prisma.afiliado.findUniqueOrThrow({ where: { cedula } });
    const numero = `RL-2026-0091${String(++seq).padStart(2, '0')}`;
    const created = await world.app.prisma.case.create({
      data: { numero, tipo: 'RELIQUIDACION', estado: 'EN_REVISION', afiliadoId: afiliado.id },
    });
    const event = await world.app.prisma.caseEvent.create({
      data: { caseId: created.id, estado, nota, autor: 'agente', fecha: new Date(Date.now() + offset), notificar: true },
    });
    return { event, facts: { numero, tipo: TIPO_NOMBRE.RELIQUIDACION, estado, nota } };
  }

  /** Ticks the worker until every row of the event is final (no ENVIANDO), then returns [canal, estado, detalle]. */
  async function settled(caseEventId: string): Promise<string[][]> {
    let rows: { canal: string; estado: string }[] = [];
    for (let i = 0; i < 100; i++) {
      await world.app.notifications.worker.tick();
      rows = await world.app.prisma.caseNotification.findMany({ where: { caseEventId }, orderBy: { canal: 'asc' } });
      if (rows.length >= 2 && rows.every((r) => r.estado !== 'ENVIANDO' && r.estado !== 'PENDIENTE'))
        return rows.map((r) => [r.canal, r.estado]);
      await new Promise((r) => setTimeout(r, 100));
    }
    const contacts = await world.app.prisma.citizenContact.findMany();
    throw new Error(`the notification did not settle: ${JSON.stringify({ rows, contacts })}`);
  }

  /** The notification e-mail of the event: one outbox row, to the citizen, sent by the outbox worker; its subject (the body is cleared once sent). */
  const emailOf = async (caseEventId: string, address: string): Promise<string> => {
    for (let i = 0; i < 100; i++) {
      const rows = await world.app.prisma.outboxEmail.findMany({ where: { dedupKey: notificationEmailKey(caseEventId) } });
      expect(rows).toHaveLength(1);
      expect(rows[0].to).toBe(address);
      if (rows[0].estado === 'ENVIADO') return rows[0].subject;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the e-mail to ${address} was not sent`);
  };
  const to = (phone: Phone) => (m: SentMessage) => m.body.to === phone.user.waId;

  it('inside the 24-hour window: a free-form message and the e-mail, once even when the worker runs again', async () => {
    const { event, facts } = await move(JOSE.cedula, 'REQUIERE_INFORMACION', 'Copia legible de la cédula');
    expect(await settled(event.id)).toEqual([
      ['chat:whatsapp', 'ENVIADA'],
      ['email', 'ENVIADA'],
    ]);
    const text = NOTIFICACIONES.chat(facts);
    await world.graph.waitFor((m) => to(phones.jose)(m) && readable(m) === text);
    await Promise.all([world.app.notifications.worker.tick(), world.app.notifications.worker.tick()]);
    await new Promise((r) => setTimeout(r, 500));
    expect(world.graph.sent.filter((m) => to(phones.jose)(m) && readable(m) === text)).toHaveLength(1);
    expect(text).toContain(MENU.misTramites);
    expect(await emailOf(event.id, JOSE.email)).toBe(NOTIFICACIONES.email(facts, JOSE.nombres).subject);
  });

  it('when Meta refuses the WhatsApp message (Graph error envelope), the e-mail still reaches the citizen', async () => {
    world.graph.failNext([100], phones.carlos.user.waId);
    const { event, facts } = await move(CARLOS.cedula, 'APROBADO', 'Su reliquidación fue aprobada.');
    const rows = await settled(event.id);
    expect(rows.find((r) => r[0] === 'email')).toEqual(['email', 'ENVIADA']);
    for (let i = 0; i < 50 && !world.graph.refused.some((r) => r.body.to === phones.carlos.user.waId); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(world.graph.refused.filter((r) => r.body.to === phones.carlos.user.waId).map((r) => r.code)).toEqual([100]);
    // The sender gives the refused message up (no retry of a permanent error); the notification row only records
    // that the message was handed to the WhatsApp queue (see README, "Case notifications").
    const failed = { waUser: phones.carlos.user.waId, errorCode: 100, estado: 'FALLIDO' };
    for (let i = 0; i < 50 && (await world.app.prisma.waOutbound.count({ where: failed })) === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await world.app.prisma.waOutbound.count({ where: failed })).toBe(1);
    expect(world.graph.sent.some((m) => to(phones.carlos)(m) && readable(m) === NOTIFICACIONES.chat(facts))).toBe(false);
    expect(await emailOf(event.id, CARLOS.email)).toBe(NOTIFICACIONES.email(facts, CARLOS.nombres).subject);
  });

  it('outside the window, with opt-in: the configured utility template with the case number and state', async () => {
    offset = DAY_MS + 60 * 60 * 1000;
    const { event, facts } = await move(JOSE.cedula, 'APROBADO', 'Su reliquidación fue aprobada.');
    expect(await settled(event.id)).toEqual([
      ['chat:whatsapp', 'ENVIADA'],
      ['email', 'ENVIADA'],
    ]);
    const sent = await world.graph.waitFor((m) => to(phones.jose)(m) && m.body.type === 'template');
    expect(sent.body.template).toEqual({
      name: TEMPLATE,
      language: { code: 'es' },
      components: [{ type: 'body', parameters: NOTIFICACIONES.plantilla(facts).map((text) => ({ type: 'text', text })) }],
    });
    expect(NOTIFICACIONES.plantilla(facts)).toEqual([facts.numero, ESTADO_NOMBRE.APROBADO]);
    expect(world.graph.sent.some((m) => to(phones.jose)(m) && readable(m) === NOTIFICACIONES.chat(facts))).toBe(false);
    await emailOf(event.id, JOSE.email);
  });

  it('outside the window, without opt-in: nothing on WhatsApp, the e-mail only', async () => {
    const before = world.graph.sent.filter(to(phones.rosa)).length;
    const { event } = await move(ROSA.cedula, 'NEGADO', 'Su empleador tiene aportes pendientes.');
    expect(await settled(event.id)).toEqual([
      ['chat:whatsapp', 'OMITIDA'],
      ['email', 'ENVIADA'],
    ]);
    const row = await world.app.prisma.caseNotification.findFirstOrThrow({ where: { caseEventId: event.id, canal: 'chat:whatsapp' } });
    expect(JSON.stringify(row)).toContain('whatsapp_sin_consentimiento');
    await new Promise((r) => setTimeout(r, 300));
    expect(world.graph.sent.filter(to(phones.rosa))).toHaveLength(before);
    await emailOf(event.id, ROSA.email);
  });
});
