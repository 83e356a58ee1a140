import type { PrismaClient } from '../../../prisma/client';
import { closeWaWindow } from '../../../prisma/store/whatsappContact';
import {
  claimDueWaOutbound,
  hasDueWaOutbound,
  markWaOutboundFailed,
  markWaOutboundSent,
  type ClaimedWaOutbound,
} from '../../../prisma/store/whatsappOutbound';
import type { Logger } from '../../logger';
import { GraphApiError, type GraphClient } from './graph';
import { maskWaUser } from './mask';

/** Meta's codes that mean "slow down and retry": throughput (130429) and too many messages to one user (131056). */
export const RETRY_CODES: ReadonlySet<number> = new Set([130429, 131056, 131000, 190]);
/** Free-form message outside the 24-hour window: only a template can be sent. */
export const WINDOW_CLOSED_CODE = 131047;

/** Settings of the sender; the first four are required. */
export interface WhatsAppSenderOptions {
  prisma: PrismaClient;
  graph: GraphClient;
  clock: () => Date;
  logger: Logger;
  pollIntervalMs?: number;
  batchSize?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  /** First retry delay; each further failure doubles it up to `backoffMaxMs`. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

/** What to do after a failed attempt. */
type Verdict = { retry: true } | { retry: false; windowClosed: boolean };

function verdictOf(error: unknown): Verdict {
  if (!(error instanceof GraphApiError)) return { retry: true };
  if (error.code === WINDOW_CLOSED_CODE) return { retry: false, windowClosed: true };
  if (RETRY_CODES.has(error.code) || error.status === 429 || error.status >= 500 || error.status === 0) return { retry: true };
  return { retry: false, windowClosed: false };
}

/**
 * Sends the queued WhatsApp requests: leases due rows (one per user, oldest first, so each user reads in order),
 * posts them to the Cloud API and records the wamid; on 130429/131056, 5xx or a network error it backs off
 * exponentially and retries; on 131047 (window closed) or another refusal it gives the request up. Several instances
 * may share one database (leases are compare-and-set).
 */
export class WhatsAppSender {
  private readonly o: Required<Omit<WhatsAppSenderOptions, 'prisma' | 'graph' | 'clock' | 'logger'>>;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private inFlight: Promise<number> = Promise.resolve(0);

  constructor(private readonly options: WhatsAppSenderOptions) {
    this.o = {
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      batchSize: options.batchSize ?? 10,
      leaseSeconds: options.leaseSeconds ?? 60,
      maxAttempts: options.maxAttempts ?? 8,
      backoffBaseMs: options.backoffBaseMs ?? 2000,
      backoffMaxMs: options.backoffMaxMs ?? 5 * 60_000,
    };
  }

  /** Starts polling in the background (the timer does not keep the process alive). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in flight. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight.catch(() => undefined);
  }

  /** Asks for a batch now (after a turn queued replies). */
  kick(): void {
    if (this.running) this.schedule(0);
  }

  /** Sends every due request, batch after batch, until none is due; resolves with the number sent. */
  runOnce(): Promise<number> {
    const next = this.inFlight.catch(() => 0).then(() => this.drain());
    this.inFlight = next;
    return next;
  }

  /** The wait after `attempts` failed attempts. */
  backoffMs(attempts: number): number {
    return Math.min(this.o.backoffMaxMs, this.o.backoffBaseMs * 2 ** Math.min(Math.max(0, attempts - 1), 20));
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runOnce()
        .catch((error: unknown) => this.options.logger.error('whatsapp.sender_failed', { error }))
        .finally(() => {
          if (this.running && !this.timer) this.schedule(this.o.pollIntervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const now = this.options.clock();
      const rows = await claimDueWaOutbound(this.options.prisma, { now, limit: this.o.batchSize, leaseSeconds: this.o.leaseSeconds });
      if (rows.length === 0) return sent;
      const results = await Promise.all(rows.map((row) => this.deliver(row)));
      sent += results.filter(Boolean).length;
      if (!(await hasDueWaOutbound(this.options.prisma, { now: this.options.clock() }))) return sent;
    }
  }

  private async deliver(row: ClaimedWaOutbound): Promise<boolean> {
    const { prisma, logger, clock } = this.options;
    try {
      const wamid = await this.options.graph.sendMessage(JSON.parse(row.body));
      await markWaOutboundSent(prisma, { id: row.id, wamid: wamid || undefined, now: clock() });
      return true;
    } catch (error) {
      const verdict = verdictOf(error);
      const code = error instanceof GraphApiError ? error.code : undefined;
      const attempts = row.attempts + 1;
      const retry = verdict.retry && attempts < this.o.maxAttempts;
      const retryAt = retry ? new Date(clock().getTime() + this.backoffMs(attempts)) : undefined;
      await markWaOutboundFailed(prisma, {
        id: row.id,
        error: error instanceof Error ? error.message : String(error),
        errorCode: code,
        retryAt,
      });
      if (!verdict.retry && verdict.windowClosed) await closeWaWindow(prisma, { waUser: row.waUser });
      logger.warn('whatsapp.send_failed', { user: maskWaUser(row.waUser), kind: row.kind, code, attempts, retry });
      return false;
    }
  }
}
