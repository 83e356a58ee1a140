/**
 * Ports of the agents' side (Teams): the staff directory, the append-only audit trail. The store implements them
 * (prisma/store/staff.ts, prisma/store/audit.ts); the agent router and the agent use cases depend on these only.
 */
import type { AgentTargetState, CaseStateName, CaseTypeName } from '../../domain/cases';
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
  /** Display names of staff rows by id (for audit views); unknown ids are left out. */
  namesOf(staffIds: readonly string[]): Promise<Map<string, string>>;
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

/** A case as the case desk shows it to staff: history with notes and authors, documents, masked contact. */
export interface DeskCaseView {
  numero: string;
  tipo: CaseTypeName;
  estado: CaseStateName;
  creado: Date;
  actualizado: Date;
  /** Number of history events: with `estado`, the version a card was drawn at (a stale card is refused). */
  version: number;
  eventos: { estado: CaseStateName; fecha: Date; nota?: string; autor?: string }[];
  documentos: { id: string; tipo: string; nombre: string; fecha: Date }[];
  ciudadano: DeskCitizenView;
}

/** The citizen behind a case, as staff see them: name and masked identification and contact. */
export interface DeskCitizenView {
  afiliadoId: string;
  nombres: string;
  apellidos: string;
  identificacionMasked: string;
  emailMasked?: string;
  telefonoMasked?: string;
}

/** A move asked from a card: from the state and version it was drawn at, to a target state, with a note. */
export interface DeskMoveRequest {
  numero: string;
  desde: CaseStateName;
  version: number;
  hacia: AgentTargetState;
  nota?: string;
  staffId: string;
  autor: string;
  now: Date;
}

/** How a move ended: done (the new view), stale (the case moved meanwhile: its current view), or no such case. */
export type DeskMoveResult = { outcome: 'moved'; view: DeskCaseView } | { outcome: 'stale'; view: DeskCaseView } | { outcome: 'not_found' };

/** The store's side of the case desk. */
export interface DeskCaseStore {
  findCaseByNumero(numero: string): Promise<DeskCaseView | undefined>;
  findCasesByIdentificacion(identificacion: string): Promise<DeskCaseView[]>;
  /** In one transaction: the state, a CaseEvent with notificar=true and the audit entry; stale when it moved. */
  moveCase(request: DeskMoveRequest): Promise<DeskMoveResult>;
}

/** The online clave recovery guard (seed 004: five tries), as the supervisor's unblock uses it. */
export interface RecoveryUnblockPort {
  isRecoveryBlocked(options: { identificacion: string; now: Date }): Promise<boolean>;
  /** Lifts a block; false when there was none. */
  unblockRecovery(options: { identificacion: string }): Promise<boolean>;
}
