import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { createPgAdapter, isPostgresUrl } from './prisma/pgAdapter';

/** Default store: an SQLite file under ./data, the same default the bot uses (bot/config.ts). */
process.env.DATABASE_URL ??= `file:${path.join(__dirname, 'data', 'iess.db')}`;

/**
 * The provider follows DATABASE_URL's scheme: `postgres(ql)://` uses the generated PostgreSQL schema and its own
 * migrations (prisma/postgresql/, from `npm run db:pg:generate`), anything else the SQLite source schema.
 */
const postgres = isPostgresUrl(process.env.DATABASE_URL);
const folder = postgres ? path.join('prisma', 'postgresql') : 'prisma';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(folder, 'schema.prisma'),
  migrations: { path: path.join(folder, 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL as string;
    if (postgres) return createPgAdapter(url);
    fs.mkdirSync(path.dirname(path.resolve(url.replace(/^file:/, ''))), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
