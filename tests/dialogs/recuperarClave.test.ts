import type { Activity } from 'botbuilder';
import { MENU_OPCIONES, MSG, RECUPERAR } from '../../catalog';
import { MainDialog } from '../../dialogs/main/mainDialog';
import { createPrismaClient } from '../../prisma/client';
import { hashToken } from '../../prisma/store/claveReset';
import type { DialogTestClient } from 'botbuilder-testing';
import { createClient, createDialogWorld, type DialogWorld } from '../helpers/dialogHarness';
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

describe('RecuperarClaveDialog', () => {
  let world: DialogWorld;
  beforeEach(async () => {
    world = await createDialogWorld();
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

  it('gives the same questions and the same ending to an unregistered cédula as to wrong answers', async () => {
    const wrong: Attempt = {
      ...JOSE,
      fecha: '1 de enero',
      empleador: notIn('Pesquera Manabí S.A.'),
      anio: notIn('1976'),
      p1: [MASCOTA, 'x'],
      p2: [MADRE, 'y'],
    };
    const stranger: Attempt = { ...wrong, id: '1714307103' };
    const texts = async (a: Attempt, conv: string) => {
      const client = createClient(new MainDialog(world.deps), conv);
      const out: string[] = [];
      for (const turn of [...(await questions(client, a)), { user: a.p2[1], bot: [] }]) {
        let activity = (await client.sendActivity(turn.user)) as Partial<Activity> | undefined;
        while (activity) {
          out.push(activity.text ?? '');
          activity = client.getNextReply() as Partial<Activity> | undefined;
        }
      }
      return out;
    };
    const registered = await texts(wrong, 'a');
    const unknown = await texts(stranger, 'b');
    expect(unknown).toEqual(registered);
    expect(unknown[unknown.length - 2]).toBe(RECUPERAR.bloqueada);
  });

  it('Luis fails five times across conversations and a restart; then even right answers are refused', async () => {
    const attempt = async (a: Attempt, conv: string, ending: string) => {
      const client = createClient(new MainDialog(world.deps), conv);
      await playConversation(client, [...(await questions(client, a)), { user: a.p2[1], bot: [ending, ALGO_MAS] }]);
    };
    await attempt({ ...LUIS, fecha: '26 de mayo' }, 'luis-1', RECUPERAR.noCoincide(4));
    await attempt({ ...LUIS, anio: notIn('2005'), p1: [MASCOTA, 'firulais'] }, 'luis-2', RECUPERAR.noCoincide(2));

    const restarted = createPrismaClient(world.db.url);
    try {
      await attempt({ ...LUIS, p1: [MASCOTA, 'rex'], p2: [MADRE, 'Quito'] }, 'luis-3', RECUPERAR.bloqueada);
      expect(await restarted.recoveryGuard.findUnique({ where: { identificador: LUIS.id } })).toMatchObject({ fallos: 5 });
      await playConversation(createClient(new MainDialog(world.deps), 'luis-4'), [
        { user: 'recuperar clave', bot: [RECUPERAR.intro, RECUPERAR.pedirIdentificacion] },
        { user: LUIS.id, bot: [RECUPERAR.bloqueada, ALGO_MAS] },
      ]);
      const clave = await restarted.clave.findFirst({ where: { afiliado: { cedula: LUIS.id } } });
      expect(clave?.estado).toBe('ACTIVA');
      expect(await restarted.outboxEmail.count()).toBe(0);
    } finally {
      await restarted.$disconnect();
    }
  });

  it('limits recovery starts per conversation', async () => {
    const client = createClient(new MainDialog(world.deps), 'many');
    const start: Turn = { user: 'recuperar mi clave', bot: [RECUPERAR.intro, RECUPERAR.pedirIdentificacion] };
    const stop: Turn = { user: 'cancelar', bot: [{ text: MSG.cancelado, options: MENU_OPCIONES }] };
    for (let i = 0; i < 5; i += 1) await playConversation(client, [start, stop]);
    await playConversation(client, [{ user: start.user, bot: [RECUPERAR.limite(60), ALGO_MAS] }]);
  });
});
