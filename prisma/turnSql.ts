import type Database from 'better-sqlite3';
import type { PrismaClient } from './generated/client';

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

/** The way Prisma's SQLite adapter stores a time (its default `iso8601` format), so raw and model writes compare. */
function sqliteParam(value: TurnSqlParam): string | number | null {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
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

/**
 * Statements straight on the SQLite connection, each prepared once. A statement never runs inside another turn's
 * open Prisma transaction (all turns share the one connection): while one is open it waits, then runs with no await
 * between the check and the call, so a rollback elsewhere can never take a turn's write with it.
 */
class SqliteTurnSql implements TurnSql {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly handle: Database.Database) {}

  /** Runs `work` once no transaction is open, in the same tick as the check (no await between them). */
  private async whenFree<T>(work: () => T): Promise<T> {
    for (let waits = 0; this.handle.inTransaction; waits += 1) {
      await new Promise((resolve) => (waits === 0 ? setImmediate(resolve) : setTimeout(resolve, 1)));
    }
    return work();
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.handle.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all<T>(sql: string, params: readonly TurnSqlParam[]): Promise<T[]> {
    // Writes asked for before this read are committed first, so a read always sees them (statements keep their order).
    return this.whenFree(() => {
      this.commitPending();
      return this.prepared(sql).all(...params.map(sqliteParam)) as T[];
    });
  }

  /** A write joins the next shared commit like a one-statement batch (see {@link SqliteTurnSql.batch}). */
  async run(sql: string, params: readonly TurnSqlParam[]): Promise<number> {
    const [changes] = await this.batch([[sql, params]]);
    return changes;
  }

  /**
   * Batches asked for in the same event-loop iteration (several conversations' appends under load) commit together:
   * one transaction, each batch in its own savepoint, so a batch that fails rolls back alone and rejects alone, and
   * every other one resolves only once the shared commit is done. One commit (and one write of each shared page to
   * the log) instead of one per batch (issue 14, README "Performance").
   */
  batch(statements: readonly TurnStatement[]): Promise<number[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ statements, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private readonly pending: PendingBatch[] = [];

  /** Commits what is pending once no other transaction is open (a read may have committed it already). */
  private async flush(): Promise<void> {
    await this.whenFree(() => this.commitPending());
  }

  /** Runs every pending batch in one transaction, now, and settles each. */
  private commitPending(): void {
    if (this.pending.length === 0) return;
    const batches = this.pending.splice(0);
    const one = this.handle.transaction((statements: readonly TurnStatement[]) =>
      statements.map(([sql, params]) => this.prepared(sql).run(...params.map(sqliteParam)).changes),
    );
    let outcomes: Outcome[];
    try {
      outcomes = this.handle.transaction(() =>
        batches.map((batch): Outcome => {
          try {
            return { batch, changes: one(batch.statements) };
          } catch (error) {
            return { batch, error };
          }
        }),
      )();
    } catch (error) {
      // The shared commit itself failed (a full disk, say): none of the batches is written.
      outcomes = batches.map((batch): Outcome => ({ batch, error }));
    }
    for (const outcome of outcomes) {
      if ('changes' in outcome) outcome.batch.resolve(outcome.changes);
      else outcome.batch.reject(outcome.error);
    }
  }
}

/** A batch waiting for the next shared commit. */
interface PendingBatch {
  statements: readonly TurnStatement[];
  resolve: (changes: number[]) => void;
  reject: (error: unknown) => void;
}

/** How one batch of a shared commit ended. */
type Outcome = { batch: PendingBatch; changes: number[] } | { batch: PendingBatch; error: unknown };

/** Statements through Prisma's raw queries: PostgreSQL, or SQLite before its connection is open. */
class PrismaTurnSql implements TurnSql {
  constructor(
    private readonly db: PrismaClient,
    private readonly postgres: boolean,
  ) {}

  all<T>(sql: string, params: readonly TurnSqlParam[]): Promise<T[]> {
    return this.db.$queryRawUnsafe<T[]>(this.postgres ? numbered(sql) : sql, ...params);
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
    run: (text, params) => pick().run(text, params),
    batch: (statements) => pick().batch(statements),
  };
  turnSqlByClient.set(db, sql);
  return sql;
}
