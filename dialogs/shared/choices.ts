import { normalizeForMatch } from '../../nlu';

/**
 * The option a citizen picked: the exact label (a tapped button), its position ("2"), or a typed text that
 * matches one option only (ignoring case and accents). Undefined when nothing or more than one option fits.
 */
export function matchOption(text: string, options: readonly string[]): string | undefined {
  const typed = normalizeForMatch(text);
  if (!typed) return undefined;
  const exact = options.find((o) => normalizeForMatch(o) === typed);
  if (exact) return exact;
  const position = Number(typed);
  if (Number.isInteger(position) && position >= 1 && position <= options.length && !options.some((o) => /^\d+$/.test(o))) {
    return options[position - 1];
  }
  const partial = typed.length >= 3 ? options.filter((o) => normalizeForMatch(o).includes(typed)) : [];
  return partial.length === 1 ? partial[0] : undefined;
}
