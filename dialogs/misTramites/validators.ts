import { parseCaseNumber } from '../../nlu';
import { matchOption } from '../shared/choices';

/** Answers that fit no option are asked again this many times before the journey gives up. */
export const MAX_CHOICE_ATTEMPTS = 3;

/**
 * Which offered option the citizen picked: a tapped button, its position, a typed text that fits one option,
 * or a case number written in any case ("rl-2026-000042"). Undefined when it fits none.
 */
export function readChoice(text: string, options: readonly string[]): string | undefined {
  const matched = matchOption(text, options);
  if (matched) return matched;
  const numero = parseCaseNumber(text);
  return numero && options.includes(numero) ? numero : undefined;
}

/** A choice prompt's validator: one of the options, or the last allowed try (then the journey gives up). */
export function acceptsChoice(text: string, options: readonly string[], attemptCount: number): boolean {
  return readChoice(text, options) !== undefined || attemptCount >= MAX_CHOICE_ATTEMPTS;
}
