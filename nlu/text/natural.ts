import '../env';
import PorterStemmerEs = require('natural/lib/natural/stemmers/porter_stemmer_es');
import JaroWinklerDistance = require('natural/lib/natural/distance/jaro-winkler_distance');
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

/** Restricted Damerau-Levenshtein edit distance (natural): a transposition counts as one edit. */
export function editDistance(a: string, b: string): number {
  return DamerauLevenshteinDistance(a, b, { restricted: true });
}

/** natural's Spanish stop-word list; callers remove the words they need to keep (no, sí, question words). */
export const NATURAL_STOPWORDS_ES: readonly string[] = naturalStopwordsEs;
