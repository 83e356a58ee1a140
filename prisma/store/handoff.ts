import type { ConversationReferenceJson } from '../../core/ports';
import { conversationKeyString, type HandoffRecords, type HandoffView, type TranscriptTurn } from '../../core/usecases/handoff/ports';
import type { PrismaClient } from '../client';
import type { HandoffRequest } from '../generated/client';
import { turnSqlOf, type TurnSql } from '../turnSql';
import { isUniqueViolation } from './filing/errors';

const OPEN = ['EN_COLA', 'TOMADA'] as const;

function parseJson<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

function toView(row: HandoffRequest): HandoffView {
  return {
    id: row.id,
    conversationKey: row.conversationKey,
    channelId: row.channelId,
    reference: JSON.parse(row.reference) as ConversationReferenceJson,
    afiliadoId: row.afiliadoId ?? undefined,
    tema: row.tema ?? undefined,
    transcript: JSON.parse(row.transcript) as TranscriptTurn[],
    estado: row.estado,
    queuedAt: row.queuedAt,
    timeoutOfferedAt: row.timeoutOfferedAt ?? undefined,
    agentStaffId: row.agentStaffId ?? undefined,
    agentNombre: row.agentNombre ?? undefined,
    agentReference: parseJson<ConversationReferenceJson>(row.agentReference),
    cardActivityId: row.cardActivityId ?? undefined,
    cardConversation: row.cardConversation ?? undefined,
    surveyPending: row.surveyPending,
  };
}

const HANDOFF_PROBE = `SELECT 1 AS "found" FROM "HandoffRequest"
  WHERE "openKey" = ? OR ("conversationKey" = ? AND "surveyPending" = ?) LIMIT 1`;

/**
 * True when the conversation has an open handoff or one whose satisfaction question is pending: a turn statement
 * (prisma/turnSql.ts), since every citizen message asks it.
 */
async function hasHandoffFor(sql: TurnSql, key: string): Promise<boolean> {
  return (await sql.all(HANDOFF_PROBE, [key, key, true])).length > 0;
}

/**
 * The handoff store (HandoffRequest, HandoffSatisfaction, CallbackRequest). One open handoff per conversation is a
 * unique key (`openKey`); taking, ending and the timeout offer are compare-and-set updates, so they happen once
 * whatever the number of instances.
 */
