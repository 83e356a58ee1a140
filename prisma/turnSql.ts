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

/** How long a write waits for others to share its commit while the service is busy (README, "Performance"). */
const GROUP_COMMIT_MS = 2;

/**
 * Statements straight on the SQLite connection, each prepared once. A statement never runs inside another turn's
 * open Prisma transaction (all turns share the one connection): while one is open it waits, then runs with no await
 * between the check and the call, so a rollback elsewhere can never take a turn's write with it.
 *
 * Writes are shared: every write asked for in the same event-loop iteration (several conversations' appends, rate
 * counters and states under load) joins one queue that commits in one transaction at the end of the iteration, each
 * batch in its own savepoint, so a batch that fails rolls back and rejects alone and every other one resolves only
 * once the shared commit is done: one commit, and one write of each shared page to the log, instead of one each
 * (issue 14, README "Performance"). A read asked for while writes wait joins the same queue behind them, so every
 * statement runs in the order it was asked and a read sees the writes asked for before it; with nothing waiting it
 * runs at once.
 *
 * Group commit: while the service is busy (the last commit carried more than one item), the queue waits
 * GROUP_COMMIT_MS for more to join before it commits, as PostgreSQL's `commit_delay` does; a commit has a fixed cost
 * (locks, the log's shared index, the pages every turn touches) that is then paid once for many turns. A lone
 * conversation never waits: its commits carry one item each, so they run at the end of the event-loop iteration.
 */
class SqliteTurnSql implements TurnSql {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly pending: Queued[] = [];
  /** Items the last commit carried: more than one means other turns are under way, and the next commit waits. */
  private lastCommitItems = 0;
  /** One batch: its statements all or none (a savepoint inside the shared transaction). */
  private readonly savepoint: (statements: readonly TurnStatement[]) => number[];
  /** The shared transaction: every queued item in order, each settled by its own outcome. */
  private readonly shared: (items: readonly Queued[]) => Outcome[];

  constructor(private readonly handle: Database.Database) {
    this.savepoint = handle.transaction((statements: readonly TurnStatement[]) =>
      statements.map(([sql, params]) => this.prepared(sql).run(...params.map(sqliteParam)).changes),
    );
    this.shared = handle.transaction((items: readonly Queued[]) => items.map((item) => this.execute(item)));
  }

  all<T>(sql: string, params: readonly TurnSqlParam[]): Promise<T[]> {
    if (this.pending.length === 0 && !this.handle.inTransaction) {
      try {
        return Promise.resolve(this.prepared(sql).all(...params.map(sqliteParam)) as T[]);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.enqueue<T[]>({ kind: 'rows', sql, params });
  }

  returning<T>(sql: string, params: readonly TurnSqlParam[]): Promise<T[]> {
    return this.enqueue<T[]>({ kind: 'rows', sql, params });
  }

  /** A write joins the next shared commit like a one-statement batch (see {@link SqliteTurnSql.batch}). */
  async run(sql: string, params: readonly TurnSqlParam[]): Promise<number> {
    const [changes] = await this.batch([[sql, params]]);
    return changes;
  }

  batch(statements: readonly TurnStatement[]): Promise<number[]> {
    return this.enqueue<number[]>({ kind: 'batch', statements });
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.handle.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private enqueue<T>(work: Work): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ ...work, resolve: resolve as (value: unknown) => void, reject });
      if (this.pending.length > 1) return;
      if (this.lastCommitItems > 1) setTimeout(() => void this.flush(), GROUP_COMMIT_MS);
      else setImmediate(() => void this.flush());
    });
  }

  /** Commits the queue once no other transaction is open, with no await between the check and the commit. */
  private async flush(): Promise<void> {
    for (let waits = 0; this.handle.inTransaction; waits += 1) {
      await new Promise((resolve) => (waits === 0 ? setImmediate(resolve) : setTimeout(resolve, 1)));
    }
    this.commitPending();
  }

  /** One item inside the shared transaction: a batch in its savepoint, a single statement as it is (atomic alone). */
  private execute(item: Queued): Outcome {
    try {
      if (item.kind === 'rows') return { item, value: this.prepared(item.sql).all(...item.params.map(sqliteParam)) };
      if (item.statements.length === 1) {
        const [sql, params] = item.statements[0];
        return { item, value: [this.prepared(sql).run(...params.map(sqliteParam)).changes] };
      }
      return { item, value: this.savepoint(item.statements) };
    } catch (error) {
      return { item, error };
    }
  }

  /** Runs every queued item in one transaction, now, and settles each. */
  private commitPending(): void {
    if (this.pending.length === 0) return;
    const items = this.pending.splice(0);
    this.lastCommitItems = items.length;
    let outcomes: Outcome[];
    try {
      outcomes = this.shared(items);
    } catch (error) {
      // The shared commit itself failed (a full disk, say): nothing queued is written, and no read of it stands.
      outcomes = items.map((item): Outcome => ({ item, error }));
    }
    for (const outcome of outcomes) {
      if ('value' in outcome) outcome.item.resolve(outcome.value);
      else outcome.item.reject(outcome.error);
    }
  }
}

/** What a queued item runs: a batch of writes, or one statement whose rows it returns (a read, an upsert's RETURNING). */
type Work = { kind: 'batch'; statements: readonly TurnStatement[] } | { kind: 'rows'; sql: string; params: readonly TurnSqlParam[] };

/** An item waiting for the next shared commit, with how to settle it. */
type Queued = Work & { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** How one item of a shared commit ended. */
type Outcome = { item: Queued; value: unknown } | { item: Queued; error: unknown };

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
