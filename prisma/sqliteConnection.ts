import type Database from 'better-sqlite3';

/** The SQLite connection Prisma opened for each client (prisma/client.ts records it when the adapter connects). */
const connections = new WeakMap<object, Database.Database>();

/** Records the better-sqlite3 connection behind a Prisma client, for settings that must change synchronously. */
export function rememberSqliteConnection(client: object, connection: Database.Database): void {
  connections.set(client, connection);
}

/**
 * The better-sqlite3 connection behind a Prisma client, once it has connected; undefined for PostgreSQL or before
 * the first query. The checkpointer (prisma/checkpointer.ts) changes its pragmas on it in one synchronous step.
 */
export function sqliteConnectionOf(client: object): Database.Database | undefined {
  return connections.get(client);
}
