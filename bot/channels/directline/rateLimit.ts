import type { PrismaClient } from '../../../prisma/client';
import { hitRateLimit } from '../../../prisma/store/rateLimits';

const WINDOW_SECONDS = 60;
const WINDOW_MS = WINDOW_SECONDS * 1000;
const PRUNE_ABOVE = 10_000;

/**
 * Per-key limit of hits per minute. With a Prisma client (`store`), the count lives in the shared `RateCounter`
 * table, so every instance of the service shares one budget per key (`consume`). Without one, it falls back to a
 * fixed-window count in this process's memory, where N instances allow N times the limit.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  /**
   * @param perMinute Hits allowed per key and minute.
   * @param clock Source of the current time (tests pass a fake clock to cross a window).
   * @param store The shared store; when omitted (default), counts are kept in process memory.
   */
  constructor(
    private readonly perMinute: number,
    private readonly clock: () => Date,
    private readonly store?: PrismaClient,
  ) {}

  /**
   * Counts one hit for `key` in the shared store (or in memory without one); resolves to the seconds to wait if
   * the limit is exceeded, else 0.
   */
  async consume(key: string): Promise<number> {
    if (!this.store) return this.hit(key);
    const decision = await hitRateLimit(this.store, {
      // The limit is part of the key: a count only means something against the limit it was counted for.
      key: `directline:token:${this.perMinute}:${key}`,
      limit: this.perMinute,
      windowSeconds: WINDOW_SECONDS,
      now: this.clock(),
    });
    return decision.allowed ? 0 : Math.max(1, decision.retryAfterSeconds);
  }

  /**
   * Counts one hit for `key` in process memory only; returns the seconds to wait if the limit is exceeded, else 0.
   * @deprecated Per instance only: use `consume` with a `store` so instances share the count.
   */
  hit(key: string): number {
    const now = this.clock().getTime();
    if (this.windows.size > PRUNE_ABOVE) this.prune(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.perMinute) return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    window.count += 1;
    return 0;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}
