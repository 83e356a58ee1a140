/**
 * Finds what grows in the full bot's memory: `node dist/bench/heap.js --at=2000,8000 [--snapshots]`. Starts the full
 * bot (as `npm run bench` does, with the V8 inspector on loopback), runs short conversations on /api/messages 50 at a
 * time up to each count, and there prints RSS (mean and peak on the way, at the end) and, after a forced full
 * collection, heap used. With `--snapshots` it
 * also takes a heap snapshot at each count and prints the kinds of retained objects (by constructor) that grew most
 * from the first count to the last: a true leak shows as objects that grow with the conversations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { agent } from './client';
import { migrateDatabase, startFullBot } from './fullBot';
import { growth, summariseSnapshot, type KindTotal } from './heapSnapshot';
import { Inspector } from './inspector';
import { describeSample, phase } from './memory';
import { freePort } from './processes';

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(2);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = (argv.find((a) => a.startsWith('--at='))?.split('=')[1] ?? '2000,8000').split(',').map(Number);
  const snapshots = argv.includes('--snapshots');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-heap-'));
  migrateDatabase(dir);
  const inspectPort = await freePort();
  const full = await startFullBot(dir, await freePort(), inspectPort);
  const inspector = await Inspector.connect(inspectPort);
  process.stdout.write(`heap: full bot ready in ${full.readyMs.toFixed(0)} ms, load average ${os.loadavg()[0].toFixed(2)}\n`);
  const summaries: Map<string, KindTotal>[] = [];
  try {
    let done = 0;
    for (const target of at) {
      const s = await phase(full, target - done, done, inspector);
      done = target;
      process.stdout.write(`${describeSample(s)}; ${s.errors} errors\n`);
      if (snapshots) summaries.push(summariseSnapshot(await inspector.heapSnapshot()));
    }
    if (summaries.length >= 2) {
      const first = summaries[0];
      const last = summaries[summaries.length - 1];
      const span = at[at.length - 1] - at[0];
      process.stdout.write(`\nretained kinds that grew most from ${at[0]} to ${at[at.length - 1]} conversations:\n`);
      for (const row of growth(first, last)) {
        const perConversation = (row.count / span).toFixed(2);
        process.stdout.write(
          `${mb(row.bytes).padStart(9)} MB ${String(row.count).padStart(9)} objects (${perConversation}/conv)  ${row.kind}\n`,
        );
      }
    }
  } finally {
    inspector.close();
    agent.destroy();
    await full.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`heap failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
