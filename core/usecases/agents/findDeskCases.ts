import { normalizeIdentificacion } from '../../domain/identification';
import { CASE_PREFIXES } from '../../domain/tramites';
import type { Clock } from '../../ports';
import type { AuditLog, DeskCaseStore, DeskCaseView } from './ports';
import { mayDo } from './roles';

/** What an agent searches by: a case number, or a person's cédula or código. */
export type DeskQuery = { kind: 'numero'; numero: string } | { kind: 'identificacion'; identificacion: string };

const CASE_NUMBER = new RegExp(`^(${Object.values(CASE_PREFIXES).join('|')})-(\\d{4})-(\\d{6})$`, 'i');

/** Reads a search text: a case number (RL-2026-000042) or an identification; undefined when it is neither. */
export function parseDeskQuery(text: string): DeskQuery | undefined {
  const trimmed = text.trim();
  const numero = CASE_NUMBER.exec(trimmed.replace(/\s+/g, ''));
  if (numero) return { kind: 'numero', numero: `${numero[1].toUpperCase()}-${numero[2]}-${numero[3]}` };
  const identificacion = normalizeIdentificacion(trimmed);
  return identificacion ? { kind: 'identificacion', identificacion } : undefined;
}

/** The staff member doing a desk action (from the agent router's checked identity). */
export interface DeskActor {
  staffId: string;
  nombre: string;
  rol: 'AGENTE' | 'SUPERVISOR';
}

/** Result of a search: the cases found (maybe none), or denied for the role. */
export type FindDeskCasesResult = { outcome: 'ok'; cases: DeskCaseView[] } | { outcome: 'denied' };

/**
 * Finds cases for an agent by number or by the person's identification, and audits the look-up (reading a person's
 * data is an action): subject the case number, or the afiliado when found by identification.
 */
export async function findDeskCases(options: {
  store: DeskCaseStore;
  audit: AuditLog;
  clock: Clock;
  actor: DeskActor;
  query: DeskQuery;
  /** `case.view` for a refresh of a card already shown; `case.search` otherwise. */
  action?: 'case.search' | 'case.view';
}): Promise<FindDeskCasesResult> {
  const { store, audit, actor, query } = options;
  const action = options.action ?? 'case.search';
  if (!mayDo(actor.rol, action)) return { outcome: 'denied' };
  const cases =
    query.kind === 'numero'
      ? [await store.findCaseByNumero(query.numero)].filter((c): c is DeskCaseView => !!c)
      : await store.findCasesByIdentificacion(query.identificacion);
  const subject =
    query.kind === 'numero'
      ? { subjectType: 'case', subjectId: query.numero }
      : { subjectType: 'afiliado', subjectId: cases[0]?.ciudadano.afiliadoId };
  await audit.append({
    staffId: actor.staffId,
    action,
    ...subject,
    after: { encontrados: cases.map((c) => c.numero) },
    outcome: cases.length ? 'ok' : 'not_found',
    at: options.clock(),
  });
  return { outcome: 'ok', cases };
}
