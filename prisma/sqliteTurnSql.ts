import type Database from 'better-sqlite3';
import type { TurnSql, TurnSqlParam, TurnStatement } from './turnSql';

/** The way Prisma's SQLite adapter stores a time (its default `iso8601` format), so raw and model writes compare. */
function sqliteParam(value: TurnSqlParam): string | number | null {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Longest a write waits for others to share its commit while the service is busy (README, "Performance"). */
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
 * Group commit: while the service is busy (the last commit carried more than one item), the queue waits for more to
 * join before it commits, as PostgreSQL's `commit_delay` does; a commit has a fixed cost (locks, the log's shared
 * index, the pages every turn touches) that is then paid once for many turns. It waits event-loop iteration by
 * iteration, and commits after the first iteration that added nothing, or after GROUP_COMMIT_MS: under full load
 * every iteration brings more, and the commit carries up to 2 ms of them; with a few conversations, no turn waits
 * for a timer while nothing else is coming. A lone conversation never waits: its commits carry one item each, so they
 * run at the end of the event-loop iteration.
 */
export class SqliteTurnSql implements TurnSql {
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
      if (this.lastCommitItems > 1) this.gather(performance.now(), 1);
      else setImmediate(() => void this.flush());
    });
  }

  /** At the end of this event-loop iteration: commits if it added nothing to the queue or the wait is over, else waits one more. */
  private gather(since: number, seen: number): void {
    setImmediate(() => {
      if (this.pending.length === seen || performance.now() - since >= GROUP_COMMIT_MS) void this.flush();
      else this.gather(since, this.pending.length);
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
