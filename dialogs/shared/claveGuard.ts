import { ActivityTypes, type TurnContext } from 'botbuilder';
import { DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { SIGNIN } from '../../catalog';
import { carriesClave } from './claveInChat';
import { reply } from './replies';
import { markSensitiveInput } from './sensitive';

const WARNED = Symbol('iess.claveWarned');

/**
 * The one check every message goes through before any step or prompt sees it (the root dialog and the
 * interruptions base call it): when the message carries a clave ({@link carriesClave}), the turn is marked
 * sensitive (each channel that keeps a transcript redacts it), the citizen is warned once and told how to change
 * the clave. Returns true when the message must go no further: no prompt recognises it, so no value or text of
 * it reaches dialog state.
 */
export async function warnedAboutClave(context: TurnContext): Promise<boolean> {
  const { activity } = context;
  if (activity.type !== ActivityTypes.Message || !activity.text || !carriesClave(activity.text)) return false;
  markSensitiveInput(context);
  if (context.turnState.get(WARNED) !== true) {
    context.turnState.set(WARNED, true);
    await context.sendActivity(reply(SIGNIN.noEscribaClave));
  }
  return true;
}

/**
 * In a dialog in progress: warns about a clave and re-asks the waiting prompt, so the answer never reaches it.
 * Undefined when the message carries no clave.
 */
export async function refuseClaveAndReprompt(dc: DialogContext): Promise<DialogTurnResult | undefined> {
  if (!(await warnedAboutClave(dc.context))) return undefined;
  if (dc.activeDialog) await dc.repromptDialog();
  return { status: DialogTurnStatus.waiting };
}
