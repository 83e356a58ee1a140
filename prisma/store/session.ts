import { createHmac, randomBytes } from 'node:crypto';
import { normalizeIdentificacion } from '../../core/domain/identification';
import type { Clock, ConversationKey, ConversationReferenceJson, SessionPort, SignedInCitizen } from '../../core/ports';
import type { PrismaClient } from '../client';
import { hitRateLimit } from './rateLimits';
import { claimSignInTries, releaseSignInTries, type SignInClient } from './signInThrottle';
import { DEFAULT_SCRYPT_LOG_N, hashSecret, verifySecret } from './secrets';
import { turnSqlOf } from '../turnSql';

/** Minutes without activity after which a sign-in ends. */
export const DEFAULT_SESSION_IDLE_MINUTES = 15;
/** Minutes a sign-in link works. */
export const DEFAULT_SIGNIN_LINK_TTL_MINUTES = 10;
/** Sign-in attempts through one link in one window. */
export const SIGNIN_LINK_LIMIT = { limit: 10, windowSeconds: 60 * 60 } as const;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const MAX_CLAVE_CHARS = 256;
export type { SignInClient } from './signInThrottle';

const dummyHashes = new Map<number, Promise<string>>();

/**
 * What a sign-in link is, as the page may tell the citizen; it never says who the link is for. `otherBrowser`: the
 * person who opened the link does not hold the chat it was sent to (for Direct Line: another browser than the chat's).
 */
export type SignInLinkStatus = 'valid' | 'expired' | 'used' | 'unknown' | 'otherBrowser';

/** Outcome of the sign-in form: unknown people and wrong claves get the same `invalid`. */
export type SignInOutcome =
  | { ok: true; reference: ConversationReferenceJson; citizen: SignedInCitizen }
  | { ok: false; reason: 'link'; status: Exclude<SignInLinkStatus, 'valid'> }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** Settings of the session store. */
export interface SessionStoreOptions {
  clock: Clock;
  /** Server secret: link tokens are stored as HMAC-SHA-256 under it. */
  secret: string;
  idleMinutes?: number;
  linkTtlMinutes?: number;
  /** Public URL of the sign-in page for a token. */
  signInUrl: (token: string) => string;
  /** scrypt cost of the stand-in hash checked for unknown people; the same as the stored claves'. */
  scryptLogN?: number;
}

/**
 * Whether the person who opened a sign-in link holds the chat of `conversation`. The channel that owns the
 * conversation answers (Direct Line: the browser key cookie); the store only asks, so it keeps no channel's key.
 */
export type ChatHolderCheck = (conversation: ConversationKey) => Promise<boolean>;

/** The chat's SessionPort plus what the sign-in page needs; `holdsChat` is asked before a link counts as valid. */
export interface SessionStore extends SessionPort {
  inspectLink(options: { token: string; holdsChat: ChatHolderCheck }): Promise<SignInLinkStatus>;
  signInWithLink(options: {
    token: string;
    identificacion: string;
    clave: string;
    holdsChat: ChatHolderCheck;
    client: SignInClient;
  }): Promise<SignInOutcome>;
}

/** "<channelId>:<conversationId>", the key of a conversation in SignInLink and CitizenSession. */
export function conversationKeyString(key: ConversationKey): string {
  return `${key.channelId}:${key.conversationId}`;
}

function hashLinkToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`signin:${token}`).digest('base64url');
}

/** Issues a random 256-bit single-use link bound to the reference's conversation; only its HMAC is stored. */
export async function createSignInLink(
  db: PrismaClient,
  options: { secret: string; reference: ConversationReferenceJson; now: Date; ttlMinutes: number },
): Promise<{ token: string; expiresAt: Date }> {
  const { channelId, conversation } = options.reference;
  if (!channelId || !conversation?.id) throw new Error('createSignInLink: the reference has no channel or conversation');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(options.now.getTime() + options.ttlMinutes * 60_000);
  const reference: ConversationReferenceJson = { ...options.reference, activityId: undefined };
  await db.signInLink.create({
    data: {
      tokenHash: hashLinkToken(options.secret, token),
      conversationKey: conversationKeyString({ channelId, conversationId: conversation.id }),
      reference: JSON.stringify(reference),
      expiresAt,
      createdAt: options.now,
    },
  });
  return { token, expiresAt };
}

