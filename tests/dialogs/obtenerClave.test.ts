import type { Activity } from 'botbuilder';
import { MENU_OPCIONES, MSG, OBTENER } from '../../catalog';
import { MainDialog } from '../../dialogs/main/mainDialog';
import { createClient, createDialogWorld, type DialogWorld } from '../helpers/dialogHarness';
import { playConversation, type Turn } from '../helpers/conversation';

const ALGO_MAS = { text: MSG.algoMas, options: MENU_OPCIONES };
const SI_NO = [OBTENER.si, OBTENER.no];
/** Birth day and month of the demo people (prisma/fixtures/demo-afiliados.json): the journey's proof. */
const NACIMIENTO: Record<string, string> = {
  '1744180744': '3 de abril',
  '1311108789': '12/12',
  '0939336715': '21 de noviembre',
  '1002136172': '06/06',
  '1147829814': '14 de febrero',
  '0629934787': '1 de octubre',
};
const start = (id: string, fecha = NACIMIENTO[id]): Turn[] => [
  { user: 'como saco mi clave por primera vez', bot: [OBTENER.intro, OBTENER.pedirIdentificacion] },
  { user: id, bot: [OBTENER.pedirFecha] },
  { user: fecha, bot: [] },
];
const withReply = (turns: Turn[], bot: Turn['bot']): Turn[] => [...turns.slice(0, -1), { ...turns[turns.length - 1], bot }];

