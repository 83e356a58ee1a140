/**
 * `npm run bench:cpu -- [api|dl] [seconds] [concurrency] [windows]`: the full bot's CPU time per turn, which moves far
 * less than turns/s on a shared machine. It starts the full bot as `npm run bench` does (fresh migrated SQLite file),
 * warms it up for 2 s at 10 concurrent, then runs `windows` load windows (default 2 of 5 s at 50 concurrent) on
 * `/api/messages` or the Direct Line stream, and prints for each the bot process's user + system CPU (Linux
 * /proc/<pid>/stat) divided by the turns, the turns/s and the p99. Compare builds window by window; the first window
 * still carries JIT warm-up.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { agent } from './client';
import { migrateDatabase, startFullBot } from './fullBot';
import { runLoad } from './load';
import { freePort } from './processes';
import { botFrameworkConversation, directLineStreamingConversation } from './scenarios';

/** CPU microseconds (user + system, all threads) the process has used so far; clock ticks are 1/100 s on Linux. */
function cpuMicros(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

async function main(): Promise<void> {
  const [pathArg = 'api', seconds = '5', concurrency = '50', windows = '2'] = process.argv.slice(2);
  const conversation = pathArg === 'dl' ? directLineStreamingConversation : botFrameworkConversation;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-bench-cpu-'));
  migrateDatabase(dir);
  const full = await startFullBot(dir, await freePort());
  const pid = full.child.pid;
  try {
    if (pid === undefined) throw new Error('the full bot has no process id');
    await runLoad(conversation, full.baseUrl, 10, 2);
    for (let i = 0; i < Number(windows); i += 1) {
      const before = cpuMicros(pid);
      const result = await runLoad(conversation, full.baseUrl, Number(concurrency), Number(seconds));
      const cpu = (cpuMicros(pid) - before) / result.turns;
      const sorted = [...result.latencies].sort((a, b) => a - b);
      const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? NaN;
      process.stdout.write(
        `${pathArg} c=${concurrency} window ${i + 1}: CPU ${cpu.toFixed(0)} µs/turn, ${result.turnsPerSecond.toFixed(0)} turns/s, ` +
          `p99 ${p99.toFixed(0)} ms, errors ${result.errors}, load average ${os.loadavg()[0].toFixed(2)}\n`,
      );
    }
  } finally {
    agent.destroy();
    await full.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:cpu failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
