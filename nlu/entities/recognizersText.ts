import { Culture, recognizeBoolean } from '@microsoft/recognizers-text-suite';

/** A yes/no answer found by recognizers-text, with its span (end exclusive). */
export interface BooleanHit {
  value: boolean;
  start: number;
  end: number;
}

/** The recognizers-text Spanish boolean model: the first yes/no expression in `text`, if any. */
export function spanishBoolean(text: string): BooleanHit | undefined {
  const first = recognizeBoolean(text, Culture.Spanish)[0];
  if (!first || typeof first.resolution.value !== 'boolean') return undefined;
  return { value: first.resolution.value, start: first.start, end: first.end + 1 };
}

/**
 * Builds the recognizers-text model this module uses (it compiles its regular expressions on first use),
 * so this runs inside createRecognizer(), not on the first message.
 */
export function warmUpRecognizersText(): void {
  spanishBoolean('sí');
  spanishBoolean('no');
}
