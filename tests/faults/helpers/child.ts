import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_SECRET } from '../../helpers/dialogHarness';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The service running as a child process (bot/index.ts, the real entry point), with its log lines. */
export interface ChildService {
  process: ChildProcess;
  baseUrl: string;
  /** JSON log lines written so far on stdout. */
  logs: Record<string, unknown>[];
  /** Resolves with the exit code and signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `bot/index.ts` on `port` over the SQLite file `dbUrl` and resolves once GET /healthz answers 200. */
export async function startChild(options: {
  port: number;
  dbUrl: string;
  documentsDir: string;
  env?: NodeJS.ProcessEnv;
}): Promise<ChildService> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, [path.join(__dirname, 'runTs.js'), path.join(ROOT, 'bot', 'index.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(options.port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: baseUrl,
      DATABASE_URL: options.dbUrl,
      SEED_DEMO: 'false',
      DOCUMENTS_DIR: options.documentsDir,
      MAIL_OUTBOX_DIR: path.join(options.documentsDir, 'outbox'),
      BOTFRAMEWORK_ENDPOINT: 'local',
      APP_SECRET: TEST_SECRET,
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 40_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The service exited at start: ${stderr.slice(0, 2000)}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { process: child, baseUrl, logs, exited };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The service did not answer /healthz: ${stderr.slice(0, 2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A temporary documents folder for a child service. */
export function tempDocumentsDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'iess-fault-docs-'));
}
