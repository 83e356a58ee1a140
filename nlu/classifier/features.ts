import type { EntityMatch, EntityType } from '../entities/types';
import { AJENO, DONT_KNOW, MALESTAR } from '../text/lexicon';
import type { Word } from '../text/pipeline';

const PLACEHOLDERS: readonly EntityType[] = ['cedula', 'codigo_extranjero', 'numero_caso', 'email', 'telefono', 'fecha'];

/** Prefix of character n-gram features; the model scales them as a group of their own. */
export const CHAR_PREFIX = 'c:';

/** How many words' character n-grams (and stems' feature names) are kept: the same words come back in every message. */
const GRAM_CACHE_LIMIT = 20000;
const gramCache = new Map<string, readonly string[]>();

/** The character 4-grams of one word, with ^ and $ marking its edges ("holi" → c:^hol, c:holi, c:oli$), in order. */
function charGrams(word: string): readonly string[] {
  let grams = gramCache.get(word);
  if (grams === undefined) {
    const padded = `^${word}$`;
    const list: string[] = [];
    for (let i = 0; i + 4 <= padded.length; i++) list.push(CHAR_PREFIX + padded.slice(i, i + 4));
    grams = list;
    if (gramCache.size >= GRAM_CACHE_LIMIT) gramCache.clear();
    gramCache.set(word, grams);
  }
  return grams;
}

/** Word and bigram feature names, kept: built once per stem (pair) instead of once per message. */
const wordNames = new Map<string, string>();
const bigramNames = new Map<string, Map<string, string>>();

/** 'w:<unit>'. */
function wordFeature(unit: string): string {
  let name = wordNames.get(unit);
  if (name === undefined) {
    name = `w:${unit}`;
    if (wordNames.size >= GRAM_CACHE_LIMIT) wordNames.clear();
    wordNames.set(unit, name);
  }
  return name;
}

/** 'b:<previous>_<unit>'. */
function bigramFeature(previous: string, unit: string): string {
  let after = bigramNames.get(previous);
  if (after === undefined) {
    if (bigramNames.size >= GRAM_CACHE_LIMIT) bigramNames.clear();
    after = new Map();
    bigramNames.set(previous, after);
  }
  let name = after.get(unit);
  if (name === undefined) {
    name = `b:${previous}_${unit}`;
    if (after.size >= GRAM_CACHE_LIMIT) after.clear();
    after.set(unit, name);
  }
  return name;
}

/** Phrases (word lists) grouped by their first word, each group in the list's order (longest first). */
type PhraseIndex = ReadonlyMap<string, readonly (readonly string[])[]>;

function indexPhrases(phrases: readonly (readonly string[])[]): PhraseIndex {
  const index = new Map<string, (readonly string[])[]>();
  for (const p of phrases) index.set(p[0], [...(index.get(p[0]) ?? []), p]);
  return index;
}

const DONT_KNOW_INDEX = indexPhrases(DONT_KNOW);
const AJENO_INDEX = indexPhrases(AJENO);
const MALESTAR_INDEX = indexPhrases(MALESTAR);

/** The first phrase (in list order) that starts at word `i`, if any. */
function phraseAt(words: readonly Word[], i: number, index: PhraseIndex): readonly string[] | undefined {
  const candidates = index.get(words[i].word);
  if (candidates === undefined) return undefined;
  return candidates.find((p) => p.every((w, k) => words[i + k]?.word === w));
}

/** True when the words contain one of the phrases (word lists) at any position. */
function containsPhrase(words: readonly Word[], index: PhraseIndex): boolean {
  for (let i = 0; i < words.length; i++) if (phraseAt(words, i, index) !== undefined) return true;
  return false;
}

/** Positions of the words covered by one of the phrases (word lists). */
function phrasePositions(words: readonly Word[], index: PhraseIndex): Set<number> {
  const at = new Set<number>();
  for (let i = 0; i < words.length; i++) phraseAt(words, i, index)?.forEach((_, k) => at.add(i + k));
  return at;
}

/**
 * Classifier features of an utterance:
 * - word group: stems of content words and bigrams of them, '#num' for other numbers, one placeholder
 *   per structured entity ('#numero_caso' instead of its digits, so "RL-2026-000042" points to
 *   estado_tramite), '#tramite=…' per trámite and '#servicio' when any seed-001 service is named (so
 *   every service shares what the model learns from the others);
 * - '#rare' (and '#rare2' for a second one) for content words seen at most once in training or never:
 *   in training these come mostly from the varied out-of-domain lines, so at run time a message with
 *   words the model has never seen ("telefono de los bomberos") leans towards fuera_de_dominio;
 * - '#no_se' for an "I don't know" answer, so "no se", "ni idea", "no me acuerdo" share what is learnt
 *   (ayuda on their own; "no me acuerdo de mi clave" is still clave_recuperar through its other words);
 * - '#ajeno' when the message names another institution, brand or thing that is not the IESS ("gmail",
 *   "banco", "pasaporte"), so "la clave del wifi" or "requisitos para la visa" lean to fuera_de_dominio even
 *   when that name never appeared in training next to "clave" or "requisitos";
 * - '#malestar' for words of discontent or insults ("pesimo", "mala atencion", "ineptos"), so a complaint in
 *   words never seen in training leans to queja instead of fuera_de_dominio (these words never count as '#rare');
 * - character group ('c:…'): 3/4-grams of every content word as typed (before typo correction), so
 *   unseen spellings and words ("holi", "alo", "bloquearon") still share evidence with known ones.
 */
export function featuresOf(words: readonly Word[], entities: readonly EntityMatch[]): string[] {
  const features = new Set<string>();
  const spans = entities.filter((e) => PLACEHOLDERS.includes(e.type));
  for (const e of spans) features.add(`#${e.type}`);
  for (const e of entities) {
    if (e.type === 'tramite') features.add(`#tramite=${e.value}`);
    else if (e.type === 'servicio') features.add('#servicio');
  }
  if (containsPhrase(words, DONT_KNOW_INDEX)) features.add('#no_se');
  if (containsPhrase(words, AJENO_INDEX)) features.add('#ajeno');
  const malestar = phrasePositions(words, MALESTAR_INDEX);
  if (malestar.size > 0) features.add('#malestar');
  let previous: string | undefined;
  for (const [i, w] of words.entries()) {
    if (spans.some((s) => w.start < s.end && s.start < w.end)) {
      previous = undefined;
      continue;
    }
    if (w.stop) continue;
    const unit = w.numeric ? '#num' : w.stem;
    features.add(wordFeature(unit));
    if (previous !== undefined) features.add(bigramFeature(previous, unit));
    previous = unit;
    if (!w.numeric) for (const gram of charGrams(w.raw)) features.add(gram);
    if (w.rare && !malestar.has(i)) features.add(features.has('#rare') ? '#rare2' : '#rare');
  }
  return [...features];
}
