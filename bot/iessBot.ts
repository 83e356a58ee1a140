import { ActivityHandler, ActivityTypes, type ConversationState, type TurnContext } from 'botbuilder';
import type { Dialog, DialogState } from 'botbuilder-dialogs';
import { MENU_OPCIONES, MSG } from '../catalog';
import { SIGNIN_COMPLETED_EVENT } from '../core/ports';
import { reply } from '../dialogs/shared/replies';
import { DialogRunner } from './dialogRunner';

/** Options of the activity handler. */
export interface IessBotOptions {
  conversationState: ConversationState;
  dialog: Dialog;
  maxMessageChars: number;
}

const SAVED_TYPES: readonly string[] = [ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Event];

/**
 * The turn handler shared by every channel: greets new members, refuses over-long messages before any
 * state is touched, runs the root dialog for messages and for the sign-in-completed event, and saves state at
 * the end of each of those turns.
 */
export class IessBot extends ActivityHandler {
  private readonly dialogs: DialogRunner;

  constructor(private readonly options: IessBotOptions) {
    super();
    this.dialogs = new DialogRunner(options.dialog, options.conversationState.createProperty<DialogState>('DialogState'));

    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      if (added.some((m) => m.id !== context.activity.recipient.id)) {
        await context.sendActivity(reply(MSG.bienvenida, MENU_OPCIONES));
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      if (text.length > options.maxMessageChars) {
        await context.sendActivity(reply(MSG.mensajeLargo(options.maxMessageChars)));
        return;
      }
      await this.dialogs.run(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === SIGNIN_COMPLETED_EVENT) await this.dialogs.run(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    if (SAVED_TYPES.includes(context.activity.type)) {
      await this.options.conversationState.saveChanges(context, false);
    }
  }
}
