/**
 * Documents the citizen attaches in the chat: read from the channel, checked by their bytes, stored under a
 * server-generated key and recorded for the citizen. Every channel plugs in through an {@link AttachmentReader}.
 */
import type { AttachmentBytes, AttachmentReader, Clock, ConversationKey, DocumentIntakePort, DocumentPurposeName, DocumentReceipt, IncomingAttachment } from '../../core/ports';

export type { AttachmentBytes, AttachmentReader } from '../../core/ports';
import type { PrismaClient } from '../../prisma/client';
import { recordDocument } from '../../prisma/store/documents';
import { hitRateLimit } from '../../prisma/store/rateLimits';
import type { AttachmentContent } from '../channels/directline';
import type { FileStorage } from '../fileStorage';
import type { Logger } from '../logger';
import { documentDescription, inspectDocument, refusalMessage, UNREADABLE_ATTACHMENT_MESSAGE, uploadLimitMessage, type AcceptedDocument } from './intake';

/** Attempts per citizen and hour (accepted or refused), so nobody can flood the document storage. */
export const DOCUMENT_UPLOAD_LIMIT = { limit: 20, windowSeconds: 3600 } as const;

/** Channel id of the self-hosted Direct Line (Web Chat) conversations. */
const DIRECT_LINE_CHANNEL = 'directline';

/**
 * Reads files uploaded to the self-hosted Direct Line endpoint, without HTTP. A file uploaded to another
 * conversation, a link that is not ours and an unknown file all give undefined.
 */
export function directLineAttachmentReader(directLine: { readAttachment(contentUrl: string): Promise<AttachmentContent | undefined> }): AttachmentReader {
  return async (attachment, conversation) => {
    if (conversation.channelId !== DIRECT_LINE_CHANNEL || !attachment.contentUrl) return undefined;
    const file = await directLine.readAttachment(attachment.contentUrl);
    if (!file || file.conversationId !== conversation.conversationId) return undefined;
    return { bytes: file.bytes, contentType: file.contentType, name: file.name };
  };
}

/** One reader per channel id (directline, whatsapp…); an attachment from any other channel is unreadable. */
export function attachmentReaderByChannel(readers: Readonly<Record<string, AttachmentReader>>): AttachmentReader {
  return async (attachment, conversation) => {
    const reader = Object.prototype.hasOwnProperty.call(readers, conversation.channelId) ? readers[conversation.channelId] : undefined;
    return reader ? reader(attachment, conversation) : undefined;
  };
}

/** What the intake service is built from. */
export interface DocumentIntakeServiceOptions {
  prisma: PrismaClient;
  /** Where accepted bytes go, under keys the storage generates (a local folder outside any served one). */
  storage: FileStorage;
  readAttachment: AttachmentReader;
  clock: Clock;
  logger: Logger;
  /** Defaults to {@link DOCUMENT_UPLOAD_LIMIT}. */
  uploadLimit?: { limit: number; windowSeconds: number };
}

/**
 * The {@link DocumentIntakePort}: counts the attempt against the citizen's hourly limit, reads the attachment from
 * its channel, checks it (JPG or PDF by magic numbers, 1 MB, parses or decodes, legible size, metadata stripped),
 * stores the accepted bytes and records a Document (no case yet). Refusals are Spanish messages; it never throws for
 * a bad or unreadable file.
 */
export function createDocumentIntakeService(options: DocumentIntakeServiceOptions): DocumentIntakePort {
  const { prisma, storage, clock, logger } = options;
  const limit = options.uploadLimit ?? DOCUMENT_UPLOAD_LIMIT;

  async function read(attachment: IncomingAttachment, conversation: ConversationKey): Promise<AttachmentBytes | undefined> {
    try {
      return await options.readAttachment(attachment, conversation);
    } catch (error) {
      logger.warn('document.read_failed', { channelId: conversation.channelId, error });
      return undefined;
    }
  }

  async function store(
    afiliadoId: string,
    purpose: DocumentPurposeName,
    name: string | undefined,
    accepted: AcceptedDocument,
  ): Promise<DocumentReceipt> {
    const storageKey = await storage.save(accepted.bytes);
    const { id } = await recordDocument(prisma, {
      afiliadoId,
      tipo: purpose,
      nombreOriginal: name,
      mediaType: accepted.mediaType,
      size: accepted.size,
      sha256: accepted.sha256,
      storageKey,
      now: clock(),
    });
    logger.info('document.accepted', { afiliadoId, documentId: id, purpose, kind: accepted.kind, size: accepted.size });
    return { ok: true, documentId: id, descripcion: documentDescription(purpose, accepted) };
  }

  return {
    async receive({ afiliadoId, purpose, attachment, conversation }): Promise<DocumentReceipt> {
      const decision = await hitRateLimit(prisma, { key: `documentos:${afiliadoId}`, ...limit, now: clock() });
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
      const result = await inspectDocument({ bytes: file.bytes, declaredName: name, declaredType: file.contentType || attachment.contentType, purpose });
      if (!result.ok) {
        logger.info('document.refused', { afiliadoId, purpose, problem: result.problem, detected: result.detected, size: file.bytes.length });
        return { ok: false, message: refusalMessage(result, name) };
      }
      return store(afiliadoId, purpose, name, result);
    },
  };
}
