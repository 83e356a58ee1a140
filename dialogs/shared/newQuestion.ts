import type { DialogContext } from 'botbuilder-dialogs';
import { SEGUIMIENTO } from '../../catalog';
import { normalizeForMatch, parseYesNo, type IntentName, type NluResult } from '../../nlu';
import { isTramiteId } from '../../core/domain/tramites';

/** Where a step keeps the new question it asked about leaving for (in the innermost active dialog's state). */
const PENDING_KEY = 'iessNuevaPregunta';

/** Intents that start another journey: asked about while a step waits, never started over it silently. */
export function startsJourney(intent: IntentName): boolean {
  return isTramiteId(intent) || ['requisitos', 'estado_tramite', 'queja', 'info_servicio'].includes(intent);
}

/** Prompts that take the citizen's own words, where a sentence about a trámite is an answer, not a new question. */
const FREE_TEXT_PROMPTS = new Set(['reinsercionDetallePrompt']);

/** The id of the dialog that waits for this turn's answer (the innermost active one). */
export function waitingPromptId(dc: DialogContext): string | undefined {
  let deepest = dc;
  while (deepest.child) deepest = deepest.child;
  return deepest.activeDialog?.id;
}

/**
 * Whether a message, while a step waits, is a new question that would start another journey: the classifier is sure,
 * it has at least three words (a one-word answer such as "reinserción" to "¿qué trámite?" is an answer), the prompt
 * is not one of free text, and the journey does not take that intent as an answer.
 */
export function isNewQuestion(dc: DialogContext, nlu: NluResult, ownIntents: readonly IntentName[], freeText: readonly string[]): boolean {
  if (!startsJourney(nlu.intent) || ownIntents.includes(nlu.intent)) return false;
  const prompt = waitingPromptId(dc);
  if (prompt && (FREE_TEXT_PROMPTS.has(prompt) || freeText.includes(prompt))) return false;
  return nlu.text.trim().split(/\s+/).length >= 3;
}

function stateOf(dc: DialogContext): Record<string, unknown> | undefined {
  return dc.activeDialog?.state as Record<string, unknown> | undefined;
}

/** Keeps the new question while the citizen says whether to leave the step. */
export function rememberNewQuestion(dc: DialogContext, text: string): void {
  const state = stateOf(dc);
  if (state) state[PENDING_KEY] = text;
}

/** The new question kept on the previous turn, if any; it is forgotten as it is read. */
export function takeNewQuestion(dc: DialogContext): string | undefined {
  const state = stateOf(dc);
  const pending = state?.[PENDING_KEY];
  if (state) delete state[PENDING_KEY];
  return typeof pending === 'string' ? pending : undefined;
}

/** The answer to "¿Quiere dejar lo que estábamos haciendo?": its buttons, or a plain yes or no. */
export function leaveAnswer(text: string): boolean | undefined {
  const typed = normalizeForMatch(text);
  if (typed === normalizeForMatch(SEGUIMIENTO.dejarSi)) return true;
  if (typed === normalizeForMatch(SEGUIMIENTO.dejarNo)) return false;
  return parseYesNo(text);
}

/** Result a journey ends with when the citizen left it for a new question: the parent answers that question. */
export interface LeftForQuestion {
  cancelled: true;
  reroute: string;
}

/** The new question a child journey was left for, if it ended that way. */
export function rerouteOf(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const reroute = (result as { reroute?: unknown }).reroute;
  return typeof reroute === 'string' ? reroute : undefined;
}
