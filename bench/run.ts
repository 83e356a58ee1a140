/**
 * `npm run bench`: starts the full assistant and an echo bot on the same stack, both as child processes, and
 * measures them interleaved in one run (see README, "Performance"). Options: `--quick` (development: fewer levels,
 * one short round), `--rounds=N`, `--seconds=S`, `--levels=1,10,50,200`, `--memory=N` (also N conversations for the
 * RSS check), `--no-cold` (skip the cold-start measure), `--postgres` (the full bot on a private PostgreSQL cluster
 * started for the run, instead of a SQLite file).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { agent } from './client';
import { runLoad, type LoadResult } from './load';
import { Inspector } from './inspector';
import { measureMemory, type MemoryFigures } from './memory';
import { ROOT, migrateDatabase, startFullBot } from './fullBot';
import { freePort, startProcess, type BenchProcess } from './processes';
import { printLevel, printSummary, type LevelFigures } from './report';
import { startPostgres, type PostgresCluster } from '../tests/helpers/postgres';
import { botFrameworkConversation, directLinePollingConversation, directLineStreamingConversation, type Conversation } from './scenarios';

/** Benchmark settings from the command line. */
export interface BenchSettings {
  levels: number[];
  rounds: number;
  seconds: number;
  memory: number;
  cold: boolean;
  postgres: boolean;
}

function parseArgs(argv: string[]): BenchSettings {
  const quick = argv.includes('--quick');
  const value = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const memoryArg = argv.find((a) => a === '--memory' || a.startsWith('--memory='));
  return {
    levels: (value('levels') ?? (quick ? '1,10,50' : '1,10,50,200')).split(',').map(Number),
    rounds: Number(value('rounds') ?? (quick ? 1 : 3)),
    seconds: Number(value('seconds') ?? (quick ? 1.5 : 5)),
    memory: memoryArg ? Number(memoryArg.split('=')[1] ?? 50_000) : 0,
    cold: !argv.includes('--no-cold'),
    postgres: argv.includes('--postgres'),
  };
}

async function measured(conversation: Conversation, target: BenchProcess, concurrency: number, seconds: number): Promise<LoadResult> {
  const result = await runLoad(conversation, target.baseUrl, concurrency, seconds);
  if (result.errors > 0) process.stderr.write(`  ${target.name} c=${concurrency}: ${result.errors} errors, first: ${result.firstError}\n`);
  return result;
}

async function main(): Promise<void> {
  const settings = parseArgs(process.argv.slice(2));
  const entry = path.join(ROOT, 'dist', 'bot', 'index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run bench builds when sources changed).`);
  const began = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-bench-'));
  const fullPort = await freePort();
  // PostgreSQL as a production server would run it (fsync on), with commits not waiting for the log's flush, as
  // SQLite's synchronous=NORMAL does: a crash may lose the last commits, never the database.
  const cluster: PostgresCluster | undefined = settings.postgres ? await startPostgres('-c synchronous_commit=off') : undefined;
  const databaseUrl = cluster ? await cluster.createMigratedDatabase('bench') : undefined;
  if (!cluster) migrateDatabase(dir);
  const store = cluster ? `PostgreSQL 15 (port ${cluster.port}, synchronous_commit=off)` : 'SQLite';
  process.stdout.write(`benchmark: ${os.cpus().length} CPUs, node ${process.version}, ${store}, load average ${fmtLoad()}\n`);
  // The memory check reads heap used after a forced collection through the V8 inspector (loopback, free port).
  const inspectPort = settings.memory > 0 ? await freePort() : undefined;
  let full = await startFullBot(dir, fullPort, inspectPort, databaseUrl);
  const others: BenchProcess[] = [];
  // Ctrl-C or a kill stops both servers too, so no bot outlives an interrupted run.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of [full, ...others]) child.child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
      void (cluster?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }
  const seededMs = full.readyMs;
  const coldMs: number[] = [];
  if (settings.cold) {
    for (let i = 0; i < (settings.rounds > 1 ? 3 : 1); i += 1) {
      await full.stop();
      full = await startFullBot(dir, fullPort, inspectPort, databaseUrl);
      coldMs.push(full.readyMs);
    }
  }
  const echoPort = await freePort();
  const echo = await startProcess('echo', process.execPath, [path.join(ROOT, 'dist', 'bench', 'echoBot.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, PORT: String(echoPort), HOST: '127.0.0.1' },
    port: echoPort,
  });
  others.push(echo);
  try {
    process.stdout.write(
      `full bot ready in ${seededMs.toFixed(0)} ms (first start, seeding); cold starts ${coldMs.map((ms) => ms.toFixed(0)).join(', ')} ms\n`,
    );
    // Warm-up: JIT, NLU caches and connection pools, not measured.
    for (const [conversation, target] of [
      [botFrameworkConversation, echo],
      [botFrameworkConversation, full],
      [directLinePollingConversation, full],
      [directLineStreamingConversation, full],
    ] as const) {
      await runLoad(conversation, target.baseUrl, 10, 1);
    }
    const figures: LevelFigures[] = [];
    for (const concurrency of settings.levels) {
      const level: LevelFigures = { concurrency, echo: [], api: [], directLine: [], polling: [], load: [], rssMb: 0 };
      for (let round = 0; round < settings.rounds; round += 1) {
        level.load.push(os.loadavg()[0]);
        level.echo.push(await measured(botFrameworkConversation, echo, concurrency, settings.seconds));
        level.api.push(await measured(botFrameworkConversation, full, concurrency, settings.seconds));
        level.directLine.push(await measured(directLineStreamingConversation, full, concurrency, settings.seconds));
        level.polling.push(await measured(directLinePollingConversation, full, concurrency, settings.seconds));
      }
      level.rssMb = full.rssMb();
      printLevel(level);
      figures.push(level);
    }
    const memory = settings.memory > 0 ? await memoryCheck(full, settings.memory, inspectPort) : undefined;
    printSummary({ figures, seededMs, coldMs, memory, minutes: (Date.now() - began) / 60_000 });
  } finally {
    agent.destroy();
    await echo.stop();
    await full.stop();
    await cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The "RSS flat" check, with heap used after forced collections read through the inspector. */
async function memoryCheck(full: BenchProcess, total: number, inspectPort: number | undefined): Promise<MemoryFigures> {
  process.stdout.write(`memory: ${total} short conversations on /api/messages, 50 at a time, load average ${fmtLoad()}\n`);
  const inspector = inspectPort === undefined ? undefined : await Inspector.connect(inspectPort);
  try {
    return await measureMemory(full, total, inspector);
  } finally {
    inspector?.close();
  }
}

function fmtLoad(): string {
  return os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
