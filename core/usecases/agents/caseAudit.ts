import type { Clock } from '../../ports';
import type { DeskActor } from './findDeskCases';
import type { AuditLog, AuditRecord } from './ports';
import { mayDo } from './roles';

/** Most audit entries a case's audit card shows (the latest ones). */
export const CASE_AUDIT_ENTRIES = 20;

/** The audit trail of a case, or denied for the role. */
export type CaseAuditResult = { outcome: 'ok'; entries: AuditRecord[] } | { outcome: 'denied' };

/** The latest audit entries of one case (searches, views, moves, downloads); reading it is audited too. */
export async function readCaseAudit(options: {
  audit: AuditLog;
  clock: Clock;
  actor: DeskActor;
  numero: string;
}): Promise<CaseAuditResult> {
  const { audit, actor, numero } = options;
  if (!mayDo(actor.rol, 'case.audit')) return { outcome: 'denied' };
  const entries = await audit.list({ subjectType: 'case', subjectId: numero, limit: CASE_AUDIT_ENTRIES });
  await audit.append({
    staffId: actor.staffId,
    action: 'case.audit',
    subjectType: 'case',
    subjectId: numero,
    outcome: 'ok',
    at: options.clock(),
  });
  return { outcome: 'ok', entries };
}
