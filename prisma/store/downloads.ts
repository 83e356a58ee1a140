import { createHash, randomBytes } from 'node:crypto';
import type { ConversationKey } from '../../core/ports';
import type { PrismaClient } from '../client';

/** A download token: 32 random bytes in base64url, always 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const MAX_NAME = 200;

function sha256(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A file name fit for a header: last path segment, no control characters, at most 200 characters. */
function cleanName(nombre: string): string {
  const base = (nombre.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim();
  const name = Array.from(base).slice(0, MAX_NAME).join('');
  return name === '' || name === '.' || name === '..' ? 'documento' : name;
}

/** What createDownload stores and for how long the link works. */
export interface NewDownload {
  /** Stores the bytes and returns their storage key (FileStorage.save). */
  save: (bytes: Buffer) => Promise<string>;
  bytes: Buffer;
  /** File name offered to the browser, e.g. "solicitud-clave-CL-2026-000001.pdf". */
  nombre: string;
  /** type/subtype, e.g. application/pdf. */
  mediaType: string;
  /** Kind of document, e.g. "SOLICITUD_CLAVE". */
  tipo: string;
  afiliadoId?: string;
  caseId?: string;
  /** The chat the link is handed out in; the link then works only for the browser holding that chat. */
  conversation?: ConversationKey;
  ttlSeconds: number;
  now: Date;
}

/** A link just created: the token goes into the URL only; the store keeps its hash. */
export interface CreatedDownload {
  token: string;
  documentId: string;
  expiresAt: Date;
}

/** A valid link's file: where the bytes are and how to offer them. */
export interface ResolvedDownload {
  storageKey: string;
  nombre: string;
  mediaType: string;
  /** The chat the link was handed out in, when it was handed out in one. */
  conversation?: ConversationKey;
}

/**
 * Stores a document's bytes and metadata (size, SHA-256) and grants a download link valid for `ttlSeconds`.
 * The token is 32 random bytes (base64url); only its SHA-256 is written to DownloadGrant, with the conversation the
 * link is handed out in, if any.
 */
export async function createDownload(db: PrismaClient, options: NewDownload): Promise<CreatedDownload> {
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0) throw new RangeError('ttlSeconds must be a positive integer.');
  const mediaType = options.mediaType.trim().toLowerCase();
  if (!MEDIA_TYPE.test(mediaType)) throw new RangeError('mediaType must be type/subtype.');
  const storageKey = await options.save(options.bytes);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(options.now.getTime() + options.ttlSeconds * 1000);
  const document = await db.document.create({
    data: {
      afiliadoId: options.afiliadoId,
      caseId: options.caseId,
      tipo: options.tipo,
      nombreOriginal: cleanName(options.nombre),
      mediaType,
      size: options.bytes.length,
      sha256: sha256(options.bytes),
      storageKey,
      createdAt: options.now,
      downloads: {
        create: {
          tokenHash: sha256(token),
          expiresAt,
          createdAt: options.now,
          channelId: options.conversation?.channelId,
          conversationId: options.conversation?.conversationId,
        },
      },
    },
    select: { id: true },
  });
  return { token, documentId: document.id, expiresAt };
}

/** The document behind a download token; undefined when the token is malformed, unknown or expired. */
export async function resolveDownload(db: PrismaClient, options: { token: string; now: Date }): Promise<ResolvedDownload | undefined> {
  if (!TOKEN.test(options.token)) return undefined;
  const grant = await db.downloadGrant.findUnique({
    where: { tokenHash: sha256(options.token) },
    select: {
      expiresAt: true,
      channelId: true,
      conversationId: true,
      document: { select: { storageKey: true, nombreOriginal: true, mediaType: true } },
    },
  });
  if (!grant || grant.expiresAt.getTime() <= options.now.getTime()) return undefined;
  const { channelId, conversationId, document } = grant;
  return {
    storageKey: document.storageKey,
    nombre: document.nombreOriginal,
    mediaType: document.mediaType,
    ...(channelId && conversationId ? { conversation: { channelId, conversationId } } : {}),
  };
}
