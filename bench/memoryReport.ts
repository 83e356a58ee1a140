import { FLAT_TOLERANCE, isFlat, type MemoryFigures } from './memory';

const mb = (n: number, digits = 0): string => (Number.isFinite(n) ? `${n.toFixed(digits)} MB` : '–');
const pct = (ratio: number): string => (Number.isFinite(ratio) ? `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %` : '–');

/** The memory check's table (RSS during and after each phase, heap used after a forced collection) and its target line. */
export function memoryLines(m: MemoryFigures, check: (label: string, ok: boolean, value: string) => string): string[] {
  const lines = [
    '',
    '| conversations | RSS mean | RSS peak | RSS at the end | heap used after GC | RSS after GC |',
    '|---|---|---|---|---|---|',
  ];
  for (const s of m.samples) {
    lines.push(
      `| ${s.conversations} | ${mb(s.rssMeanMb)} | ${mb(s.rssPeakMb)} | ${mb(s.rssMb)} | ${mb(s.heapUsedMb, 1)} | ${mb(s.rssAfterGcMb)} |`,
    );
  }
  const { baseline: b, last } = m;
  const value =
    `RSS mean ${mb(b.rssMeanMb)} → ${mb(last.rssMeanMb)} (${pct(m.meanRatio)}), peak ${mb(b.rssPeakMb)} → ${mb(last.rssPeakMb)} ` +
    `(${pct(m.peakRatio)}), largest change ${(m.worstChange * 100).toFixed(1)} %; heap used after GC ${mb(b.heapUsedMb, 1)} → ` +
    `${mb(last.heapUsedMb, 1)} (${pct(m.heapRatio)}); ${m.errors} errors`;
  const label = `RSS flat ±${FLAT_TOLERANCE * 100} % from ${m.baselineFrom} to ${last.conversations} conversations (mean and peak of each phase)`;
  lines.push('', check(label, isFlat(m), value));
  return lines;
}
