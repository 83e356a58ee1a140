/*
 * Cold-start measure (README, "Performance", "Cold start"): migrates a fresh SQLite database in a temporary folder,
 * starts the built bot once on it (seeding the demo data), then restarts it `--runs=N` times (default 5) on the same
 * database with SEED_DEMO=true, exactly as `npm run bench` does. Each run prints the milliseconds from spawn to the
 * first 200 on /healthz and to the first answered turn (a greeting, then a message, on /api/messages with
 * expectReplies), the CPU time the bot used until /healthz (user + system, from /proc: on a shared machine it moves
 * far less than the wall-clock time), then the medians and the load average. `--entry=<file>[,<file>]` measures other entry points (default
 * dist/bot/index.js), alternating their runs; `--cpu-prof=<folder>` makes each cold run write a V8 CPU profile there.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Buffer } from 'node:buffer';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { fullBotEnv } = createRequire(import.meta.url)(path.join(ROOT, 'dist', 'bench', 'fullBot.js'));
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '5'));
const ENTRIES = arg('entry', path.join('dist', 'bot', 'index.js'))
  .split(',')
  .map((entry) => path.resolve(ROOT, entry));
const PROFILE = arg('cpu-prof', undefined);
/** `--npm-start`: each cold run is `npm start` (prepareStart's checks, then the bot) instead of `node <entry>`. */
const NPM_START = process.argv.includes('--npm-start');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function send(method, url, body) {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      url,
      { method, agent: false, headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {} },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.setTimeout(30_000, () => req.destroy());
    req.end(payload);
  });
}

/** A greeting and one question, as the benchmark's first turns; returns the reply texts of the question. */
async function firstTurn(baseUrl) {
  const user = { id: `user-${randomUUID()}`, name: 'Usuario' };
  const base = {
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: `cold-${randomUUID()}` },
    recipient: { id: 'bot', name: 'Bot' },
    locale: 'es-EC',
    deliveryMode: 'expectReplies',
  };
  const greeting = await send('POST', `${baseUrl}/api/messages`, {
    ...base,
    type: 'conversationUpdate',
    id: randomUUID(),
    from: user,
    membersAdded: [user],
  });
  const asked = await send('POST', `${baseUrl}/api/messages`, {
    ...base,
    type: 'message',
    id: randomUUID(),
    from: user,
    text: 'requisitos para la reliquidación',
    timestamp: new Date().toISOString(),
  });
  const replies = asked.status === 200 ? (JSON.parse(asked.text).activities ?? []) : [];
  if (greeting.status !== 200 || replies.length === 0)
    throw new Error(`turn failed: ${greeting.status} ${asked.status} ${asked.text.slice(0, 200)}`);
  return replies.map((a) => a.text ?? '').join(' | ');
}

async function start(entry, dir, port, { profile, npm = false } = {}) {
  // The bench's environment of the full bot (bench/fullBot.ts, built by the build check before this script runs).
  const env = {
    ...fullBotEnv(dir, port),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    STARTUP_TRACE: process.env.STARTUP_TRACE ?? '',
    ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
  };
  const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : [];
  const began = process.hrtime.bigint();
  // npm start runs prepareStart then the bot in a shell: its own process group, so a stop reaches the bot too.
  const [command, args] = npm ? ['npm', ['start', '--silent']] : [process.execPath, [...flags, '--disable-warning=DEP0111', entry]];
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: npm });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while ((await send('GET', `${baseUrl}/healthz`)).status !== 200) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no /healthz: ${stderr}`);
    await sleep(10);
  }
  const readyMs = Number(process.hrtime.bigint() - began) / 1e6;
  const readyCpuMs = npm ? NaN : cpuMs(child.pid);
  const reply = await firstTurn(baseUrl);
  const turnMs = Number(process.hrtime.bigint() - began) / 1e6;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      if (npm) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    });
  return { readyMs, readyCpuMs, turnMs, reply, stop, stderr: () => stderr };
}

/** CPU time (user + system) the process has used so far, in ms, from /proc (Linux); a figure the machine's load hardly changes. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-cold-'));
  try {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'iess.db')}` },
      stdio: 'pipe',
    });
    const port = await freePort();
    const first = await start(ENTRIES[0], dir, port);
    await first.stop();
    process.stdout.write(`first start (seeding): /healthz ${first.readyMs.toFixed(0)} ms, first turn ${first.turnMs.toFixed(0)} ms\n`);
    const figures = ENTRIES.map(() => ({ ready: [], cpu: [], turn: [] }));
    let reply;
    // With several entry points the runs alternate (A, B, A, B…), so each sees the same machine load.
    for (let i = 0; i < RUNS * ENTRIES.length; i += 1) {
      const which = i % ENTRIES.length;
      const run = await start(ENTRIES[which], dir, port, { profile: PROFILE, npm: NPM_START });
      await run.stop();
      if (process.env.STARTUP_TRACE) process.stdout.write(run.stderr());
      figures[which].ready.push(run.readyMs);
      figures[which].cpu.push(run.readyCpuMs);
      figures[which].turn.push(run.turnMs);
      if (reply !== undefined && reply !== run.reply) throw new Error('the first answer changed between runs');
      reply = run.reply;
      process.stdout.write(
        `cold start ${Math.floor(i / ENTRIES.length) + 1} ${path.relative(ROOT, ENTRIES[which])}: /healthz ${run.readyMs.toFixed(0)} ms${Number.isNaN(run.readyCpuMs) ? '' : ` (CPU ${run.readyCpuMs.toFixed(0)} ms)`}, first turn answered ${run.turnMs.toFixed(0)} ms\n`,
      );
    }
    ENTRIES.forEach((entry, which) => {
      const { ready, cpu, turn } = figures[which];
      process.stdout.write(
        `median of ${RUNS} ${path.relative(ROOT, entry)}: /healthz ${median(ready).toFixed(0)} ms${Number.isNaN(median(cpu)) ? '' : ` (CPU ${median(cpu).toFixed(0)} ms)`}, first turn ${median(turn).toFixed(0)} ms\n`,
      );
    });
    process.stdout.write(
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\nfirst answer: ${reply.slice(0, 160)}\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
