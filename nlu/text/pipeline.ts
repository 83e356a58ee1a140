import { SpellCorrector } from './corrector';
import { ABBREVIATIONS, STOPWORDS } from './lexicon';
import { stem } from './natural';
import { tokenize } from './normalize';

/** One word after normalisation, abbreviation expansion and typo correction. */
export interface Word {
  /** Corrected folded word. */
  word: string;
  /** Spanish Porter stem of `word`. */
  stem: string;
  /** True for stop-words (kept in the list so phrase matching can see positions). */
  stop: boolean;
  /** True for digit-only tokens. */
  numeric: boolean;
  start: number;
  end: number;
}

const stemCache = new Map<string, string>();

/** Stems with a cache: the Porter stemmer is the costliest step per word. */
function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    stemCache.set(word, s);
  }
  return s;
}

/** Collapses letters typed three or more times ("holaaa" → "hola", "siii" → "si"). */
function squeeze(word: string): string {
  return word.replace(/([a-z])\1{2,}/g, '$1');
}

/** Expands chat abbreviations of one folded token into zero or more words. */
function expand(token: string): string[] {
  const replacement = ABBREVIATIONS.get(token);
  if (replacement === undefined) return [token];
  return replacement === '' ? [] : replacement.split(' ');
}

/**
 * Counts the words of the training texts and lexicon phrases after squeezing and abbreviation
 * expansion: the corrector's vocabulary. Lexicon words count as frequent. A word seen at most twice that is
 * a typo of a frequent word ("reliquidasion") is left out, so it gets corrected instead of learnt.
 */
export function vocabularyCounts(texts: Iterable<string>, lexicon: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string, weight: number): void => {
    for (const token of tokenize(text)) {
      if (/^\d+$/.test(token.norm)) continue;
      for (const w of expand(squeeze(token.norm))) counts.set(w, (counts.get(w) ?? 0) + weight);
    }
  };
  for (const text of texts) add(text, 1);
  for (const text of lexicon) add(text, 3);
  for (const key of ABBREVIATIONS.keys()) if (key.length >= 5 && !counts.has(key)) counts.set(key, 3);
  const frequent = new SpellCorrector(new Map([...counts].filter(([, n]) => n >= 3)));
  for (const [word, n] of counts) {
    if (n <= 2 && frequent.correct(word) !== undefined) counts.delete(word);
  }
  return counts;
}

/**
 * Turns raw text into corrected, stemmed words with offsets: fold, squeeze repeated letters,
 * expand abbreviations, correct unknown words against the vocabulary, stem, flag stop-words.
 */
export class TextPipeline {
  /** @param corrector typo corrector over the training and lexicon vocabulary */
  constructor(private readonly corrector: SpellCorrector) {}

  /** Processes one text. */
  process(text: string): Word[] {
    const out: Word[] = [];
    for (const token of tokenize(text)) {
      if (/^\d+$/.test(token.norm)) {
        out.push({ word: token.norm, stem: token.norm, stop: false, numeric: true, start: token.start, end: token.end });
        continue;
      }
      let words = expand(squeeze(token.norm));
      if (words.length === 1 && !this.corrector.has(words[0])) {
        const corrected = this.corrector.correct(words[0]);
        if (corrected !== undefined) words = expand(corrected);
      }
      for (const word of words) {
        out.push({ word, stem: cachedStem(word), stop: STOPWORDS.has(word), numeric: false, start: token.start, end: token.end });
      }
    }
    return out;
  }
}
