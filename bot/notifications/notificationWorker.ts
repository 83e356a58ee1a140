import type { Logger } from '../logger';

/**
 * Polls for case events to notify (core/usecases/notifications/notifyCaseEvents.ts). Every instance may run one:
 * the store's claims make each (event, channel) go out once.
 */
export class NotificationWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly notify: (limit?: number) => Promise<number>,
    private readonly logger: Logger,
    private readonly pollMs = 5_000,
  ) {}

  /** One pass; exposed for tests. Resolves with the number of events completed. */
  tick(): Promise<number> {
    return this.notify();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error('notifications_tick_failed', { error: String(error) }))
        .finally(() => {
          this.running = undefined;
        });
    }, this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
