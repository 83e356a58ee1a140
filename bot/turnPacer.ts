import type { Metrics } from './metrics';

/**
 * Why turns are paced: on Node 20 (libuv ≥ 1.45) a listening socket accepts one new connection per event-loop
 * iteration, and a turn on SQLite runs almost entirely synchronously (better-sqlite3, Prisma's query compiler). Without
 * pacing, one iteration runs every turn whose request arrived in it, back to back: under load an iteration lasts
 * hundreds of milliseconds, and a burst of new connections waits one such iteration each, in line (issue 14: p99 of
 * several seconds while the median was a few hundred milliseconds). Pacing starts at most one turn per iteration, in
 * arrival order, so the loop keeps accepting and reading between turns and every request waits its fair turn.
 */
export class TurnPacer {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Turns waiting to start now (exposed as a gauge). */
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves when the calling turn may start: in arrival order, at most one per event-loop iteration. */
  slot(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  /** Runs `turn` once it has its slot; its result or error is the caller's. */
  async run<T>(turn: () => Promise<T>): Promise<T> {
    await this.slot();
    return turn();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase; one queued during the check phase waits for the next iteration, so the
    // loop accepts and reads sockets between two turns.
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}

/** The turns waiting for their start (bot/turnPacer.ts), read at each scrape: a queue that keeps growing means overload. */
export function registerTurnQueueMetric(metrics: Metrics, pacer: Pick<TurnPacer, 'queued'>): void {
  metrics.gauge({
    name: 'iess_turns_queued',
    help: 'Turns received and waiting to start (one starts per event-loop iteration, in arrival order).',
    collect: (gauge) => gauge.set(pacer.queued),
  });
}
