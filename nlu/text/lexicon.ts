import type { TramiteMention } from '../../core/domain/tramites';
import lexiconJson from '../data/lexicon.json';
import { NATURAL_STOPWORDS_ES } from './natural';
import { fold } from './normalize';

/** Ids of the seed-001 online services recognised as `servicio` entities. */
export type ServicioId = keyof typeof lexiconJson.servicios;
/** Values of the `tramite` entity: the registry's mentions (core/domain/tramites.ts), one key each in the lexicon. */
export type { TramiteMention };

/** Chat abbreviations and synonyms, folded word → replacement (may be several words or empty). */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries(lexiconJson.abbreviations));

/** Stop-words removed before classification: natural's Spanish list minus the words that carry intent. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  NATURAL_STOPWORDS_ES.map(fold).filter((w) => !lexiconJson.keepStopwords.includes(w) && !/^\d$/.test(w)),
);

/** Phrases per trámite mention, folded; the lexicon must have a key for every mention of the registry. */
export const TRAMITE_PHRASES: Readonly<Record<TramiteMention, readonly string[]>> = lexiconJson.tramites;

/** Phrases per service id, folded. */
export const SERVICIO_PHRASES = lexiconJson.servicios as Readonly<Record<ServicioId, readonly string[]>>;

/** Every service id, in lexicon order. */
export const SERVICIO_IDS = Object.keys(lexiconJson.servicios) as readonly ServicioId[];

/** Yes/no expressions and the courtesy words allowed after them. */
export const YES_NO = {
  yes: lexiconJson.yes as readonly string[],
  no: lexiconJson.no as readonly string[],
  filler: new Set<string>(lexiconJson.yesNoFiller),
};

/** Phrases that look like a service but are not one ("certificado de votacion", "aportes pendientes"); they block shorter matches. */
export const BLOCKER_PHRASES: readonly string[] = lexiconJson.blockers;

/** "I don't know" answers ("no se", "ni idea", "no me acuerdo"), as word lists, longest first. */
export const DONT_KNOW: readonly (readonly string[])[] = (lexiconJson.dontKnow as string[])
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length);

/** Names of other institutions, brands and things that are not the IESS ("gmail", "banco", "pasaporte"), as word lists, longest first. */
export const AJENO: readonly (readonly string[])[] = (lexiconJson.ajeno as string[])
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length);

/**
 * Words and phrases of discontent and insults ("pesimo", "mala atencion", "inutiles"), as word lists, longest
 * first: the '#malestar' feature, so a complaint made of words never seen in training leans to queja, not to
 * fuera_de_dominio.
 */
export const MALESTAR: readonly (readonly string[])[] = (lexiconJson.malestar as string[])
  .map((p) => p.split(' '))
  .sort((a, b) => b.length - a.length);
