import fs from 'node:fs';
import { RECUPERAR } from '../../catalog';
import { seedDemoData } from '../../prisma/store/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { DirectLineTestClient } from '../helpers/directLineClient';
import { freePort } from '../helpers/server';
import { startChild, tempDocumentsDir, type ChildService } from './helpers/child';

describe('kill -9 in the middle of a dialog', () => {
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

  it('resumes the web chat conversation at the same question after a restart, with an intact database', async () => {
    const port = await freePort();
    child = await startChild({ port, dbUrl: db.url, documentsDir: documents });
    const chat = new DirectLineTestClient(child.baseUrl);
    await chat.start();
    expect((await chat.say('olvidé mi clave')).map((a) => a.text)).toEqual([RECUPERAR.intro, RECUPERAR.pedirIdentificacion]);
    expect((await chat.say('0939336715')).map((a) => a.text)).toEqual([RECUPERAR.pedirFecha]);

    child.process.kill('SIGKILL');
    expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(child.logs.some((l) => l.event === 'stopping')).toBe(false);

    child = await startChild({ port, dbUrl: db.url, documentsDir: documents });
    // Same browser, same token: the conversation, its token and its dialog state are in the store.
    expect((await chat.say('21/11')).map((a) => a.text)).toEqual([RECUPERAR.pedirEmpleador]);
    const integrity = await db.prisma.$queryRawUnsafe<{ integrity_check: string }[]>('PRAGMA integrity_check');
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);
  }, 120_000);
});
