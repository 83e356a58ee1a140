import type { ComplaintRecords, ComplaintVolume } from '../../core/usecases/registerComplaint';
import type { TopicRecords } from '../../core/usecases/conversationTopic';
import type { PrismaClient } from '../client';
import { timeOf, turnSqlOf } from '../turnSql';
import { isUniqueViolation } from './filing/errors';

/** Case-number prefix of complaints, counted in CaseCounter like the trámites' (no trámite uses it). */
export const COMPLAINT_PREFIX = 'QJ';

/** Year and month in Ecuador, where the Transparencia tables count. */
function ecuadorMonth(now: Date): { anio: number; mes: number } {
  const parts = new Intl.DateTimeFormat('en', { timeZone: 'America/Guayaquil', year: 'numeric', month: 'numeric' }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { anio: part('year'), mes: part('month') };
}

/**
 * Numbers, saves and counts a complaint in one transaction: QJ-2026-000001, and one more for its trámite in the
 * month. A second call with the same dedup key (a retried message) returns the first number and counts nothing.
 */
export async function createComplaint(db: PrismaClient, options: Parameters<ComplaintRecords['createComplaint']>[0]) {
  const existing = await db.complaint.findUnique({ where: { dedupKey: options.dedupKey }, select: { numero: true } });
  if (existing) return { numero: existing.numero, created: false };
  const { anio, mes } = ecuadorMonth(options.now);
  try {
    return await db.$transaction(async (tx) => {
      const counter = await tx.caseCounter.upsert({
        where: { prefijo_anio: { prefijo: COMPLAINT_PREFIX, anio } },
        create: { prefijo: COMPLAINT_PREFIX, anio, ultimo: 1 },
        update: { ultimo: { increment: 1 } },
      });
      const numero = `${COMPLAINT_PREFIX}-${anio}-${String(counter.ultimo).padStart(6, '0')}`;
      await tx.complaint.create({
        data: {
          numero,
          tramite: options.tramite,
          caseNumber: options.caseNumber ?? null,
          detalle: options.detalle,
          conversationKey: options.conversationKey,
          dedupKey: options.dedupKey,
          createdAt: options.now,
        },
      });
      await tx.complaintMonthlyCount.upsert({
        where: { tramite_anio_mes: { tramite: options.tramite, anio, mes } },
        create: { tramite: options.tramite, anio, mes, total: 1 },
        update: { total: { increment: 1 } },
      });
      return { numero, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await db.complaint.findUnique({ where: { dedupKey: options.dedupKey }, select: { numero: true } });
    if (!first) throw error;
    return { numero: first.numero, created: false };
  }
}

/** The volume of complaints of one month, per trámite, largest first. */
export async function listComplaintVolumes(db: PrismaClient, options: { anio: number; mes: number }): Promise<ComplaintVolume[]> {
  const rows = await db.complaintMonthlyCount.findMany({ where: options, orderBy: [{ total: 'desc' }, { tramite: 'asc' }] });
  return rows.map(({ tramite, anio, mes, total }) => ({ tramite, anio, mes, total }));
}

/** The store's complaint records for the use case. */
export function createComplaintRecords(db: PrismaClient): ComplaintRecords {
  return { createComplaint: (o) => createComplaint(db, o), listComplaintVolumes: (o) => listComplaintVolumes(db, o) };
}

/**
 * The store's topic rows: one per conversation, overwritten each time a topic is named. Read on most turns, so they
 * are turn statements (prisma/turnSql.ts), the same SQL on SQLite and PostgreSQL.
 */
export function createTopicRecords(db: PrismaClient): TopicRecords {
  const sql = turnSqlOf(db);
  return {
    async saveTopic({ conversationKey, topic, now }) {
      await sql.run(SAVE_TOPIC, [conversationKey, topic, now]);
    },
    async findTopic(conversationKey) {
      const [row] = await sql.all<{ topic: string; updatedAt: unknown }>(FIND_TOPIC, [conversationKey]);
      return row ? { topic: row.topic, updatedAt: timeOf(row.updatedAt) } : undefined;
    },
  };
}

const SAVE_TOPIC = `INSERT INTO "ConversationTopic" ("conversationKey", "topic", "updatedAt") VALUES (?, ?, ?)
  ON CONFLICT ("conversationKey") DO UPDATE SET "topic" = excluded."topic", "updatedAt" = excluded."updatedAt"`;
const FIND_TOPIC = `SELECT "topic", "updatedAt" FROM "ConversationTopic" WHERE "conversationKey" = ?`;
