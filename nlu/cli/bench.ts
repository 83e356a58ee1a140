import '../env';

/** Milliseconds from a high-resolution clock. */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const loadStart = now();
// Loaded after the clock starts so module load time is measured too.
const nlu = require('../index') as typeof import('../index');
const data = require('../data') as typeof import('../data');

/** Value at quantile q of sorted numbers. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Prints start-up time, classification latency p50/p99 over the evaluation set ×20, and memory. Run with --expose-gc. */
function main(): void {
  const loadMs = now() - loadStart;
  const t0 = now();
  const recognizer = nlu.createRecognizer();
  const startupMs = now() - t0;
  const texts = data.loadEvaluationData().map((d) => d.text);
  const latencies: number[] = [];
  const first = now();
  recognizer.recognize(texts[0]);
  const firstMs = now() - first;
  for (let round = 0; round < 20; round++) {
    for (const text of texts) {
      const t = now();
      recognizer.recognize(text);
      latencies.push(now() - t);
    }
  }
  latencies.sort((a, b) => a - b);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  const mem = process.memoryUsage();
  const mb = (b: number): string => `${(b / 1048576).toFixed(1)} MB`;
  console.log(`module load (natural parts, recognizers-text suite, data): ${loadMs.toFixed(0)} ms`);
  console.log(`createRecognizer (training + recognizers-text warm-up): ${startupMs.toFixed(0)} ms`);
  console.log(`first recognize() after start-up: ${firstMs.toFixed(2)} ms`);
  console.log(`recognize() over ${texts.length} eval utterances x20 = ${latencies.length} calls: p50 ${quantile(latencies, 0.5).toFixed(3)} ms, p99 ${quantile(latencies, 0.99).toFixed(3)} ms, max ${latencies[latencies.length - 1].toFixed(3)} ms`);
  console.log(`memory${gc ? ' after gc' : ' (run with --expose-gc for a gc first)'}: heap used ${mb(mem.heapUsed)}, RSS ${mb(mem.rss)}`);
}

main();
