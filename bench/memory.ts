import type { Inspector } from './inspector';
import type { BenchProcess } from './processes';
import { shortConversation } from './scenarios';

/** The full bot's memory over one phase of conversations, and after it. */
export interface MemorySample {
  conversations: number;
  /** RSS read 4 times a second during the phase: its mean and its peak, MB. */
  rssMeanMb: number;
  rssPeakMb: number;
  /** RSS as the process had it when the phase ended (before any forced collection), MB. */
  rssMb: number;
  /** Heap used after a forced full collection: the retained JavaScript objects, MB (NaN without an inspector). */
  heapUsedMb: number;
  /** RSS right after that collection, MB (NaN without an inspector). */
  rssAfterGcMb: number;
}

/** What the "RSS flat" check measured. */
export interface MemoryFigures {
  conversations: number;
  samples: MemorySample[];
  /** The phase the change is measured from: the one from 10,000 to 20,000 conversations, or the second of a shorter run. */
  baseline: MemorySample;
  /** Conversations done when the baseline phase started. */
  baselineFrom: number;
  last: MemorySample;
  /** last / baseline of the phase's mean RSS, of its peak RSS, and of the heap used after collection. */
  meanRatio: number;
  peakRatio: number;
  heapRatio: number;
  /** The largest |mean or peak RSS / the baseline's − 1| over the baseline and every later sample. */
  worstChange: number;
  errors: number;
}

/** RSS must stay within this fraction of its value at the baseline (issue 14: ± 10 %). */
export const FLAT_TOLERANCE = 0.1;

/** The conversation count the target is measured from (issue 14: from 10,000 to 50,000). */
export const BASELINE_CONVERSATIONS = 10_000;

/** Conversations between two samples: 10,000 on a full run, a fifth of a short one. */
export function sampleEvery(total: number): number {
  return total >= 2 * BASELINE_CONVERSATIONS ? BASELINE_CONVERSATIONS : Math.max(1, Math.ceil(total / 5));
}

/** Runs `count` fresh short conversations, `concurrency` at a time; returns how many failed (the first error goes to stderr). */
export async function runConversations(baseUrl: string, count: number, concurrency: number): Promise<number> {
  let started = 0;
  let errors = 0;
  const user = async (): Promise<void> => {
    while (started < count) {
      started += 1;
      try {
        await shortConversation(baseUrl, () => undefined);
      } catch (error) {
        if (errors === 0)
          process.stderr.write(`  memory: first error of the phase: ${error instanceof Error ? error.message : String(error)}\n`);
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, user));
  return errors;
}

/** How often RSS is read during a phase: V8 lets garbage pile up between collections, so one reading is luck. */
const RSS_EVERY_MS = 250;

/**
 * Runs one phase of `count` conversations while reading the RSS every 250 ms, then, with no turn in flight, samples
 * the end: RSS first, then (with an inspector) heap used and RSS after a forced full collection.
 */
export async function phase(
  full: BenchProcess,
  count: number,
  done: number,
  inspector?: Inspector,
): Promise<MemorySample & { errors: number }> {
  const readings: number[] = [full.rssMb()];
  const timer = setInterval(() => readings.push(full.rssMb()), RSS_EVERY_MS);
  let errors: number;
  try {
    errors = await runConversations(full.baseUrl, count, 50);
  } finally {
    clearInterval(timer);
  }
  const rssMb = full.rssMb();
  readings.push(rssMb);
  const rss = { rssMeanMb: readings.reduce((a, b) => a + b, 0) / readings.length, rssPeakMb: Math.max(...readings), rssMb };
  const conversations = done + count;
  if (!inspector) return { conversations, ...rss, heapUsedMb: NaN, rssAfterGcMb: NaN, errors };
  await inspector.collectGarbage();
  const usage = await inspector.memoryUsage();
  return { conversations, ...rss, heapUsedMb: usage.heapUsed, rssAfterGcMb: usage.rss, errors };
}

/**
 * Runs `total` fresh short conversations (greeting and one message) on /api/messages, 50 at a time, in phases of
 * `sampleEvery(total)`; after each phase, with no turn in flight, it samples the full bot's memory. Conversations
 * accumulate in the store, so memory must stay flat: the mean and the peak RSS of every phase from 10,000 on within
 * ± 10 % of those of the phase from 10,000 to 20,000 (a run shorter than 20,000 compares with its second phase).
 */
export async function measureMemory(full: BenchProcess, total: number, inspector?: Inspector): Promise<MemoryFigures> {
  const every = sampleEvery(total);
  const samples: MemorySample[] = [];
  const began = Date.now();
  let done = 0;
  let errors = 0;
  while (done < total) {
    const { errors: failed, ...s } = await phase(full, Math.min(every, total - done), done, inspector);
    done = s.conversations;
    errors += failed;
    samples.push(s);
    process.stdout.write(`  memory: ${describeSample(s)} (${((Date.now() - began) / 60_000).toFixed(1)} min, ${errors} errors)\n`);
  }
  return summariseMemory(samples, errors);
}

/**
 * The figures of a memory check from its samples. The target is about the conversations from 10,000 on, so the
 * baseline is the first phase that starts at 10,000 or later; a run shorter than 20,000 skips only its first phase.
 * Either way the first phase, which holds the start-up and the garbage of the load runs before it, is not compared.
 */
export function summariseMemory(samples: MemorySample[], errors: number): MemoryFigures {
  const last = samples[samples.length - 1];
  const startOf = (i: number): number => (i === 0 ? 0 : samples[i - 1].conversations);
  const fromBaseline = samples.findIndex((_, i) => startOf(i) >= BASELINE_CONVERSATIONS);
  const index = last.conversations >= 2 * BASELINE_CONVERSATIONS && fromBaseline >= 0 ? fromBaseline : Math.min(1, samples.length - 1);
  const baseline = samples[index];
  const later = samples.filter((s) => s.conversations >= baseline.conversations);
  return {
    conversations: last.conversations,
    samples,
    baseline,
    baselineFrom: startOf(index),
    last,
    meanRatio: last.rssMeanMb / baseline.rssMeanMb,
    peakRatio: last.rssPeakMb / baseline.rssPeakMb,
    heapRatio: last.heapUsedMb / baseline.heapUsedMb,
    worstChange: Math.max(
      ...later.flatMap((s) => [Math.abs(s.rssMeanMb / baseline.rssMeanMb - 1), Math.abs(s.rssPeakMb / baseline.rssPeakMb - 1)]),
    ),
    errors,
  };
}

/** True when the mean and the peak RSS of every phase from the baseline on stayed within ± 10 % of the baseline's. */
export function isFlat(figures: MemoryFigures): boolean {
  return figures.worstChange <= FLAT_TOLERANCE;
}

/** One sample as a line of the progress output. */
export function describeSample(s: MemorySample): string {
  const mb = (n: number, digits = 0): string => n.toFixed(digits);
  return (
    `${s.conversations} conversations: RSS mean ${mb(s.rssMeanMb)} MB, peak ${mb(s.rssPeakMb)} MB, at the end ${mb(s.rssMb)} MB; ` +
    `after GC heap used ${mb(s.heapUsedMb, 1)} MB, RSS ${mb(s.rssAfterGcMb)} MB`
  );
}
