import type { PrismaClient } from '../client';
import type { Prisma } from '../generated/client';
import type { NewDocumentRecord } from '../../core/usecases/receiveDocument';

/** A client or the client of an open transaction: filing attaches documents inside its own `$transaction`. */
type Db = PrismaClient | Prisma.TransactionClient;

const MAX_NAME = 200;
/** Control characters, and the bidirectional marks that can make "fdp.exe" read as "exe.pdf". */
const UNSAFE_CHARS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The client's file name, fit to keep and to show: last path segment ("../../x.pdf" becomes "x.pdf"), NFC, no
 * control or bidirectional characters, at most 200 characters; "documento" when nothing is left. It only
 * describes the file: stored files are named by the server.
 */
export function cleanDocumentName(name: string | undefined): string {
  const base = ((name ?? '').split(/[\\/]/).pop() ?? '').normalize('NFC').replace(UNSAFE_CHARS, '').trim();
  const clean = Array.from(base).slice(0, MAX_NAME).join('').trim();
  return clean === '' || /^\.+$/.test(clean) ? 'documento' : clean;
}

/** What {@link recordDocument} writes: the record of the receive-document use case's port. */
export type NewDocument = NewDocumentRecord;

/** Records a stored document of a citizen, not yet part of any case (caseId stays null until filing). */
export async function recordDocument(db: Db, options: NewDocument): Promise<{ id: string }> {
  return db.document.create({
    data: {
      afiliadoId: options.afiliadoId,
      tipo: options.tipo,
      nombreOriginal: cleanDocumentName(options.nombreOriginal),
      mediaType: options.mediaType,
      size: options.size,
      sha256: options.sha256,
      storageKey: options.storageKey,
      createdAt: options.now,
    },
    select: { id: true },
  });
}

/** A citizen's document as the filing needs it: what it is for and whether a case already has it. */
export interface CitizenDocument {
  id: string;
  tipo: string;
  mediaType: string;
  size: number;
  caseId: string | null;
  createdAt: Date;
}

/** One of the citizen's own documents; undefined when it does not exist or belongs to someone else. */
export async function findCitizenDocument(
  db: Db,
  options: { afiliadoId: string; documentId: string },
): Promise<CitizenDocument | undefined> {
  const found = await db.document.findFirst({
    where: { id: options.documentId, afiliadoId: options.afiliadoId },
    select: { id: true, tipo: true, mediaType: true, size: true, caseId: true, createdAt: true },
  });
  return found ?? undefined;
}

/**
 * Links documents to a case, only those that belong to `afiliadoId` and are not in any case yet; returns how
 * many were linked, so the caller can refuse (and roll back its transaction) when that is fewer than asked.
 */
export async function attachDocumentsToCase(
  db: Db,
  options: { afiliadoId: string; caseId: string; documentIds: readonly string[] },
): Promise<number> {
  if (options.documentIds.length === 0) return 0;
  const { count } = await db.document.updateMany({
    where: { id: { in: [...options.documentIds] }, afiliadoId: options.afiliadoId, caseId: null },
    data: { caseId: options.caseId },
  });
  return count;
}
