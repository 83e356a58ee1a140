/**
 * `node dist/bench/directLineStore.js`: CPU time of the Direct Line store's per-message work on a fresh SQLite file
 * (WAL, `synchronous = NORMAL`, as the service runs): one append (`DirectLineStore.append`, about 6 a turn: the
 * user's message and the bot's replies) and the message limit of one posted activity (`DirectLineLimits.message`,
 * the conversation's counter). Prints microseconds per call, the median of 5 passes of 2,000 calls,
 * spread over 200 conversations (README, "Performance").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DIRECTLINE_LIMITS, DirectLineLimits } from '../bot/channels/directline/rateLimit';
import { DirectLineStore } from '../bot/channels/directline/store';
import { createPrismaClient } from '../prisma/client';
import { tuneSqlite } from '../prisma/sqliteTuning';
import { migrateDatabase } from './fullBot';

const CONVERSATIONS = 200;

async function microsPerCall(call: (i: number) => Promise<unknown>, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i += 1) await call(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-dl-bench-'));
  migrateDatabase(dir);
  const url = `file:${path.join(dir, 'iess.db')}`;
  const db = createPrismaClient(url);
  try {
    await tuneSqlite(db, url);
    const store = new DirectLineStore(db);
    // A limit no pass reaches: the statements run as for an allowed message.
    const limits = new DirectLineLimits({ ...DEFAULT_DIRECTLINE_LIMITS, messagesPerConversation: 1e9 }, () => new Date(), db);
    const headers = { header: () => undefined };
    const expiresAt = new Date(Date.now() + 3_600_000);
    const ids: string[] = [];
    for (let i = 0; i < CONVERSATIONS; i += 1) {
      ids.push(await store.createConversation(`bench-${i}`, { tokenHash: `bench-token-${i}`, expiresAt }, 'bench-browser'));
    }
    const calls: Record<string, (i: number) => Promise<unknown>> = {
      'append (one activity)': (i) =>
        store.append(ids[i % CONVERSATIONS], (id) => ({ type: 'message', id, text: `mensaje ${i}`, from: { id: 'bench', name: '' } })),
      'message limit (conversation)': (i) => limits.message(headers, ids[i % CONVERSATIONS]),
    };
    process.stdout.write(`Direct Line store: node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}\n`);
    for (const [name, call] of Object.entries(calls)) {
      await microsPerCall(call, 1000);
      const passes: number[] = [];
      for (let pass = 0; pass < 5; pass += 1) passes.push(await microsPerCall(call, 2000));
      passes.sort((a, b) => a - b);
      process.stdout.write(`${name.padEnd(40)} ${passes[2].toFixed(1).padStart(7)} µs of CPU per call\n`);
    }
  } finally {
    await db.$disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Direct Line store bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
