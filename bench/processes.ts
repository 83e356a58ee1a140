import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

/** A server process started by the benchmark. */
export interface BenchProcess {
  name: string;
  baseUrl: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 on /healthz. */
  readyMs: number;
  /** Resident set size of the process now, in MB (Linux /proc). */
  rssMb(): number;
  stop(): Promise<void>;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function healthStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(1000, () => req.destroy());
  });
}

/** Resolves once GET `url` answers 200, polling every 10 ms; rejects after `timeoutMs` or if the process exits. */
export async function waitForHealthy(url: string, child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}: ${stderr()}`);
    if ((await healthStatus(url)) === 200) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no 200 from ${url} within ${timeoutMs} ms: ${stderr()}`);
}

/** Reads VmRSS of a process from /proc, in MB. */
export function rssOf(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Spawns `command args` with `env`, waits for /healthz on `port`, and returns a handle that can stop it. */
export async function startProcess(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; port: number; timeoutMs?: number },
): Promise<BenchProcess> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  try {
    await waitForHealthy(`${baseUrl}/healthz`, child, options.timeoutMs ?? 300_000, () => errors);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    name,
    baseUrl,
    child,
    readyMs,
    rssMb: () => rssOf(child.pid),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
