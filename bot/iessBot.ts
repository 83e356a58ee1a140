import {
  ActivityHandler,
  ActivityTypes,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { MENU_OPCIONES, MSG } from '../catalog';
import { SIGNIN_COMPLETED_EVENT } from '../core/ports';
import { reply } from '../dialogs/shared/replies';

/** Options of the activity handler. */
export interface IessBotOptions {
  conversationState: ConversationState;
  userState: UserState;
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
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly options: IessBotOptions) {
    super();
    this.dialogState = options.conversationState.createProperty<DialogState>('DialogState');

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
      await runDialog(options.dialog, context, this.dialogState);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === SIGNIN_COMPLETED_EVENT) await runDialog(options.dialog, context, this.dialogState);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    if (SAVED_TYPES.includes(context.activity.type)) {
      await this.options.conversationState.saveChanges(context, false);
      await this.options.userState.saveChanges(context, false);
    }
  }
}
