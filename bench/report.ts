import { median, quantile, type LoadResult } from './load';
import type { MemoryFigures } from './memory';
import { memoryLines } from './memoryReport';

/** Every round measured at one concurrency. */
export interface LevelFigures {
  concurrency: number;
  echo: LoadResult[];
  api: LoadResult[];
  /** Direct Line as Web Chat uses it: the stream (WebSocket). */
  directLine: LoadResult[];
  /** Direct Line with polling (Web Chat's fallback). */
  polling: LoadResult[];
  /** 1-minute load average at the start of each round. */
  load: number[];
  rssMb: number;
}

/** What the summary needs besides the levels. */
export interface Summary {
  figures: LevelFigures[];
  seededMs: number;
  coldMs: number[];
  memory?: MemoryFigures;
  minutes: number;
}

interface Row {
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

function row(results: LoadResult[]): Row {
  const all = results.flatMap((r) => r.latencies);
  return {
    rate: median(results.map((r) => r.turnsPerSecond)),
    p50: quantile(all, 0.5),
    p95: quantile(all, 0.95),
    p99: quantile(all, 0.99),
    errors: results.reduce((n, r) => n + r.errors, 0),
  };
}

/** Median over rounds of a ratio of two series measured in the same rounds. */
function ratio(a: LoadResult[], b: LoadResult[]): number {
  return median(a.map((r, i) => r.turnsPerSecond / b[i].turnsPerSecond));
}

const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '–');

/** Prints one level's figures as soon as it is measured. */
export function printLevel(level: LevelFigures): void {
  const { concurrency } = level;
  for (const [name, results] of [
    ['echo /api/messages', level.echo],
    ['full /api/messages', level.api],
    ['full DL stream', level.directLine],
    ['full DL polling', level.polling],
  ] as const) {
    const r = row(results);
    process.stdout.write(
      `c=${String(concurrency).padStart(3)}  ${name.padEnd(19)} ${r.rate.toFixed(1).padStart(7)} turns/s  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)} ms  errors ${r.errors}\n`,
    );
  }
  process.stdout.write(
    `c=${String(concurrency).padStart(3)}  full/echo ${(ratio(level.api, level.echo) * 100).toFixed(1)} %  Direct Line/api ${(ratio(level.directLine, level.api) * 100).toFixed(1)} %  load ${level.load.map((l) => l.toFixed(2)).join(' ')}  RSS ${level.rssMb.toFixed(0)} MB\n`,
  );
}

/** Prints the Markdown table README shows, and each target with met or not met. */
export function printSummary(summary: Summary): void {
  const out: string[] = [
    '',
    '| concurrent | bot, path | turns/s | p50 ms | p95 ms | p99 ms | errors | full/echo | DL/api | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const level of summary.figures) {
    const fe = `${(ratio(level.api, level.echo) * 100).toFixed(1)} %`;
    const da = `${(ratio(level.directLine, level.api) * 100).toFixed(1)} %`;
    const load = level.load.map((l) => l.toFixed(2)).join(' ');
    for (const [name, results, extra] of [
      ['echo, /api/messages', level.echo, ['', '', load]],
      ['full, /api/messages', level.api, [fe, '', '']],
      ['full, Direct Line stream', level.directLine, ['', da, '']],
      ['full, Direct Line polling', level.polling, ['', `${(ratio(level.polling, level.api) * 100).toFixed(1)} %`, '']],
    ] as const) {
      const r = row(results);
      out.push(
        `| ${level.concurrency} | ${name} | ${r.rate.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${extra.join(' | ')} |`,
      );
    }
  }
  const at = (c: number) => summary.figures.find((f) => f.concurrency === c);
  const check = (label: string, ok: boolean | undefined, value: string): string =>
    `- ${label}: ${value} — ${ok === undefined ? 'not measured' : ok ? 'met' : 'NOT met'}`;
  const l50 = at(50);
  const l200 = at(200);
  out.push('', 'Targets (issue 14):');
  if (l50) {
    const fe = ratio(l50.api, l50.echo);
    out.push(check('full ≥ 40 % of echo at 50', fe >= 0.4, `${(fe * 100).toFixed(1)} %`));
    const p99 = row(l50.api).p99;
    out.push(check('p99 ≤ 150 ms at 50 (/api/messages)', p99 <= 150, `${ms(p99)} ms`));
    const da = ratio(l50.directLine, l50.api);
    out.push(check('Direct Line ≥ 50 % of /api/messages at 50', da >= 0.5, `${(da * 100).toFixed(1)} %`));
  }
  if (l200) {
    const p99 = row(l200.api).p99;
    out.push(check('p99 ≤ 1 s at 200 (/api/messages)', p99 <= 1000, `${ms(p99)} ms`));
  }
  const cold = median(summary.coldMs);
  out.push(
    check(
      'cold start ≤ 3 s (node dist/bot/index.js to 200 on /healthz)',
      summary.coldMs.length ? cold <= 3000 : undefined,
      `${ms(cold)} ms (first start with seeding ${ms(summary.seededMs)} ms)`,
    ),
  );
  if (summary.memory) out.push(...memoryLines(summary.memory, check));
  out.push('', `bench took ${summary.minutes.toFixed(1)} min`);
  process.stdout.write(`${out.join('\n')}\n`);
}
