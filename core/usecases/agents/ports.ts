/**
 * Ports of the agents' side (Teams): the staff directory, the append-only audit trail. The store implements them
 * (prisma/store/staff.ts, prisma/store/audit.ts); the agent router and the agent use cases depend on these only.
 */
import type { ConversationReferenceJson } from '../../ports';

/** The two staff roles of the call centre. */
export type StaffRoleName = 'AGENTE' | 'SUPERVISOR';

/** A staff row as the agents' side reads it (never a secret in it). */
export interface StaffMember {
  id: string;
  aadObjectId: string;
  tenantId: string;
  nombre: string;
  correo: string;
  rol: StaffRoleName;
  active: boolean;
}

/** Who is staff, and where each agent's personal chat with the bot is. */
export interface StaffDirectory {
  /** The staff row of an Entra ID object id, or undefined for anyone else. */
  findStaffByAadObjectId(aadObjectId: string): Promise<StaffMember | undefined>;
  /** Records the conversation reference of the agent's personal chat (only written when it changed). */
  recordPersonalReference(staffId: string, reference: ConversationReferenceJson): Promise<void>;
  /** The agent's personal chat reference, for proactive messages (handoff transcripts); undefined before any chat. */
  personalReferenceOf(staffId: string): Promise<ConversationReferenceJson | undefined>;
}

/** How an audited action ended. */
export type AuditOutcome = 'ok' | 'refused' | 'denied' | 'stale' | 'invalid' | 'not_found';

/** One entry to append: who (a staff id, or the raw ids of a refused caller), what, on what, before/after. */
export interface NewAuditEntry {
  staffId?: string;
  actorAadObjectId?: string;
  actorTenantId?: string;
  /** Dotted action name, e.g. `teams.access`, `case.move`, `recovery.unblock`, `document.download`. */
  action: string;
  /** Kind of subject (`case`, `afiliado`, `handoff`, …) and its id (case number, afiliado id, handoff id …). */
  subjectType?: string;
  subjectId?: string;
  before?: unknown;
  after?: unknown;
  /** `ok`, or why it did not happen; free detail after a colon (`refused:other_tenant`). */
  outcome: string;
  at: Date;
}

/** A stored audit entry, before/after parsed back from JSON. */
export interface AuditRecord extends Omit<NewAuditEntry, 'before' | 'after'> {
  id: string;
  before?: unknown;
  after?: unknown;
}

/** The append-only audit trail. */
export interface AuditLog {
  append(entry: NewAuditEntry): Promise<void>;
  /** Entries of one subject (or all when omitted), oldest first, at most `limit`. */
  list(filter: { subjectType?: string; subjectId?: string; staffId?: string; limit?: number }): Promise<AuditRecord[]>;
}
