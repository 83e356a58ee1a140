import Database from 'better-sqlite3';
import fs from 'node:fs';
import { RECUPERAR } from '../../catalog';
import { seedDemoData } from '../../prisma/store/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { DirectLineTestClient } from '../helpers/directLineClient';
import { freePort } from '../helpers/server';
import { startChild, tempDocumentsDir, type ChildService } from './helpers/child';

describe('SIGTERM with checkpoints on a worker thread (WAL)', () => {
  let db: TestDatabase;
  let documents: string;
  let child: ChildService | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemoData(db.prisma, { scryptLogN: 10 });
    // The service's connections are then the only ones: the last to close folds the log into the file and deletes it.
    await db.prisma.$disconnect();
    documents = tempDocumentsDir();
  });
  afterAll(async () => {
    child?.process.kill('SIGKILL');
    await db.dispose();
    fs.rmSync(documents, { recursive: true, force: true });
  });

  it('answers as before, stops the worker, closes the database and exits 0 within 10 s, with every activity stored', async () => {
    child = await startChild({
      port: await freePort(),
      dbUrl: db.url,
      documentsDir: documents,
      env: { SQLITE_CHECKPOINT_INTERVAL_MS: '50' },
    });
    const chat = new DirectLineTestClient(child.baseUrl);
    await chat.start();
    expect((await chat.say('olvidé mi clave')).map((a) => a.text)).toEqual([RECUPERAR.intro, RECUPERAR.pedirIdentificacion]);
    expect((await chat.say('0939336715')).map((a) => a.text)).toEqual([RECUPERAR.pedirFecha]);
    await new Promise((r) => setTimeout(r, 200));

    const signalledAt = Date.now();
    child.process.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    const events = child.logs.map((l) => l.event);
    expect(events).toEqual(expect.arrayContaining(['stopping', 'stopped']));
    expect(events.filter((e) => typeof e === 'string' && e.startsWith('sqlite_'))).toEqual([]);

    const file = db.url.slice('file:'.length);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    const users = reopened
      .prepare(`SELECT "json" FROM "DlActivity" ORDER BY "seq"`)
      .all()
      .map((row) => JSON.parse((row as { json: string }).json) as { type: string; from: { role?: string }; text?: string })
      .filter((a) => a.type === 'message' && a.from.role === 'user')
      .map((a) => a.text);
    reopened.close();
    expect(users).toEqual(['olvidé mi clave', '0939336715']);
  }, 120_000);
});
