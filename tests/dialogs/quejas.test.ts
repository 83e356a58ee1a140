import { MainDialog } from '../../dialogs/main/mainDialog';
import { CLARIFY_LABELS, getTramite, MENU_OPCIONES, MSG, QUEJAS, TRAMITES } from '../../catalog';
import { createRegisterComplaint } from '../../core/usecases/registerComplaint';
import { createComplaintRecords, listComplaintVolumes } from '../../prisma/store/complaints';
import { createClient, createDialogWorld, FIXED_NOW, type DialogWorld } from '../helpers/dialogHarness';
import { playConversation, type BotLine, type Turn } from '../helpers/conversation';

const ALGO_MAS: BotLine = { text: MSG.algoMas, options: MENU_OPCIONES };
const REGISTRAR: BotLine = { text: QUEJAS.preguntaRegistrar, options: [QUEJAS.si, QUEJAS.no] };
const TRAMITE: BotLine = { text: QUEJAS.preguntaTramite, options: [...TRAMITES.map((t) => t.etiqueta), QUEJAS.otroTema] };
const CASO: BotLine = { text: QUEJAS.preguntaCaso, options: [QUEJAS.sinNumero] };
const registrada = (numero: string, tema: string) => `${QUEJAS.registrada(numero, tema)}\n${QUEJAS.canales}`;

describe('complaints in the chat', () => {
  let world: DialogWorld;
  beforeAll(async () => {
    world = await createDialogWorld();
  });
  afterAll(async () => world.db.dispose());
  const client = (name: string) => createClient(new MainDialog(world.deps), `quejas-${name}`);
  const complaints = () => world.db.prisma.complaint.findMany({ orderBy: { numero: 'asc' } });

  it('acknowledges, asks the trámite, the case number and what happened, and registers it with a number', async () => {
    await playConversation(client('completa'), [
      { user: 'quiero poner una queja', bot: [QUEJAS.acuse, REGISTRAR] },
      { user: 'sí', bot: [TRAMITE] },
      { user: 'Reinserción laboral', bot: [CASO] },
      { user: 'RI-2025-000317', bot: [QUEJAS.preguntaDetalle] },
      { user: 'corto', bot: [QUEJAS.detalleCorto] },
      {
        user: 'Fui tres veces a la ventanilla y nadie me dio razón de mi trámite.',
        bot: [registrada('QJ-2026-000001', getTramite('reinsercion').nombre), ALGO_MAS],
      },
    ]);
    const [row] = await complaints();
    expect(row).toMatchObject({
      numero: 'QJ-2026-000001',
      tramite: 'reinsercion',
      caseNumber: 'RI-2025-000317',
      detalle: 'Fui tres veces a la ventanilla y nadie me dio razón de mi trámite.',
      conversationKey: 'directline:quejas-completa',
    });
  });

  it('takes the trámite and case number the message names, and accepts "No tengo número"', async () => {
    await playConversation(client('nombrada'), [
      { user: 'tengo un reclamo sobre mi reliquidacion RL-2026-000042', bot: [QUEJAS.acuse, REGISTRAR] },
      { user: QUEJAS.si, bot: [QUEJAS.preguntaDetalle] },
      { user: 'Nadie me responde desde octubre.', bot: [registrada('QJ-2026-000002', getTramite('reliquidacion').nombre), ALGO_MAS] },
    ]);
    await playConversation(client('sin-numero'), [
      { user: 'quiero presentar un reclamo', bot: [QUEJAS.acuse, REGISTRAR] },
      { user: 'si', bot: [TRAMITE] },
      { user: QUEJAS.otroTema, bot: [CASO] },
      { user: '12345', bot: [{ text: QUEJAS.casoInvalido, options: [QUEJAS.sinNumero] }] },
      { user: QUEJAS.sinNumero, bot: [QUEJAS.preguntaDetalle] },
      { user: 'Me hicieron esperar cuatro horas en la agencia.', bot: [registrada('QJ-2026-000003', QUEJAS.otroTema), ALGO_MAS] },
    ]);
    const rows = await complaints();
    expect(rows.slice(1).map((r) => [r.tramite, r.caseNumber])).toEqual([
      ['reliquidacion', 'RL-2026-000042'],
      ['otro', null],
    ]);
  });

  it('answers an insult calmly and gives the channels when the citizen does not want it registered', async () => {
    const before = (await complaints()).length;
    await playConversation(client('insulto'), [
      { user: 'son unos inutiles', bot: [QUEJAS.calma, REGISTRAR] },
      { user: QUEJAS.no, bot: [`${QUEJAS.noRegistrada}\n${QUEJAS.canales}`, ALGO_MAS] },
    ]);
    expect((await complaints()).length).toBe(before);
  });

  it.each([
    ['quiero poner una queja', QUEJAS.acuse],
    ['me atendieron pesimo en la agencia', QUEJAS.acuse],
    ['el funcionario me trato muy mal', QUEJAS.acuse],
    ['pesimo servicio', QUEJAS.acuse],
    ['ineptos, no saben hacer su trabajo', QUEJAS.calma],
    ['que porqueria de atencion', QUEJAS.calma],
  ])('never answers a complaint as out of domain: "%s"', async (user, first) => {
    await playConversation(client(`nunca-${user}`), [{ user, bot: [first, REGISTRAR] }]);
  });

  it('opens the complaint from its button (the employer situation offers it)', async () => {
    await playConversation(client('boton'), [{ user: CLARIFY_LABELS.queja, bot: [QUEJAS.acuse, REGISTRAR] }]);
  });

  it('counts complaints per trámite and month (the seeds\' "Volumen de Quejas")', async () => {
    const volumes = await listComplaintVolumes(world.db.prisma, { anio: 2026, mes: 11 });
    expect(volumes).toEqual([
      { tramite: 'otro', anio: 2026, mes: 11, total: 1 },
      { tramite: 'reinsercion', anio: 2026, mes: 11, total: 1 },
      { tramite: 'reliquidacion', anio: 2026, mes: 11, total: 1 },
    ]);
  });
});

