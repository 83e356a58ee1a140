import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { PrismaClient } from './generated/client';
import type { CheckpointResult, CheckpointRow, CheckpointWorkerCommand, CheckpointWorkerMessage } from './checkpointWorker';
import { spawnWorker, whenReady } from './checkpointThread';
import { sqliteConnectionOf } from './sqliteConnection';

/** SQLite's own autocheckpoint threshold (pages), given back to the main connection whenever the worker is not running. */
export const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** The log size above which it is emptied with a TRUNCATE checkpoint (16 MB: 4,096 pages of 4 KB). */
export const CHECKPOINT_TRUNCATE_BYTES = 16 * 1024 * 1024;

/** What the checkpointer logs: a warning when it falls back to SQLite's autocheckpoint (the service's pino logger). */
export interface CheckpointLogger {
  warn(event: string, fields?: Record<string, unknown>): void;
}

export type { CheckpointResult } from './checkpointWorker';

/** Options of {@link startSqliteCheckpointer}. */
export interface SqliteCheckpointerOptions {
  prisma: PrismaClient;
  databaseUrl: string;
  journalMode: 'wal' | 'delete';
  /** Time between two checkpoints (SQLITE_CHECKPOINT_INTERVAL_MS); 0 leaves checkpoints to SQLite. */
  intervalMs: number;
  logger: CheckpointLogger;
  truncateBytes?: number;
  /** How long the worker may take to open its connection before SQLite keeps its autocheckpoint (default 5 s). */
  startTimeoutMs?: number;
  /** Called after every checkpoint, the worker's and the main thread's (tests and diagnostics). */
  onCheckpoint?: (result: CheckpointResult) => void;
}

/** The checkpointer: `worker` is set while the worker thread is starting or running. */
export interface SqliteCheckpointer {
  readonly worker: Worker | undefined;
  /** Resolves true once checkpoints run on the worker (autocheckpoint 0), false if they stay with SQLite. */
  readonly ready: Promise<boolean>;
  /** Ends the worker and gives the main connection its autocheckpoint back (before the database is closed). */
  stop(): Promise<void>;
}

/** The checkpointer when there is nothing to do: PostgreSQL, the rollback journal, interval 0, or a failed start. */
const NO_CHECKPOINTER: SqliteCheckpointer = { worker: undefined, ready: Promise.resolve(false), stop: async () => undefined };

/** Sets the main connection's autocheckpoint (pages; 0 = never) on the connection the turns use, if still open. */
function setAutocheckpoint(connection: Database.Database, pages: number): void {
  if (connection.open) connection.pragma(`wal_autocheckpoint = ${pages}`);
}

/**
 * Empties the log from the main connection when the worker asks (its passes did not catch up under steady writes).
 * It is the only writer and the worker is paused, so with the busy timeout at 0 for this one statement it never waits:
 * it copies the few frames written since the worker's pass, fsyncs, and truncates the -wal file, or gives up (another
 * process reading, or a turn's transaction open on this connection) and the worker asks again after its next pass.
 */
