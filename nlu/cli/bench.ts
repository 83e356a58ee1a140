import '../env';

/** Milliseconds from a high-resolution clock. */
const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const loadStart = now();

/** Value at quantile q of sorted numbers. */
function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Prints start-up time, classification latency p50/p99 (held-out texts ×20 as the issue asks — texts only, labels unused —, training + dev texts ×5, dev texts ×20), and memory. Run with --expose-gc. */
async function main(): Promise<void> {
  // Loaded after the clock starts so module load time is measured too.
  const nlu = await import('../index');
  const data = await import('../data');
  const loadMs = now() - loadStart;
  const t0 = now();
  const recognizer = nlu.createRecognizer();
  const startupMs = now() - t0;
  // Timing only reads the held-out texts, never their labels, so eval.json stays blind.
  const dev = data.loadDevData().map((d) => d.text);
  const texts = [...data.loadTrainingData().map((d) => d.text), ...dev];
  const first = now();
  recognizer.recognize(dev[0]);
  const firstMs = now() - first;
  const time = (set: readonly string[], rounds: number): number[] => {
    const out: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const text of set) {
        const t = now();
        recognizer.recognize(text);
        out.push(now() - t);
      }
    }
    return out.sort((a, b) => a - b);
  };
  const evalTexts = data.loadEvaluationData().map((d) => d.text);
  const evalLatencies = time(evalTexts, 20);
  const latencies = time(texts, 5);
  const devLatencies = time(dev, 20);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  const mem = process.memoryUsage();
  const mb = (b: number): string => `${(b / 1048576).toFixed(1)} MB`;
  console.log(`module load (natural parts, recognizers-text suite, data): ${loadMs.toFixed(0)} ms`);
  console.log(`createRecognizer (training + recognizers-text warm-up): ${startupMs.toFixed(0)} ms`);
  console.log(`first recognize() after start-up: ${firstMs.toFixed(2)} ms`);
  const line = (label: string, l: number[]): string =>
    `recognize() over ${label} = ${l.length} calls: p50 ${quantile(l, 0.5).toFixed(3)} ms, p99 ${quantile(l, 0.99).toFixed(3)} ms, max ${l[l.length - 1].toFixed(3)} ms`;
  console.log(line(`${evalTexts.length} held-out utterances x20`, evalLatencies));
  console.log(line(`${texts.length} train+dev utterances x5`, latencies));
  console.log(line(`${dev.length} dev utterances x20`, devLatencies));
  console.log(`memory${gc ? ' after gc' : ' (run with --expose-gc for a gc first)'}: heap used ${mb(mem.heapUsed)}, RSS ${mb(mem.rss)}`);
}

void main();
