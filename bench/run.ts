/**
 * `npm run bench`: starts the full assistant and an echo bot on the same stack, both as child processes, and
 * measures them interleaved in one run (see README, "Performance"). Options: `--quick` (development: fewer levels,
 * one short round), `--rounds=N`, `--seconds=S`, `--levels=1,10,50,200`, `--memory=N` (also N conversations for the
 * RSS check), `--no-cold` (skip the cold-start measure).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { agent } from './client';
import { runLoad, type LoadResult } from './load';
import { measureMemory } from './memory';
import { freePort, startProcess, type BenchProcess } from './processes';
import { printLevel, printSummary, type LevelFigures } from './report';
import { botFrameworkConversation, directLinePollingConversation, directLineStreamingConversation, type Conversation } from './scenarios';

const ROOT = path.resolve(__dirname, '..', '..');

/** Benchmark settings from the command line. */
export interface BenchSettings {
  levels: number[];
  rounds: number;
  seconds: number;
  memory: number;
  cold: boolean;
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
  };
}

/** The environment of the full bot: its own database and folders, loopback, local Bot Framework endpoint, quiet logs. */
function fullBotEnv(dir: string, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `file:${path.join(dir, 'iess.db')}`,
    SEED_DEMO: 'true',
    BOTFRAMEWORK_ENDPOINT: 'local',
    DOCUMENTS_DIR: path.join(dir, 'documents'),
    MAIL_OUTBOX_DIR: path.join(dir, 'outbox'),
    LOG_LEVEL: 'warn',
    DIRECTLINE_TOKENS_PER_MINUTE: '10000',
  };
}

/** With BENCH_CPU_PROF=<folder>, the full bot writes a V8 CPU profile there when it stops (node --cpu-prof). */
function profileFlags(): string[] {
  const folder = process.env.BENCH_CPU_PROF;
  return folder ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(folder)}`] : [];
}

async function startFullBot(dir: string, port: number): Promise<BenchProcess> {
  const args = [...profileFlags(), '--disable-warning=DEP0111', path.join(ROOT, 'dist', 'bot', 'index.js')];
  return startProcess('full', process.execPath, args, {
    cwd: ROOT,
    env: fullBotEnv(dir, port),
    port,
  });
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
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'iess.db')}` },
    stdio: 'pipe',
  });
  process.stdout.write(`benchmark: ${os.cpus().length} CPUs, node ${process.version}, load average ${fmtLoad()}\n`);
  let full = await startFullBot(dir, fullPort);
  const others: BenchProcess[] = [];
  // Ctrl-C or a kill stops both servers too, so no bot outlives an interrupted run.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of [full, ...others]) child.child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    });
  }
  const seededMs = full.readyMs;
  const coldMs: number[] = [];
  if (settings.cold) {
    for (let i = 0; i < (settings.rounds > 1 ? 3 : 1); i += 1) {
      await full.stop();
      full = await startFullBot(dir, fullPort);
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
    const memory = settings.memory > 0 ? await measureMemory(full, settings.memory) : undefined;
    printSummary({ figures, seededMs, coldMs, memory, minutes: (Date.now() - began) / 60_000 });
  } finally {
    agent.destroy();
    await echo.stop();
    await full.stop();
    fs.rmSync(dir, { recursive: true, force: true });
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
