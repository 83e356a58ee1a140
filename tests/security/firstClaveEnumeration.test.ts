/**
 * Issue 13, item 2 (first clave): a registered and an unknown identification get the same texts, choices and number
 * of steps until the birth day and month are right, and a stranger's wrong proofs never keep the owner out.
 */
import type { Activity } from 'botbuilder';
import { MENU_OPCIONES, MSG, OBTENER } from '../../catalog';
import { MainDialog } from '../../dialogs/main/mainDialog';
import { PROOF_LIMIT_PER_CONVERSATION, PROOF_LIMIT_PER_IDENTIFICATION } from '../../dialogs/clave/obtener/proofLimits';
import { createClient, createDialogWorld, type DialogWorld } from '../helpers/dialogHarness';
import { playConversation } from '../helpers/conversation';
import probes from './firstClaveProbes.json';

/** One bot message as the citizen sees it. */
interface Seen {
  text: string;
  options: string[];
}

const START = 'quiero sacar mi clave por primera vez';
const SI_NO = [OBTENER.si, OBTENER.no];

/** Plays the citizen's lines and returns, turn by turn, every message the bot sent. */
async function transcript(world: DialogWorld, conversation: string, lines: readonly string[]): Promise<Seen[][]> {
  const client = createClient(new MainDialog(world.deps), conversation);
  const turns: Seen[][] = [];
  for (const line of lines) {
    const seen: Seen[] = [];
    let activity = (await client.sendActivity(line)) as Partial<Activity> | undefined;
    while (activity) {
      seen.push({ text: activity.text ?? '', options: (activity.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value)) });
      activity = client.getNextReply() as Partial<Activity> | undefined;
    }
    turns.push(seen);
  }
  return turns;
}

const known = probes.known.map((p) => [p.who, p.id, p.wrongDate] as const);
const unknown = probes.unknown.map((p) => [p.who, p.id] as const);

describe('first clave: no enumeration', () => {
  let world: DialogWorld;
  beforeEach(async () => {
    world = await createDialogWorld();
  });
  afterEach(async () => world.db.dispose());

  it.each(known)('%s with a wrong birth date gets, step by step, what every unknown identification gets', async (_who, id, wrongDate) => {
    const expected: Seen[][] = [
      [
        { text: OBTENER.intro, options: [] },
        { text: OBTENER.pedirIdentificacion, options: [] },
      ],
      [{ text: OBTENER.pedirFecha, options: [] }],
      [
        { text: OBTENER.noVerificado, options: [] },
        { text: MSG.algoMas, options: [...MENU_OPCIONES] },
      ],
    ];
    expect(await transcript(world, `known-${id}`, [START, id, wrongDate])).toEqual(expected);
    for (const [, other] of unknown) expect(await transcript(world, `unknown-${other}-${id}`, [START, other, wrongDate])).toEqual(expected);
  });

  it.each(known)('%s gets the same re-asking of a badly written date as an unknown identification', async (_who, id) => {
    const lines = [START, id, '99/99', '31 de febrero'];
    const mine = await transcript(world, `known-${id}`, lines);
    const stranger = await transcript(world, `unknown-${id}`, [START, unknown[0][1], '99/99', '31 de febrero']);
    expect(mine).toEqual(stranger);
    expect(mine[2]).toEqual([{ text: OBTENER.fechaInvalida, options: [] }]);
  });

  it('nothing about the person is said before the proof: no name, no masked contact, no outcome', async () => {
    const text = JSON.stringify(await transcript(world, 'maria', [START, '1744180744']));
    for (const leak of ['María', 'Guamán', 'm***@example.ec', '4501', 'Textiles', 'Confirmemos']) expect(text).not.toContain(leak);
  });

  it('the limit on proofs in one conversation treats a registered and an unknown identification alike', async () => {
    const rounds = PROOF_LIMIT_PER_CONVERSATION.limit + 1;
    const lines = (id: string, date: string): string[] => Array.from({ length: rounds }, () => [START, id, date]).flat();
    const mine = await transcript(world, 'limit-known', lines('1744180744', '1 de enero'));
    const stranger = await transcript(world, 'limit-unknown', lines('1714307103', '1 de enero'));
    expect(mine).toEqual(stranger);
    expect(mine[mine.length - 1].map((m) => m.text)).toEqual([MSG.demasiadasConsultas, MSG.algoMas]);
  });

  it("a stranger's wrong proofs on María's cédula, from many conversations, do not stop her in a new conversation", async () => {
    const attempts = PROOF_LIMIT_PER_IDENTIFICATION.limit * 2;
    for (let i = 0; i < attempts; i += 1) {
      const [, , answer] = await transcript(world, `stranger-${i}`, [START, '1744180744', `${(i % 28) + 1}/01`]);
      expect(answer[0].text).toBe(OBTENER.noVerificado);
    }
    await playConversation(createClient(new MainDialog(world.deps), 'maria-own-chat'), [
      { user: START, bot: [OBTENER.intro, OBTENER.pedirIdentificacion] },
      { user: '1744180744', bot: [OBTENER.pedirFecha] },
      { user: '3 de abril', bot: [{ text: OBTENER.confirmarContacto('m***@example.ec', '******4501'), options: SI_NO }] },
    ]);
  });

  it('while a cédula is under attack each conversation gets one proof for it an hour, and the owner still gets hers', async () => {
    for (let i = 0; i < PROOF_LIMIT_PER_IDENTIFICATION.limit; i += 1)
      await transcript(world, `stranger-${i}`, [START, '1311108789', '1/01']);
    const slowed = await transcript(world, 'stranger-slowed', [START, '1311108789', '2/01', START, '1311108789', '3/01']);
    expect(slowed[2][0].text).toBe(OBTENER.noVerificado);
    expect(slowed[5][0].text).toBe(MSG.demasiadasConsultas);
    const owner = await transcript(world, 'ana-own-chat', [START, '1311108789', '12/12']);
    expect(owner[2]).toEqual([{ text: OBTENER.confirmarContacto('a***@example.ec', '******4505'), options: SI_NO }]);
  });

  it('a person with an open request and a wrong birth date is not told about the request', async () => {
    await transcript(world, 'maria-files', [START, '1744180744', '3 de abril', 'sí']);
    expect(await world.db.prisma.case.count({ where: { tipo: 'CLAVE', estado: 'PENDIENTE_EMPLEADOR' } })).toBe(1);
    const lines = (id: string): string[] => [START, id, '4 de marzo'];
    expect(await transcript(world, 'stranger-open', lines('1744180744'))).toEqual(
      await transcript(world, 'stranger-none', lines('1714307103')),
    );
    const owner = await transcript(world, 'maria-again', [START, '1744180744', '3 de abril']);
    expect(owner[2][0].text).toBe(OBTENER.enCurso('CL-2026-000001', 'pendiente de aprobación de su empleador'));
  });

  it('no case, e-mail or download is created by a wrong proof', async () => {
    for (const [, id, wrongDate] of known) await transcript(world, `none-${id}`, [START, id, wrongDate]);
    expect(await world.db.prisma.case.count({ where: { tipo: 'CLAVE' } })).toBe(0);
    expect(await world.db.prisma.outboxEmail.count()).toBe(0);
    expect(await world.db.prisma.document.count()).toBe(0);
  });
});
