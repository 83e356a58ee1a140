import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, type Activity, type StoreItems } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { IessBot } from '../../bot/iessBot';
import { MSG } from '../../catalog';
import { SIGNIN_COMPLETED_EVENT } from '../../core/ports';

/** A memory storage that counts writes. */
class CountingStorage extends MemoryStorage {
  writes = 0;
  override write(changes: StoreItems): Promise<void> {
    this.writes += 1;
    return super.write(changes);
  }
}

/** A root dialog that answers "dialogo: <type>" and ends. */
class Echo extends ComponentDialog {
  constructor() {
    super('echo');
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`dialogo: ${step.context.activity.type}`);
          return step.endDialog();
        },
      ]),
    );
  }
}

const bot = { id: 'bot', name: 'Bot' };
const user = { id: 'u1', name: 'Usuario' };

type Expected = { texts: string[]; invokeStatus?: number; saved: boolean };

describe('the turn handler (bot/iessBot.ts)', () => {
  it.each<[string, Partial<Activity>, Expected]>([
    ['a message runs the root dialog', { type: ActivityTypes.Message, text: 'hola' }, { texts: ['dialogo: message'], saved: true }],
    [
      'an over-long message is refused before any dialog',
      { type: ActivityTypes.Message, text: 'a'.repeat(21) },
      { texts: [MSG.mensajeLargo(20)], saved: false },
    ],
    [
      'a citizen joining is greeted',
      { type: ActivityTypes.ConversationUpdate, membersAdded: [user] },
      { texts: [MSG.bienvenida], saved: false },
    ],
    ['only the bot joining: no greeting', { type: ActivityTypes.ConversationUpdate, membersAdded: [bot] }, { texts: [], saved: false }],
    [
      'the sign-in-completed event runs the dialog',
      { type: ActivityTypes.Event, name: SIGNIN_COMPLETED_EVENT },
      { texts: ['dialogo: event'], saved: true },
    ],
    ['another event is ignored', { type: ActivityTypes.Event, name: 'otro' }, { texts: [], saved: false }],
    [
      'an invoke gets 501, as the SDK answers',
      { type: ActivityTypes.Invoke, name: 'accion/desconocida' },
      { texts: [], invokeStatus: 501, saved: false },
    ],
    ['a reaction is ignored', { type: ActivityTypes.MessageReaction }, { texts: [], saved: false }],
  ])('%s', async (_name, activity, expected) => {
    const storage = new CountingStorage();
    const iess = new IessBot({ conversationState: new ConversationState(storage), dialog: new Echo(), maxMessageChars: 20 });
    const sent: Partial<Activity>[] = [];
    const adapter = new TestAdapter(async (context) => {
      context.onSendActivities(async (_ctx, activities, next) => {
        sent.push(...activities);
        return next();
      });
      await iess.run(context);
    });
    await adapter.processActivity({ ...activity, from: user, recipient: bot } as Activity);
    const texts = sent.filter((a) => a.type === ActivityTypes.Message).map((a) => a.text);
    expect(texts.map((t) => t?.split('\n')[0])).toEqual(expected.texts.map((t) => t.split('\n')[0]));
    const invoke = sent.find((a) => a.type === ActivityTypes.InvokeResponse);
    expect((invoke?.value as { status?: number } | undefined)?.status).toBe(expected.invokeStatus);
    expect(storage.writes > 0).toBe(expected.saved);
  });
});
