import type { CaseStateName, CaseTypeName } from '../../domain/cases';
import type { ConversationReferenceJson, OutboxMessage } from '../../ports';

/** A case event the citizen must be told about (CaseEvent with notificar = true), with what the messages need. */
export interface PendingCaseNotification {
  eventId: string;
  numero: string;
  tipo: CaseTypeName;
  estado: CaseStateName;
  nota?: string;
  afiliadoId: string;
  nombres: string;
  email?: string;
}

/** Where a signed-in citizen was last seen, per channel. */
export interface CitizenContactView {
  channelId: string;
  conversationKey: string;
  reference: ConversationReferenceJson;
}

/** Outcome of one channel's notification, as recorded. */
export type NotificationEstado = 'ENVIADA' | 'FALLIDA' | 'OMITIDA';

/**
 * The notification records: one row per case event and channel (unique), claimed before sending so a retry or a
 * second instance never notifies twice. The e-mail row is written in the transaction that queues the e-mail.
 */
export interface NotificationRecords {
  /** Events with notificar = true whose e-mail (the last step) was not recorded yet, oldest first. */
  listPending(options: { since: Date; limit: number }): Promise<PendingCaseNotification[]>;
  contactsOf(afiliadoId: string): Promise<CitizenContactView[]>;
  /** Claims (event, canal) for this worker; false when it was claimed or done before. */
  claim(options: { eventId: string; canal: string; now: Date }): Promise<boolean>;
  finish(options: { eventId: string; canal: string; estado: NotificationEstado; detalle?: string }): Promise<void>;
  /** Queues the e-mail (or records there is no address) and records the e-mail row, in one transaction; once. */
  recordEmail(options: { eventId: string; message?: OutboxMessage; now: Date }): Promise<void>;
}

/** How one chat channel was reached: sent, failed (fall back to e-mail), or not reachable there now. */
export type ChatDelivery = { estado: NotificationEstado; detalle?: string };

/** Sends the notification text into one citizen conversation, on the channel that owns it (bot side). */
export type ChatNotifier = (contact: CitizenContactView, text: string, templateParameters: string[]) => Promise<ChatDelivery>;
