import '../env';
import PorterStemmerEs from 'natural/lib/natural/stemmers/porter_stemmer_es';
import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
import { words as naturalStopwordsEs } from 'natural/lib/natural/util/stopwords_es';

/** Spanish Porter stem (natural's PorterStemmerEs) of an already folded token. */
export function stem(token: string): string {
  return PorterStemmerEs.stem(token);
}

/** Jaro-Winkler similarity in [0, 1] (natural). */
export function jaroWinkler(a: string, b: string): number {
  return JaroWinklerDistance(a, b);
}

/** Restricted Damerau-Levenshtein edit distance (natural's implementation): a transposition counts as one edit. */
export function naturalEditDistance(a: string, b: string): number {
  return DamerauLevenshteinDistance(a, b, { restricted: true });
}

let previous2 = new Int32Array(32);
let previous1 = new Int32Array(32);
let current = new Int32Array(32);

/**
 * Restricted Damerau-Levenshtein (optimal string alignment) distance, same results as natural's
 * `DamerauLevenshteinDistance(a, b, { restricted: true })` (checked in tests) but more than 10× faster:
 * natural's version allocates a matrix and goes through underscore for every cell, and the
 * corrector calls this for every candidate of every unknown word.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = b.length;
  if (a.length === 0) return n;
  if (n === 0) return a.length;
  if (current.length <= n) {
    previous2 = new Int32Array(n + 1);
    previous1 = new Int32Array(n + 1);
    current = new Int32Array(n + 1);
  }
  for (let j = 0; j <= n; j++) previous1[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min(previous1[j] + 1, current[j - 1] + 1, previous1[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, previous2[j - 2] + 1);
      current[j] = d;
    }
    const rotate = previous2;
    previous2 = previous1;
    previous1 = current;
    current = rotate;
  }
  return previous1[n];
}

/** natural's Spanish stop-word list; callers remove the words they need to keep (no, sí, question words). */
export const NATURAL_STOPWORDS_ES: readonly string[] = naturalStopwordsEs;
