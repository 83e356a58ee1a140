import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** What prisma/checkpointer.ts passes to the worker: the SQLite file and when to checkpoint it. */
export interface CheckpointWorkerData {
  /** Absolute path of the database file (its log is `<file>-wal`). */
  file: string;
  /** Time between two PASSIVE checkpoints. */
  intervalMs: number;
  /** Above this size the worker asks the main thread to empty the log (a TRUNCATE checkpoint). */
  truncateBytes: number;
}

/** The row `PRAGMA wal_checkpoint` answers: 1 if it could not finish, the log's frames, and those copied. */
export interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

/** The result of one checkpoint pass, in pages. */
export interface CheckpointResult extends CheckpointRow {
  mode: 'PASSIVE' | 'TRUNCATE';
}

/**
 * Messages from the worker: `ready` once its connection is open; `checkpointed` after each pass (tests, diagnostics);
 * `truncate` when the log passed its size and the worker waits (no pass) until the main thread answers `resume`.
 */
export type CheckpointWorkerMessage = { type: 'ready' } | { type: 'truncate' } | ({ type: 'checkpointed' } & CheckpointResult);

/** Messages to the worker. */
export type CheckpointWorkerCommand = 'resume' | 'stop';

/** Size of the -wal file in bytes, 0 when it does not exist (SQLite deletes it when the last connection closes). */
function walSize(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * The checkpoint loop, on its own thread with its own connection to the file, so the bot's thread never copies the
 * log into the database nor waits for its fsync. PASSIVE never takes the writer's lock (a turn's transaction that
 * reads, then writes, would get SQLITE_BUSY at once): it copies what no reader needs. Under steady writes a pass
 * rarely catches up, and only a caught-up log is restarted by the next writer, so a log past `truncateBytes` is emptied
 * by the main thread (it owns the only writer, so its TRUNCATE never waits) while this thread pauses.
 * Any error ends the thread: the main thread then gives SQLite its own autocheckpoint back.
 */
function run(data: CheckpointWorkerData): void {
  const port = parentPort;
  if (!port) throw new Error('checkpointWorker runs only as a worker thread');
  const db = new Database(data.file, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  // Checkpoints by this connection fsync the log before and the database after copying, as SQLite's own do.
  db.pragma('synchronous = NORMAL');
  let waiting = false;
  const timer = setInterval(() => {
    if (waiting) return;
    const rows = db.pragma('wal_checkpoint(PASSIVE)', { simple: false }) as CheckpointRow[];
    const { busy, log, checkpointed } = rows[0] ?? { busy: 0, log: 0, checkpointed: 0 };
    port.postMessage({ type: 'checkpointed', mode: 'PASSIVE', busy, log, checkpointed } satisfies CheckpointWorkerMessage);
    if (walSize(data.file) <= data.truncateBytes) return;
    waiting = true;
    port.postMessage({ type: 'truncate' } satisfies CheckpointWorkerMessage);
  }, data.intervalMs);
  port.on('message', (command: CheckpointWorkerCommand) => {
    if (command === 'resume') waiting = false;
    if (command !== 'stop') return;
    clearInterval(timer);
    db.close();
    port.close();
  });
  port.postMessage({ type: 'ready' } satisfies CheckpointWorkerMessage);
}

run(workerData as CheckpointWorkerData);
