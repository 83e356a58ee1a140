/*
 * `npm start`'s first step: builds and migrates only what changed, so a start on a built tree takes about a second.
 * - `prisma generate` runs, for both clients, when a schema changed (or a client is missing);
 * - `tsc` runs when any source file, tsconfig or package file changed since the last build (a fingerprint of
 *   paths, sizes and modification times, kept in dist/.build-stamp);
 * - the NLU model artefact (dist/nlu/model/trained.json, nlu/model/build.ts) is trained after a rebuild, or when it
 *   is missing; it skips itself when its content hash says it is current, and the service trains at start only if
 *   it is absent or stale;
 * - `prisma migrate deploy` runs unless the SQLite database already lists every migration folder as applied
 *   (always for other databases, where the check is Prisma's own).
 * `--build-only` skips the migration step (npm run bench uses it).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
// tests/helpers: the bench starts its PostgreSQL cluster with tests/helpers/postgres.ts.
const SOURCE_DIRS = ['bot', 'core', 'catalog', 'dialogs', 'nlu', 'prisma', 'simulators', 'bench', 'tests/helpers'];
const SOURCE_FILES = ['tsconfig.json', 'package.json', 'package-lock.json'];
const SKIP = new Set([
  path.join(ROOT, 'prisma', 'generated'),
  path.join(ROOT, 'prisma', 'migrations'),
  path.join(ROOT, 'prisma', 'postgresql', 'generated'),
  path.join(ROOT, 'prisma', 'postgresql', 'migrations'),
]);

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (SKIP.has(full)) continue;
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

function fingerprint(files) {
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function unchanged(stampFile, print) {
  try {
    return fs.readFileSync(stampFile, 'utf8') === print;
  } catch {
    return false;
  }
}

function run(command, args, env = process.env) {
  execFileSync(path.join(BIN, command), args, { cwd: ROOT, stdio: 'inherit', env });
}

function generateIfChanged() {
  const stamp = path.join(ROOT, 'dist', '.schema-stamp');
  const schemas = [path.join(ROOT, 'prisma', 'schema.prisma'), path.join(ROOT, 'prisma', 'postgresql', 'schema.prisma')];
  const print = fingerprint(schemas.filter((f) => fs.existsSync(f)));
  const clients = [path.join(ROOT, 'prisma', 'generated', 'client.ts'), path.join(ROOT, 'prisma', 'postgresql', 'generated', 'client.ts')];
  if (clients.every((f) => fs.existsSync(f)) && unchanged(stamp, print)) return false;
  run('prisma', ['generate']);
  // The PostgreSQL client (prisma.config.ts picks its schema by the URL's scheme); prisma/client.ts imports both.
  run('prisma', ['generate'], { ...process.env, DATABASE_URL: 'postgresql://localhost/iess' });
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, print);
  return true;
}

function buildIfChanged(force) {
  const stamp = path.join(ROOT, 'dist', '.build-stamp');
  const files = [...SOURCE_DIRS.flatMap((dir) => walk(path.join(ROOT, dir), [])), ...SOURCE_FILES.map((f) => path.join(ROOT, f))];
  const print = fingerprint(files.filter((f) => fs.existsSync(f)));
  const model = path.join(ROOT, 'dist', 'nlu', 'model', 'trained.json');
  if (!force && fs.existsSync(path.join(ROOT, 'dist', 'bot', 'index.js')) && unchanged(stamp, print)) {
    if (!fs.existsSync(model)) buildNluModel();
    return;
  }
  run('tsc', ['-p', 'tsconfig.json']);
  run('tsc', ['-p', path.join('bench', 'tsconfig.json')]);
  buildNluModel();
  fs.writeFileSync(stamp, print);
}

/** Trains the NLU model artefact unless it is current (it checks its own content hash). */
function buildNluModel() {
  execFileSync(process.execPath, [path.join(ROOT, 'dist', 'nlu', 'model', 'build.js')], { cwd: ROOT, stdio: 'inherit' });
}

/** True when the SQLite file at `url` has every migration folder applied (finished, not rolled back). */
async function sqliteUpToDate(url) {
  const file = path.resolve(ROOT, url.replace(/^file:/, ''));
  if (!fs.existsSync(file)) return false;
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return false;
    const applied = new Set(
      db
        .prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
        .all()
        .map((row) => row.migration_name),
    );
    const folders = fs
      .readdirSync(path.join(ROOT, 'prisma', 'migrations'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    return folders.every((name) => applied.has(name));
  } finally {
    db.close();
  }
}

async function main() {
  const generated = generateIfChanged();
  buildIfChanged(generated);
  if (process.argv.includes('--build-only')) return;
  const url = process.env.DATABASE_URL ?? `file:${path.join(ROOT, 'data', 'iess.db')}`;
  if (url.startsWith('file:') && (await sqliteUpToDate(url))) return;
  run('prisma', ['migrate', 'deploy']);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
