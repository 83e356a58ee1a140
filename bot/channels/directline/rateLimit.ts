const WINDOW_MS = 60_000;
const PRUNE_ABOVE = 10_000;

/** Per-key fixed-window counter kept in memory (each instance limits on its own). */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => Date,
  ) {}

  /** Counts one hit for `key`; returns the seconds to wait if the limit is exceeded, else 0. */
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
