import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** What prisma/checkpointer.ts passes to the worker: the SQLite file and when to checkpoint it. */
export interface CheckpointWorkerData {
  /** Absolute path of the database file (its log is `<file>-wal`). */
  file: string;
  /** Time between two PASSIVE checkpoints. */
  intervalMs: number;
  /** Above this size the log is checkpointed with TRUNCATE, which empties the -wal file. */
  truncateBytes: number;
}

/** Messages from the worker: `ready` once its connection is open; `checkpointed` after each pass (tests, diagnostics). */
export type CheckpointWorkerMessage =
  { type: 'ready' } | { type: 'checkpointed'; mode: 'PASSIVE' | 'TRUNCATE'; busy: number; log: number; checkpointed: number };

/** The one row `PRAGMA wal_checkpoint` answers. */
interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

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
 * log into the database nor waits for its fsync. PASSIVE never takes the writer's lock: it copies what no reader needs.
 * A log that keeps growing under steady writes (a writer restarts the log only after a checkpoint that caught up) is
 * emptied with TRUNCATE once it passes `truncateBytes`; the busy timeout is 0, so that checkpoint holds the writer's lock
 * only while it copies the last frames, and gives up at once (next pass) when a writer or reader is in the way.
 * Any error ends the thread: the main thread then gives SQLite its own autocheckpoint back.
 */
function run(data: CheckpointWorkerData): void {
  const port = parentPort;
  if (!port) throw new Error('checkpointWorker runs only as a worker thread');
  const db = new Database(data.file, { fileMustExist: true });
  db.pragma('busy_timeout = 0');
  // Checkpoints by this connection fsync the log before and the database after copying, as SQLite's own do.
  db.pragma('synchronous = NORMAL');
  const checkpoint = (mode: 'PASSIVE' | 'TRUNCATE'): void => {
    const row = db.pragma(`wal_checkpoint(${mode})`, { simple: false }) as CheckpointRow[];
    const { busy, log, checkpointed } = row[0] ?? { busy: 0, log: 0, checkpointed: 0 };
    port.postMessage({ type: 'checkpointed', mode, busy, log, checkpointed } satisfies CheckpointWorkerMessage);
  };
  const timer = setInterval(() => {
    checkpoint('PASSIVE');
    if (walSize(data.file) > data.truncateBytes) checkpoint('TRUNCATE');
  }, data.intervalMs);
  port.on('message', (message: unknown) => {
    if (message !== 'stop') return;
    clearInterval(timer);
    db.close();
    port.close();
  });
  port.postMessage({ type: 'ready' } satisfies CheckpointWorkerMessage);
}

run(workerData as CheckpointWorkerData);
