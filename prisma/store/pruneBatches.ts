/** How a prune run is bounded: rows per statement and statements per step, so no statement holds the store long. */
export interface PruneLimits {
  /** Rows one statement deletes (or redacts) at most. */
  batch: number;
  /** Statements one step runs at most in a run (a budget of `batch × maxBatches` rows per step); a later run finishes. */
  maxBatches: number;
}

/** 500 rows a statement, at most 100 statements (50,000 rows) of each kind a run. */
export const DEFAULT_PRUNE_LIMITS: PruneLimits = { batch: 500, maxBatches: 100 };

/** Rows removed this run per kind of data, and the bounded statements each step ran to remove them. */
export interface PruneTally {
  counts: Record<string, number>;
  /** Statements each step ran this run (a step that found nothing ran one). */
  batches: Record<string, number>;
}

/** Lets queued work (citizens' turns, timers) run before the next batch: better-sqlite3 blocks while a statement runs. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs one step's bounded statement until it removes fewer than `batch` rows (nothing left) or the step's budget of
 * statements is spent, yielding to the event loop between statements, and records the rows and statements under
 * `name`. `step` takes at most `batch` rows (by primary key) and resolves with how many it removed.
 */
export async function pruneInBatches(
  tally: PruneTally,
  name: string,
  limits: PruneLimits,
  step: (batch: number) => Promise<number>,
): Promise<void> {
  let removed = 0;
  let batches = 0;
  while (batches < limits.maxBatches) {
    if (batches > 0) await yieldToEventLoop();
    const count = await step(limits.batch);
    batches += 1;
    removed += count;
    if (count < limits.batch) break;
  }
  tally.counts[name] = removed;
  tally.batches[name] = batches;
}

/** One chunk of a sweep: the rows it removed, and the last key it covered (undefined once the table is covered). */
export interface SweepChunk {
  removed: number;
  last: string | undefined;
}

/**
 * Walks a table in primary-key order, `batch` keys a statement, for a condition without an index (a column every turn
 * writes, where an index would cost each write more than the prune gains): each statement looks at no more than
 * `batch` rows. Stops at the end of the table or once `batch × maxBatches` rows are removed (the next run starts
 * over, from a table already cleaned that far), yielding to the event loop between statements.
 */
export async function sweepInBatches(
  tally: PruneTally,
  name: string,
  limits: PruneLimits,
  chunk: (after: string | undefined, batch: number) => Promise<SweepChunk>,
): Promise<void> {
  const budget = limits.batch * limits.maxBatches;
  let removed = 0;
  let batches = 0;
  let after: string | undefined;
  while (removed < budget) {
    if (batches > 0) await yieldToEventLoop();
    const next = await chunk(after, limits.batch);
    if (next.last === undefined) break;
    batches += 1;
    removed += next.removed;
    after = next.last;
  }
  tally.counts[name] = removed;
  tally.batches[name] = batches;
}
