import { ActivityTypes, StatusCodes, type ConversationState, type TurnContext } from 'botbuilder';
import type { Dialog, DialogState } from 'botbuilder-dialogs';
import { MENU_OPCIONES, MSG } from '../catalog';
import { SIGNIN_COMPLETED_EVENT } from '../core/ports';
import { reply } from '../dialogs/shared/replies';
import { DialogRunner } from './dialogRunner';

/** Options of the turn handler. */
export interface IessBotOptions {
  conversationState: ConversationState;
  dialog: Dialog;
  maxMessageChars: number;
}

/**
 * The turn handler shared by every citizens' channel: greets new members, refuses over-long messages before any
 * state is touched, runs the root dialog for messages and for the sign-in-completed event, and saves state at the
 * end of each of those turns. An invoke (no citizens' channel sends one) gets 501, as the SDK's ActivityHandler
 * answers an invoke it has no handler for; any other activity type is ignored, as there.
 *
 * It dispatches on the activity type itself instead of extending ActivityHandler, whose chain of handler lists and
 * `next` callbacks (turn, type, members, dialog) cost about 5 % of a turn's CPU for the same three cases (issue 14).
 */
export class IessBot {
  private readonly dialogs: DialogRunner;

  constructor(private readonly options: IessBotOptions) {
    this.dialogs = new DialogRunner(options.dialog, options.conversationState.createProperty<DialogState>('DialogState'));
  }

  /** Runs one turn (the channels' logic, the sign-in continuation and the handoff gate's fall-through call it). */
  async run(context: TurnContext): Promise<void> {
    const { activity } = context;
    switch (activity.type) {
      case ActivityTypes.Message:
        await this.onMessage(context);
        break;
      case ActivityTypes.ConversationUpdate:
        await this.onConversationUpdate(context);
        break;
      case ActivityTypes.Event:
        if (activity.name === SIGNIN_COMPLETED_EVENT) await this.dialogs.run(context);
        break;
      case ActivityTypes.Invoke:
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: StatusCodes.NOT_IMPLEMENTED } });
        return;
      default:
        return;
    }
    await this.options.conversationState.saveChanges(context, false);
  }

  private async onMessage(context: TurnContext): Promise<void> {
    const text = context.activity.text ?? '';
    if (text.length > this.options.maxMessageChars) {
      await context.sendActivity(reply(MSG.mensajeLargo(this.options.maxMessageChars)));
      return;
    }
    await this.dialogs.run(context);
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const { membersAdded = [], recipient } = context.activity;
    if (membersAdded.some((m) => m.id !== recipient.id)) {
      await context.sendActivity(reply(MSG.bienvenida, MENU_OPCIONES));
    }
  }
}