function truncateLog(connection: Database.Database): CheckpointResult | undefined {
  if (connection.inTransaction) return undefined;
  const busyTimeout = Number(connection.pragma('busy_timeout', { simple: true }));
  connection.pragma('busy_timeout = 0');
  try {
    // Prisma's connection reads integers as BigInt.
    const [row] = connection.pragma('wal_checkpoint(TRUNCATE)', { simple: false }) as Record<keyof CheckpointRow, number | bigint>[];
    return { mode: 'TRUNCATE', busy: Number(row?.busy ?? 1), log: Number(row?.log ?? -1), checkpointed: Number(row?.checkpointed ?? -1) };
  } finally {
    connection.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/**
 * Moves SQLite's WAL checkpoints off the bot's only thread (issue 14): with `wal_autocheckpoint`, the commit that
 * crosses 1,000 pages copies the log into the database and waits for its fsync on the turn thread, about half of the
 * store's write cost. Here a worker thread with its own connection checkpoints (PASSIVE) every `intervalMs` while the
 * main connection's autocheckpoint is 0; when steady writes keep the log from restarting and it passes `truncateBytes`,
 * the main connection empties it once (TRUNCATE, mostly copied already). If the worker cannot start, fails or exits, the main connection gets its
 * autocheckpoint (1,000 pages) back and a warning is logged: no write is lost either way, since a checkpoint only
 * copies committed pages. The start does not wait for the thread (`ready` says when it runs). SQLite files in WAL
 * mode only; anything else gets a checkpointer that does nothing.
 */
export function startSqliteCheckpointer(options: SqliteCheckpointerOptions): SqliteCheckpointer {
  const { databaseUrl, logger, onCheckpoint } = options;
  if (!databaseUrl.startsWith('file:') || options.journalMode !== 'wal' || options.intervalMs <= 0) return NO_CHECKPOINTER;
  const connection = sqliteConnectionOf(options.prisma);
  const notStarted = (error: unknown): false => {
    logger.warn('sqlite_checkpointer_not_started', { error: String(error), autocheckpointPages: SQLITE_AUTOCHECKPOINT_PAGES });
    return false;
  };
  if (!connection) return { ...NO_CHECKPOINTER, ready: Promise.resolve(notStarted('the SQLite connection is not open')) };
  // The adapter opens the URL without `file:`, relative to the working directory; the worker opens the same file.
  const file = path.resolve(databaseUrl.replace(/^file:/, ''));
  let worker: Worker;
  try {
    worker = spawnWorker({ file, intervalMs: options.intervalMs, truncateBytes: options.truncateBytes ?? CHECKPOINT_TRUNCATE_BYTES });
  } catch (error) {
    return { ...NO_CHECKPOINTER, ready: Promise.resolve(notStarted(error)) };
  }
  // The start does not wait for the thread (100–300 ms): SQLite checkpoints as before until it is ready.
  let state: 'starting' | 'running' | 'ended' = 'starting';
  const end = (): void => {
    state = 'ended';
    void worker.terminate();
  };
  // Whatever ends a running worker, SQLite's own autocheckpoint comes back at once (the same step as the notice).
  const fallBack = (reason: string): void => {
    if (state !== 'running') return;
    end();
    setAutocheckpoint(connection, SQLITE_AUTOCHECKPOINT_PAGES);
    logger.warn('sqlite_checkpointer_stopped', { reason, autocheckpointPages: SQLITE_AUTOCHECKPOINT_PAGES });
  };
  worker.on('error', (error) => fallBack(String(error)));
  worker.on('exit', (code) => fallBack(`exit ${code}`));
  worker.on('message', (message: CheckpointWorkerMessage) => {
    if (message.type === 'checkpointed') onCheckpoint?.(message);
    if (message.type !== 'truncate' || state !== 'running') return;
    try {
      const result = truncateLog(connection);
      if (result) onCheckpoint?.(result);
    } catch (error) {
      logger.warn('sqlite_truncate_failed', { error: String(error) });
    }
    worker.postMessage('resume' satisfies CheckpointWorkerCommand);
  });
  worker.unref();
  const ready = whenReady(worker, options.startTimeoutMs ?? 5000).then(
    () => {
      if (state !== 'starting') return false;
      try {
        setAutocheckpoint(connection, 0);
      } catch (error) {
        end();
        return notStarted(error);
      }
      state = 'running';
      return true;
    },
    (error: unknown) => {
      if (state !== 'starting') return false;
      end();
      return notStarted(error);
    },
  );
  return {
    get worker() {
      return state === 'ended' ? undefined : worker;
    },
    ready,
    async stop() {
      if (state === 'ended') return;
      if (state === 'running') setAutocheckpoint(connection, SQLITE_AUTOCHECKPOINT_PAGES);
      state = 'ended';
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop' satisfies CheckpointWorkerCommand);
      // The worker closes its connection and ends; one stuck in a long checkpoint (or still starting) is ended after a second.
      const timer = setTimeout(() => void worker.terminate(), 1000);
      await exited;
      clearTimeout(timer);
    },
  };
}
