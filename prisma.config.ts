import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

/** Default store: an SQLite file under ./data, the same default the bot uses (bot/config.ts). */
process.env.DATABASE_URL ??= `file:${path.join(__dirname, 'data', 'iess.db')}`;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL as string;
    fs.mkdirSync(path.dirname(path.resolve(url.replace(/^file:/, ''))), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
