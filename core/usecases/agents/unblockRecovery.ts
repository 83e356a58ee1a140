import type { Clock } from '../../ports';
import type { DeskActor } from './findDeskCases';
import type { AuditLog, RecoveryUnblockPort } from './ports';
import { mayDo } from './roles';

/** Shortest and longest reason a supervisor must give for lifting a block. */
export const UNBLOCK_REASON_CHARS = { min: 10, max: 300 } as const;

/** How an unblock ended. */
export type UnblockRecoveryResult = { outcome: 'unblocked' | 'not_blocked' | 'denied' | 'reason_required' | 'reason_too_long' };

/**
 * Lifts the online clave recovery block of one identification (seed 004: five tries), after the staff member has
 * checked the person's identity: supervisors only (roles.ts), with a reason, every outcome audited with the reason.
 */
export async function unblockRecoveryForCitizen(options: {
  recovery: RecoveryUnblockPort;
  audit: AuditLog;
  clock: Clock;
  actor: DeskActor;
  /** The identification as the store keeps it (normalizeIdentificacion). */
  identificacion: string;
  motivo: string;
}): Promise<UnblockRecoveryResult> {
  const { recovery, audit, actor, identificacion } = options;
  const now = options.clock();
  const motivo = options.motivo.trim();
  let outcome: UnblockRecoveryResult['outcome'];
  let wasBlocked: boolean | undefined;
  if (!mayDo(actor.rol, 'recovery.unblock')) outcome = 'denied';
  else if (motivo.length < UNBLOCK_REASON_CHARS.min) outcome = 'reason_required';
  else if (motivo.length > UNBLOCK_REASON_CHARS.max) outcome = 'reason_too_long';
  else {
    wasBlocked = await recovery.isRecoveryBlocked({ identificacion, now });
    outcome = wasBlocked && (await recovery.unblockRecovery({ identificacion })) ? 'unblocked' : 'not_blocked';
  }
  await audit.append({
    staffId: actor.staffId,
    action: 'recovery.unblock',
    subjectType: 'identificacion',
    subjectId: identificacion,
    before: wasBlocked === undefined ? undefined : { bloqueado: wasBlocked },
    after: { bloqueado: outcome === 'unblocked' ? false : wasBlocked, motivo: motivo.slice(0, UNBLOCK_REASON_CHARS.max) },
    outcome: outcome === 'unblocked' ? 'ok' : outcome,
    at: now,
  });
  return { outcome };
}