/** The conversation a stored "<channelId>:<conversationId>" key names (channel ids hold no colon). */
function conversationOfKey(key: string): ConversationKey {
  const at = key.indexOf(':');
  return { channelId: key.slice(0, at), conversationId: key.slice(at + 1) };
}

/** Whether a link can still be used, and by whoever opened it; malformed and unknown tokens look alike. */
export async function inspectSignInLink(
  db: PrismaClient,
  options: { secret: string; token: string; now: Date; holdsChat: ChatHolderCheck },
): Promise<SignInLinkStatus> {
  if (!TOKEN.test(options.token)) return 'unknown';
  const link = await db.signInLink.findUnique({ where: { tokenHash: hashLinkToken(options.secret, options.token) } });
  if (!link) return 'unknown';
  if (link.usedAt) return 'used';
  if (link.expiresAt.getTime() <= options.now.getTime()) return 'expired';
  return (await options.holdsChat(conversationOfKey(link.conversationKey))) ? 'valid' : 'otherBrowser';
}

/** Checks a clave with the same scrypt work whether or not the person exists, has a clave, or has it active. */
async function verifyClave(db: PrismaClient, options: { identificacion: string; clave: string; scryptLogN: number }) {
  const person = await db.afiliado.findFirst({
    where: { OR: [{ cedula: options.identificacion }, { codigoExtranjero: options.identificacion }] },
    include: { clave: true },
  });
  const usable = person?.clave?.estado === 'ACTIVA' && person.clave.hash ? person.clave.hash : undefined;
  let dummy = dummyHashes.get(options.scryptLogN);
  if (!dummy) {
    dummy = hashSecret('clave-de-relleno-sin-uso', options.scryptLogN);
    dummyHashes.set(options.scryptLogN, dummy);
  }
  const matches = await verifySecret(options.clave, usable ?? (await dummy));
  return matches && usable && person ? person : undefined;
}

/**
 * Signs a citizen in through a link: a link opened by someone who does not hold its chat is refused before
 * anything is counted or checked; tries are counted per link, then throttled with growing delays per (identification,
 * client), per browser key and per address (never per identification alone, so failures from another client never
 * delay the owner's own browser); the clave is checked, a success gives its tries back, then the link is consumed
 * atomically, the conversation's other links are voided and the session is opened, in one transaction.
 */
export async function signInWithLink(
  db: PrismaClient,
  options: {
    secret: string;
    token: string;
    identificacion: string;
    clave: string;
    now: Date;
    scryptLogN: number;
    holdsChat: ChatHolderCheck;
    client: SignInClient;
  },
): Promise<SignInOutcome> {
  const { now } = options;
  const status = await inspectSignInLink(db, options);
  if (status !== 'valid') return { ok: false, reason: 'link', status };
  const tokenHash = hashLinkToken(options.secret, options.token);
  const byLink = await hitRateLimit(db, { key: `signin:link:${tokenHash}`, ...SIGNIN_LINK_LIMIT, now });
  if (!byLink.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: byLink.retryAfterSeconds };
  const identificacion = normalizeIdentificacion(options.identificacion);
  if (!identificacion || options.clave.length === 0 || options.clave.length > MAX_CLAVE_CHARS) return { ok: false, reason: 'invalid' };
  const claimed = await claimSignInTries(db, { identificacion, client: options.client, now });
  if (!claimed.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: claimed.retryAfterSeconds };
  const person = await verifyClave(db, { identificacion, clave: options.clave, scryptLogN: options.scryptLogN });
  if (!person) return { ok: false, reason: 'invalid' };
  await releaseSignInTries(db, { identificacion, client: options.client, now });
  const link = await db.$transaction(async (tx) => {
    const consumed = await tx.signInLink.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (consumed.count !== 1) return undefined;
    const row = await tx.signInLink.findUniqueOrThrow({ where: { tokenHash } });
    await tx.signInLink.updateMany({ where: { conversationKey: row.conversationKey, usedAt: null }, data: { usedAt: now } });
    await tx.citizenSession.upsert({
      where: { conversationKey: row.conversationKey },
      create: { conversationKey: row.conversationKey, afiliadoId: person.id, createdAt: now, lastSeenAt: now },
      update: { afiliadoId: person.id, createdAt: now, lastSeenAt: now },
    });
    return row;
  });
  if (!link) {
    const after = await inspectSignInLink(db, options);
    return { ok: false, reason: 'link', status: after === 'valid' ? 'used' : after };
  }
  const reference = JSON.parse(link.reference) as ConversationReferenceJson;
  return { ok: true, reference, citizen: { afiliadoId: person.id, nombres: person.nombres } };
}

