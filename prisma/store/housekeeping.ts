import type { PrismaClient } from '../client';
import { turnSqlOf } from '../turnSql';
import { REDACTED_BODY } from './outbox';
import { DEFAULT_PRUNE_LIMITS, pruneInBatches, sweepInBatches, type PruneLimits, type PruneTally } from './pruneBatches';
import {
  chunkDeleteStatement,
  chunkEndStatement,
  DELETE_UNFILED_DOCUMENTS,
  SESSION_SWEEP,
  STATE_SWEEP,
  deleteParams,
  deleteStatement,
  marks,
  OLD_EMAILS_STEP,
  RATE_COUNTER_SWEEP,
  REDACT_BODIES,
  STALE_CONVERSATIONS,
  STATE_STEPS,
  THROTTLE_STEP,
  TOKEN_STEPS,
  type PruneStep,
} from './pruneSteps';

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

/**
 * About how many activities a web-chat transcript holds (a four-turn chat: each message and the bot's answers), so a
 * statement that deletes `batch / 10` conversations deletes about `batch` rows with them. Measured once: 500 stale
 * conversations of 10 activities each in one statement took 30–52 ms of CPU, 50 take 9–27 ms.
 */
const ACTIVITIES_PER_TRANSCRIPT = 10;

/**
 * Deletes what the service no longer needs (LOPDP minimisation): expired link and token hashes, ended sessions, old
 * outbox rows, unfiled documents, stale Direct Line transcripts, conversation state and counters. Each statement
 * deletes at most `limits.batch` rows, by primary key found through an index on the step's condition, or, for the two
 * tables every turn writes (sessions, conversation state), by a sweep of `limits.batch` keys a statement; the loop
 * yields to the event loop between statements, so a large backlog never holds the store (nor, on SQLite, the process)
 * for long. A step stops after `limits.maxBatches` statements (a sweep after as many batches of rows removed) and a
 * later run finishes. The statements (prisma/store/pruneSteps.ts) are turn statements (prisma/turnSql.ts): the same
 * SQL on SQLite and PostgreSQL, without the model API's cost of a 500-key `in` list (40–150 ms against about 10 ms).
 */
export async function pruneExpiredData(
  db: PrismaClient,
  cut: RetentionCutoffs,
  limits: PruneLimits = DEFAULT_PRUNE_LIMITS,
): Promise<PruneResult> {
  const sql = turnSqlOf(db);
  const result: PruneResult = { counts: {}, batches: {}, documentFiles: [], attachmentFiles: [] };
  const inBatches = (name: string, run: (batch: number) => Promise<number>) => pruneInBatches(result, name, limits, run);
  const byKey = (step: PruneStep) => inBatches(step.name, (batch) => sql.run(deleteStatement(step), deleteParams(step, cut, batch)));

  const sweep = (step: PruneStep) =>
    sweepInBatches(result, step.name, limits, async (after, batch) => {
      const first = after === undefined;
      const from = first ? [] : [after];
      const [chunk] = await sql.all<{ last: string | null }>(chunkEndStatement(step, first), [...from, batch]);
      const last = chunk?.last ?? undefined;
      if (last === undefined) return { removed: 0, last };
      return { removed: await sql.run(chunkDeleteStatement(step, first), [...from, last, ...step.params(cut)]), last };
    });

  for (const step of TOKEN_STEPS) await byKey(step);
  await sweep(SESSION_SWEEP);
  await inBatches('emailBodies', (batch) => sql.run(REDACT_BODIES, [REDACTED_BODY, REDACTED_BODY, REDACTED_BODY, REDACTED_BODY, batch]));
  await byKey(OLD_EMAILS_STEP);

  const unfiled = [cut.unfiledDocumentsBefore, cut.now];
  await inBatches('unfiledDocuments', async (batch) => {
    const rows = await sql.returning<{ storageKey: string }>(DELETE_UNFILED_DOCUMENTS, [...unfiled, ...unfiled, batch]);
    result.documentFiles.push(...rows.map((row) => row.storageKey));
    return rows.length;
  });

  // A statement deletes a conversation with its activities (ON DELETE CASCADE): a tenth of a batch of conversations.
  const transcripts = { ...limits, batch: Math.max(1, Math.floor(limits.batch / ACTIVITIES_PER_TRANSCRIPT)) };
  await pruneInBatches(result, 'directLineConversations', transcripts, async (batch) => {
    const found = await sql.all<{ id: string }>(STALE_CONVERSATIONS, [cut.transcriptsBefore, cut.transcriptsBefore, batch]);
    if (found.length === 0) return 0;
    // One shape per batch size: the list is padded with null (never equal to an id).
    const ids = [...found.map((row) => row.id), ...Array<null>(batch - found.length).fill(null)];
    const files = await sql.all<{ storageKey: string }>(
      `SELECT "storageKey" FROM "DlAttachment" WHERE "conversationId" IN (${marks(batch)})`,
      ids,
    );
    result.attachmentFiles.push(...files.map((row) => row.storageKey));
    // The conversations' activities, tokens and single deliveries go with them.
    const [, transcripts] = await sql.batch([
      [`DELETE FROM "DlAttachment" WHERE "conversationId" IN (${marks(batch)})`, ids],
      [`DELETE FROM "DlConversation" WHERE "id" IN (${marks(batch)})`, ids],
    ]);
    return transcripts ?? 0;
  });

  await sweep(STATE_SWEEP);
  for (const step of STATE_STEPS) await byKey(step);
  await sweep(RATE_COUNTER_SWEEP);
  await byKey(THROTTLE_STEP);
  return result;
}
