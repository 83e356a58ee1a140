import { ConversationState, MemoryStorage, type Activity, type Middleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { ESTADO } from '../../catalog';
import { ESTADO_CLIENT_LIMIT, ESTADO_LIMIT, EstadoTramiteDialog, type EstadoOptions } from '../../dialogs/estado/estadoTramiteDialog';
import { createDialogWorld, type DialogWorld } from '../helpers/dialogHarness';

const DIEGO = '2314944220';
const CASE = 'RL-2026-000042';

/** One look-up in its own conversation, by `userId`, with the number and identification given up front; the bot's first text. */
async function lookUp(world: DialogWorld, conversationId: string, userId: string, options: EstadoOptions): Promise<string> {
  const as: Middleware = {
    onTurn: async (context, next) => {
      context.activity.conversation.id = conversationId;
      context.activity.from = { ...context.activity.from, id: userId };
      await next();
    },
  };
  const client = new DialogTestClient(
    'directline',
    new EstadoTramiteDialog(world.deps),
    options,
    [as],
    new ConversationState(new MemoryStorage()),
  );
  const reply = (await client.sendActivity('estado')) as Partial<Activity>;
  return reply.text ?? '';
}

describe('case look-ups: limited per conversation and per client, never per identification', () => {
  let world: DialogWorld;
  beforeEach(async () => {
    world = await createDialogWorld();
  });
  afterEach(async () => world.db.dispose());

  it('a stranger who guesses case numbers with Diego’s cédula from many chats does not make Diego wait', async () => {
    for (let i = 0; i < 3 * ESTADO_LIMIT.limit; i += 1) {
      const guess = `RL-2026-${String(100 + i).padStart(6, '0')}`;
      const text = await lookUp(world, `extrano-${i}`, `extrano-${Math.floor(i / 10)}`, { numero: guess, identificacion: DIEGO });
      expect(text).toBe(ESTADO.noEncontrado);
    }
    expect(await lookUp(world, 'diego', 'diego', { numero: CASE, identificacion: DIEGO })).toMatch(/^Trámite RL-2026-000042 /);
  });

  it('stops enumeration from one client across new conversations', async () => {
    for (let i = 0; i < ESTADO_CLIENT_LIMIT.limit; i += 1) {
      const guess = `RL-2026-${String(200 + i).padStart(6, '0')}`;
      expect(await lookUp(world, `enum-${i}`, 'enumerador', { numero: guess, identificacion: DIEGO })).toBe(ESTADO.noEncontrado);
    }
    expect(await lookUp(world, 'enum-last', 'enumerador', { numero: CASE, identificacion: DIEGO })).toBe(ESTADO.limite(60));
    expect(await lookUp(world, 'diego', 'diego', { numero: CASE, identificacion: DIEGO })).toMatch(/^Trámite RL-2026-000042 /);
  });

  it('stops enumeration within one conversation', async () => {
    const answers: string[] = [];
    for (let i = 0; i <= ESTADO_LIMIT.limit; i += 1) {
      answers.push(
        await lookUp(world, 'una-sola', `usuario-${i}`, { numero: `RL-2026-${String(300 + i).padStart(6, '0')}`, identificacion: DIEGO }),
      );
    }
    expect(answers.slice(0, ESTADO_LIMIT.limit).every((t) => t === ESTADO.noEncontrado)).toBe(true);
    expect(answers[ESTADO_LIMIT.limit]).toBe(ESTADO.limite(60));
  });
});
