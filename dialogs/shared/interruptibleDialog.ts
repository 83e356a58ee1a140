import { ActivityTypes, type Activity } from 'botbuilder';
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { normalizeForMatch, parseYesNo, type IntentName, type NluResult, type Recognizer } from '../../nlu';
import { MENU_OPCIONES, MSG, SEGUIMIENTO } from '../../catalog';
import { beginHandoff } from '../handoff/handoffDialog';
import { contactoAnswer, contactoTema } from '../servicios/contacto';
import { isNewQuestion, leaveAnswer, rememberNewQuestion, takeNewQuestion, type LeftForQuestion } from './newQuestion';
import { isResendRequest, SIGNIN_WAIT_DIALOG } from '../signin/resend';
import { refuseClaveAndReprompt } from './claveGuard';
import { reply } from './replies';
import { understand } from './understand';

/** Confidence an interruption needs: below it the text is left to the step (an answer like "no tengo" is not a plea for help). */
export const INTERRUPTION_MIN_SCORE = 0.75;

/** Id of the innermost active dialog (the step that waits). */
function innermostId(dc: DialogContext): string | undefined {
  let deepest = dc;
  while (deepest.child) deepest = deepest.child;
  return deepest.activeDialog?.id;
}

/** A bare "sí"/"no" (up to three words) answers the step; it is never an interruption. */
function isShortYesNo(text: string): boolean {
  return text.trim().split(/\s+/).length <= 3 && parseYesNo(text) !== undefined;
}

/**
 * Titles of the buttons the waiting step offered: the innermost active dialog's prompt options, or, for a dialog
 * that waits without a prompt (the sign-in wait), the titles it keeps under `offered` in its state.
 */
export function offeredButtons(dc: DialogContext): string[] {
  let deepest = dc;
  while (deepest.child) deepest = deepest.child;
  const state = deepest.activeDialog?.state as { options?: { prompt?: Partial<Activity> | string }; offered?: unknown } | undefined;
  const own = Array.isArray(state?.offered) ? state.offered.map(String) : [];
  const prompt = state?.options?.prompt;
  if (typeof prompt !== 'object' || prompt === null) return own;
  return [...own, ...(prompt.suggestedActions?.actions ?? []).map((a) => String(a.title ?? a.value ?? ''))];
}

/** Entities that make a message an answer (an e-mail, a date), never a question about contacts. */
const ANSWER_ENTITIES = new Set(['email', 'telefono', 'cedula', 'codigo_extranjero', 'numero_caso', 'fecha']);

/** A question about hours, places or contacts asked while a step waits ("¿atienden los sábados?"), not an answer. */
function isContactQuestion(nlu: NluResult): boolean {
  if (nlu.entities.some((e) => ANSWER_ENTITIES.has(e.type))) return false;
  return contactoTema(nlu.text) !== 'general' || nlu.text.includes('?');
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

  /** Intents the journey's prompts take as answers (a trámite named when asked which one), never new questions. */
  protected ownIntents(): readonly IntentName[] {
    return [];
  }

  /** Ids of the journey's prompts that take the citizen's own words: no new question is looked for there. */
  protected freeTextPrompts(): readonly string[] {
    return [];
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = (await refuseClaveAndReprompt(innerDc)) ?? (await this.leaveOrStay(innerDc)) ?? (await this.interrupt(innerDc));
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  /** The answer to "¿Quiere dejar lo que estábamos haciendo?", asked on the previous turn: leave for the question, or stay. */
  private async leaveOrStay(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message) return undefined;
    const pending = takeNewQuestion(innerDc);
    if (pending === undefined) return undefined;
    const leave = leaveAnswer(activity.text ?? '');
    if (leave === undefined) return undefined;
    if (!leave) {
      await innerDc.context.sendActivity(reply(MSG.seguimos));
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: { cancelled: true, reroute: pending } satisfies LeftForQuestion };
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== ActivityTypes.Message || !activity.text) return undefined;
    if (isShortYesNo(activity.text)) return undefined;
    const typed = normalizeForMatch(activity.text);
    if (offeredButtons(innerDc).some((title) => normalizeForMatch(title) === typed)) return undefined;
    if (innermostId(innerDc) === SIGNIN_WAIT_DIALOG && isResendRequest(activity.text)) return undefined;
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
      case 'contacto':
        if (!isContactQuestion(nlu)) return undefined;
        await innerDc.context.sendActivity(reply(`${contactoAnswer(activity.text)}\n${MSG.seguimos}`));
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      default:
        if (!isNewQuestion(innerDc, nlu, this.ownIntents(), this.freeTextPrompts())) return undefined;
        rememberNewQuestion(innerDc, activity.text);
        await innerDc.context.sendActivity(reply(SEGUIMIENTO.dejarPaso, [SEGUIMIENTO.dejarSi, SEGUIMIENTO.dejarNo]));
        return { status: DialogTurnStatus.waiting };
    }
  }
}
