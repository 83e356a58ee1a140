import { performance } from 'node:perf_hooks';
import { startTeamsDriver, STAFF } from './teamsDriver';

/**
 * Benchmark, not a test (run: npx jest --testMatch '**\/extension.bench.ts' tests/teams/extension.bench.ts): the time
 * from posting a `composeExtension/query` to the bot's HTTP answer, over the demo store on this machine, by number
 * and by cédula. Teams waits 5 s; the figures go into the report, nothing is asserted on them.
 */
const ROUNDS = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

it('measures the message-extension answer time', async () => {
  const t = await startTeamsDriver();
  try {
    for (const [label, value] of [
      ['number', 'RL-2026-000042'],
      ['cédula', '2314944220'],
    ]) {
      await t.query(STAFF.andrea, 'buscarTramite', [{ name: 'busqueda', value }]);
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i += 1) {
        const start = performance.now();
        const body = await t.query(STAFF.andrea, 'buscarTramite', [{ name: 'busqueda', value }]);
        times.push(performance.now() - start);
        expect((body.composeExtension as { type: string }).type).toBe('result');
      }
      times.sort((a, b) => a - b);
      process.stdout.write(
        `message extension by ${label}: ${ROUNDS} queries, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms\n`,
      );
    }
  } finally {
    await t.stop();
  }
}, 120_000);
