import { Culture, recognizeBoolean } from '@microsoft/recognizers-text-suite';

/** A yes/no answer found by recognizers-text, with its span (end exclusive). */
export interface BooleanHit {
  value: boolean;
  start: number;
  end: number;
}

/**
 * The word alternatives of recognizers-text's Spanish boolean model (1.3.1: `SpanishChoice.TrueRegex` and
 * `FalseRegex`, `\b(…)\b`; the rest of those expressions are emoji). tests/nlu/recognizersTextPrecheck.test.ts reads
 * them from the installed suite, so an upgrade that changes them fails there instead of silently here.
 */
export const SPANISH_BOOLEAN_WORDS: readonly string[] = [
  ...['verdad', 'verdadero', 'sí', 'sip', 's', 'si', 'cierto', 'por supuesto', 'ok'],
  ...['falso', 'no', 'nop', 'n', 'no'],
];

/** Every prefix of the first word of each alternative, accents folded as findYesNo folds its text. */
const OPENING_PREFIXES: ReadonlySet<string> = new Set(
  SPANISH_BOOLEAN_WORDS.flatMap((w) => {
    const first = w
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .split(' ')[0];
    return Array.from({ length: first.length }, (_, n) => first.slice(0, n + 1));
  }),
);

/**
 * False when recognizers-text's Spanish boolean model cannot find an answer that starts at the first character of a
 * text whose first word is `word` (folded, letters and digits only); true when it may. Its expressions are
 * `\b(word|…)\b` (and emoji, which cannot start at a letter), so a match at 0 needs one of its words to equal this word
 * or, when the library turns the accented last letter of a space-separated chunk into a plain one, to begin with it.
 * findYesNo only uses a hit at 0, so on false it skips the model (its grapheme splitter costs most of a turn's NLU).
 */
export function mayOpenSpanishBoolean(word: string): boolean {
  return OPENING_PREFIXES.has(word);
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
