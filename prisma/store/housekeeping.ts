import type { PrismaClient } from '../client';
import { REDACTED_BODY } from './outbox';
import { DEFAULT_PRUNE_LIMITS, pruneInBatches, type PruneLimits, type PruneTally } from './pruneBatches';
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
export interface PruneResult extends PruneTally {
  documentFiles: string[];
  attachmentFiles: string[];
}

const DONE_EMAIL = ['ENVIADO', 'FALLIDO'] as const;

/**
 * Deletes what the service no longer needs (LOPDP minimisation): expired link and token hashes, ended sessions, old
 * outbox rows, unfiled documents, stale Direct Line transcripts, conversation state and counters. Each step takes
 * `limits.batch` rows at a time by primary key (found through an index) and deletes them with its condition checked
 * again, yielding to the event loop between statements, so a large backlog never holds the store (or, on SQLite, the
 * process) for long; after `limits.maxBatches` statements a step stops and a later run finishes the work. Portable:
 * Prisma's model API only, the same statements on SQLite and PostgreSQL.
 */
export async function pruneExpiredData(
  db: PrismaClient,
  cut: RetentionCutoffs,
  limits: PruneLimits = DEFAULT_PRUNE_LIMITS,
): Promise<PruneResult> {
  const { now } = cut;
  const result: PruneResult = { counts: {}, batches: {}, documentFiles: [], attachmentFiles: [] };
  const step = (name: string, run: (batch: number) => Promise<number>) => pruneInBatches(result, name, limits, run);
  const expired = { expiresAt: { lt: cut.expiredBefore } };

  await step('recoveryTokens', async (take) => {
    const ids = (await db.recoveryToken.findMany({ where: expired, select: { id: true }, take })).map((r) => r.id);
    return ids.length === 0 ? 0 : (await db.recoveryToken.deleteMany({ where: { id: { in: ids }, ...expired } })).count;
  });
  await step('signInLinks', async (take) => {
    const ids = (await db.signInLink.findMany({ where: expired, select: { tokenHash: true }, take })).map((r) => r.tokenHash);
    return ids.length === 0 ? 0 : (await db.signInLink.deleteMany({ where: { tokenHash: { in: ids }, ...expired } })).count;
  });
  await step('downloadGrants', async (take) => {
    const ids = (await db.downloadGrant.findMany({ where: expired, select: { tokenHash: true }, take })).map((r) => r.tokenHash);
    return ids.length === 0 ? 0 : (await db.downloadGrant.deleteMany({ where: { tokenHash: { in: ids }, ...expired } })).count;
  });
  await step('directLineTokens', async (take) => {
    const ids = (await db.dlToken.findMany({ where: expired, select: { tokenHash: true }, take })).map((r) => r.tokenHash);
    return ids.length === 0 ? 0 : (await db.dlToken.deleteMany({ where: { tokenHash: { in: ids }, ...expired } })).count;
  });
  // Checked again in the delete: a session renewed between the two statements stays.
  const idle = { lastSeenAt: { lt: cut.sessionsIdleBefore } };
  await step('sessions', async (take) => {
    const keys = (await db.citizenSession.findMany({ where: idle, select: { conversationKey: true }, take })).map((r) => r.conversationKey);
    return keys.length === 0 ? 0 : (await db.citizenSession.deleteMany({ where: { conversationKey: { in: keys }, ...idle } })).count;
  });
  // Safety net: a delivered or abandoned message whose body was not redacted (written before redaction existed).
  const unredacted = { estado: { in: [...DONE_EMAIL] }, NOT: { text: REDACTED_BODY } };
  await step('emailBodies', async (take) => {
    const ids = (await db.outboxEmail.findMany({ where: unredacted, select: { id: true }, take })).map((r) => r.id);
    if (ids.length === 0) return 0;
    const data = { text: REDACTED_BODY, html: REDACTED_BODY };
    return (await db.outboxEmail.updateMany({ where: { id: { in: ids }, ...unredacted }, data })).count;
  });
  const oldEmail = { estado: { in: [...DONE_EMAIL] }, createdAt: { lt: cut.emailsBefore } };
  await step('emails', async (take) => {
    const ids = (await db.outboxEmail.findMany({ where: oldEmail, select: { id: true }, take })).map((r) => r.id);
    return ids.length === 0 ? 0 : (await db.outboxEmail.deleteMany({ where: { id: { in: ids }, ...oldEmail } })).count;
  });

  await step('unfiledDocuments', async (take) => {
    const documents = await db.document.findMany({
      where: { caseId: null, createdAt: { lt: cut.unfiledDocumentsBefore }, downloads: { none: { expiresAt: { gt: now } } } },
      select: { id: true, storageKey: true },
      take,
    });
    if (documents.length === 0) return 0;
    const ids = documents.map((d) => d.id);
    const { count } = await db.document.deleteMany({ where: { id: { in: ids }, caseId: null } });
    // A document filed meanwhile stayed: its file stays too.
    const kept = count === ids.length ? [] : await db.document.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const keptIds = new Set(kept.map((d) => d.id));
    result.documentFiles.push(...documents.filter((d) => !keptIds.has(d.id)).map((d) => d.storageKey));
    return count;
  });

  await step('directLineConversations', async (take) => {
    const conversations = await db.dlConversation.findMany({
      where: { createdAt: { lt: cut.transcriptsBefore }, activities: { none: { createdAt: { gte: cut.transcriptsBefore } } } },
      select: { id: true },
      take,
    });
    if (conversations.length === 0) return 0;
    const ids = conversations.map((c) => c.id);
    const attachments = await db.dlAttachment.findMany({ where: { conversationId: { in: ids } }, select: { storageKey: true } });
    result.attachmentFiles.push(...attachments.map((a) => a.storageKey));
    const [, transcripts] = await db.$transaction([
      db.dlAttachment.deleteMany({ where: { conversationId: { in: ids } } }),
      db.dlConversation.deleteMany({ where: { id: { in: ids } } }),
    ]);
    return transcripts.count;
  });

  const stale = { updatedAt: { lt: cut.conversationStateBefore } };
  await step('conversationState', async (take) => {
    const keys = (await db.botState.findMany({ where: stale, select: { key: true }, take })).map((r) => r.key);
    return keys.length === 0 ? 0 : (await db.botState.deleteMany({ where: { key: { in: keys }, ...stale } })).count;
  });
  // Intentos below the block are kept (seed 004 counts them until a right pass); rows with nothing left to count go.
  const forgotten = { OR: [{ bloqueadoEn: null, fallos: 0 }, { bloqueadoEn: { lte: cut.recoveryBlocksBefore } }] };
  await step('recoveryGuards', async (take) => {
    const ids = (await db.recoveryGuard.findMany({ where: forgotten, select: { identificador: true }, take })).map((r) => r.identificador);
    return ids.length === 0 ? 0 : (await db.recoveryGuard.deleteMany({ where: { identificador: { in: ids }, ...forgotten } })).count;
  });
  // prisma/store/rateLimits.ts takes no bound: one statement (see README, "Housekeeping").
  result.counts.rateCounters = await pruneRateCounters(db, { before: cut.countersBefore });
  result.batches.rateCounters = 1;
  const untouched = { updatedAt: { lt: cut.countersBefore } };
  await step('throttles', async (take) => {
    const keys = (await db.throttleState.findMany({ where: untouched, select: { key: true }, take })).map((r) => r.key);
    return keys.length === 0 ? 0 : (await db.throttleState.deleteMany({ where: { key: { in: keys }, ...untouched } })).count;
  });
  return result;
}
