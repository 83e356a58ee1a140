import { ConversationState, MemoryStorage, TestAdapter, type StoreItems, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogState,
  type DialogStateManagerConfiguration,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { DialogRunner, MEMORY_CONFIGURATION_KEY } from '../../bot/dialogRunner';

/** A memory storage that records the keys every read asked for. */
class RecordingStorage extends MemoryStorage {
  readonly reads: string[][] = [];
  override read(keys: string[]): Promise<StoreItems> {
    this.reads.push(keys);
    return super.read(keys);
  }
}

/** A root dialog with a child: asks a name, then greets; it records the memory configuration each step saw. */
class Greeter extends ComponentDialog {
  readonly seen: DialogStateManagerConfiguration[] = [];
  constructor() {
    super('greeter');
    this.addDialog(new TextPrompt('name'));
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step: WaterfallStepContext) => {
          this.seen.push(step.state.configuration);
          return step.prompt('name', { prompt: 'nombre?' });
        },
        async (step: WaterfallStepContext) => {
          this.seen.push(step.state.configuration);
          await step.context.sendActivity(`hola ${String(step.result)}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}

function world(): { adapter: TestAdapter; storage: RecordingStorage; dialog: Greeter } {
  const storage = new RecordingStorage();
  const state = new ConversationState(storage);
  const dialog = new Greeter();
  const runner = new DialogRunner(dialog, state.createProperty<DialogState>('DialogState'));
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await runner.run(context);
    await state.saveChanges(context, false);
  });
  return { adapter, storage, dialog };
}

describe('the dialog runner (bot/dialogRunner.ts)', () => {
  it.each<[string, [string, string][]]>([
    [
      'begins the root when no dialog is active, continues it on the next turn, and begins again after it ended',
      [
        ['hola', 'nombre?'],
        ['Ana', 'hola Ana'],
        ['otra vez', 'nombre?'],
        ['Luis', 'hola Luis'],
      ],
    ],
  ])('%s', async (_name, turns) => {
    const { adapter } = world();
    let flow = adapter.send(turns[0][0]).assertReply(turns[0][1]);
    for (const [said, answer] of turns.slice(1)) flow = flow.send(said).assertReply(answer);
    await flow;
  });

  it('hands the memory configuration of the first turn to every later turn (the SDK still reads its key)', async () => {
    const { adapter, dialog } = world();
    await adapter.send('hola').assertReply('nombre?').send('Ana').assertReply('hola Ana').send('otra').assertReply('nombre?');
    expect(dialog.seen).toHaveLength(3);
    expect(dialog.seen[1]).toBe(dialog.seen[0]);
    expect(dialog.seen[2]).toBe(dialog.seen[0]);
    expect(dialog.seen[0].memoryScopes.map((s) => s.name)).toEqual(expect.arrayContaining(['turn', 'dialog', 'conversation']));
    expect(MEMORY_CONFIGURATION_KEY).toBe('DialogStateManagerConfiguration');
  });

  it('reads only the conversation state: no user state is loaded on a turn', async () => {
    const { adapter, storage } = world();
    await adapter.send('hola').assertReply('nombre?').send('Ana').assertReply('hola Ana');
    const keys = storage.reads.flat();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.includes('/conversations/'))).toBe(true);
  });
});
