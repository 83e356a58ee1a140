import type { AuditLog, AuditRecord, NewAuditEntry } from '../../core/usecases/agents/ports';
import type { PrismaClient } from '../client';
import type { Prisma } from '../generated/client';

/** A client or a transaction: audit entries are also written inside the transaction of the change they record. */
export type AuditWriter = PrismaClient | Prisma.TransactionClient;

const json = (value: unknown): string | undefined => (value === undefined ? undefined : JSON.stringify(value));

function parse(value: string | null): unknown {
  if (value == null) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** Appends one entry to the audit trail (append-only: nothing in the store updates or deletes these rows). */
export async function appendAuditEntry(db: AuditWriter, entry: NewAuditEntry): Promise<void> {
  await db.auditEntry.create({
    data: {
      staffId: entry.staffId,
      actorAadObjectId: entry.actorAadObjectId,
      actorTenantId: entry.actorTenantId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: json(entry.before),
      after: json(entry.after),
      outcome: entry.outcome,
      at: entry.at,
    },
  });
}

/** Largest page of audit entries one call returns. */
export const MAX_AUDIT_PAGE = 200;

/** Audit entries of one subject and/or staff member, oldest first (the last `limit` of them). */
export async function listAuditEntries(
  db: PrismaClient,
  filter: { subjectType?: string; subjectId?: string; staffId?: string; limit?: number },
): Promise<AuditRecord[]> {
  const take = Math.min(Math.max(filter.limit ?? 50, 1), MAX_AUDIT_PAGE);
  const rows = await db.auditEntry.findMany({
    where: { subjectType: filter.subjectType, subjectId: filter.subjectId, staffId: filter.staffId },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take,
  });
  return rows.reverse().map((row) => ({
    id: row.id,
    staffId: row.staffId ?? undefined,
    actorAadObjectId: row.actorAadObjectId ?? undefined,
    actorTenantId: row.actorTenantId ?? undefined,
    action: row.action,
    subjectType: row.subjectType ?? undefined,
    subjectId: row.subjectId ?? undefined,
    before: parse(row.before),
    after: parse(row.after),
    outcome: row.outcome,
    at: row.at,
  }));
}

/** The AuditLog port over the store. */
export function createAuditLog(db: PrismaClient): AuditLog {
  return { append: (entry) => appendAuditEntry(db, entry), list: (filter) => listAuditEntries(db, filter) };
}
