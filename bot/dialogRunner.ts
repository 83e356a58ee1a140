import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  DialogSet,
  DialogTurnStatus,
  type Dialog,
  type DialogState,
  type DialogStateManagerConfiguration,
  type DialogTurnResult,
} from 'botbuilder-dialogs';

/**
 * Where botbuilder-dialogs 4.23 keeps a turn's memory configuration (memory/dialogStateManager.js, not exported).
 * tests/bot/dialogRunner.test.ts fails if the SDK stops reading it.
 */
export const MEMORY_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

/**
 * Runs the root dialog for a turn: continue the active dialog, or begin the root when none is active. It is the
 * SDK's classic pattern (a DialogSet made once, `createContext` per turn; botbuilder-testing's DialogTestClient runs
 * dialogs the same way), instead of `runDialog`, which per turn also builds a DialogSet, loads and saves every memory
 * scope (so it read the user state, which this bot never uses), and serialises the whole memory for an Emulator trace.
 * The memory configuration (scopes and path resolvers, which keep nothing of a turn) is built once, on the first turn,
 * and handed to every later turn, instead of being rebuilt for each turn's first dialog context (issue 14).
 * Conversation state is saved by the caller (bot/iessBot.ts), as before.
 */
export class DialogRunner {
  private readonly dialogs: DialogSet;
  private memory: DialogStateManagerConfiguration | undefined;

  constructor(
    private readonly root: Dialog,
    accessor: StatePropertyAccessor<DialogState>,
  ) {
    this.dialogs = new DialogSet(accessor);
    this.dialogs.add(root);
  }

  /** Continues or begins the root dialog on `context`; returns the dialog's result for the turn. */
  async run(context: TurnContext): Promise<DialogTurnResult> {
    if (this.memory) context.turnState.set(MEMORY_CONFIGURATION_KEY, this.memory);
    const dc = await this.dialogs.createContext(context);
    this.memory ??= context.turnState.get<DialogStateManagerConfiguration>(MEMORY_CONFIGURATION_KEY);
    const result = await dc.continueDialog();
    return result.status === DialogTurnStatus.empty ? dc.beginDialog(this.root.id) : result;
  }
}
