import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Recognizer } from '../../nlu';
import { SIGNIN } from '../../catalog';
import type { SessionPort, SignedInCitizen } from '../../core/ports';
import { InterruptibleDialog } from '../shared/interruptibleDialog';
import { conversationKeyOf } from '../shared/conversation';
import { SIGNIN_WAIT_DIALOG, WaitForSignInDialog } from './waitForSignIn';

export { MAX_SIGNIN_RESENDS, SIGNIN_WAIT_OPTIONS } from './waitForSignIn';
export { isSignOutCommand, looksLikeClave } from './signInText';

/** Id of the sign-in journey. */
export const SIGNIN_DIALOG = 'signInDialog';
const WATERFALL = 'signInWaterfall';

/** Why sign-in is needed: one whole sentence, shown first with the sign-in card (a general one when absent). */
export interface SignInOptions {
  motivo?: string;
}

/** The citizen now signed in to the conversation; undefined when the journey did not end signed in. */
export interface SignInResult {
  citizen?: SignedInCitizen;
}

/** What the journey needs: the session port and the recognizer for interruptions. */
export interface SignInDependencies {
  session: SessionPort;
  recognizer: Recognizer;
}

/**
 * Confirms who the citizen is without the clave ever passing through the chat: ends at once when the
 * conversation already has a session; otherwise sends a sign-in card to the bot's page and waits for the server
 * to continue the conversation. "cancelar", "ayuda" and "agente" work while waiting.
 */
export class SignInDialog extends InterruptibleDialog {
  constructor(private readonly deps: SignInDependencies) {
    super(SIGNIN_DIALOG, deps.recognizer);
    this.addDialog(new WaitForSignInDialog(deps.session));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.checkStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  protected override helpText(): string {
    return SIGNIN.ayuda;
  }

  private async checkStep(step: WaterfallStepContext<SignInOptions>): Promise<DialogTurnResult> {
    const citizen = await this.deps.session.current(conversationKeyOf(step.context));
    if (citizen) return step.endDialog({ citizen } satisfies SignInResult);
    return step.beginDialog(SIGNIN_WAIT_DIALOG, { motivo: step.options?.motivo });
  }

  private async doneStep(step: WaterfallStepContext<SignInOptions>): Promise<DialogTurnResult> {
    return step.endDialog(step.result);
  }
}
