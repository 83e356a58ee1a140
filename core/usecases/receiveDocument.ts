/**
 * Receive a document the citizen attached in the chat: counts the attempt against the hourly limit, reads the bytes
 * through the channel's AttachmentReader, checks them (JPG or PDF by magic numbers, 1 MB, parses or decodes, legible
 * size, metadata stripped), stores the accepted bytes and records a Document (no case yet). Refusals come from the
 * catalog; it never throws for a bad or unreadable file.
 */
import { STORAGE_UNAVAILABLE_MESSAGE, UNREADABLE_ATTACHMENT_MESSAGE, documentDescription, uploadLimitMessage } from '../../catalog';
import { inspectDocument, refusalMessage, type AcceptedDocument } from '../documents';
import type {
  AttachmentBytes,
  AttachmentReader,
  Clock,
  ConversationKey,
  DocumentIntakePort,
  DocumentPurposeName,
  DocumentReceipt,
  IncomingAttachment,
  RateLimiter,
} from '../ports';

/** Attempts per citizen and hour (accepted or refused), so nobody can flood the document storage. */
export const DOCUMENT_UPLOAD_LIMIT = { limit: 20, windowSeconds: 3600 } as const;

/** Structured log lines; bot/logger.ts in production. */
export interface UseCaseLogger {
  info(event: string, fields: Record<string, unknown>): void;
  warn(event: string, fields: Record<string, unknown>): void;
}

/** What is recorded for a checked document: its facts, where its bytes are, and whose it is. */
export interface NewDocumentRecord {
  afiliadoId: string;
  /** The requirement it answers (cedula, solicitud, codigo_extranjero, complemento). */
  tipo: string;
  /** The client's file name; the store cleans it before it is written. */
  nombreOriginal: string | undefined;
  mediaType: 'application/pdf' | 'image/jpeg';
  size: number;
  sha256: string;
  /** Server-generated key returned by the file storage. */
  storageKey: string;
  now: Date;
}

/** Records a stored document (prisma/store/documents' recordDocument). */
export interface DocumentRecords {
  recordDocument(options: NewDocumentRecord): Promise<{ id: string }>;
}

/** What receiveDocument is built from. */
export interface ReceiveDocumentOptions {
  records: DocumentRecords;
  /** Where accepted bytes go, under keys the storage generates (a local folder outside any served one). */
  storage: { save(bytes: Buffer): Promise<string>; remove?(storageKey: string): Promise<void> };
  rateLimiter: RateLimiter;
  readAttachment: AttachmentReader;
  clock: Clock;
  logger: UseCaseLogger;
  /** Defaults to {@link DOCUMENT_UPLOAD_LIMIT}. */
  uploadLimit?: { limit: number; windowSeconds: number };
}

/** The DocumentIntakePort over a channel reader, the byte checks, the file storage and the store. */
export function createReceiveDocument(options: ReceiveDocumentOptions): DocumentIntakePort {
  const { records, storage, clock, logger } = options;
  const limit = options.uploadLimit ?? DOCUMENT_UPLOAD_LIMIT;

  async function read(attachment: IncomingAttachment, conversation: ConversationKey): Promise<AttachmentBytes | undefined> {
    try {
      return await options.readAttachment(attachment, conversation);
    } catch (error) {
      logger.warn('document.read_failed', { channelId: conversation.channelId, error });
      return undefined;
    }
  }

  async function keep(
    afiliadoId: string,
    purpose: DocumentPurposeName,
    name: string | undefined,
    accepted: AcceptedDocument,
  ): Promise<DocumentReceipt> {
    let storageKey: string;
    try {
      storageKey = await storage.save(accepted.bytes);
    } catch (error) {
      // A full disk or an unavailable storage: the storage kept nothing, and no record is written.
      logger.warn('document.storage_failed', { afiliadoId, purpose, size: accepted.size, error });
      return { ok: false, message: STORAGE_UNAVAILABLE_MESSAGE };
    }
    let id: string;
    try {
      ({ id } = await records.recordDocument({
        afiliadoId,
        tipo: purpose,
        nombreOriginal: name,
        mediaType: accepted.mediaType,
        size: accepted.size,
        sha256: accepted.sha256,
        storageKey,
        now: clock(),
      }));
    } catch (error) {
      await storage.remove?.(storageKey).catch(() => undefined);
      throw error;
    }
    logger.info('document.accepted', { afiliadoId, documentId: id, purpose, kind: accepted.kind, size: accepted.size });
    return { ok: true, documentId: id, descripcion: documentDescription(purpose, accepted) };
  }

  return {
    async receive({ afiliadoId, purpose, attachment, conversation }): Promise<DocumentReceipt> {
      const decision = await options.rateLimiter.hit({ key: `documentos:${afiliadoId}`, ...limit });
      if (!decision.allowed) {
        logger.warn('document.rate_limited', { afiliadoId, retryAfterSeconds: decision.retryAfterSeconds });
        return { ok: false, message: uploadLimitMessage(Math.ceil(decision.retryAfterSeconds / 60)) };
      }
      const file = await read(attachment, conversation);
      if (!file) {
        logger.info('document.unreadable', { afiliadoId, channelId: conversation.channelId });
        return { ok: false, message: UNREADABLE_ATTACHMENT_MESSAGE };
      }
      const name = file.name || attachment.name;
      const result = await inspectDocument({
        bytes: file.bytes,
        declaredName: name,
        declaredType: file.contentType || attachment.contentType,
        purpose,
      });
      if (!result.ok) {
        logger.info('document.refused', {
          afiliadoId,
          purpose,
          problem: result.problem,
          detected: result.detected,
          size: file.bytes.length,
        });
        return { ok: false, message: refusalMessage(result, name) };
      }
      return keep(afiliadoId, purpose, name, result);
    },
  };
}
