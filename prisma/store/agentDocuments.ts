import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../client';
import { appendAuditEntry } from './audit';

/** A link token: 32 random bytes in base64url, always 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Grants one staff member a link to one document of a case, valid `ttlSeconds`; returns the token (the URL's only copy). */
export async function grantAgentDocument(
  db: PrismaClient,
  options: { documentId: string; staffId: string; caseNumero: string; ttlSeconds: number; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.agentDocumentGrant.create({
    data: {
      tokenHash: sha256(token),
      documentId: options.documentId,
      staffId: options.staffId,
      caseNumero: options.caseNumero,
      expiresAt: new Date(options.now.getTime() + options.ttlSeconds * 1000),
      createdAt: options.now,
    },
  });
  return token;
}

/** The file behind a valid agent link, for the download route. */
export interface AgentDocumentDownload {
  storageKey: string;
  nombre: string;
  mediaType: string;
}

/**
 * Resolves an agent's document link and writes the download to the audit trail (who, which case and document) in the
 * same transaction; undefined when the token is malformed, unknown or expired, or the staff member is no longer active.
 */
export async function takeAgentDocument(
  db: PrismaClient,
  options: { token: string; now: Date },
): Promise<AgentDocumentDownload | undefined> {
  if (!TOKEN.test(options.token)) return undefined;
  return db.$transaction(async (tx) => {
    const grant = await tx.agentDocumentGrant.findUnique({ where: { tokenHash: sha256(options.token) } });
    if (!grant || grant.expiresAt.getTime() <= options.now.getTime()) return undefined;
    const staff = await tx.staff.findUnique({ where: { id: grant.staffId }, select: { active: true } });
    const document = await tx.document.findUnique({ where: { id: grant.documentId } });
    if (!staff?.active || !document) return undefined;
    await appendAuditEntry(tx, {
      staffId: grant.staffId,
      action: 'document.download',
      subjectType: 'case',
      subjectId: grant.caseNumero,
      after: { documentId: document.id, tipo: document.tipo },
      outcome: 'ok',
      at: options.now,
    });
    return { storageKey: document.storageKey, nombre: document.nombreOriginal, mediaType: document.mediaType };
  });
}
