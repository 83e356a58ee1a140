import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startProcess, type BenchProcess } from './processes';

/** The repository root (this file runs from dist/bench). */
export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * The environment of the full bot: its own database (a SQLite file in `dir`, or `databaseUrl`) and folders, loopback,
 * local Bot Framework endpoint, quiet logs. On PostgreSQL the service requires a shared APP_SECRET: a fixed one here.
 */
export function fullBotEnv(dir: string, port: number, databaseUrl?: string): NodeJS.ProcessEnv {
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
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, APP_SECRET: 'bench-secret-not-for-production-0123456789abcdef' } : {}),
  };
}

/** With BENCH_CPU_PROF=<folder>, the full bot writes a V8 CPU profile there when it stops (node --cpu-prof). */
function profileFlags(): string[] {
  const folder = process.env.BENCH_CPU_PROF;
  return folder ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(folder)}`] : [];
}

/** Applies the migrations to a fresh SQLite file in `dir`, as `npm start` would. */
export function migrateDatabase(dir: string): void {
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'iess.db')}` },
    stdio: 'pipe',
  });
}

/**
 * Starts `node dist/bot/index.js` on `port` with the database and folders in `dir` (or the database `databaseUrl`).
 * `inspectPort` opens the V8 inspector on loopback (the memory check forces garbage collections and reads the heap
 * through it).
 */
export function startFullBot(dir: string, port: number, inspectPort?: number, databaseUrl?: string): Promise<BenchProcess> {
  const inspect = inspectPort === undefined ? [] : [`--inspect=127.0.0.1:${inspectPort}`];
  const args = [...profileFlags(), ...inspect, '--disable-warning=DEP0111', path.join(ROOT, 'dist', 'bot', 'index.js')];
  return startProcess('full', process.execPath, args, { cwd: ROOT, env: fullBotEnv(dir, port, databaseUrl), port });
}
