import Database from 'better-sqlite3';
import fs from 'node:fs';
import { seedDemoData } from '../../prisma/store/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { freePort } from '../helpers/server';
import { startChild, tempDocumentsDir, type ChildService } from './helpers/child';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGTERM while a turn is in flight', () => {
  let db: TestDatabase;
  let documents: string;
  let child: ChildService | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
    documents = tempDocumentsDir();
  });
  afterAll(async () => {
    child?.process.kill('SIGKILL');
    await db.dispose();
    fs.rmSync(documents, { recursive: true, force: true });
  });

  it('finishes the turn in flight, refuses new ones, closes the database and exits 0 within 10 s', async () => {
    // The rollback journal, so another connection's exclusive lock can hold a turn in flight (WAL readers never wait).
    child = await startChild({ port: await freePort(), dbUrl: db.url, documentsDir: documents, env: { SQLITE_JOURNAL_MODE: 'delete' } });
    const base = child.baseUrl;
    const minted = (await (await fetch(`${base}/api/directline/token`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const headers = { Authorization: `Bearer ${minted.token}`, 'Content-Type': 'application/json' };
    const activities = `${base}/v3/directline/conversations/${minted.conversationId}/activities`;
    expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers })).status).toBe(201);
    const message = (text: string) => JSON.stringify({ type: 'message', text, from: { id: 'user', role: 'user' } });

    // Hold the turn in flight: the database is locked for a moment, so the turn waits in the store when SIGTERM comes.
    const locker = new Database(db.url.slice('file:'.length));
    locker.exec('BEGIN EXCLUSIVE');
    const inFlight = fetch(activities, { method: 'POST', headers, body: message('teléfono del IESS') });
    await sleep(400);
    const signalledAt = Date.now();
    child.process.kill('SIGTERM');
    await sleep(600);
    locker.exec('ROLLBACK');
    locker.close();

    while (!child.logs.some((l) => l.event === 'stopping')) await sleep(10);
    const late = await fetch(activities, { method: 'POST', headers, body: message('hola') }).then(
      (r) => r.status,
      () => 'refused',
    );
    expect((await inFlight).status).toBe(200);
    expect([503, 'refused']).toContain(late);
    const exit = await child.exited;
    const tookMs = Date.now() - signalledAt;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(10_000);
    const events = child.logs.map((l) => l.event);
    expect(events).toEqual(expect.arrayContaining(['stopping', 'stopped']));
    // The turn was taken before the stop began and answered after it: SIGTERM waited for it.
    expect(events.indexOf('stopping')).toBeLessThan(events.lastIndexOf('stopped'));

    // The reply of the finished turn is stored; the late message is not; the database was closed cleanly.
    const rows = await db.prisma.dlActivity.findMany({ where: { conversationId: minted.conversationId }, orderBy: { seq: 'asc' } });
    const texts = rows.map((r) => JSON.parse(r.json) as { type: string; from: { role?: string }; text?: string });
    expect(texts.filter((a) => a.type === 'message' && a.from.role === 'user').map((a) => a.text)).toEqual(['teléfono del IESS']);
    expect(texts.at(-1)?.from.role).toBe('bot');
    const file = db.url.slice('file:'.length);
    expect([fs.existsSync(`${file}-journal`), fs.existsSync(`${file}-wal`)]).toEqual([false, false]);
  }, 120_000);
});
