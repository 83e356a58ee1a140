/**
 * Wiring of the receive-document use case over the store: the store's document records and rate limiter, bound to
 * one Prisma client. The use case itself is core/usecases/receiveDocument.ts; channel readers live in bot/channels/.
 */
import type { AttachmentReader, Clock, DocumentIntakePort } from '../../core/ports';
import { createReceiveDocument, DOCUMENT_UPLOAD_LIMIT } from '../../core/usecases/receiveDocument';
import type { PrismaClient } from '../../prisma/client';
import { recordDocument } from '../../prisma/store/documents';
import { hitRateLimit } from '../../prisma/store/rateLimits';
import type { FileStorage } from '../fileStorage';
import type { Logger } from '../logger';

export type { AttachmentBytes, AttachmentReader } from '../../core/ports';
export { DOCUMENT_UPLOAD_LIMIT };

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

/** The {@link DocumentIntakePort} over one client: core/usecases/receiveDocument with the store's records and limiter. */
export function createDocumentIntakeService(options: DocumentIntakeServiceOptions): DocumentIntakePort {
  const { prisma, clock } = options;
  return createReceiveDocument({
    records: { recordDocument: (o) => recordDocument(prisma, o) },
    rateLimiter: { hit: (o) => hitRateLimit(prisma, { ...o, now: clock() }) },
    storage: options.storage,
    readAttachment: options.readAttachment,
    clock,
    logger: options.logger,
    uploadLimit: options.uploadLimit,
  });
}
