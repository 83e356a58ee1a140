/**
 * The trámite registry's domain half: one entry per trámite, with what every layer derives from it (routing, case
 * numbering, signed-in journeys, the NLU's intents). The texts live in the catalog and the dialogs in
 * dialogs/tramites.ts, each keyed by the same id, so a missing entry is a type error.
 */

/** Kinds of case the store records, one per trámite that opens a case. */
export type CaseTypeName = 'RELIQUIDACION' | 'REINSERCION' | 'CLAVE';

/** One trámite: its id (also its intent name), the case it opens and how it is filed. */
export interface TramiteDefinition {
  /** Stable id; it is also the intent the NLU returns for it. */
  readonly id: string;
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
  { id: 'reliquidacion', caseType: 'RELIQUIDACION', prefix: 'RL', signIn: true, seed: '000' },
  { id: 'reinsercion', caseType: 'REINSERCION', prefix: 'RI', signIn: true, seed: '002' },
  { id: 'clave_obtener', caseType: 'CLAVE', prefix: 'CL', signIn: false, seed: '003' },
  { id: 'clave_recuperar', signIn: false, seed: '004' },
] as const satisfies readonly TramiteDefinition[];

/** Ids of every registered trámite. */
export type TramiteId = (typeof TRAMITES_REGISTRY)[number]['id'];

/** Trámites a signed-in citizen files from the chat. */
export type FiledTramiteId = Extract<(typeof TRAMITES_REGISTRY)[number], { signIn: true }>['id'];

/** The registry entry of a trámite. */
export function getTramiteDefinition(id: TramiteId): TramiteDefinition {
  const found = TRAMITES_REGISTRY.find((t) => t.id === id);
  if (!found) throw new Error(`Unknown trámite: ${id}`);
  return found;
}

/** Case-number prefix of each kind of case, derived from the registry. */
export const CASE_PREFIXES: Readonly<Record<CaseTypeName, string>> = Object.fromEntries(
  TRAMITES_REGISTRY.flatMap((t) => ('caseType' in t ? [[t.caseType, t.prefix]] : [])),
) as Record<CaseTypeName, string>;
