import { ActivityTypes, TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { normalizeForMatch } from '../../nlu';
import { MENU_OPCIONES, MSG, SIGNIN } from '../../catalog';
import { SIGNIN_COMPLETED_EVENT, type SessionPort, type SignedInCitizen } from '../../core/ports';
import { conversationKeyOf } from '../shared/conversation';
import { CANCELLED } from '../shared/interruptibleDialog';
import { reply } from '../shared/replies';
import { markSensitiveInput } from '../shared/sensitive';
import { signInMessage } from './signInCard';
import { looksLikeClave } from './signInText';
import { isResendRequest, SIGNIN_WAIT_DIALOG } from './resend';

export { SIGNIN_WAIT_DIALOG } from './resend';

/** New links a citizen may ask for while one sign-in is waiting. */
export const MAX_SIGNIN_RESENDS = 3;

/** Buttons offered while waiting. */
export const SIGNIN_WAIT_OPTIONS: readonly string[] = [SIGNIN.otroEnlace, SIGNIN.cancelar];

/** What the waiting step keeps: why sign-in is needed and how many links were resent; never a link or a token. */
interface WaitState {
  motivo?: string;
  resends: number;
  /** The buttons of the reminder, so the parent journey reads a tap on them as an answer, never a new question. */
  offered: readonly string[];
}

/**
 * Sends the sign-in card and waits, across turns, for the server's SIGNIN_COMPLETED_EVENT (or a message sent once
 * the session exists). Messages meanwhile get a reminder with "Enviar otro enlace" and "Cancelar"; a message that
 * looks like a clave is marked sensitive, never echoed, and answered with a warning.
 */
export class WaitForSignInDialog extends Dialog<{ motivo?: string }> {
  constructor(private readonly session: SessionPort) {
    super(SIGNIN_WAIT_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: { motivo?: string }): Promise<DialogTurnResult> {
    const state = this.state(dc);
    state.motivo = options?.motivo;
    state.resends = 0;
    state.offered = SIGNIN_WAIT_OPTIONS;
    await this.sendLink(dc.context, state.motivo);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = dc.context;
    if (activity.type === ActivityTypes.Event && activity.name === SIGNIN_COMPLETED_EVENT) {
      const citizen = await this.session.current(conversationKeyOf(dc.context));
      return citizen ? this.finish(dc, citizen) : Dialog.EndOfTurn;
    }
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const text = activity.text ?? '';
    const sensitive = looksLikeClave(text);
    if (sensitive) {
      markSensitiveInput(dc.context);
      await dc.context.sendActivity(reply(SIGNIN.noEscribaClave));
    }
    const citizen = await this.session.current(conversationKeyOf(dc.context));
    if (citizen) return this.finish(dc, citizen);
    const typed = normalizeForMatch(text);
    if (!sensitive && (typed === normalizeForMatch(SIGNIN.otroEnlace) || isResendRequest(text))) return this.resend(dc);
    if (!sensitive && typed === normalizeForMatch(SIGNIN.cancelar)) {
      await dc.context.sendActivity(reply(MSG.cancelado, MENU_OPCIONES));
      return dc.endDialog(CANCELLED);
    }
    await dc.context.sendActivity(reply(SIGNIN.esperando, SIGNIN_WAIT_OPTIONS));
    return Dialog.EndOfTurn;
  }

  /** After "ayuda" or "agente", reminds what the journey is waiting for (without a new link). */
  override async repromptDialog(context: TurnContext, _instance: DialogInstance): Promise<void> {
    await context.sendActivity(reply(SIGNIN.esperando, SIGNIN_WAIT_OPTIONS));
  }

  private state(dc: DialogContext): WaitState {
    const instance = dc.activeDialog;
    if (!instance) throw new Error('WaitForSignInDialog has no active instance');
    return instance.state as WaitState;
  }

  private async resend(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.state(dc);
    if (state.resends >= MAX_SIGNIN_RESENDS) {
      await dc.context.sendActivity(reply(SIGNIN.demasiadosEnlaces, [SIGNIN.cancelar]));
      return Dialog.EndOfTurn;
    }
    state.resends += 1;
    await this.sendLink(dc.context, state.motivo);
    return Dialog.EndOfTurn;
  }

  private async sendLink(context: TurnContext, motivo?: string): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity);
    const link = await this.session.createSignInLink({ reference });
    await context.sendActivity(signInMessage({ ...link, motivo }));
  }

  private async finish(dc: DialogContext, citizen: SignedInCitizen): Promise<DialogTurnResult> {
    await dc.context.sendActivity(reply(SIGNIN.listo(citizen.nombres)));
    return dc.endDialog({ citizen });
  }
}
