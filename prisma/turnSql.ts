import type Database from 'better-sqlite3';
import type { PrismaClient } from './generated/client';
import { SqliteTurnSql } from './sqliteTurnSql';

/** A value bound to a turn statement: text, a number, a flag, a time or null. */
export type TurnSqlParam = string | number | boolean | Date | null;

/**
 * The few statements every turn runs (conversation state, the handoff and session probes, the topic), on the driver
 * Prisma itself uses and without Prisma's query compiler. Through the model API each costs about 0.5 ms of CPU, and
 * through `$queryRaw` about 0.12 ms; a prepared statement on the same SQLite connection costs about 0.01 ms (issue 14,
 * `npm run bench`). The SQL is written once, with `?` placeholders and quoted identifiers, and runs unchanged on
 * SQLite and (placeholders numbered) on PostgreSQL. Rows come back as plain objects; times as text on SQLite, so read
 * them with {@link timeOf}.
 */
export interface TurnSql {
  /** Every row of a query. */
  all<T>(sql: string, params: readonly TurnSqlParam[]): Promise<T[]>;
  /**
   * A write that returns rows (an upsert's or a delete's RETURNING): on SQLite it joins the next shared commit instead
   * of committing on its own, as `all` would when nothing else waits.
   */
  returning<T>(sql: string, params: readonly TurnSqlParam[]): Promise<T[]>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params: readonly TurnSqlParam[]): Promise<number>;
  /** Runs statements in one transaction, all or none; resolves with the rows each changed. */
  batch(statements: readonly TurnStatement[]): Promise<number[]>;
}

/** One statement of a {@link TurnSql.batch}: its SQL and parameters. */
export type TurnStatement = readonly [sql: string, params: readonly TurnSqlParam[]];

/**
 * True when a turn statement failed on a unique key (SQLite's constraint codes, PostgreSQL's 23505 as Prisma's raw
 * queries report it, or Prisma's P2002), so a caller can tell "taken" from a real failure.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta, message } = error as { code?: unknown; meta?: { code?: unknown }; message?: unknown };
  if (code === 'P2002' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  if (code === 'P2010') return meta?.code === '23505' || (typeof message === 'string' && message.includes('23505'));
  return false;
}

/** True when a turn statement referred to a row that does not exist (a foreign key: SQLite's code, 23503, P2003). */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta, message } = error as { code?: unknown; meta?: { code?: unknown }; message?: unknown };
  if (code === 'P2003' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return true;
  if (code === 'P2010') return meta?.code === '23503' || (typeof message === 'string' && message.includes('23503'));
  return false;
}

/** SQLite connections Prisma opened, by client (filled in by prisma/client.ts when the adapter connects). */
const sqliteHandles = new WeakMap<object, Database.Database>();
/** Clients on PostgreSQL (prisma/client.ts registers them), whose raw statements need numbered placeholders. */
const postgresClients = new WeakSet<object>();

/** Registers the SQLite connection behind a Prisma client, so its turn statements can use it directly. */
export function registerSqliteHandle(client: object, handle: Database.Database): void {
  sqliteHandles.set(client, handle);
}

/** Marks a Prisma client as a PostgreSQL one. */
export function registerPostgresClient(client: object): void {
  postgresClients.add(client);
}

/** A time read by a turn statement: a Date on PostgreSQL, ISO text on SQLite (`YYYY-MM-DD HH:MM:SS` is UTC). */
export function timeOf(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'bigint' || typeof value === 'number') return new Date(Number(value));
  const text = String(value);
  return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(text) ? `${text.replace(' ', 'T')}Z` : text);
}

/** Numbers a statement's `?` placeholders for PostgreSQL (`$1`, `$2`, …); the turn statements hold no literal `?`. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
}

/** Statements through Prisma's raw queries: PostgreSQL, or SQLite before its connection is open. */
class PrismaTurnSql implements TurnSql {
  constructor(
    private readonly db: PrismaClient,
    private readonly postgres: boolean,
  ) {}

  all<T>(sql: string, params: readonly TurnSqlParam[]): Promise<T[]> {
    return this.db.$queryRawUnsafe<T[]>(this.postgres ? numbered(sql) : sql, ...params);
  }

  returning<T>(sql: string, params: readonly TurnSqlParam[]): Promise<T[]> {
    return this.all<T>(sql, params);
  }

  run(sql: string, params: readonly TurnSqlParam[]): Promise<number> {
    return this.db.$executeRawUnsafe(this.postgres ? numbered(sql) : sql, ...params);
  }

  batch(statements: readonly TurnStatement[]): Promise<number[]> {
    return this.db.$transaction(
      statements.map(([sql, params]) => this.db.$executeRawUnsafe(this.postgres ? numbered(sql) : sql, ...params)),
    );
  }
}

/** The turn statements of each client, made once (each keeps its prepared statements). */
const turnSqlByClient = new WeakMap<object, TurnSql>();

/**
 * The turn statements of a client: straight on its SQLite connection once Prisma has opened it, through Prisma's raw
 * queries otherwise. One object per client, so its statements are prepared once whoever asks; cheap to call anywhere.
 */
export function turnSqlOf(db: PrismaClient): TurnSql {
  const known = turnSqlByClient.get(db);
  if (known) return known;
  const fallback = new PrismaTurnSql(db, postgresClients.has(db));
  let direct: SqliteTurnSql | undefined;
  const pick = (): TurnSql => {
    if (direct) return direct;
    const handle = sqliteHandles.get(db);
    if (!handle) return fallback;
    direct = new SqliteTurnSql(handle);
    return direct;
  };
  const sql: TurnSql = {
    all: (text, params) => pick().all(text, params),
    returning: (text, params) => pick().returning(text, params),
    run: (text, params) => pick().run(text, params),
    batch: (statements) => pick().batch(statements),
  };
  turnSqlByClient.set(db, sql);
  return sql;
}
