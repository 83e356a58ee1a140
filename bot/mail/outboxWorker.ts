import type { PrismaClient } from '../../prisma/client';
import {
  claimDueEmails,
  hasDueEmails,
  markEmailFailed,
  markEmailSent,
  releaseEmailLeases,
  type ClaimedEmail,
} from '../../prisma/store/outbox';
import type { Logger } from '../logger';
import { outboxMessageId, type Mailer } from './mailer';

/** Settings of the outbox worker; only the first four are required. */
export interface OutboxWorkerOptions {
  prisma: PrismaClient;
  mailer: Mailer;
  /** From header of every message (MAIL_FROM). */
  from: string;
  logger: Logger;
  clock?: () => Date;
  /** Pause between polls when the previous batch was not full. Default 2000 ms. */
  pollIntervalMs?: number;
  /** Messages leased and sent (in parallel) per batch. Default 10. */
  batchSize?: number;
  /** Attempts before a message becomes FALLIDO. Default 10 (about 3.5 h of back-off). */
  maxAttempts?: number;
  /** How long a claimed message stays invisible to other workers. Default 300 s, beyond every SMTP timeout. */
  leaseSeconds?: number;
  /** Called once per delivery attempt with its outcome (metrics). */
  onDelivery?: (outcome: keyof OutboxRunResult) => void;
}

/** Outcome of one batch. */
export interface OutboxRunResult {
  sent: number;
  retried: number;
  failed: number;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
    const prefix = [code, responseCode].filter((v) => typeof v === 'string' || typeof v === 'number').join(' ');
    return prefix ? `${prefix}: ${error.message}` : error.message;
  }
  return String(error);
}

/** True for a recipient rejected by the server (5xx on RCPT TO): retrying cannot help. */
function isPermanent(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  return code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

/**
 * Sends the e-mails of the store's outbox: leases due messages, hands them to the mailer and records the
 * outcome, retrying with back-off so an SMTP outage loses nothing. Several workers may share one database.
 * Delivery is at least once: a lost SMTP acknowledgement or a crash between sending and recording resends the
 * message, always with the same Message-ID (`outboxMessageId`), so the receiving systems can recognise the copy.
 */
export class OutboxWorker {
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly leaseSeconds: number;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private inFlight: Promise<OutboxRunResult> = Promise.resolve({ sent: 0, retried: 0, failed: 0 });
  /** Messages leased by this worker whose outcome is not recorded yet (id → attempts when claimed). */
  private readonly held = new Map<string, number>();

  constructor(private readonly options: OutboxWorkerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.batchSize = options.batchSize ?? 10;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.leaseSeconds = options.leaseSeconds ?? 300;
  }

  /** Starts polling in the background; the timer does not keep the process alive. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /**
   * Stops polling and waits for the batch in flight, so no lease is left half-recorded. After `timeoutMs` (for
   * example an SMTP server that hangs during shutdown) the leases still held are given back, so another instance
   * sends those messages at once instead of after the lease; at worst one is sent twice, with the same Message-ID.
   */
  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, options.timeoutMs ?? 30_000);
      timer.unref();
    });
    await Promise.race([this.inFlight.catch(() => undefined), timedOut]);
    clearTimeout(timer);
    if (this.held.size === 0) return;
    const leases = [...this.held].map(([id, attempts]) => ({ id, attempts }));
    this.held.clear();
    const released = await releaseEmailLeases(this.options.prisma, { leases, now: this.clock() }).catch(() => 0);
    this.options.logger.warn('outbox.leases_released', { released });
  }

  /** Processes one batch of due messages; batches never overlap within one worker. */
  runOnce(): Promise<OutboxRunResult> {
    const next = this.inFlight.catch(() => undefined).then(() => this.processBatch());
    this.inFlight = next;
    return next;
  }

  /** Runs batches until nothing is due at the clock's current time (for tests and shutdown). */
  async drain(options: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 10_000);
    for (;;) {
      await this.runOnce();
      if (!(await hasDueEmails(this.options.prisma, { now: this.clock() }))) return;
      if (Date.now() > deadline) throw new Error('The outbox did not drain in time.');
    }
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  /** Database errors are logged by name and code only: Prisma messages may quote the bodies. */
  private async tick(): Promise<void> {
    let full = false;
    try {
      const result = await this.runOnce();
      full = result.sent + result.retried + result.failed >= this.batchSize;
    } catch (error) {
      const { name, code } = (error instanceof Error ? error : new Error(String(error))) as Error & { code?: unknown };
      this.options.logger.error('outbox.batch_failed', { errorName: name, code });
    }
    this.schedule(full ? 0 : this.pollIntervalMs);
  }

  private async processBatch(): Promise<OutboxRunResult> {
    const { prisma } = this.options;
    const claimed = await claimDueEmails(prisma, { now: this.clock(), limit: this.batchSize, leaseSeconds: this.leaseSeconds });
    for (const email of claimed) this.held.set(email.id, email.attempts);
    const settled = await Promise.allSettled(
      claimed.map((email) =>
        this.deliver(email).then((outcome) => {
          this.held.delete(email.id);
          this.options.onDelivery?.(outcome);
          return outcome;
        }),
      ),
    );
    const result: OutboxRunResult = { sent: 0, retried: 0, failed: 0 };
    for (const outcome of settled) {
      if (outcome.status === 'rejected') throw outcome.reason;
      result[outcome.value] += 1;
    }
    return result;
  }

  private async deliver(email: ClaimedEmail): Promise<keyof OutboxRunResult> {
    const { prisma, mailer, logger, from } = this.options;
    try {
      await mailer.send({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: outboxMessageId(email.id),
      });
    } catch (error) {
      const permanent = isPermanent(error);
      const outcome = await markEmailFailed(prisma, {
        id: email.id,
        now: this.clock(),
        error: describeError(error),
        maxAttempts: permanent ? email.attempts + 1 : this.maxAttempts,
      });
      const fields = { id: email.id, to: email.to, attempt: email.attempts + 1, error: describeError(error) };
      if (outcome === 'failed') logger.error('outbox.email_failed', { ...fields, permanent });
      else logger.warn('outbox.email_retry', fields);
      return outcome === 'failed' ? 'failed' : 'retried';
    }
    await markEmailSent(prisma, { id: email.id, now: this.clock() });
    logger.info('outbox.email_sent', { id: email.id, to: email.to, attempt: email.attempts + 1 });
    return 'sent';
  }
}
