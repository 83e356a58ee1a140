import { ConversationState, MemoryStorage, type Activity, type Middleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { MENU_OPCIONES, MSG, RECUPERAR } from '../../catalog';
import { MainDialog } from '../../dialogs/main/mainDialog';
import { createPrismaClient } from '../../prisma/client';
import { hashToken } from '../../prisma/store/claveReset';
import { createClient, createDialogWorld, FIXED_NOW, type DialogWorld } from '../helpers/dialogHarness';
import { playConversation, type Turn } from '../helpers/conversation';

const ALGO_MAS = { text: MSG.algoMas, options: MENU_OPCIONES };
const MASCOTA = '¿Cuál es el nombre de su primera mascota?';
const MADRE = '¿En qué ciudad nació su madre?';
const COLEGIO = '¿Cuál fue su primer colegio?';

/** Picks an answer among the offered options, for questions whose options are drawn at random. */
type Pick = (options: string[]) => string;

/** Answers for one recovery attempt: identification, birth day/month, employer, year, two personal answers. */
interface Attempt {
  id: string;
  fecha: string;
  empleador: string | Pick;
  anio: string | Pick;
  p1: [question: string, answer: string];
  p2: [question: string, answer: string];
}

/** The six question turns of an attempt; option answers are resolved against the options the bot offered. */
async function questions(client: DialogTestClient, a: Attempt): Promise<Turn[]> {
  const first: Turn[] = [
    { user: 'olvide mi clave y no puedo entrar', bot: [RECUPERAR.intro, RECUPERAR.pedirIdentificacion] },
    { user: a.id, bot: [RECUPERAR.pedirFecha] },
  ];
  await playConversation(client, first);
  const employers = await offered(client, a.fecha, RECUPERAR.pedirEmpleador);
  const years = await offered(client, typeof a.empleador === 'string' ? a.empleador : a.empleador(employers), RECUPERAR.pedirAnio);
  return [
    { user: typeof a.anio === 'string' ? a.anio : a.anio(years), bot: [RECUPERAR.pedirPersonal(a.p1[0])] },
    { user: a.p1[1], bot: [RECUPERAR.pedirPersonal(a.p2[0])] },
  ];
}

/** Sends one answer, checks the single question that follows, and returns its button labels. */
async function offered(client: DialogTestClient, text: string, question: string): Promise<string[]> {
  const next = (await client.sendActivity(text)) as Partial<Activity>;
  expect(next.text).toBe(question);
  expect(client.getNextReply()).toBeUndefined();
  return (next.suggestedActions?.actions ?? []).map((x) => String(x.title));
}

const notIn =
  (real: string): Pick =>
  (options) =>
    options.find((o) => o !== real) ?? '';

const JOSE: Attempt = {
  id: '0939336715',
  fecha: '21 de noviembre',
  empleador: 'Pesquera Manabí S.A.',
  anio: '1976',
  p1: [MASCOTA, '  FIRULÁIS '],
  p2: [MADRE, 'portoviejo'],
};
const CARLOS: Attempt = {
  id: '1849579501',
  fecha: '30/01',
  empleador: 'hormigones del valle',
  anio: '1998',
  p1: [COLEGIO, 'colegio nacional mejia'],
  p2: [MASCOTA, 'Rocky'],
};
const LUIS: Attempt = {
  id: '0713578797',
  fecha: '25 de mayo',
  empleador: 'Bananera El Oro S.A.',
  anio: '2005',
  p1: [MASCOTA, 'toby'],
  p2: [MADRE, 'Machala'],
};

const WRONG_JOSE: Attempt = {
  ...JOSE,
  fecha: '1 de enero',
  empleador: notIn('Pesquera Manabí S.A.'),
  anio: notIn('1976'),
  p1: [MASCOTA, 'x'],
  p2: [MADRE, 'y'],
};
const HOUR = 3_600_000;

/** A chat of the main dialog in its own conversation, held by `userId` (the client the journey's limits count). */
function clientAs(world: DialogWorld, conversationId: string, userId: string): DialogTestClient {
  const as: Middleware = {
    onTurn: async (context, next) => {
      context.activity.conversation.id = conversationId;
      context.activity.from = { ...context.activity.from, id: userId };
      await next();
    },
  };
  return new DialogTestClient('directline', new MainDialog(world.deps), undefined, [as], new ConversationState(new MemoryStorage()));
}

/** What one citizen turn got back: each message's text and how many choices it offered. */
type Step = { text: string; options: number }[];

/** Plays one recovery pass (until the journey ends) and records every answer the bot gave, step by step. */
async function recordPass(client: DialogTestClient, a: Attempt): Promise<Step[]> {
  const steps: Step[] = [];
  let choices: string[] = [];
  const pick = (answer: string | Pick): string => (typeof answer === 'string' ? answer : answer(choices));
  for (const answer of ['olvide mi clave', a.id, a.fecha, a.empleador, a.anio, a.p1[1], a.p2[1]]) {
    const step: Step = [];
    let activity = (await client.sendActivity(pick(answer))) as Partial<Activity> | undefined;
    while (activity) {
      choices = (activity.suggestedActions?.actions ?? []).map((x) => String(x.title));
      step.push({ text: activity.text ?? '', options: choices.length });
      activity = client.getNextReply() as Partial<Activity> | undefined;
    }
    steps.push(step);
    if (step.some((line) => line.text === MSG.algoMas)) break;
  }
  return steps;
}

describe('RecuperarClaveDialog', () => {
  let world: DialogWorld;
  let now: Date;
  beforeEach(async () => {
    now = FIXED_NOW;
    world = await createDialogWorld(() => now);
  });
  afterEach(async () => world.db.dispose());

  it('José recovers: right answers in any case or accents, registered e-mail, one link e-mail queued', async () => {
    const client = createClient(new MainDialog(world.deps), 'jose');
    await playConversation(client, [
      ...(await questions(client, JOSE)),
      { user: JOSE.p2[1], bot: [{ text: RECUPERAR.confirmarCorreo('j***@example.ec'), options: [RECUPERAR.si, RECUPERAR.no] }] },
      { user: 'si', bot: [RECUPERAR.enviado('j***@example.ec'), ALGO_MAS] },
    ]);
    const mails = await world.db.prisma.outboxEmail.findMany();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'jose.cedeno@example.ec', subject: 'IESS: enlace para crear su nueva clave' });
    const token = /token=([A-Za-z0-9_-]+)/.exec(mails[0].text)?.[1] ?? '';
    expect(token.length).toBeGreaterThanOrEqual(43);
    const stored = await world.db.prisma.recoveryToken.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored[0].expiresAt.getTime() - stored[0].createdAt.getTime()).toBeLessThanOrEqual(16 * 60 * 1000);
  });

  it('Carlos recovers to a new address; the old address is told', async () => {
    const client = createClient(new MainDialog(world.deps), 'carlos');
    await playConversation(client, [
      ...(await questions(client, CARLOS)),
      { user: CARLOS.p2[1], bot: [RECUPERAR.confirmarCorreo('c***@example.ec')] },
      { user: RECUPERAR.no, bot: [RECUPERAR.pedirCorreo] },
      { user: 'no tengo', bot: [RECUPERAR.correoInvalido] },
      { user: 'mi correo nuevo es Carlos.T@Correo.example.ec', bot: [RECUPERAR.enviado('c***@correo.example.ec'), ALGO_MAS] },
    ]);
    const mails = await world.db.prisma.outboxEmail.findMany({ orderBy: { createdAt: 'asc' } });
    expect(mails.map((m) => m.to).sort()).toEqual(['carlos.t@correo.example.ec', 'carlos.toapanta@example.ec']);
    expect(mails.find((m) => m.to === 'carlos.toapanta@example.ec')?.text).not.toMatch(/token=/);
  });

  it('re-asks a badly written date without counting it as a wrong answer', async () => {
    const client = createClient(new MainDialog(world.deps), 'fecha');
    await playConversation(client, [
      { user: 'olvide mi clave', bot: [RECUPERAR.intro, RECUPERAR.pedirIdentificacion] },
      { user: JOSE.id, bot: [RECUPERAR.pedirFecha] },
      { user: 'el dia de mi cumple', bot: [RECUPERAR.fechaInvalida] },
      { user: '31 de febrero', bot: [RECUPERAR.fechaInvalida] },
      { user: '21/11', bot: [RECUPERAR.pedirEmpleador] },
    ]);
    expect(await world.db.prisma.recoveryGuard.count()).toBe(0);
  });

  it('Luis fails five passes across conversations and a restart; he is told once by e-mail; the block lifts after 24 hours', async () => {
    const attempt = async (a: Attempt, conv: string, ending: string) => {
      const client = clientAs(world, conv, 'luis');
      await playConversation(client, [...(await questions(client, a)), { user: a.p2[1], bot: [ending, ALGO_MAS] }]);
    };
    await attempt({ ...LUIS, fecha: '26 de mayo' }, 'luis-1', RECUPERAR.noCoincide(4));
    await attempt({ ...LUIS, anio: notIn('2005'), p1: [MASCOTA, 'firulais'] }, 'luis-2', RECUPERAR.noCoincide(3));
    await attempt({ ...LUIS, p2: [MADRE, 'Quito'] }, 'luis-3', RECUPERAR.noCoincide(2));
    const restarted = createPrismaClient(world.db.url);
    try {
      await attempt({ ...LUIS, p1: [MASCOTA, 'rex'] }, 'luis-4', RECUPERAR.noCoincide(1));
      expect(await restarted.outboxEmail.count()).toBe(0);
      await attempt({ ...LUIS, fecha: '1 de enero' }, 'luis-5', RECUPERAR.bloqueada);
      expect(await restarted.recoveryGuard.findUnique({ where: { identificador: LUIS.id } })).toMatchObject({ fallos: 5 });
      await playConversation(clientAs(world, 'luis-6', 'luis'), [
        { user: 'recuperar clave', bot: [RECUPERAR.intro, RECUPERAR.pedirIdentificacion] },
        { user: LUIS.id, bot: [RECUPERAR.bloqueada, ALGO_MAS] },
      ]);
      const clave = await restarted.clave.findFirst({ where: { afiliado: { cedula: LUIS.id } } });
      expect(clave?.estado).toBe('ACTIVA');
      const mails = await restarted.outboxEmail.findMany();
      expect(mails.map((m) => [m.to, m.subject])).toEqual([
        ['luis.romero@example.ec', 'IESS: se bloqueó la recuperación de su clave en línea'],
      ]);
      expect(mails[0].text).toContain('24 horas');
    } finally {
      await restarted.$disconnect();
    }
    now = new Date(now.getTime() + 24 * HOUR);
    const client = clientAs(world, 'luis-7', 'luis');
    await playConversation(client, [
      ...(await questions(client, LUIS)),
      { user: LUIS.p2[1], bot: [RECUPERAR.confirmarCorreo('l***@example.ec')] },
    ]);
    expect(await world.db.prisma.outboxEmail.count()).toBe(1);
  });

  it('a stranger who abandons five starts and fails four passes on José does not stop José in his own chat', async () => {
    for (let i = 0; i < 5; i += 1) {
      await playConversation(clientAs(world, `extrano-inicio-${i}`, 'extrano'), [
        { user: 'olvide mi clave', bot: [RECUPERAR.intro, RECUPERAR.pedirIdentificacion] },
        { user: JOSE.id, bot: [RECUPERAR.pedirFecha] },
        { user: 'cancelar', bot: [{ text: MSG.cancelado, options: MENU_OPCIONES }] },
      ]);
    }
    for (let i = 0; i < 4; i += 1) {
      const client = clientAs(world, `extrano-${i}`, 'extrano-2');
      await playConversation(client, [
        ...(await questions(client, WRONG_JOSE)),
        { user: 'y', bot: [RECUPERAR.noCoincide(4 - i), ALGO_MAS] },
      ]);
    }
    const client = clientAs(world, 'jose-propio', 'jose');
    await playConversation(client, [
      ...(await questions(client, JOSE)),
      { user: JOSE.p2[1], bot: [{ text: RECUPERAR.confirmarCorreo('j***@example.ec'), options: [RECUPERAR.si, RECUPERAR.no] }] },
      { user: 'si', bot: [RECUPERAR.enviado('j***@example.ec'), ALGO_MAS] },
    ]);
    expect(await world.db.prisma.recoveryGuard.findUnique({ where: { identificador: JOSE.id } })).toMatchObject({ fallos: 0 });
  });

  it.each([
    ['every answer wrong', WRONG_JOSE],
    ['only the last personal answer wrong', { ...JOSE, p2: [MADRE, 'Quito'] } satisfies Attempt],
  ])('a registered and an unknown cédula see the same texts, choices and steps through six passes (%s)', async (_name, known) => {
    const unknown: Attempt = { ...WRONG_JOSE, id: '1714307103' };
    const run = async (a: Attempt, who: string) => {
      const passes: Step[][] = [];
      for (let i = 0; i < 6; i += 1) passes.push(await recordPass(clientAs(world, `${who}-${i}`, who), a));
      return passes;
    };
    const registered = await run(known, 'registrado');
    const stranger = await run(unknown, 'desconocido');
    expect(stranger).toEqual(registered);
    const endings = registered.map((pass) => pass[pass.length - 1].map((line) => line.text)[0]);
    expect(endings).toEqual([4, 3, 2, 1].map((n) => RECUPERAR.noCoincide(n)).concat([RECUPERAR.bloqueada, RECUPERAR.bloqueada]));
    expect(registered.map((pass) => pass.length)).toEqual([7, 7, 7, 7, 7, 2]);
    expect(await world.db.prisma.afiliado.count({ where: { cedula: unknown.id } })).toBe(0);
    expect(await world.db.prisma.outboxEmail.findMany({ select: { to: true } })).toEqual([{ to: 'jose.cedeno@example.ec' }]);
  });

  it('limits recovery starts per conversation', async () => {
    const client = createClient(new MainDialog(world.deps), 'many');
    const start: Turn = { user: 'recuperar mi clave', bot: [RECUPERAR.intro, RECUPERAR.pedirIdentificacion] };
    const stop: Turn = { user: 'cancelar', bot: [{ text: MSG.cancelado, options: MENU_OPCIONES }] };
    for (let i = 0; i < 5; i += 1) await playConversation(client, [start, stop]);
    await playConversation(client, [{ user: start.user, bot: [RECUPERAR.limite(60), ALGO_MAS] }]);
  });
});
