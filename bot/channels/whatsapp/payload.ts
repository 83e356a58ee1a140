/**
 * Reading Meta's webhook payload: `entry[].changes[].value` with `metadata`, `contacts[]`, `messages[]` and
 * `statuses[]`, batched. Everything is checked field by field; anything unexpected is skipped, never thrown.
 */

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** One user message of a delivery, keyed by its wamid and the user's identity key. */
export interface InboundMessage {
  wamid: string;
  /** `wa_id` when present, else the business-scoped `user_id`. */
  waUser: string;
  waId?: string;
  profileName?: string;
  type: string;
  /** Meta's send time. */
  sentAt: Date;
  /** The media id of an image or document. */
  mediaId?: string;
  message: Json;
}

/** One status callback for a message the bot sent. */
export interface InboundStatus {
  wamid: string;
  status: string;
  at: Date;
  /** `recipient_id` (the wa_id), when given. */
  recipient?: string;
  errorCode?: number;
  error?: string;
}

/** What one delivery holds for this business number; changes for other numbers are counted and skipped. */
export interface ParsedDelivery {
  messages: InboundMessage[];
  statuses: InboundStatus[];
  otherNumbers: number;
}

function timeOf(value: unknown, fallback: Date): Date {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(Math.min(seconds * 1000, fallback.getTime())) : fallback;
}

/** The user's identity key in a message and its contact: wa_id, else user_id. */
function identityOf(message: Json, contacts: Json[]): { waUser?: string; waId?: string; name?: string } {
  const waId = str(message.from);
  const userId = str(message.from_user_id);
  const contact = contacts.find((c) => (waId && str(c.wa_id) === waId) || (userId && str(c.user_id) === userId)) ?? contacts[0] ?? {};
  const id = waId ?? str(contact.wa_id);
  return { waUser: id ?? userId ?? str(contact.user_id), waId: id, name: str(obj(contact.profile).name) };
}

/** Parses a delivery for `phoneNumberId`, with `now` as the upper bound of message times. */
export function parseDelivery(body: unknown, phoneNumberId: string, now: Date): ParsedDelivery {
  const parsed: ParsedDelivery = { messages: [], statuses: [], otherNumbers: 0 };
  for (const entry of arr(obj(body).entry)) {
    for (const change of arr(entry.changes)) {
      const value = obj(change.value);
      if (str(obj(value.metadata).phone_number_id) !== phoneNumberId) {
        parsed.otherNumbers += 1;
        continue;
      }
      const contacts = arr(value.contacts);
      for (const message of arr(value.messages)) {
        const wamid = str(message.id);
        const { waUser, waId, name } = identityOf(message, contacts);
        if (!wamid || !waUser) continue;
        const type = str(message.type) ?? 'unsupported';
        const media = type === 'image' || type === 'document' ? str(obj(message[type]).id) : undefined;
        parsed.messages.push({
          wamid,
          waUser,
          waId,
          profileName: name,
          type,
          sentAt: timeOf(message.timestamp, now),
          mediaId: media,
          message,
        });
      }
      for (const status of arr(value.statuses)) {
        const wamid = str(status.id);
        const state = str(status.status);
        if (!wamid || !state) continue;
        const error = arr(status.errors)[0];
        parsed.statuses.push({
          wamid,
          status: state,
          at: timeOf(status.timestamp, now),
          recipient: str(status.recipient_id),
          ...(error
            ? { errorCode: typeof error.code === 'number' ? error.code : undefined, error: str(error.title) ?? str(error.message) }
            : {}),
        });
      }
    }
  }
  return parsed;
}
