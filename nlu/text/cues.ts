/**
 * Cues the classifier's intent alone does not carry (issue 10): what a follow-up asks ("¿cuánto cuesta?"), a
 * message in English, an insult, a relative, an employer that does not approve, a pensioner. Each is a word or
 * phrase list of nlu/data/cues.json matched on the normalized text (no accents, lowercase), so the dialogs'
 * decisions are explainable and tested.
 */
import { PREGUNTA_TIPOS, type PreguntaTipo } from '../../core/domain/seguimiento';
import cuesJson from '../data/cues.json';
import { normalizeForMatch } from './normalize';

const CUES = cuesJson as {
  preguntas: Record<PreguntaTipo, string[]>;
  english: string[];
  spanish: string[];
  insults: string[];
  relatives: string[];
  employer: string[];
  notApproving: string[];
  jubilado: string[];
};

/** A phrase list with every phrase between spaces, as it is looked for in a normalized text between spaces. */
type Padded = readonly string[];
const pad = (phrases: readonly string[]): Padded => phrases.map((p) => ` ${p} `);

/** True when one of the phrases occurs as whole words in the normalized text. */
const has = (normalized: string, phrases: Padded): boolean => {
  const padded = ` ${normalized} `;
  return phrases.some((p) => padded.includes(p));
};

const PREGUNTAS = Object.fromEntries(PREGUNTA_TIPOS.map((tipo) => [tipo, pad(CUES.preguntas[tipo])])) as Record<PreguntaTipo, Padded>;
const INSULTS = pad(CUES.insults);
const RELATIVES = pad(CUES.relatives);
const EMPLOYER = pad(CUES.employer);
const NOT_APPROVING = pad(CUES.notApproving);
const JUBILADO = pad(CUES.jubilado);

/** The kinds of follow-up a message asks, in {@link PREGUNTA_TIPOS} order; empty when it asks none. */
export function detectPreguntas(text: string): PreguntaTipo[] {
  const normalized = normalizeForMatch(text);
  return PREGUNTA_TIPOS.filter((tipo) => has(normalized, PREGUNTAS[tipo]));
}

const ENGLISH = new Set(CUES.english);
const SPANISH = new Set(CUES.spanish);

/** True when most words are English function words and few are Spanish: the citizen writes in English. */
export function looksEnglish(text: string): boolean {
  const words = normalizeForMatch(text).split(' ').filter(Boolean);
  const english = words.filter((w) => ENGLISH.has(w)).length;
  const spanish = words.filter((w) => SPANISH.has(w) && !ENGLISH.has(w)).length;
  return words.length >= 2 && english >= 2 && english > spanish * 2 && english / words.length >= 0.3;
}

/** True when the message insults (the bot answers calmly and offers to register the complaint). */
export function isInsult(text: string): boolean {
  return has(normalizeForMatch(text), INSULTS);
}

/** True when the message is written for a relative or another person ("que le suban la pensión a mi suegro"). */
export function mentionsRelative(text: string): boolean {
  return has(normalizeForMatch(text), RELATIVES);
}

/** True when the message says the employer does not approve, sign or hand over something (seed 003's first clave). */
export function employerNotApproving(text: string): boolean {
  const normalized = normalizeForMatch(text);
  return has(normalized, EMPLOYER) && has(normalized, NOT_APPROVING);
}

/** True when the citizen says they are retired or a pensioner. */
export function mentionsJubilado(text: string): boolean {
  return has(normalizeForMatch(text), JUBILADO);
}