const SESSION_PROBE = `SELECT 1 AS "found" FROM "CitizenSession" WHERE "conversationKey" = ?`;

/** The conversation's citizen while the session is not idle longer than `idleMinutes` (then it is deleted); renews it. */
export async function getCurrentCitizen(
  db: PrismaClient,
  options: { conversation: ConversationKey; now: Date; idleMinutes: number },
): Promise<SignedInCitizen | undefined> {
  const conversationKey = conversationKeyString(options.conversation);
  // Asked on every turn, and most conversations are not signed in: a turn statement (prisma/turnSql.ts) answers that
  // case; the model queries below run only when a session exists.
  const probe = await turnSqlOf(db).all(SESSION_PROBE, [conversationKey]);
  if (probe.length === 0) return undefined;
  const row = await db.citizenSession.findUnique({ where: { conversationKey }, include: { afiliado: { select: { nombres: true } } } });
  if (!row) return undefined;
  if (options.now.getTime() - row.lastSeenAt.getTime() > options.idleMinutes * 60_000) {
    await db.citizenSession.deleteMany({ where: { conversationKey, lastSeenAt: row.lastSeenAt } });
    return undefined;
  }
  await db.citizenSession.updateMany({ where: { conversationKey, afiliadoId: row.afiliadoId }, data: { lastSeenAt: options.now } });
  return { afiliadoId: row.afiliadoId, nombres: row.afiliado.nombres };
}

/** Ends the conversation's session; false when there was none. */
export async function deleteCitizenSession(db: PrismaClient, options: { conversation: ConversationKey }): Promise<boolean> {
  const { count } = await db.citizenSession.deleteMany({ where: { conversationKey: conversationKeyString(options.conversation) } });
  return count > 0;
}

/** Binds the session functions to a client, the clock and the settings. */
export function createSessionStore(db: PrismaClient, options: SessionStoreOptions): SessionStore {
  const { clock, secret } = options;
  const idleMinutes = options.idleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES;
  const ttlMinutes = options.linkTtlMinutes ?? DEFAULT_SIGNIN_LINK_TTL_MINUTES;
  const scryptLogN = options.scryptLogN ?? DEFAULT_SCRYPT_LOG_N;
  return {
    current: (conversation) => getCurrentCitizen(db, { conversation, now: clock(), idleMinutes }),
    async createSignInLink({ reference }) {
      const { token } = await createSignInLink(db, { secret, reference, now: clock(), ttlMinutes });
      return { url: options.signInUrl(token), expiresInMinutes: ttlMinutes };
    },
    signOut: (conversation) => deleteCitizenSession(db, { conversation }),
    inspectLink: ({ token, holdsChat }) => inspectSignInLink(db, { secret, token, now: clock(), holdsChat }),
    signInWithLink: (o) => signInWithLink(db, { ...o, secret, now: clock(), scryptLogN }),
  };
}
