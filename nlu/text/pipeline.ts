import { SpellCorrector } from './corrector';
import { ABBREVIATIONS, STOPWORDS } from './lexicon';
import { stem } from './natural';
import { tokenize } from './normalize';

/** One word after normalisation, abbreviation expansion and typo correction. */
export interface Word {
  /** Corrected folded word. */
  word: string;
  /** The folded word as typed (after squeezing and abbreviation expansion, before typo correction). */
  raw: string;
  /** Spanish Porter stem of `word`. */
  stem: string;
  /** True for stop-words (kept in the list so phrase matching can see positions). */
  stop: boolean;
  /** True for a content word seen at most once in the training texts, or not at all (after correction). */
  rare: boolean;
  /** True for digit-only tokens. */
  numeric: boolean;
  start: number;
  end: number;
}

const stemCache = new Map<string, string>();
/** Most words kept in the stem cache: every distinct word citizens type would otherwise stay in memory for good. */
const STEM_CACHE_LIMIT = 20_000;

/** Stems with a bounded cache: the Porter stemmer is the costliest step per word. */
function cachedStem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
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
 * Builds the typo corrector over the words of the training texts and lexicon phrases, counted after
 * squeezing and abbreviation expansion. Lexicon words count as frequent (3 per phrase). A word seen at
 * most twice that is a typo of a frequent word ("reliquidasion") is left out, so it gets corrected
 * instead of learnt.
 */
export function buildCorrector(texts: Iterable<string>, lexicon: Iterable<string>): SpellCorrector {
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
  const corrector = new SpellCorrector(counts);
  corrector.dropRareTypos(2, 3);
  return corrector;
}

/** A word of a token without its offsets: everything the pipeline derives from the token's folded text alone. */
type WordForm = Omit<Word, 'start' | 'end'>;

/** How many distinct tokens keep their words: the same words come back in every message. */
const FORM_CACHE_LIMIT = 20000;
const HAS_DIGIT = /\d/;

/**
 * Turns raw text into corrected, stemmed words with offsets: fold, squeeze repeated letters,
 * expand abbreviations, correct unknown words against the vocabulary, stem, flag stop-words.
 */
export class TextPipeline {
  private readonly forms = new Map<string, readonly WordForm[]>();

  /** @param corrector typo corrector over the training and lexicon vocabulary */
  constructor(private readonly corrector: SpellCorrector) {}

  /** Processes one text. */
  process(text: string): Word[] {
    const out: Word[] = [];
    for (const token of tokenize(text)) {
      for (const f of this.formsOf(token.norm)) {
        out.push({
          word: f.word,
          raw: f.raw,
          stem: f.stem,
          stop: f.stop,
          rare: f.rare,
          numeric: f.numeric,
          start: token.start,
          end: token.end,
        });
      }
    }
    return out;
  }

  /**
   * The words of one folded token, kept since they depend on nothing else; tokens with digits are not kept (they may
   * be a cédula or a phone number, and cost nothing to read).
   */
  private formsOf(norm: string): readonly WordForm[] {
    if (HAS_DIGIT.test(norm)) return this.derive(norm);
    let forms = this.forms.get(norm);
    if (forms === undefined) {
      forms = this.derive(norm);
      if (this.forms.size >= FORM_CACHE_LIMIT) this.forms.clear();
      this.forms.set(norm, forms);
    }
    return forms;
  }

  private derive(norm: string): WordForm[] {
    if (/^\d+$/.test(norm)) return [{ word: norm, raw: norm, stem: norm, stop: false, rare: false, numeric: true }];
    const typed = expand(squeeze(norm));
    let words = typed;
    if (words.length === 1 && !this.corrector.has(words[0])) {
      const corrected = this.corrector.correct(words[0]);
      if (corrected !== undefined) words = expand(corrected);
    }
    return words.map((word, i) => {
      const raw = words === typed ? word : i === 0 ? typed[0] : word;
      const stop = STOPWORDS.has(word);
      const rare = !stop && this.corrector.count(word) <= 1;
      return { word, raw, stem: cachedStem(word), stop, rare, numeric: false };
    });
  }
}
