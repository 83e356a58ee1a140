import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { freePort } from '../../bench/processes';

const run = promisify(execFile);
/** The project root (the folder of package.json), from tests/helpers or from its build in dist/tests/helpers. */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
}
const PROJECT = projectRoot();

/** Debian's PostgreSQL binaries (package `postgresql`); PG_BIN overrides the folder. */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A PostgreSQL cluster private to one test file: its own temp folder and loopback port. */
export interface PostgresCluster {
  port: number;
  /** URL of a database of this cluster. */
  urlOf(database: string): string;
  /** Creates an empty database and applies prisma/postgresql/migrations with the real Prisma CLI. */
  createMigratedDatabase(database: string): Promise<string>;
  stop(): Promise<void>;
}

/** A migrated database on a private cluster, with a client, as tests/helpers/db.ts gives for SQLite. */
export interface PostgresTestDatabase {
  cluster: PostgresCluster;
  prisma: PrismaClient;
  url: string;
  dispose(): Promise<void>;
}

/** True when this machine has the PostgreSQL server binaries. */
export function postgresAvailable(): boolean {
  return fs.existsSync(path.join(PG_BIN, 'initdb'));
}

/** initdb and postgres refuse to run as root: as root (CI), the cluster runs as the `postgres` system user. */
function asClusterUser(bin: string, args: string[]): [string, string[]] {
  const full = path.join(PG_BIN, bin);
  return process.getuid?.() === 0 ? ['runuser', ['-u', process.env.PG_USER ?? 'postgres', '--', full, ...args]] : [full, args];
}

async function pg(bin: string, args: string[]): Promise<void> {
  const [command, argv] = asClusterUser(bin, args);
  await run(command, argv, { timeout: 60_000 });
}

/** Runs `prisma migrate deploy` (the CLI, through prisma.config.ts and its PostgreSQL adapter) against `url`. */
export async function migratePostgres(url: string): Promise<string> {
  const { stdout } = await run(path.join(PROJECT, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: PROJECT,
    env: { ...process.env, DATABASE_URL: url },
    timeout: 120_000,
  });
  return stdout;
}

/** The settings of a test cluster: nothing here must survive a power cut. */
const THROWAWAY = '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';

/**
 * Starts a throwaway cluster (initdb, pg_ctl) in a temp folder on a free loopback port: trust authentication on
 * loopback only, user `iess`, and `settings` (server options; default: fsync off). The benchmark (bench/run.ts,
 * `--postgres`) passes its own.
 */
export async function startPostgres(settings = THROWAWAY): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-pg-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', process.env.PG_USER ?? 'postgres']);
    const uid = Number(stdout.trim());
    fs.chownSync(dir, uid, uid);
    fs.chmodSync(dir, 0o700);
  }
  const port = await freePort();
  await pg('initdb', ['-D', data, '-U', 'iess', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${settings}`;
  await pg('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const urlOf = (database: string): string => `postgresql://iess@127.0.0.1:${port}/${database}`;
  return {
    port,
    urlOf,
    async createMigratedDatabase(database) {
      const admin = new Client({ host: '127.0.0.1', port, user: 'iess', database: 'postgres' });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
      } finally {
        await admin.end();
      }
      const url = urlOf(database);
      await migratePostgres(url);
      return url;
    },
    async stop() {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a cluster with one migrated database and a Prisma client on it; `dispose` stops everything. */
export async function createPostgresTestDatabase(): Promise<PostgresTestDatabase> {
  const cluster = await startPostgres();
  try {
    const url = await cluster.createMigratedDatabase('iess_test');
    const prisma = createPrismaClient(url);
    return {
      cluster,
      prisma,
      url,
      async dispose() {
        await prisma.$disconnect();
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
