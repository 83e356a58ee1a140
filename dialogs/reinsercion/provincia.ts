import { normalizeForMatch } from '../../nlu';
import { PROVINCIA_ALIAS, PROVINCIA_PALABRAS_PREVIAS, PROVINCIAS } from '../../catalog';
import { matchOption } from '../shared/choices';

/** Words that may come before the name and say nothing about which one. */
const LEADING_WORDS: ReadonlySet<string> = new Set(PROVINCIA_PALABRAS_PREVIAS);

/** Every form a province may be written in, normalised (lowercase, no accents). */
const FORMS: readonly { provincia: string; form: string }[] = PROVINCIAS.flatMap((provincia) => [
  { provincia, form: normalizeForMatch(provincia) },
  ...(PROVINCIA_ALIAS[provincia] ?? []).map((form) => ({ provincia, form })),
]);

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Typos allowed for a typed text of this length: none up to 4 letters, one up to 7, two beyond. */
function allowedTypos(length: number): number {
  if (length <= 4) return 0;
  return length <= 7 ? 1 : 2;
}

/** The single province whose forms contain the given one, if exactly one does. */
function unique(candidates: readonly string[]): string | undefined {
  const distinct = [...new Set(candidates)];
  return distinct.length === 1 ? distinct[0] : undefined;
}

/**
 * The province a citizen chose: a tapped button, its position in the list, a name typed without accents or with a
 * couple of typos ("tungurawa", "galapagos", "santo domingo"), or a short sentence naming exactly one ("en el
 * Guayas"). Undefined when nothing, or more than one province, fits.
 */
export function matchProvincia(text: string): string | undefined {
  const picked = matchOption(text, PROVINCIAS);
  if (picked) return picked;
  const words = normalizeForMatch(text).split(' ').filter(Boolean);
  while (words.length > 1 && LEADING_WORDS.has(words[0])) words.shift();
  const typed = words.join(' ');
  if (!typed) return undefined;
  const padded = ` ${typed} `;
  const named = unique(FORMS.filter((f) => padded.includes(` ${f.form} `)).map((f) => f.provincia));
  if (named) return named;
  const scored = FORMS.map((f) => ({ ...f, distance: editDistance(typed, f.form) }));
  const best = Math.min(...scored.map((s) => s.distance));
  if (best > allowedTypos(typed.length)) return undefined;
  return unique(scored.filter((s) => s.distance === best).map((s) => s.provincia));
}
