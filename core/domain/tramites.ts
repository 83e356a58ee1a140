/**
 * The trámite registry's domain half: one entry per trámite, with what every layer derives from it (routing, case
 * numbering, signed-in journeys, the NLU's intents). The texts and clarification labels live in the catalog
 * (catalog/es-EC/tramites.ts) and the dialogs in dialogs/tramites.ts, each a `Record` keyed by the same id, so a
 * missing piece is a type error.
 */

/** Kinds of case the store records, one per trámite that opens a case. */
export type CaseTypeName = 'RELIQUIDACION' | 'REINSERCION' | 'CLAVE';

/** One trámite: its id (also its intent name), the case it opens and how it is filed. */
export interface TramiteDefinition {
  /** Stable id. It is also the trámite's intent: the NLU returns it as the intent name. */
  readonly id: string;
  /** The value of the NLU's `tramite` entity that names it: its id, or the family it belongs to. */
  readonly mention: string;
  /** Kind of case it opens in the store, or none (recovering a clave opens no case). */
  readonly caseType?: CaseTypeName;
  /** Case-number prefix, RL-2026-000042. */
  readonly prefix?: string;
  /** Filed from the chat by a signed-in citizen (the journey runs after sign-in). */
  readonly signIn: boolean;
  /** Seed text it follows (../shared/seeds/<seed>-*.md). */
  readonly seed: string;
}

/** Every trámite, in the order lists show them. */
export const TRAMITES_REGISTRY = [
  { id: 'reliquidacion', mention: 'reliquidacion', caseType: 'RELIQUIDACION', prefix: 'RL', signIn: true, seed: '000' },
  { id: 'reinsercion', mention: 'reinsercion', caseType: 'REINSERCION', prefix: 'RI', signIn: true, seed: '002' },
  { id: 'clave_obtener', mention: 'clave', caseType: 'CLAVE', prefix: 'CL', signIn: false, seed: '003' },
  { id: 'clave_recuperar', mention: 'clave', signIn: false, seed: '004' },
] as const satisfies readonly TramiteDefinition[];

/** A registry entry, as written (literal types kept). */
type RegisteredTramite = (typeof TRAMITES_REGISTRY)[number];

/**
 * Values of the NLU's `tramite` entity (the keys of `tramites` in nlu/data/lexicon.json): a trámite's own id, or a
 * family that several trámites share ("clave" names both clave procedures).
 */
export type TramiteMention = RegisteredTramite['mention'];

/** Ids of every registered trámite. */
export type TramiteId = RegisteredTramite['id'];

/** Trámites a signed-in citizen files from the chat. */
export type FiledTramiteId = Extract<RegisteredTramite, { signIn: true }>['id'];

/** Kinds of case a signed-in citizen files from the chat (the store's filing port takes these). */
export type FiledCaseTypeName = Extract<RegisteredTramite, { signIn: true }>['caseType'];

/** Every registered id, in registry order. */
export const TRAMITE_IDS: readonly TramiteId[] = TRAMITES_REGISTRY.map((t) => t.id);

/** Whether filing the trámite needs a signed-in citizen (its journey then runs after sign-in). */
export function isFiledTramite(id: TramiteId): id is FiledTramiteId {
  return getTramiteDefinition(id).signIn;
}

/** The trámites a signed-in citizen files from the chat, in registry order. */
export const FILED_TRAMITE_IDS: readonly FiledTramiteId[] = TRAMITE_IDS.filter(isFiledTramite);

/** Every value of the NLU's `tramite` entity, in registry order, without repeats. */
export const TRAMITE_MENTIONS: readonly TramiteMention[] = [...new Set(TRAMITES_REGISTRY.map((t) => t.mention))];

/**
 * Intents that are not trámites: conversation, help, look-ups and the catch-all. The NLU's intents are these and
 * every {@link TramiteId}.
 */
export type ConversationalIntent =
  | 'saludo'
  | 'despedida'
  | 'agradecimiento'
  | 'ayuda'
  | 'cancelar'
  | 'hablar_agente'
  | 'requisitos'
  | 'estado_tramite'
  | 'info_servicio'
  | 'contacto'
  | 'queja'
  | 'fuera_de_dominio';

/** Names of the intents the classifier returns: the conversational ones and one per trámite (its id). */
export type IntentName = ConversationalIntent | TramiteId;

/** Narrows any string (an intent, an entity value, a stored id) to a registered trámite id. */
export function isTramiteId(value: string): value is TramiteId {
  return (TRAMITE_IDS as readonly string[]).includes(value);
}

/** Narrows a string to a value of the NLU's `tramite` entity. */
export function isTramiteMention(value: string): value is TramiteMention {
  return (TRAMITE_MENTIONS as readonly string[]).includes(value);
}

/** The registry entry of a trámite. */
export function getTramiteDefinition(id: TramiteId): TramiteDefinition {
  const found = TRAMITES_REGISTRY.find((t) => t.id === id);
  if (!found) throw new Error(`Unknown trámite: ${id}`);
  return found;
}

/** The registered trámites a mention names: one for its own id, several for a family ("clave"). */
export function tramitesMentioned(mention: TramiteMention): readonly TramiteId[] {
  return TRAMITES_REGISTRY.filter((t) => t.mention === mention).map((t) => t.id);
}

/** Length limits, in characters, of the detail a citizen writes when filing a reinserción laboral. */
export const REINSERCION_DETALLE_CHARS = { min: 10, max: 600 } as const;

/** Case-number prefix of each kind of case, derived from the registry. */
export const CASE_PREFIXES: Readonly<Record<CaseTypeName, string>> = Object.fromEntries(
  TRAMITES_REGISTRY.flatMap((t) => ('caseType' in t ? [[t.caseType, t.prefix]] : [])),
) as Record<CaseTypeName, string>;
