/**
 * Whole journeys over the WhatsApp webhook and the fake Graph API, with the same assertions as the web-chat tests
 * (tests/e2e/webchat.browser.test.ts, claveReset.test.ts, filing.browser.test.ts): requisitos, a portal service,
 * case status, clave recovery (employer and year offered as lists), and a reinserción with two documents as media.
 * Every message the bot sends passes the fake's own validation of Meta's limits (an invalid one would be refused).
 */
import {
  CLARIFY_LABELS,
  DOCUMENTO_NOMBRE,
  ESTADO,
  getTramite,
  MENU,
  MSG,
  RECUPERAR,
  REINSERCION,
  REINSERCION_PRESENCIAL,
  REQUISITOS,
  SIGNIN,
  SIGNIN_MOTIVO,
  WHATSAPP_AVISOS,
} from '../../catalog';
import { refusalMessage } from '../../core/documents';
import { maskEmail, maskIdentificacion } from '../../core/domain/masking';
import { DEMO_FIXTURE } from '../../prisma/store/seed';
import { FIXED_NOW } from '../helpers/dialogHarness';
import { makeJpeg, makePdf, makePng } from '../helpers/documentFiles';
import { Phone, signInOnPage, startWhatsAppWorld, type WhatsAppWorld } from './helpers';

const firstLine = (text: string): string => text.split('\n')[0];
const DETALLE = 'Quiero volver a trabajar como bodeguero en una ferretería de Ambato, en horario de medio tiempo.';

function person(cedula: string) {
  const a = DEMO_FIXTURE.afiliados.find((x) => x.cedula === cedula);
  if (!a || !('clave' in a) || !a.clave || !a.email) throw new Error(`falta ${cedula} en el fixture`);
  return { cedula, clave: a.clave, nombres: a.nombres, apellidos: a.apellidos, email: a.email, provincia: a.provincia };
}
const CARLOS = person('1849579501');

