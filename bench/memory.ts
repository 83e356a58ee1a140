import type { BenchProcess } from './processes';
import { shortConversation } from './scenarios';

/** RSS of the full bot sampled every 10,000 conversations. */
export interface MemoryFigures {
  conversations: number;
  samples: { conversations: number; rssMb: number }[];
  /** Change of RSS from the 10,000th conversation to the last, in percent. */
  changePercent: number;
}

/**
 * Runs `total` fresh short conversations (greeting and one message) on /api/messages, 50 at a time, and samples
 * the full bot's RSS every 10,000: memory must stay flat while conversations accumulate in the store.
 */
export async function measureMemory(full: BenchProcess, total: number, concurrency = 50): Promise<MemoryFigures> {
  const every = 10_000;
  const samples: MemoryFigures['samples'] = [];
  let started = 0;
  let done = 0;
  const user = async (): Promise<void> => {
    while (started < total) {
      started += 1;
      try {
        await shortConversation(full.baseUrl, () => undefined);
      } catch {
        // counted as a conversation all the same; errors are reported by the load runs
      }
      done += 1;
      if (done % every === 0 || done === total) {
        samples.push({ conversations: done, rssMb: full.rssMb() });
        process.stdout.write(`  memory: ${done} conversations, RSS ${full.rssMb().toFixed(0)} MB\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, user));
  const first = samples.find((s) => s.conversations >= Math.min(every, total)) ?? samples[0];
  const last = samples[samples.length - 1];
  return { conversations: done, samples, changePercent: ((last.rssMb - first.rssMb) / first.rssMb) * 100 };
}
