import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import type Database from 'better-sqlite3';
import { PrismaClient } from './generated/client';
import { PrismaClient as PostgresPrismaClient } from './postgresql/generated/client';
import { createPgAdapter, isPostgresUrl } from './pgAdapter';
import { registerPostgresClient, registerSqliteHandle } from './turnSql';
import { rememberSqliteConnection } from './sqliteConnection';

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
    registerPostgresClient(client);
    return client as unknown as PrismaClient;
  }
  // The factory is wrapped only to learn the SQLite connection Prisma opens, so the turn statements
  // (prisma/turnSql.ts) run on that same connection, prepared once.
  const factory = new PrismaBetterSQLite3({ url: databaseUrl });
  const opened: { client?: PrismaClient } = {};
  const adapter: NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter'] = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      const handle = (connection as unknown as { client?: Database.Database }).client;
      if (opened.client && handle) {
        registerSqliteHandle(opened.client, handle);
        rememberSqliteConnection(opened.client, handle);
      }
      return connection;
    },
  };
  opened.client = new PrismaClient({ adapter });
  return opened.client;
}
