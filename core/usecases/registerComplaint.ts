import type { Clock } from '../ports';

/** What a complaint is about: a registered trámite id, or "otro" for anything else of the IESS. */
export type ComplaintTopic = string;

/** A complaint as the chat collected it. */
export interface ComplaintRequest {
  /** "<channelId>:<conversationId>" of the chat. */
  conversationKey: string;
  /** Id of the chat message that confirmed it: the same message never registers twice. */
  messageId: string;
  tramite: ComplaintTopic;
  caseNumber?: string;
  detalle: string;
}

/** The registered complaint: its number, and whether this call created it (false for a retried message). */
export interface ComplaintReceipt {
  numero: string;
  created: boolean;
}

/** One row of the monthly volume of complaints, per trámite (seed "Transparencia" tables). */
export interface ComplaintVolume {
  tramite: ComplaintTopic;
  anio: number;
  mes: number;
  total: number;
}

/** The store's half: one transaction numbers the complaint, saves it and counts it for its trámite and month. */
export interface ComplaintRecords {
  createComplaint(options: {
    dedupKey: string;
    conversationKey: string;
    tramite: ComplaintTopic;
    caseNumber?: string;
    detalle: string;
    now: Date;
  }): Promise<ComplaintReceipt>;
  listComplaintVolumes(options: { anio: number; mes: number }): Promise<ComplaintVolume[]>;
}

/** What the complaints journey needs: register one complaint. */
export interface ComplaintPort {
  register(request: ComplaintRequest): Promise<ComplaintReceipt>;
}

/** Longest complaint text kept; the chat already refuses longer messages (MAX_MESSAGE_CHARS). */
export const MAX_COMPLAINT_CHARS = 1000;

/**
 * Registers a complaint (queja o reclamo) from the chat: the text is trimmed and cut to
 * {@link MAX_COMPLAINT_CHARS}, whitespace collapsed; the store numbers it and counts it per trámite and month in one
 * transaction, and a retried message gets the same number back.
 */
export function createRegisterComplaint(options: { records: ComplaintRecords; clock: Clock }): ComplaintPort {
  const { records, clock } = options;
  return {
    register(request) {
      const detalle = request.detalle.replace(/\s+/g, ' ').trim().slice(0, MAX_COMPLAINT_CHARS);
      return records.createComplaint({
        dedupKey: `${request.conversationKey}|${request.messageId}`,
        conversationKey: request.conversationKey,
        tramite: request.tramite,
        caseNumber: request.caseNumber,
        detalle,
        now: clock(),
      });
    },
  };
}
