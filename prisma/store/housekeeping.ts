import type { PrismaClient } from '../client';
import { REDACTED_BODY } from './outbox';
import { pruneRateCounters } from './rateLimits';

/**
 * Claims the run of a periodic job for `holder` when it is due (nextRunAt passed) and no other holder's lease is
 * running, with one compare-and-set update, so of several instances exactly one runs each period. The first claim
 * creates the row; a racing creator loses on the primary key.
 */
export async function claimJobLease(
  db: PrismaClient,
  options: { name: string; holder: string; now: Date; leaseSeconds: number },
): Promise<boolean> {
  const { name, holder, now } = options;
  const leaseUntil = new Date(now.getTime() + options.leaseSeconds * 1000);
  const { count } = await db.jobLease.updateMany({
    where: { name, nextRunAt: { lte: now }, leaseUntil: { lte: now } },
    data: { holder, leaseUntil },
  });
  if (count === 1) return true;
  if (await db.jobLease.findUnique({ where: { name }, select: { name: true } })) return false;
  try {
    await db.jobLease.create({ data: { name, holder, leaseUntil, nextRunAt: now } });
    return true;
  } catch {
    return false;
  }
}

/** Ends a run: frees the lease, records what it did and when the next run is due. Only the holder can. */
export async function completeJobLease(
  db: PrismaClient,
  options: { name: string; holder: string; now: Date; nextRunAt: Date; result: Record<string, number> },
): Promise<void> {
  await db.jobLease.updateMany({
    where: { name: options.name, holder: options.holder },
    data: { leaseUntil: options.now, lastRunAt: options.now, nextRunAt: options.nextRunAt, lastResult: JSON.stringify(options.result) },
  });
}

/** The cut-off instants of one housekeeping run: anything older (or expired before) goes. */
export interface RetentionCutoffs {
  now: Date;
  /** Tokens and links that expired before this instant are deleted (until then they still get their "expired" answer). */
  expiredBefore: Date;
  /** Citizen sessions idle since before this instant have ended. */
  sessionsIdleBefore: Date;
  /** Delivered or abandoned e-mails older than this are deleted (their bodies were already removed). */
  emailsBefore: Date;
  /** Documents never attached to a case, uploaded before this, are deleted with their files. */
  unfiledDocumentsBefore: Date;
  /** Direct Line conversations with no activity since this instant are deleted with their transcript and files. */
  transcriptsBefore: Date;
  /** Bot Framework conversation and user state not written since this instant is deleted. */
  conversationStateBefore: Date;
  /** Recovery blocks set before this instant have ended: their rows are forgotten (as the next pass would). */
  recoveryBlocksBefore: Date;
  /** Rate-limit windows that ended, and throttles not touched, before this instant are deleted. */
  countersBefore: Date;
}

/** Storage keys of the files whose rows a prune deleted; the caller removes the bytes (they live outside the store). */
export interface PruneResult {
  counts: Record<string, number>;
  documentFiles: string[];
  attachmentFiles: string[];
}

/**
 * Deletes what the service no longer needs (LOPDP minimisation): expired link and token hashes, ended sessions, old
 * outbox rows, unfiled documents, stale Direct Line transcripts, conversation state and counters. Each step is one
 * bounded delete, so a run on a large table never holds the store for long and a later run finishes the work.
 */
export async function pruneExpiredData(db: PrismaClient, cut: RetentionCutoffs, batch = 500): Promise<PruneResult> {
  const { now } = cut;
  const counts: Record<string, number> = {};
  counts.recoveryTokens = (await db.recoveryToken.deleteMany({ where: { expiresAt: { lt: cut.expiredBefore } } })).count;
  counts.signInLinks = (await db.signInLink.deleteMany({ where: { expiresAt: { lt: cut.expiredBefore } } })).count;
  counts.downloadGrants = (await db.downloadGrant.deleteMany({ where: { expiresAt: { lt: cut.expiredBefore } } })).count;
  counts.directLineTokens = (await db.dlToken.deleteMany({ where: { expiresAt: { lt: cut.expiredBefore } } })).count;
  counts.sessions = (await db.citizenSession.deleteMany({ where: { lastSeenAt: { lt: cut.sessionsIdleBefore } } })).count;
  // Safety net: a delivered or abandoned message whose body was not redacted (written before redaction existed).
  counts.emailBodies = (
    await db.outboxEmail.updateMany({
      where: { estado: { in: ['ENVIADO', 'FALLIDO'] }, NOT: { text: REDACTED_BODY } },
      data: { text: REDACTED_BODY, html: REDACTED_BODY },
    })
  ).count;
  counts.emails = (
    await db.outboxEmail.deleteMany({ where: { estado: { in: ['ENVIADO', 'FALLIDO'] }, createdAt: { lt: cut.emailsBefore } } })
  ).count;

  const documents = await db.document.findMany({
    where: { caseId: null, createdAt: { lt: cut.unfiledDocumentsBefore }, downloads: { none: { expiresAt: { gt: now } } } },
    select: { id: true, storageKey: true },
    take: batch,
  });
  counts.unfiledDocuments = (await db.document.deleteMany({ where: { id: { in: documents.map((d) => d.id) }, caseId: null } })).count;

  const conversations = await db.dlConversation.findMany({
    where: { createdAt: { lt: cut.transcriptsBefore }, activities: { none: { createdAt: { gte: cut.transcriptsBefore } } } },
    select: { id: true },
    take: batch,
  });
  const ids = conversations.map((c) => c.id);
  const attachments = await db.dlAttachment.findMany({ where: { conversationId: { in: ids } }, select: { storageKey: true } });
  const [, transcripts] = await db.$transaction([
    db.dlAttachment.deleteMany({ where: { conversationId: { in: ids } } }),
    db.dlConversation.deleteMany({ where: { id: { in: ids } } }),
  ]);
  counts.directLineConversations = transcripts.count;
  counts.conversationState = (await db.botState.deleteMany({ where: { updatedAt: { lt: cut.conversationStateBefore } } })).count;
  // Intentos below the block are kept (seed 004 counts them until a right pass); rows with nothing left to count go.
  counts.recoveryGuards = (
    await db.recoveryGuard.deleteMany({
      where: { OR: [{ fallos: 0, bloqueadoEn: null }, { bloqueadoEn: { lte: cut.recoveryBlocksBefore } }] },
    })
  ).count;
  counts.rateCounters = await pruneRateCounters(db, { before: cut.countersBefore });
  counts.throttles = (await db.throttleState.deleteMany({ where: { updatedAt: { lt: cut.countersBefore } } })).count;
  return { counts, documentFiles: documents.map((d) => d.storageKey), attachmentFiles: attachments.map((a) => a.storageKey) };
}
