import { ConversationState, MemoryStorage, type Activity, type Middleware } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { Channel } from '../../bot/channels/channel';
import { SIGNIN } from '../../catalog';
import { MainDialog } from '../../dialogs/main/mainDialog';
import { isSensitiveInput, REDACTED_TEXT } from '../../dialogs/shared/sensitive';
import { createDialogWorld, type DialogWorld } from '../helpers/dialogHarness';

/**
 * A channel that keeps its own transcript (as WhatsApp will), written the way channel.ts's `redact` contract asks:
 * the inbound activity is stored, the turn runs, and a turn the dialogs marked sensitive is redacted before the
 * transcript is read again.
 */
function transcriptChannel(): { transcript: Partial<Activity>[]; middleware: Middleware; redact: Channel['redact'] } {
  const transcript: Partial<Activity>[] = [];
  const redact: Channel['redact'] = async (activity) => {
    const at = transcript.findIndex((a) => a.id === activity.id);
    if (at >= 0) transcript[at] = { ...transcript[at], text: REDACTED_TEXT };
  };
  const middleware: Middleware = {
    onTurn: async (context, next) => {
      context.activity.id = `in-${transcript.length}`;
      context.activity.conversation.id = 'wa-conv';
      transcript.push({ ...context.activity });
      await next();
      if (isSensitiveInput(context)) await redact(context.activity);
    },
  };
  return { transcript, middleware, redact };
}

describe('the redact contract on a channel other than Direct Line (a fake WhatsApp with its own transcript)', () => {
  let world: DialogWorld;
  beforeAll(async () => {
    world = await createDialogWorld();
  });
  afterAll(async () => world?.db.dispose());

  it.each([
    ['at the menu', [] as string[], 'Secreta7001x'],
    ['at the cédula prompt of the recovery', ['olvidé mi clave'], 'Secreta7002x'],
    ['stated at the case-number prompt', ['estado de mi trámite'], 'mi clave es Secreta7003x'],
  ])('a clave typed %s is marked, redacted by the channel and absent from conversation state', async (_name, path, typed) => {
    const channel = transcriptChannel();
    const storage = new MemoryStorage();
    const client = new DialogTestClient(
      'whatsapp',
      new MainDialog(world.deps),
      undefined,
      [channel.middleware],
      new ConversationState(storage),
    );
    for (const text of path) {
      await client.sendActivity(text);
      while (client.getNextReply()) continue;
    }
    const reply = await client.sendActivity(typed);
    expect(reply.text).toBe(SIGNIN.noEscribaClave);
    const clave = typed.split(' ').pop() ?? '';
    expect(JSON.stringify(channel.transcript)).not.toContain(clave);
    expect(channel.transcript[channel.transcript.length - 1].text).toBe(REDACTED_TEXT);
    const stored = JSON.stringify(storage);
    expect(stored).toContain('wa-conv');
    expect(stored).not.toContain(clave);
  });
});
