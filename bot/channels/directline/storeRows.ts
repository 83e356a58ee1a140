import { DOWNLOADS_PATH } from '../../downloads';
import { SIGNIN_PATH } from '../../signin/routes';
import { SEALED_TOKEN } from './linkTokens';

/*
 * The rows of the Direct Line store (store.ts): the shapes it takes and gives, how an activity id maps to its seq, and
 * its SQL. Kept apart so the store itself is only the behaviour.
 */

/** An activity just appended, as its stored JSON text, for a stream that is right behind it (streaming.ts). */
export interface AppendedActivity {
  seq: number;
  json: string;
}

/** Metadata of one uploaded file, recorded with the activity that carries it. */
export interface NewAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  storageKey: string;
}

/** A stored token's hash and expiry. */
export interface TokenRecord {
  tokenHash: string;
  expiresAt: Date;
}

/** Most activities returned by one GET; the client fetches the rest on its next poll. */
export const PAGE_SIZE = 100;
const SEALED_MARKS = [`${SIGNIN_PATH}?t=${SEALED_TOKEN}`, `${DOWNLOADS_PATH}/${SEALED_TOKEN}`];

/** True when a stored activity has a sealed link, so a single-delivery copy of it may exist (linkTokens.ts). */
export function maySealLinks(json: string): boolean {
  return SEALED_MARKS.some((mark) => json.includes(mark));
}

/** The activity id of position `seq`: `${conversationId}|0000012`. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/** What a deleted activity's row keeps: its seq stays taken, so the watermark never goes back (schema.prisma). */
export const TOMBSTONE = '';

/**
 * The seq of an activity id of this conversation (the inverse of {@link activityId}); undefined for any other id.
 */
export function seqOf(conversationId: string, id: string): number | undefined {
  const digits = id.startsWith(`${conversationId}|`) ? id.slice(conversationId.length + 1) : '';
  if (!/^\d{7,15}$/.test(digits)) return undefined;
  const seq = Number(digits);
  return activityId(conversationId, seq) === id ? seq : undefined;
}

/** The turn statements of the store (prisma/turnSql.ts): the same SQL on SQLite and PostgreSQL. */
export const SQL = {
  insertConversation: `INSERT INTO "DlConversation" ("id", "userId", "browserKeyHash", "createdAt") VALUES (?, ?, ?, ?)`,
  insertToken: `INSERT INTO "DlToken" ("tokenHash", "conversationId", "expiresAt", "createdAt") VALUES (?, ?, ?, ?)`,
  browserKeyHash: `SELECT "browserKeyHash" FROM "DlConversation" WHERE "id" = ?`,
  conversationUser: `SELECT "userId" FROM "DlConversation" WHERE "id" = ?`,
  // The conversation's watermark: its last seq (null before any activity); no row when there is no such conversation.
  lastSeq: `SELECT (SELECT MAX(a."seq") FROM "DlActivity" a WHERE a."conversationId" = c."id") AS "last"
    FROM "DlConversation" c WHERE c."id" = ?`,
  // The primary key (conversationId, seq) refuses a seq already taken: the append then reads the watermark and retries.
  insertActivity: `INSERT INTO "DlActivity" ("conversationId", "seq", "json", "createdAt") VALUES (?, ?, ?, ?)`,
  insertDelivery: `INSERT INTO "DlDelivery" ("activityId", "conversationId", "json", "createdAt") VALUES (?, ?, ?, ?)`,
  insertAttachment: `INSERT INTO "DlAttachment" ("id", "conversationId", "name", "contentType", "size", "storageKey", "createdAt")
    VALUES (?, ?, ?, ?, ?, ?, ?)`,
  page: `SELECT "seq", "json" FROM "DlActivity" WHERE "conversationId" = ? AND "seq" > ? ORDER BY "seq" ASC LIMIT ${PAGE_SIZE}`,
} as const;

/** A page of activities after a watermark, and the watermark after it (a tombstone counts, though it is not sent). */
export interface ActivityPage<T> {
  activities: T[];
  watermark: number;
  /** The page was full (PAGE_SIZE rows read): more may follow. */
  more: boolean;
}