describe('registering a complaint in the store', () => {
  let world: DialogWorld;
  beforeAll(async () => {
    world = await createDialogWorld();
  });
  afterAll(async () => world.db.dispose());

  it('numbers complaints per year, counts them per month in Ecuador time, and registers a retried message once', async () => {
    let now = FIXED_NOW;
    const port = createRegisterComplaint({ records: createComplaintRecords(world.db.prisma), clock: () => now });
    const request = { conversationKey: 'directline:c1', tramite: 'reliquidacion', detalle: '  Nadie   me responde.  ' };
    const first = await port.register({ ...request, messageId: 'm1' });
    const retried = await port.register({ ...request, messageId: 'm1' });
    expect(first).toEqual({ numero: 'QJ-2026-000001', created: true });
    expect(retried).toEqual({ numero: 'QJ-2026-000001', created: false });
    now = new Date('2026-12-01T03:00:00Z'); // still 30 November in Ecuador
    await port.register({ ...request, messageId: 'm2' });
    now = new Date('2026-12-01T06:00:00Z');
    await port.register({ ...request, messageId: 'm3' });
    expect(await listComplaintVolumes(world.db.prisma, { anio: 2026, mes: 11 })).toEqual([
      { tramite: 'reliquidacion', anio: 2026, mes: 11, total: 2 },
    ]);
    expect(await listComplaintVolumes(world.db.prisma, { anio: 2026, mes: 12 })).toEqual([
      { tramite: 'reliquidacion', anio: 2026, mes: 12, total: 1 },
    ]);
    const rows = await world.db.prisma.complaint.findMany({ orderBy: { numero: 'asc' } });
    expect(rows.map((r) => r.numero)).toEqual(['QJ-2026-000001', 'QJ-2026-000002', 'QJ-2026-000003']);
    expect(rows[0].detalle).toBe('Nadie me responde.');
  });
});

describe('the complaints limit', () => {
  let world: DialogWorld;
  beforeAll(async () => {
    world = await createDialogWorld();
  });
  afterAll(async () => world.db.dispose());

  it('registers at most five complaints an hour from one chat, then points to the other channels', async () => {
    const chat = createClient(new MainDialog(world.deps), 'quejas-limite');
    const file = (n: number): Turn[] => [
      { user: 'quiero poner una queja', bot: [QUEJAS.acuse, REGISTRAR] },
      { user: 'sí', bot: [TRAMITE] },
      { user: QUEJAS.otroTema, bot: [CASO] },
      { user: QUEJAS.sinNumero, bot: [QUEJAS.preguntaDetalle] },
      {
        user: `Queja número ${n}: nadie me atiende.`,
        bot: [n <= 5 ? /^Registré su queja con el número QJ-2026-\d{6}/ : `${QUEJAS.limite}\n${QUEJAS.canales}`, ALGO_MAS],
      },
    ];
    for (let n = 1; n <= 6; n += 1) await playConversation(chat, file(n));
    const rows = await world.db.prisma.complaint.count({ where: { conversationKey: 'directline:quejas-limite' } });
    expect(rows).toBe(5);
  });
});
