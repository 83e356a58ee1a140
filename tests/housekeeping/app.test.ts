import fs from 'node:fs';
import path from 'node:path';
import { LocalFolderStorage } from '../../bot/fileStorage';
import { startTestServer, type TestServer } from '../helpers/server';

describe('housekeeping wired into the running service', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.stop());

  it('prunes an old unfiled document with its file from the configured documents folder, once per period', async () => {
    // startTestServer puts the outbox folder inside DOCUMENTS_DIR.
    const root = path.join(path.dirname(s.outboxDir), 'documentos');
    const storageKey = await new LocalFolderStorage(root).save(Buffer.from('%PDF-1.4 prueba'));
    const afiliado = await s.db.prisma.afiliado.findFirstOrThrow();
    await s.db.prisma.document.create({
      data: {
        afiliadoId: afiliado.id,
        tipo: 'solicitud',
        nombreOriginal: 's.pdf',
        mediaType: 'application/pdf',
        size: 15,
        sha256: 'x',
        storageKey,
        createdAt: new Date(Date.now() - 3 * 24 * 3_600_000),
      },
    });
    expect(await s.app.housekeeping.runIfDue()).toMatchObject({ unfiledDocuments: 1, documentFiles: 1 });
    expect(fs.existsSync(path.join(root, storageKey))).toBe(false);
    expect(await s.app.housekeeping.runIfDue()).toBeUndefined();
    expect(await s.db.prisma.jobLease.findUniqueOrThrow({ where: { name: 'housekeeping' } })).toMatchObject({ holder: expect.any(String) });
  });
});
