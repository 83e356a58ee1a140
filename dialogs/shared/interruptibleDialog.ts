import { ActivityTypes, type Activity } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { normalizeForMatch, parseYesNo, type Recognizer } from '../../nlu';
import { MENU_OPCIONES, MSG } from '../../catalog';
import { beginHandoff } from '../handoff/handoffDialog';
import { refuseClaveAndReprompt } from './claveGuard';
import { reply } from './replies';
import { understand } from './understand';

/** Confidence an interruption needs: below it the text is left to the step (an answer like "no tengo" is not a plea for help). */
export const INTERRUPTION_MIN_SCORE = 0.75;

/** A bare "sí"/"no" (up to three words) answers the step; it is never an interruption. */
function isShortYesNo(text: string): boolean {
  return text.trim().split(/\s+/).length <= 3 && parseYesNo(text) !== undefined;
}

/** Titles of the buttons the waiting prompt offered, found in the innermost active dialog's prompt options. */
export function offeredButtons(dc: DialogContext): string[] {
  let deepest = dc;
  while (deepest.child) deepest = deepest.child;
  const options = deepest.activeDialog?.state?.options as { prompt?: Partial<Activity> | string } | undefined;
  const prompt = options?.prompt;
  if (typeof prompt !== 'object' || prompt === null) return [];
  return (prompt.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value ?? ''));
}

/** Result a journey ends with when the citizen cancelled it, so the parent adds nothing. */
export const CANCELLED = { cancelled: true } as const;

/** True when a child journey ended because the citizen cancelled it. */
export function isCancelled(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { cancelled?: unknown }).cancelled === true;
}

/**
 * Base of every journey: handles "ayuda", "cancelar" and "hablar con un agente" at any turn of any step,
 * in one place, before the journey's own step sees the message. A message that carries a clave is refused first
 * (dialogs/shared/claveGuard.ts): warned about, marked for redaction and the prompt re-asked.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly recognizer: Recognizer,
  ) {
    super(id);
  }

  /** Help for the step in progress; journeys override it with something more specific. */
  protected helpText(): string {
    return MSG.ayuda;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = (await refuseClaveAndReprompt(innerDc)) ?? (await this.interrupt(innerDc));
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message || !activity.text) return undefined;
    if (isShortYesNo(activity.text)) return undefined;
    const typed = normalizeForMatch(activity.text);
    if (offeredButtons(innerDc).some((title) => normalizeForMatch(title) === typed)) return undefined;
    const nlu = understand(innerDc.context, this.recognizer);
    if (nlu.status !== 'ok' || nlu.score < INTERRUPTION_MIN_SCORE) return undefined;
    switch (nlu.intent) {
      case 'cancelar':
        await innerDc.context.sendActivity(reply(MSG.cancelado, MENU_OPCIONES));
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.complete, result: CANCELLED };
      case 'ayuda':
        await innerDc.context.sendActivity(reply(this.helpText()));
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'hablar_agente':
        return beginHandoff(innerDc, this.id);
      default:
        return undefined;
    }
  }
}
