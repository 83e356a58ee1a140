import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '../prisma/client';
import { claimJobLease, completeJobLease, pruneExpiredData, type RetentionCutoffs } from '../prisma/store/housekeeping';
import type { Logger } from './logger';

/** Name of the housekeeping job's lease row. */
export const HOUSEKEEPING_JOB = 'housekeeping';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Rate windows and throttles last at most a day; two days later nothing still counts on them. */
const COUNTER_RETENTION_MS = 2 * DAY_MS;
/** An expired link or ended session is kept one more day, so whoever opens it still gets "expired", not "unknown". */
const EXPIRED_GRACE_MS = DAY_MS;

/** How long each kind of data is kept (README, "Personal data and retention"). */
export interface RetentionSettings {
  sessionIdleMinutes: number;
  recoveryBlockHours: number;
  outboxRetentionDays: number;
  unfiledDocumentHours: number;
  transcriptRetentionDays: number;
  conversationStateRetentionDays: number;
}

/** What the job needs: the store, the folders that hold the bytes, the clock, the period and the retentions. */
export interface HousekeepingOptions {
  prisma: PrismaClient;
  /** Folder of the citizens' documents (the LocalFolderStorage root). */
  documentsRoot: string;
  /** Folder of the Direct Line uploads. */
  attachmentsRoot: string;
  retention: RetentionSettings;
  intervalMinutes: number;
  logger: Logger;
  clock?: () => Date;
  /** How often each instance looks whether a run is due (first look after one such wait); default a tenth of the period, at least 10 s. */
  checkEveryMs?: number;
}

/** The cut-off instants for a run at `now`. */
export function retentionCutoffs(now: Date, retention: RetentionSettings): RetentionCutoffs {
  const ago = (ms: number): Date => new Date(now.getTime() - ms);
  return {
    now,
    expiredBefore: ago(EXPIRED_GRACE_MS),
    sessionsIdleBefore: ago(retention.sessionIdleMinutes * 60_000 + EXPIRED_GRACE_MS),
    emailsBefore: ago(retention.outboxRetentionDays * DAY_MS),
    unfiledDocumentsBefore: ago(retention.unfiledDocumentHours * HOUR_MS),
    transcriptsBefore: ago(retention.transcriptRetentionDays * DAY_MS),
    conversationStateBefore: ago(retention.conversationStateRetentionDays * DAY_MS),
    recoveryBlocksBefore: ago(retention.recoveryBlockHours * HOUR_MS),
    countersBefore: ago(COUNTER_RETENTION_MS),
  };
}

const FILE_KEY = /^[a-f0-9]{2}\/[a-f0-9]{32}$/;

/** Deletes stored files by key (LocalFolderStorage's layout); a file already gone is not an error. */
async function removeFiles(root: string, keys: readonly string[]): Promise<number> {
  let removed = 0;
  for (const key of keys) {
    if (!FILE_KEY.test(key)) continue;
    await fs.rm(path.join(root, key), { force: true });
    removed += 1;
  }
  return removed;
}

/**
 * The scheduled prune of data past its retention (LOPDP minimisation). Every instance runs a light timer, but a run
 * happens only on the instance that claims the job's lease row in the store for the period, so N instances prune
 * once per period, and a crashed instance's lease simply expires.
 */
export class Housekeeping {
  private readonly holder = randomUUID();
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: HousekeepingOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Starts checking in the background; the timer does not keep the process alive. */
  start(): void {
    if (this.timer) return;
    const every = this.options.checkEveryMs ?? Math.max(10_000, (this.options.intervalMinutes * 60_000) / 10);
    const tick = (): void => {
      this.running = this.runIfDue().catch((error: unknown) => {
        const { name, code } = (error instanceof Error ? error : new Error(String(error))) as Error & { code?: unknown };
        this.options.logger.error('housekeeping.failed', { errorName: name, code });
      });
    };
    // The first check waits one interval too: a restart loop must not turn into a prune loop.
    this.timer = setInterval(tick, every);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs the prune if this instance wins the period's lease; resolves with the counts, or undefined when not due. */
  async runIfDue(): Promise<Record<string, number> | undefined> {
    const { prisma, intervalMinutes } = this.options;
    const now = this.clock();
    const leaseSeconds = Math.max(60, intervalMinutes * 30);
    if (!(await claimJobLease(prisma, { name: HOUSEKEEPING_JOB, holder: this.holder, now, leaseSeconds }))) return undefined;
    const pruned = await pruneExpiredData(prisma, retentionCutoffs(now, this.options.retention));
    const counts = {
      ...pruned.counts,
      documentFiles: await removeFiles(this.options.documentsRoot, pruned.documentFiles),
      attachmentFiles: await removeFiles(this.options.attachmentsRoot, pruned.attachmentFiles),
    };
    const finished = this.clock();
    await completeJobLease(prisma, {
      name: HOUSEKEEPING_JOB,
      holder: this.holder,
      now: finished,
      nextRunAt: new Date(now.getTime() + intervalMinutes * 60_000),
      result: counts,
    });
    this.options.logger.info('housekeeping.done', counts);
    return counts;
  }
}