describe('ObtenerClaveDialog', () => {
  let world: DialogWorld;
  beforeEach(async () => {
    world = await createDialogWorld();
  });
  afterEach(async () => world.db.dispose());

  it('María (dependencia): the request goes to her employer by e-mail and waits for it; a second request is not duplicated', async () => {
    const client = createClient(new MainDialog(world.deps), 'maria');
    await playConversation(client, [
      ...withReply(start('1744180744'), [{ text: OBTENER.confirmarContacto('m***@example.ec', '******4501'), options: SI_NO }]),
      {
        user: 'si, correcto',
        bot: [OBTENER.registradaEmpleador('CL-2026-000001', 'Textiles Andinos S.A.'), OBTENER.documentos, OBTENER.recuerde, ALGO_MAS],
      },
      ...withReply(start('1744180744'), [OBTENER.enCurso('CL-2026-000001', 'pendiente de aprobación de su empleador'), ALGO_MAS]),
    ]);
    const kase = await world.db.prisma.case.findUniqueOrThrow({ where: { numero: 'CL-2026-000001' }, include: { history: true } });
    expect(kase).toMatchObject({ tipo: 'CLAVE', estado: 'PENDIENTE_EMPLEADOR' });
    expect(kase.history).toHaveLength(1);
    const mails = await world.db.prisma.outboxEmail.findMany();
    expect(mails.map((m) => m.to).sort()).toEqual(['maria.guaman@example.ec', 'rrhh@textilesandinos.example.ec']);
    expect(mails.find((m) => m.to.startsWith('rrhh'))?.text).toContain('califique la solicitud, imprímala, fírmela');
    expect(await world.db.prisma.document.count()).toBe(0);
  });

  it('Ana (cesante) corrects her contact data and gets her printable solicitud as a PDF attachment', async () => {
    const client = createClient(new MainDialog(world.deps), 'ana');
    await playConversation(client, [
      ...withReply(start('1311108789'), [OBTENER.confirmarContacto('a***@example.ec', '******4505')]),
      { user: 'no', bot: [OBTENER.pedirCorreo] },
      { user: 'ana.nueva@example.ec', bot: [OBTENER.pedirTelefono] },
      { user: '12345', bot: [OBTENER.telefonoInvalido] },
    ]);
    const reply = (await client.sendActivity('0998765432')) as Partial<Activity>;
    expect(reply.text).toBe(OBTENER.registradaImprimir('CL-2026-000001'));
    expect(reply.attachments?.[0]).toMatchObject({ contentType: 'application/pdf', name: 'solicitud-clave-CL-2026-000001.pdf' });
    expect(reply.attachments?.[0].contentUrl).toMatch(/\/descargas\/[A-Za-z0-9_-]{43}$/);
    const rest = [client.getNextReply(), client.getNextReply(), client.getNextReply()].map((a) => (a as Partial<Activity>).text);
    expect(rest).toEqual([OBTENER.documentos, OBTENER.recuerde, MSG.algoMas]);
    const doc = await world.db.prisma.document.findFirstOrThrow({ include: { case: true } });
    expect(doc).toMatchObject({
      tipo: 'SOLICITUD_CLAVE',
      mediaType: 'application/pdf',
      case: { numero: 'CL-2026-000001', estado: 'RECIBIDO' },
    });
    expect((await world.documents.read(doc.storageKey)).subarray(0, 5).toString()).toBe('%PDF-');
    const kase = await world.db.prisma.case.findUniqueOrThrow({ where: { numero: 'CL-2026-000001' } });
    expect(JSON.parse(kase.detalle ?? '{}')).toEqual({ email: 'ana.nueva@example.ec', telefono: '+593998765432' });
    expect((await world.db.prisma.outboxEmail.findMany()).map((m) => m.to)).toEqual(['ana.nueva@example.ec']);
  });

  it.each<[string, string, Turn['bot']]>([
    ['Patricia, a pensionista, is told to go to an agency', '1002136172', [OBTENER.noElegible, ALGO_MAS]],
    ['José, who has a clave, is warned that a new one deactivates it', '0939336715', [{ text: OBTENER.yaTieneClave, options: SI_NO }]],
    ['Jorge (dependencia), who has a clave, is warned too', '0629934787', [{ text: OBTENER.yaTieneClave, options: SI_NO }]],
  ])('after the right birth date, %s', async (_name, id, bot) => {
    await playConversation(createClient(new MainDialog(world.deps), `c-${id}`), withReply(start(id), bot));
  });

  it.each<[string, string, string]>([
    ['an unknown cédula', '1714307103', '3 de abril'],
    ['María with the wrong birth date', '1744180744', '4 de marzo'],
    ['Patricia (pensionista) with the wrong birth date', '1002136172', '1 de enero'],
    ['José (has a clave) with the right day and the wrong month', '0939336715', '21 de diciembre'],
  ])('%s is told only that the data could not be verified', async (_name, id, fecha) => {
    await playConversation(
      createClient(new MainDialog(world.deps), `c-${id}`),
      withReply(start(id, fecha), [OBTENER.noVerificado, ALGO_MAS]),
    );
  });

  it('Jorge, who has a clave, asks for a new one anyway: after the proof the request goes to his employer', async () => {
    const client = createClient(new MainDialog(world.deps), 'jorge');
    await playConversation(client, [
      ...withReply(start('0629934787'), [OBTENER.yaTieneClave]),
      { user: 'sí', bot: [{ text: OBTENER.confirmarContacto('j***@example.ec', '******4511'), options: SI_NO }] },
      {
        user: 'sí',
        bot: [OBTENER.registradaEmpleador('CL-2026-000001', 'Molinos Riobamba S.A.'), OBTENER.documentos, OBTENER.recuerde, ALGO_MAS],
      },
    ]);
    expect(await world.db.prisma.case.findUniqueOrThrow({ where: { numero: 'CL-2026-000001' } })).toMatchObject({
      estado: 'PENDIENTE_EMPLEADOR',
    });
  });

  it('José declines and is pointed to online recovery', async () => {
    await playConversation(createClient(new MainDialog(world.deps), 'jose'), [
      ...withReply(start('0939336715'), [OBTENER.yaTieneClave]),
      { user: 'no', bot: [OBTENER.mejorRecuperar, ALGO_MAS] },
    ]);
    expect(await world.db.prisma.case.count({ where: { tipo: 'CLAVE' } })).toBe(0);
  });

  it('Carmen (montepío, cónyuge) is also told to go to an agency', async () => {
    const client = createClient(new MainDialog(world.deps), 'carmen');
    await playConversation(client, withReply(start('1147829814'), [OBTENER.confirmarContacto('c***@example.ec', '******4507')]));
    await client.sendActivity('sí');
    const texts = [client.getNextReply(), client.getNextReply(), client.getNextReply()].map((a) => (a as Partial<Activity>).text);
    expect(texts).toEqual([OBTENER.documentos, OBTENER.agencia, OBTENER.recuerde]);
  });
});
