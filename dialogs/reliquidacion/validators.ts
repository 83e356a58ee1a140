import { parseYesNo } from '../../nlu';

/** Answers that are neither yes nor no are asked again this many times before the journey gives up. */
export const MAX_CONFIRM_ATTEMPTS = 3;

/** The citizen's answer to the summary: true to file, false not to, undefined when it is neither. */
export function readConfirmation(text: string): boolean | undefined {
  return parseYesNo(text);
}

/** The confirmation prompt's validator: a yes or a no, or the last allowed try (then the journey gives up). */
export function acceptsConfirmation(text: string, attemptCount: number): boolean {
  return readConfirmation(text) !== undefined || attemptCount >= MAX_CONFIRM_ATTEMPTS;
}