describe('journeys on WhatsApp (webhook + fake Graph API)', () => {
  let world: WhatsAppWorld;
  beforeAll(async () => {
    world = await startWhatsAppWorld({ clock: () => FIXED_NOW });
  }, 60_000);
  afterAll(async () => world?.stop());

  afterEach(() => {
    expect(world.graph.refused.filter((r) => r.code === 131009)).toEqual([]);
  });

  it('greets, answers the question first, then asks the notification opt-in once and stores the answer', async () => {
    const phone = new Phone(world, { waId: '593990000001', name: 'Marta' });
    await phone.say('hola');
    await phone.waitFor(MSG.saludo);
    await phone.waitFor(WHATSAPP_AVISOS.pregunta);
    const order = phone
      .received()
      .map((m) => (m.body.type === 'interactive' ? JSON.stringify(m.body.interactive) : String((m.body.text as { body: string }).body)));
    expect(order.findIndex((t) => t.includes(WHATSAPP_AVISOS.pregunta))).toBeGreaterThan(order.findIndex((t) => t.includes(MSG.saludo)));
    await phone.tap(WHATSAPP_AVISOS.si);
    await phone.waitFor(WHATSAPP_AVISOS.aceptado);
    expect(await world.db.prisma.waContact.findUnique({ where: { waUser: '593990000001' } })).toMatchObject({ optIn: true });
    await phone.say('teléfono del IESS');
    await new Promise((r) => setTimeout(r, 500));
    expect(phone.received().filter((m) => JSON.stringify(m.body).includes(WHATSAPP_AVISOS.pregunta))).toHaveLength(1);
  });

  it('requisitos: the menu as a list, then a trámite', async () => {
    const phone = new Phone(world, { waId: '593990000002', name: 'Pedro' });
    await phone.say('hola');
    await phone.waitFor(MSG.saludo);
    await phone.tap(MENU.requisitos);
    await phone.waitFor(REQUISITOS.elegir);
    await phone.tap(getTramite('reliquidacion').etiqueta);
    await phone.waitFor('Sirve para volver a calcular la pensión');
    await phone.say('que documentos necesito para la reinsercion laboral');
    await phone.waitFor('Es la autorización para volver a trabajar');
    await phone.waitFor('Cada archivo debe ser JPG o PDF y pesar máximo 1 MB.');
  });

  it('a portal service: the certificado de afiliación', async () => {
    const phone = new Phone(world, { waId: '593990000003', name: 'Rosa' });
    await phone.say('necesito el certificado de afiliacion');
    const answer = await phone.waitFor('código QR');
    expect(JSON.stringify(answer.body)).toMatch(/en un minuto.*asegurado activo.*código QR y firma electrónica/);
  });

  it('case status from the store', async () => {
    const phone = new Phone(world, { waId: '593990000004', name: 'Diego' });
    await phone.say('quiero saber el estado de mi tramite');
    await phone.waitFor(ESTADO.pedirNumero);
    await phone.say('RL-2026-000042');
    await phone.waitFor(firstLine(ESTADO.pedirIdentificacion));
    await phone.say('2314944220');
    await phone.waitFor('Estado: en revisión, desde el 9 de octubre de 2026.');
  });

  it('clave recovery: the employer and year questions come as lists, the answers are redacted in the store', async () => {
    const phone = new Phone(world, { waId: '593990000005', name: 'José' });
    await phone.say('olvidé mi clave');
    await phone.waitFor(RECUPERAR.pedirIdentificacion);
    await phone.say('0939336715');
    await phone.waitFor(RECUPERAR.pedirFecha);
    await phone.say('21/11');
    await phone.waitFor(RECUPERAR.pedirEmpleador);
    expect(phone.offeredAsList('Pesquera Manabí S.A.')).toBe(true);
    await phone.tap('Pesquera Manabí S.A.');
    await phone.waitFor(RECUPERAR.pedirAnio);
    expect(phone.offeredAsList('1976')).toBe(true);
    await phone.tap('1976');
    await phone.say('Firulais');
    await phone.say('Portoviejo');
    await phone.waitFor(RECUPERAR.confirmarCorreo('j***@example.ec'));
    await phone.tap('Sí');
    await phone.waitFor(RECUPERAR.enviado('j***@example.ec'));
    const stored = (await world.db.prisma.waInbound.findMany({ where: { waUser: '593990000005' } })).map((r) => r.message).join('\n');
    for (const secret of ['Pesquera Manabí', '1976', 'Firulais', 'Portoviejo', '21/11']) expect(stored).not.toContain(secret);
  });

  it('reinserción: signs in with the code from the same chat, a PNG named .jpg is refused, a JPEG cédula and a PDF solicitud are kept', async () => {
    const phone = new Phone(world, { waId: '593990000006', name: 'Carlos' });
    await phone.say('hola');
    await phone.waitFor(MSG.saludo);
    await phone.tap(MENU.solicitud);
    await phone.tap(CLARIFY_LABELS.reinsercion);
    await phone.waitFor(firstLine(SIGNIN.instrucciones(10, SIGNIN_MOTIVO.reinsercion)));
    const link = await phone.link();
    expect(new URL(link).pathname).toBe('/ingresar');
    const code = await signInOnPage(link, CARLOS);
    await phone.say(code);
    await phone.waitFor(SIGNIN.listo(CARLOS.nombres));
    await phone.waitFor(REINSERCION.intro(CARLOS.nombres));
    await phone.waitFor(REINSERCION_PRESENCIAL);
    await phone.waitFor(REINSERCION.pedirProvincia);
    expect(JSON.stringify(phone.received().at(-1)?.body)).toContain(`. ${CARLOS.provincia}`);
    await phone.say(CARLOS.provincia);
    await phone.waitFor(REINSERCION.pedirDetalle);
    await phone.say(DETALLE);
    await phone.waitFor(REINSERCION.pedidoCedula);
    await phone.sendFile(makePng(), 'image/jpeg', 'cedula.jpg', 'document');
    await phone.waitFor(refusalMessage({ ok: false, problem: 'UNSUPPORTED_TYPE', detected: 'png' }, 'cedula.jpg'));
    await phone.sendFile(makeJpeg(1200, 900), 'image/jpeg', 'cedula.jpg', 'document');
    await phone.waitFor(REINSERCION.pedidoSolicitud);
    await phone.sendFile(await makePdf(), 'application/pdf', 'solicitud.pdf');
    await phone.waitFor(REINSERCION.confirmar);
    await phone.waitFor(
      REINSERCION.resumen({
        nombre: `${CARLOS.nombres} ${CARLOS.apellidos}`,
        identificacion: maskIdentificacion(CARLOS.cedula),
        provincia: CARLOS.provincia,
        detalle: DETALLE,
        documentos: [DOCUMENTO_NOMBRE.cedula, DOCUMENTO_NOMBRE.solicitud],
      }),
    );
    await phone.tap(REINSERCION.si);
    const afiliado = await world.db.prisma.afiliado.findUniqueOrThrow({ where: { cedula: CARLOS.cedula } });
    let cases = await world.db.prisma.case.findMany({
      where: { afiliadoId: afiliado.id, tipo: 'REINSERCION' },
      include: { documents: { orderBy: { tipo: 'asc' } } },
    });
    for (let i = 0; i < 100 && cases.length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      cases = await world.db.prisma.case.findMany({
        where: { afiliadoId: afiliado.id, tipo: 'REINSERCION' },
        include: { documents: { orderBy: { tipo: 'asc' } } },
      });
    }
    expect(cases).toHaveLength(1);
    const kase = cases[0];
    expect(kase.numero).toMatch(/^RI-2026-\d{6}$/);
    expect([kase.provincia, kase.detalle]).toEqual([CARLOS.provincia, DETALLE]);
    await phone.waitFor(REINSERCION.presentada(kase.numero, maskEmail(CARLOS.email)));
    await phone.waitFor(REINSERCION.seguimiento);
    expect(kase.documents.map((d) => [d.tipo, d.mediaType, d.nombreOriginal])).toEqual([
      ['cedula', 'image/jpeg', 'cedula.jpg'],
      ['solicitud', 'application/pdf', 'solicitud.pdf'],
    ]);
  });
});
