import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startPostgres, type PostgresCluster } from '../helpers/postgres';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'pg-schema.mjs');

/** Exit code and stderr of a command that may fail. */
async function exitOf(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: ROOT, env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the PostgreSQL schema stays in step with the source schema', () => {
  it('prisma/postgresql/schema.prisma is what `npm run db:pg:generate` makes of prisma/schema.prisma', async () => {
    expect(await exitOf('node', [SCRIPT, '--check'])).toMatchObject({ code: 0 });
  });

  it('a model added to the source without regenerating is caught', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-drift-'));
    const changed = path.join(dir, 'schema.prisma');
    fs.writeFileSync(
      changed,
      `${fs.readFileSync(path.join(ROOT, 'prisma', 'schema.prisma'), 'utf8')}\nmodel Drift {\n  id String @id\n}\n`,
    );
    try {
      const result = await exitOf('node', [SCRIPT, '--check'], { IESS_SCHEMA_SOURCE: changed });
      expect(result.code).toBe(1);
      expect(result.output).toContain('npm run db:pg:generate');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on a real PostgreSQL', () => {
    let cluster: PostgresCluster;
    beforeAll(async () => {
      cluster = await startPostgres();
    }, 120_000);
    afterAll(async () => cluster?.stop());

    it('the PostgreSQL migrations build exactly the PostgreSQL schema (shadow database through the adapter)', async () => {
      const result = await exitOf(
        path.join(ROOT, 'node_modules', '.bin', 'prisma'),
        [
          'migrate',
          'diff',
          '--from-migrations',
          'prisma/postgresql/migrations',
          '--to-schema-datamodel',
          'prisma/postgresql/schema.prisma',
          '--exit-code',
        ],
        { DATABASE_URL: cluster.urlOf('postgres') },
      );
      expect(result).toMatchObject({ code: 0 });
      expect(result.output).toContain('No difference detected');
    }, 120_000);

    it('migrate deploy then migrate status on PostgreSQL: every migration applied (the CLI reads `name` columns)', async () => {
      const url = await cluster.createMigratedDatabase('iess_status');
      const status = await exitOf(path.join(ROOT, 'node_modules', '.bin', 'prisma'), ['migrate', 'status'], { DATABASE_URL: url });
      expect(status.output).toContain('Database schema is up to date');
      expect(status.code).toBe(0);
    }, 120_000);
  });
});
