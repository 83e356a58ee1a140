import { spawn, type ChildProcess } from 'node:child_process';
import { growth, summariseSnapshot } from '../../bench/heapSnapshot';
import { Inspector } from '../../bench/inspector';
import { isFlat, sampleEvery, summariseMemory, type MemorySample } from '../../bench/memory';
import { freePort } from '../helpers/server';
import fixtures from './memoryFixtures.json';

/** The memory check's arithmetic and its tools (npm run bench -- --memory=N; figures are reported, not asserted). */
describe('bench memory check', () => {
  const samples = (rows: number[][]): MemorySample[] =>
    rows.map(([conversations, rssMeanMb, rssPeakMb]) => ({
      conversations,
      rssMeanMb,
      rssPeakMb,
      rssMb: rssMeanMb,
      heapUsedMb: 86,
      rssAfterGcMb: 200,
    }));

  it.each(fixtures.summaries)('$name', ({ rows, baseline, baselineFrom, flat, worstChange }) => {
    const figures = summariseMemory(samples(rows), 0);
    expect(figures.baseline.conversations).toBe(baseline);
    expect(figures.baselineFrom).toBe(baselineFrom);
    expect(figures.worstChange).toBeCloseTo(worstChange, 3);
    expect(isFlat(figures)).toBe(flat);
  });

  it.each([
    [50_000, 10_000],
    [20_000, 10_000],
    [10_000, 2_000],
    [3, 1],
  ])('samples %d conversations every %d', (total, every) => {
    expect(sampleEvery(total)).toBe(every);
  });

  describe('inspector client and heap snapshot summary, on another node process', () => {
    let child: ChildProcess | undefined;
    let inspector: Inspector | undefined;

    beforeAll(async () => {
      const port = await freePort();
      const script = 'globalThis.RetainedProbe = class RetainedProbe {}; globalThis.kept = []; setInterval(() => {}, 1000)';
      child = spawn(process.execPath, [`--inspect=127.0.0.1:${port}`, '-e', script]);
      await new Promise<void>((resolve) =>
        child?.stderr?.on('data', (d: Buffer) => d.toString().includes('Debugger listening') && resolve()),
      );
      inspector = await Inspector.connect(port);
    }, 30_000);

    afterAll(() => {
      inspector?.close();
      child?.kill('SIGKILL');
    });

    it('forces a collection there and reads its memory', async () => {
      await inspector?.send('Runtime.evaluate', { expression: 'globalThis.buffer = Buffer.alloc(8e6, 1); 0' });
      await inspector?.collectGarbage();
      const usage = await (inspector as Inspector).memoryUsage();
      expect(usage.heapUsed).toBeGreaterThan(0);
      expect(usage.heapUsed).toBeLessThanOrEqual(usage.heapTotal);
      expect(usage.arrayBuffers).toBeGreaterThanOrEqual(7.5);
      expect(usage.rss).toBeGreaterThan(usage.heapUsed);
    });

    it('shows retained objects that grew, by constructor, between two heap snapshots', async () => {
      const before = summariseSnapshot(await (inspector as Inspector).heapSnapshot());
      await inspector?.send('Runtime.evaluate', { expression: 'for (let i = 0; i < 5000; i++) kept.push(new RetainedProbe()); 0' });
      const after = summariseSnapshot(await (inspector as Inspector).heapSnapshot());
      const probe = growth(before, after, 10_000).find((row) => row.kind === 'object: RetainedProbe');
      expect(probe?.count).toBe(5000);
      expect(probe?.bytes).toBeGreaterThan(0);
    }, 30_000);
  });
});
