import { NOTIFICACIONES, TIPO_NOMBRE, type CaseNotificationFacts } from '../../../catalog';
import type { Clock } from '../../ports';
import { composeEmail, type EmailRenderer } from '../email';
import type { ChatNotifier, NotificationRecords, PendingCaseNotification } from './ports';

/** What the notification use case is built from. */
export interface NotifyCaseEventsOptions {
  records: NotificationRecords;
  clock: Clock;
  chat: ChatNotifier;
  render: EmailRenderer;
  /** Events older than this are not notified any more (a restored backup must not flood citizens). */
  lookbackDays?: number;
}

/** Idempotency key of the e-mail of one case event in the outbox. */
export const notificationEmailKey = (eventId: string): string => `caso-evento:${eventId}`;

/**
 * Tells citizens about their cases' state changes (CaseEvent.notificar), whoever moved them: in each chat where they
 * were last signed in (the channel decides whether it can reach them now: live web chat, WhatsApp window or template
 * with opt-in), and always by e-mail through the outbox. Every (event, channel) is claimed in the store first, so a
 * retry or a second instance never notifies twice; a chat failure is recorded and the e-mail still goes out.
 * Returns how many events were completed.
 */
export function createNotifyCaseEvents(options: NotifyCaseEventsOptions): (limit?: number) => Promise<number> {
  const lookbackMs = (options.lookbackDays ?? 7) * 86_400_000;
  const notifyOne = async (pending: PendingCaseNotification): Promise<void> => {
    const facts: CaseNotificationFacts = {
      numero: pending.numero,
      tipo: TIPO_NOMBRE[pending.tipo],
      estado: pending.estado,
      nota: pending.nota,
    };
    const text = NOTIFICACIONES.chat(facts);
    for (const contact of await options.records.contactsOf(pending.afiliadoId)) {
      const canal = `chat:${contact.channelId}`;
      if (!(await options.records.claim({ eventId: pending.eventId, canal, now: options.clock() }))) continue;
      try {
        const delivery = await options.chat(contact, text, NOTIFICACIONES.plantilla(facts));
        await options.records.finish({ eventId: pending.eventId, canal, ...delivery });
      } catch (error) {
        await options.records.finish({ eventId: pending.eventId, canal, estado: 'FALLIDA', detalle: String(error) });
      }
    }
    const message = pending.email
      ? composeEmail(options.render, pending.email, NOTIFICACIONES.email(facts, pending.nombres), notificationEmailKey(pending.eventId))
      : undefined;
    await options.records.recordEmail({ eventId: pending.eventId, message, now: options.clock() });
  };
  return async (limit = 20) => {
    const now = options.clock();
    const pending = await options.records.listPending({ since: new Date(now.getTime() - lookbackMs), limit });
    for (const item of pending) await notifyOne(item);
    return pending.length;
  };
}
