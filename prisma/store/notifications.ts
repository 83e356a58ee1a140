import type { NotificationRecords, PendingCaseNotification } from '../../core/usecases/notifications/ports';
import type { PrismaClient } from '../client';
import { listCitizenContacts } from './citizenContacts';
import { enqueueEmail } from './outbox';
import { isUniqueViolation } from './filing/errors';

/** The canal name of the e-mail row: written last, so its presence means the event is done. */
export const EMAIL_CANAL = 'email';
/** A claim not finished after this long (a crashed worker) is left as it is: the e-mail still goes out. */
const CLAIMED = 'ENVIANDO';

/** The notification records over CaseNotification, CaseEvent and the outbox (see NotificationRecords). */
export function createNotificationRecords(db: PrismaClient): NotificationRecords {
  return {
    async listPending({ since, limit }) {
      const events = await db.caseEvent.findMany({
        where: { notificar: true, fecha: { gte: since } },
        orderBy: { fecha: 'asc' },
        take: limit * 4,
        include: { case: { include: { afiliado: { select: { id: true, nombres: true, email: true } } } } },
      });
      if (events.length === 0) return [];
      const done = await db.caseNotification.findMany({
        where: { canal: EMAIL_CANAL, caseEventId: { in: events.map((e) => e.id) } },
        select: { caseEventId: true },
      });
      const doneIds = new Set(done.map((d) => d.caseEventId));
      return events
        .filter((e) => !doneIds.has(e.id))
        .slice(0, limit)
        .map((e): PendingCaseNotification => ({
          eventId: e.id,
          numero: e.case.numero,
          tipo: e.case.tipo,
          estado: e.estado,
          nota: e.nota ?? undefined,
          afiliadoId: e.case.afiliado.id,
          nombres: e.case.afiliado.nombres,
          email: e.case.afiliado.email ?? undefined,
        }));
    },
    contactsOf: (afiliadoId) => listCitizenContacts(db, afiliadoId),
    async claim({ eventId, canal, now }) {
      try {
        await db.caseNotification.create({ data: { caseEventId: eventId, canal, estado: CLAIMED, createdAt: now } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async finish({ eventId, canal, estado, detalle }) {
      await db.caseNotification.updateMany({
        where: { caseEventId: eventId, canal, estado: CLAIMED },
        data: { estado, detalle: detalle?.slice(0, 300) ?? null },
      });
    },
    async recordEmail({ eventId, message, now }) {
      try {
        await db.$transaction(async (tx) => {
          await tx.caseNotification.create({
            data: { caseEventId: eventId, canal: EMAIL_CANAL, estado: message ? 'ENVIADA' : 'OMITIDA', createdAt: now },
          });
          if (message) await enqueueEmail(tx, { message, now });
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },
  };
}

/** True while a self-hosted Direct Line conversation still has a valid token: the web chat is open. */
export async function hasLiveDirectLineToken(db: PrismaClient, options: { conversationId: string; now: Date }): Promise<boolean> {
  const token = await db.dlToken.findFirst({
    where: { conversationId: options.conversationId, expiresAt: { gt: options.now } },
    select: { tokenHash: true },
  });
  return token !== null;
}
