import { isAllowedAgentMove, NOTE_REQUIRED_STATES, type CaseStateName } from '../../domain/cases';
import type { Clock } from '../../ports';
import type { DeskActor } from './findDeskCases';
import type { AuditLog, DeskCaseStore, DeskCaseView } from './ports';
import { mayDo } from './roles';

/** Longest note for the citizen an agent may write on a move. */
export const MAX_MOVE_NOTE_CHARS = 500;

/** How a move asked from a card ended; every outcome but `moved` leaves the case as it was. */
export type MoveDeskCaseResult =
  | { outcome: 'moved'; view: DeskCaseView }
  | { outcome: 'stale'; view: DeskCaseView }
  | { outcome: 'not_allowed'; view: DeskCaseView }
  | { outcome: 'note_required' | 'note_too_long' | 'not_found' | 'denied' };

/**
 * Moves a case as an agent asked from a card: the role is checked, the move must be in the transition table
 * (core/domain/cases.ts), requiere información and negado need a note for the citizen, and a card drawn at an older
 * state or version is refused with the current one. The store writes state, event (notificar) and audit together;
 * refusals are audited here.
 */
export async function moveDeskCase(options: {
  store: DeskCaseStore;
  audit: AuditLog;
  clock: Clock;
  actor: DeskActor;
  numero: string;
  desde: CaseStateName;
  version: number;
  hacia: string;
  nota?: string;
}): Promise<MoveDeskCaseResult> {
  const { store, audit, actor, numero } = options;
  const now = options.clock();
  const nota = options.nota?.trim() || undefined;
  const refuse = async <R extends MoveDeskCaseResult>(result: R, outcome: string): Promise<R> => {
    await audit.append({
      staffId: actor.staffId,
      action: 'case.move',
      subjectType: 'case',
      subjectId: numero,
      before: { estado: options.desde, version: options.version },
      after: { estado: options.hacia },
      outcome,
      at: now,
    });
    return result;
  };
  if (!mayDo(actor.rol, 'case.move')) return refuse({ outcome: 'denied' }, 'denied');
  const current = await store.findCaseByNumero(numero);
  if (!current) return refuse({ outcome: 'not_found' }, 'not_found');
  if (current.estado !== options.desde || current.version !== options.version)
    return refuse({ outcome: 'stale', view: current }, `stale:${current.estado}`);
  if (!isAllowedAgentMove(current.estado, options.hacia)) return refuse({ outcome: 'not_allowed', view: current }, 'invalid:transition');
  if (NOTE_REQUIRED_STATES.includes(options.hacia) && !nota) return refuse({ outcome: 'note_required' }, 'invalid:note_required');
  if (nota && nota.length > MAX_MOVE_NOTE_CHARS) return refuse({ outcome: 'note_too_long' }, 'invalid:note_too_long');
  const result = await store.moveCase({
    numero,
    desde: options.desde,
    version: options.version,
    hacia: options.hacia,
    nota,
    staffId: actor.staffId,
    autor: actor.nombre,
    now,
  });
  if (result.outcome === 'not_found') return refuse({ outcome: 'not_found' }, 'not_found');
  if (result.outcome === 'stale') return refuse({ outcome: 'stale', view: result.view }, `stale:${result.view.estado}`);
  return result;
}
