import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseFileStorage, FileStorageError, LocalFolderStorage } from '../../bot/fileStorage';
import { silentLogger } from '../../bot/logger';
import { STORAGE_UNAVAILABLE_MESSAGE } from '../../catalog';
import { createReceiveDocument } from '../../core/usecases/receiveDocument';
import { createPrismaClient, type PrismaClient } from '../../prisma/client';
import { recordDocument } from '../../prisma/store/documents';
import { hitRateLimit } from '../../prisma/store/rateLimits';
import { seedDemoData } from '../../prisma/store/seed';
import { makeJpeg } from '../helpers/documentFiles';
import { FIXED_NOW } from '../helpers/dialogHarness';
import { createPostgresTestDatabase, type PostgresTestDatabase } from '../helpers/postgres';

/** A real PostgreSQL "disk full" (SQLSTATE 53100) on every new stored file, as the server raises it when out of space. */
const DISK_FULL = `
CREATE FUNCTION iess_disk_full() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$ LANGUAGE plpgsql;
CREATE TRIGGER iess_disk_full BEFORE INSERT ON "StoredFile" FOR EACH ROW EXECUTE FUNCTION iess_disk_full();`;

describe('documents readable by every instance, and a full storage refused with nothing half-written', () => {
  let db: PostgresTestDatabase;
  let other: PrismaClient;
  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    other = createPrismaClient(db.url);
    await seedDemoData(db.prisma, { scryptLogN: 10 });
  }, 180_000);
  afterAll(async () => {
    await other?.$disconnect();
    await db?.dispose();
  });

  it('a file saved by one instance is read whole by another, and removed', async () => {
    const bytes = makeJpeg();
    const key = await new DatabaseFileStorage(db.prisma).save(bytes);
    expect(key).toMatch(/^db\/[a-f0-9]{32}$/);
    expect((await new DatabaseFileStorage(other).read(key)).equals(bytes)).toBe(true);
    await new DatabaseFileStorage(other).remove(key);
    await expect(new DatabaseFileStorage(db.prisma).read(key)).rejects.toThrow('Unknown storage key.');
    await expect(new DatabaseFileStorage(db.prisma).read('../etc/passwd')).rejects.toThrow('Invalid storage key.');
  });

  describe('when the database disk is full', () => {
    beforeAll(async () => {
      await db.prisma.$executeRawUnsafe(DISK_FULL.split(';\nCREATE TRIGGER')[0]);
      await db.prisma.$executeRawUnsafe(`CREATE TRIGGER${DISK_FULL.split(';\nCREATE TRIGGER')[1]}`);
    });
    afterAll(async () => {
      await db.prisma.$executeRawUnsafe('DROP TRIGGER iess_disk_full ON "StoredFile"');
    });

    it('the storage throws a FileStorageError marked full and keeps no row', async () => {
      const before = await db.prisma.storedFile.count();
      const error = await new DatabaseFileStorage(db.prisma).save(makeJpeg()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileStorageError);
      expect((error as FileStorageError).full).toBe(true);
      expect(await db.prisma.storedFile.count()).toBe(before);
    });

    it('the citizen gets a clear Spanish refusal; no file and no document record are kept', async () => {
      const carlos = await db.prisma.afiliado.findUniqueOrThrow({ where: { cedula: '1849579501' } });
      const intake = createReceiveDocument({
        records: { recordDocument: (o) => recordDocument(db.prisma, o) },
        rateLimiter: { hit: (o) => hitRateLimit(db.prisma, { ...o, now: FIXED_NOW }) },
        storage: new DatabaseFileStorage(db.prisma),
        readAttachment: async () => ({ bytes: makeJpeg(), contentType: 'image/jpeg', name: 'cedula.jpg' }),
        clock: () => FIXED_NOW,
        logger: silentLogger,
      });
      const counts = async () => [await db.prisma.storedFile.count(), await db.prisma.document.count()];
      const before = await counts();
      const receipt = await intake.receive({
        afiliadoId: carlos.id,
        purpose: 'cedula',
        attachment: { contentType: 'image/jpeg', contentUrl: 'https://example.invalid/x', name: 'cedula.jpg' },
        conversation: { channelId: 'directline', conversationId: 'c1' },
      });
      expect(receipt).toEqual({ ok: false, message: STORAGE_UNAVAILABLE_MESSAGE });
      expect(await counts()).toEqual(before);
    });
  });

  describe('a local folder on a full file system (a real 64 KB tmpfs)', () => {
    const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-full-'));
    let mounted = false;
    beforeAll(() => {
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint], { stdio: 'pipe' });
        mounted = true;
      } catch (error) {
        // Mounting needs root with CAP_SYS_ADMIN; CI runs as root. Say so loudly rather than pass silently.
        console.warn(`tmpfs not mountable here, full-disk folder test not run: ${String(error)}`);
      }
    });
    afterAll(() => {
      if (mounted) execFileSync('umount', [mountPoint]);
      fs.rmSync(mountPoint, { recursive: true, force: true });
    });

    it('a file larger than the space left is refused as full and leaves no partial file', async () => {
      if (!mounted) return;
      const storage = new LocalFolderStorage(mountPoint);
      const small = await storage.save(Buffer.alloc(1000, 1));
      const error = await storage.save(Buffer.alloc(200_000, 2)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FileStorageError);
      expect((error as FileStorageError).full).toBe(true);
      const left = fs
        .readdirSync(mountPoint, { recursive: true })
        .map(String)
        .filter((f) => f.includes('/') || f.length > 2);
      expect(left).toEqual([small]);
      expect((await storage.read(small)).length).toBe(1000);
    });
  });
});
