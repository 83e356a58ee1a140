import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client';
import { PrismaClient as PostgresPrismaClient } from './postgresql/generated/client';
import { createPgAdapter, isPostgresUrl } from './pgAdapter';

export type { PrismaClient } from './generated/client';
export { isPostgresUrl } from './pgAdapter';

/**
 * Opens the store behind a driver adapter (no native query engine), so it runs offline on Node 20. The URL's scheme
 * picks the store: `postgres(ql)://` opens PostgreSQL through the client generated from prisma/postgresql/schema.prisma,
 * anything else (`file:`) SQLite. Both clients come from one source schema (scripts/pg-schema.mjs), so they have the
 * same models and the store code is written once against the SQLite client's types.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  if (isPostgresUrl(databaseUrl)) {
    const client = new PostgresPrismaClient({ adapter: createPgAdapter(databaseUrl) });
    return client as unknown as PrismaClient;
  }
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl });
  return new PrismaClient({ adapter });
}
