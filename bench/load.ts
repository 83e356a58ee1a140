import type { Conversation } from './scenarios';

/** What one load run measured. */
export interface LoadResult {
  turns: number;
  errors: number;
  seconds: number;
  turnsPerSecond: number;
  /** Latency of every turn, in milliseconds. */
  latencies: number[];
  firstError?: string;
}

/**
 * Runs `concurrency` virtual users, each one fresh conversation after another, until `seconds` have passed (the
 * conversations in flight then finish, and their turns count). Turns per second = turns / wall time.
 */
export async function runLoad(conversation: Conversation, baseUrl: string, concurrency: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  const user = async (): Promise<void> => {
    while (Date.now() < deadline) {
      try {
        await conversation(baseUrl, (ms) => latencies.push(ms));
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, user));
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return { turns: latencies.length, errors, seconds: elapsed, turnsPerSecond: latencies.length / elapsed, latencies, firstError };
}

/** The q-quantile (0..1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The median of `values`. */
export function median(values: number[]): number {
  return quantile(values, 0.5);
}
