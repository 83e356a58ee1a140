import type { TurnContext } from 'botbuilder';
import { TRANSCRIPCION } from '../../catalog';

const SENSITIVE_INPUT = Symbol('iess.sensitiveInput');

/** Text that replaces a security answer in stored transcripts. */
export const REDACTED_TEXT = TRANSCRIPCION.respuestaOculta;

/** Marks the citizen's message of this turn as a security answer, so channels that keep transcripts redact it. */
export function markSensitiveInput(context: TurnContext): void {
  context.turnState.set(SENSITIVE_INPUT, true);
}

/** Whether the dialogs marked this turn's message as a security answer. */
export function isSensitiveInput(context: TurnContext): boolean {
  return context.turnState.get(SENSITIVE_INPUT) === true;
}
