import type { EntityMatch, EntityType } from '../entities/types';
import { AJENO, DONT_KNOW, MALESTAR } from '../text/lexicon';
import type { Word } from '../text/pipeline';

const PLACEHOLDERS: readonly EntityType[] = ['cedula', 'codigo_extranjero', 'numero_caso', 'email', 'telefono', 'fecha'];

/** Prefix of character n-gram features; the model scales them as a group of their own. */
export const CHAR_PREFIX = 'c:';

/** Adds the character 3- and 4-grams of one word, with ^ and $ marking its edges ("holi" → ^ho, hol, oli, li$, ^hol…). */
function addCharGrams(word: string, out: Set<string>): void {
  const padded = `^${word}$`;
  for (let n = 4; n <= 4; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.add(CHAR_PREFIX + padded.slice(i, i + n));
  }
}

/** True when the words contain one of the phrases (word lists) at any position. */
function containsPhrase(words: readonly Word[], phrases: readonly (readonly string[])[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (phrases.some((p) => p.every((w, k) => words[i + k]?.word === w))) return true;
  }
  return false;
}

/** Positions of the words covered by one of the phrases (word lists). */
function phrasePositions(words: readonly Word[], phrases: readonly (readonly string[])[]): Set<number> {
  const at = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const p = phrases.find((q) => q.every((w, k) => words[i + k]?.word === w));
    p?.forEach((_, k) => at.add(i + k));
  }
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
  if (containsPhrase(words, DONT_KNOW)) features.add('#no_se');
  if (containsPhrase(words, AJENO)) features.add('#ajeno');
  const malestar = phrasePositions(words, MALESTAR);
  if (malestar.size > 0) features.add('#malestar');
  let previous: string | undefined;
  for (const [i, w] of words.entries()) {
    if (spans.some((s) => w.start < s.end && s.start < w.end)) {
      previous = undefined;
      continue;
    }
    if (w.stop) continue;
    const unit = w.numeric ? '#num' : w.stem;
    features.add(`w:${unit}`);
    if (previous !== undefined) features.add(`b:${previous}_${unit}`);
    previous = unit;
    if (!w.numeric) addCharGrams(w.raw, features);
    if (w.rare && !malestar.has(i)) features.add(features.has('#rare') ? '#rare2' : '#rare');
  }
  return [...features];
}
