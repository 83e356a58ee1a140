#!/usr/bin/env node
/* global console */
// Generates the PostgreSQL schema (prisma/postgresql/schema.prisma) from the one source schema (prisma/schema.prisma),
// and writes the next PostgreSQL migration from the difference with the schema it replaces.
// Prisma cannot take the provider from the environment, so the second schema is derived, never edited by hand.
//
//   node scripts/pg-schema.mjs [name]   regenerate; a new migration prisma/postgresql/migrations/<ts>_<name> if changed
//   node scripts/pg-schema.mjs --check  exit 1 when the committed PostgreSQL schema is not the one the source gives
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// IESS_SCHEMA_SOURCE: another source schema, for the test that shows a drift is caught.
const source = process.env.IESS_SCHEMA_SOURCE ?? path.join(root, 'prisma', 'schema.prisma');
const folder = path.join(root, 'prisma', 'postgresql');
const target = path.join(folder, 'schema.prisma');
const migrations = path.join(folder, 'migrations');
const prismaBin = path.join(root, 'node_modules', '.bin', 'prisma');

const HEADER = '// GENERATED from prisma/schema.prisma by `npm run db:pg:generate`: do not edit. The PostgreSQL store.\n';

/** The source schema with the PostgreSQL provider and its own client output; everything else is kept as written. */
export function postgresSchema(text) {
  const withProvider = text.replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  if (withProvider === text) throw new Error('prisma/schema.prisma: no `provider = "sqlite"` in the datasource block.');
  const withOutput = withProvider.replace(/(generator\s+client\s*\{[^}]*output\s*=\s*)"[^"]*"/, '$1"./generated"');
  if (withOutput === withProvider && !/output\s*=\s*"\.\/generated"/.test(withProvider)) {
    throw new Error('prisma/schema.prisma: no `output` in the generator block.');
  }
  return HEADER + withOutput;
}

/** UTC timestamp as Prisma names migration folders: YYYYMMDDHHMMSS. */
function timestamp(date = new Date()) {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function withoutDatabaseUrl(env) {
  const copy = { ...env };
  delete copy.DATABASE_URL;
  return copy;
}

/** The SQL that turns the `from` schema (or an empty database) into `to`, from Prisma's own differ (no database). */
function diff(fromText, toFile) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-pgschema-'));
  try {
    const fromArgs = fromText === undefined ? ['--from-empty'] : ['--from-schema-datamodel', path.join(tmp, 'old.prisma')];
    if (fromText !== undefined) fs.writeFileSync(path.join(tmp, 'old.prisma'), fromText);
    return execFileSync(prismaBin, ['migrate', 'diff', ...fromArgs, '--to-schema-datamodel', toFile, '--script'], {
      cwd: root,
      encoding: 'utf8',
      // Two datamodels need no database: the default (SQLite) configuration is enough to load the CLI.
      env: withoutDatabaseUrl(process.env),
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main(args) {
  const expected = postgresSchema(fs.readFileSync(source, 'utf8'));
  const previous = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
  if (args[0] === '--check') {
    if (previous === expected) return 0;
    console.error('prisma/postgresql/schema.prisma is out of step with prisma/schema.prisma: run `npm run db:pg:generate`.');
    return 1;
  }
  const name = (args[0] ?? 'sync').replace(/[^a-z0-9_]/gi, '_');
  fs.mkdirSync(migrations, { recursive: true });
  fs.writeFileSync(target, expected);
  fs.writeFileSync(path.join(migrations, 'migration_lock.toml'), '# Written by scripts/pg-schema.mjs\nprovider = "postgresql"\n');
  const hasMigrations = fs.readdirSync(migrations).some((entry) => /^\d{14}_/.test(entry));
  const sql = diff(hasMigrations ? previous : undefined, target);
  if (!/^\s*(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE)/im.test(sql)) {
    console.log('PostgreSQL schema regenerated; no change to migrate.');
    return 0;
  }
  const dir = path.join(migrations, `${timestamp()}_${name}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  console.log(`PostgreSQL migration written: ${path.relative(root, dir)}/migration.sql`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2));
}