export function createHandoffRecords(db: PrismaClient): HandoffRecords {
  const turnSql = turnSqlOf(db);
  const find = async (handoffId: string): Promise<HandoffView | undefined> => {
    const row = await db.handoffRequest.findUnique({ where: { id: handoffId } });
    return row ? toView(row) : undefined;
  };
  return {
    async open(options) {
      const key = conversationKeyString(options.conversation);
      const existing = await db.handoffRequest.findUnique({ where: { openKey: key } });
      if (existing) return { handoff: toView(existing), created: false };
      try {
        const row = await db.handoffRequest.create({
          data: {
            conversationKey: key,
            openKey: key,
            channelId: options.conversation.channelId,
            reference: JSON.stringify(options.reference),
            afiliadoId: options.afiliadoId ?? null,
            tema: options.tema ?? null,
            transcript: JSON.stringify(options.transcript),
            estado: 'EN_COLA',
            queuedAt: options.now,
            offerDueAt: options.offerDueAt,
          },
        });
        // A new request replaces a satisfaction question left unanswered by an earlier handoff.
        await db.handoffRequest.updateMany({ where: { conversationKey: key, surveyPending: true }, data: { surveyPending: false } });
        return { handoff: toView(row), created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { handoff: toView(await db.handoffRequest.findUniqueOrThrow({ where: { openKey: key } })), created: false };
      }
    },
    async position(handoffId) {
      const row = await db.handoffRequest.findUnique({ where: { id: handoffId }, select: { estado: true, queuedAt: true, id: true } });
      if (!row || row.estado !== 'EN_COLA') return undefined;
      const ahead = await db.handoffRequest.count({
        where: { estado: 'EN_COLA', OR: [{ queuedAt: { lt: row.queuedAt } }, { queuedAt: row.queuedAt, id: { lt: row.id } }] },
      });
      return ahead + 1;
    },
    async findForConversation(conversation) {
      const key = conversationKeyString(conversation);
      // Every citizen message asks this, and almost always there is no handoff: the probe answers that case; the
      // model queries below run only when a row exists.
      if (!(await hasHandoffFor(turnSql, key))) return undefined;
      const row =
        (await db.handoffRequest.findUnique({ where: { openKey: key } })) ??
        (await db.handoffRequest.findFirst({ where: { conversationKey: key, surveyPending: true }, orderBy: { queuedAt: 'desc' } }));
      return row ? toView(row) : undefined;
    },
    find,
    async take(options) {
      const { count } = await db.handoffRequest.updateMany({
        where: { id: options.handoffId, estado: 'EN_COLA' },
        data: {
          estado: 'TOMADA',
          agentStaffId: options.staffId,
          agentNombre: options.nombre,
          agentReference: JSON.stringify(options.agentReference),
          takenAt: options.now,
        },
      });
      const current = await find(options.handoffId);
      return count === 1 && current ? { taken: true, handoff: current } : { taken: false, current };
    },
    async end(options) {
      const { count } = await db.handoffRequest.updateMany({
        where: { id: options.handoffId, estado: { in: [...OPEN] } },
        data: { estado: 'TERMINADA', openKey: null, endedAt: options.now, endedBy: options.by, surveyPending: options.survey },
      });
      return count === 1;
    },
    async keepWaiting(options) {
      const { count } = await db.handoffRequest.updateMany({
        where: { id: options.handoffId, estado: 'EN_COLA' },
        data: { offerDueAt: options.offerDueAt, timeoutOfferedAt: null },
      });
      return count === 1;
    },
    async findActiveForAgent(staffId) {
      const row = await db.handoffRequest.findFirst({ where: { agentStaffId: staffId, estado: 'TOMADA' }, orderBy: { takenAt: 'desc' } });
      return row ? toView(row) : undefined;
    },
    async listWaiting() {
      const rows = await db.handoffRequest.findMany({ where: { estado: 'EN_COLA' }, orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }] });
      return rows.map(toView);
    },
    async claimTimedOut(options) {
      const due = await db.handoffRequest.findMany({
        where: { estado: 'EN_COLA', timeoutOfferedAt: null, offerDueAt: { lte: options.now } },
        orderBy: { offerDueAt: 'asc' },
        take: 50,
      });
      const claimed: HandoffView[] = [];
      for (const row of due) {
        const { count } = await db.handoffRequest.updateMany({
          where: { id: row.id, estado: 'EN_COLA', timeoutOfferedAt: null },
          data: { timeoutOfferedAt: options.now },
        });
        if (count === 1) claimed.push(toView({ ...row, timeoutOfferedAt: options.now }));
      }
      return claimed;
    },
    async setCard(options) {
      await db.handoffRequest.update({
        where: { id: options.handoffId },
        data: { cardActivityId: options.activityId, cardConversation: options.conversationId },
      });
    },
    async recordSatisfaction(options) {
      return db.$transaction(async (tx) => {
        const { count } = await tx.handoffRequest.updateMany({
          where: { id: options.handoffId, surveyPending: true },
          data: { surveyPending: false },
        });
        if (count !== 1) return false;
        await tx.handoffSatisfaction.create({ data: { handoffId: options.handoffId, puntaje: options.puntaje, createdAt: options.now } });
        return true;
      });
    },
    async skipSatisfaction(handoffId) {
      await db.handoffRequest.updateMany({ where: { id: handoffId, surveyPending: true }, data: { surveyPending: false } });
    },
    async createCallback(options) {
      const row = await db.callbackRequest.create({
        data: {
          conversationKey: conversationKeyString(options.conversation),
          channelId: options.conversation.channelId,
          afiliadoId: options.afiliadoId ?? null,
          mensaje: options.mensaje,
          createdAt: options.now,
          dueAt: options.dueAt,
        },
        select: { id: true },
      });
      return row;
    },
  };
}

/** The cédula (or código de identificación) of an afiliado, for the masked identification on the queue card. */
export async function findAfiliadoIdentificacion(db: PrismaClient, afiliadoId: string): Promise<string | undefined> {
  const row = await db.afiliado.findUnique({ where: { id: afiliadoId }, select: { cedula: true, codigoExtranjero: true } });
  return row?.cedula ?? row?.codigoExtranjero ?? undefined;
}
