import { createHash } from 'node:crypto';
import { createDownload, resolveDownload } from '../../prisma/store/downloads';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const NOW = new Date('2026-11-22T10:00:00-05:00');
const MINUTE = 60_000;

describe('download grants', () => {
  let db: TestDatabase;
  const saved = new Map<string, Buffer>();
  const save = async (bytes: Buffer): Promise<string> => {
    const key = `k${saved.size}`;
    saved.set(key, bytes);
    return key;
  };
  const bytes = Buffer.from('%PDF-1.3 contenido de prueba');

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('stores the document and only the hash of the token', async () => {
    const created = await createDownload(db.prisma, {
      save,
      bytes,
      nombre: 'solicitud-clave-CL-2026-000001.pdf',
      mediaType: 'application/pdf',
      tipo: 'SOLICITUD_CLAVE',
      ttlSeconds: 3600,
      now: NOW,
    });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.token, 'base64url')).toHaveLength(32);
    expect(created.expiresAt).toEqual(new Date(NOW.getTime() + 60 * MINUTE));

    const document = await db.prisma.document.findUniqueOrThrow({ where: { id: created.documentId }, include: { downloads: true } });
    expect(document).toMatchObject({
      tipo: 'SOLICITUD_CLAVE',
      nombreOriginal: 'solicitud-clave-CL-2026-000001.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(saved.get(document.storageKey)).toEqual(bytes);
    expect(document.downloads).toHaveLength(1);
    expect(document.downloads[0].tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));

    const grants = await db.prisma.downloadGrant.findMany();
    expect(JSON.stringify(grants)).not.toContain(created.token);
  });

  it('resolves until the link expires, judged by the given clock', async () => {
    const created = await createDownload(db.prisma, {
      save,
      bytes,
      nombre: 'Solicitud de clave – María.pdf',
      mediaType: 'application/pdf',
      tipo: 'SOLICITUD_CLAVE',
      ttlSeconds: 3600,
      now: NOW,
    });
    const at = (minutes: number): Date => new Date(NOW.getTime() + minutes * MINUTE);
    const valid = await resolveDownload(db.prisma, { token: created.token, now: at(59) });
    expect(valid).toEqual({ storageKey: expect.any(String), nombre: 'Solicitud de clave – María.pdf', mediaType: 'application/pdf' });
    expect(await resolveDownload(db.prisma, { token: created.token, now: at(60) })).toBeUndefined();
    expect(await resolveDownload(db.prisma, { token: created.token, now: at(61) })).toBeUndefined();
  });

  it('returns undefined for unknown and malformed tokens', async () => {
    const created = await createDownload(db.prisma, {
      save,
      bytes,
      nombre: 'a.pdf',
      mediaType: 'application/pdf',
      tipo: 'SOLICITUD_CLAVE',
      ttlSeconds: 600,
      now: NOW,
    });
    const unknown = Buffer.alloc(32, 7).toString('base64url');
    for (const token of [
      unknown,
      '',
      'abc',
      `${created.token}x`,
      created.token.slice(1),
      `${created.token.slice(0, 42)}=`,
      '../../etc/passwd',
    ]) {
      expect(await resolveDownload(db.prisma, { token, now: NOW })).toBeUndefined();
    }
    expect(await resolveDownload(db.prisma, { token: created.token, now: NOW })).toBeDefined();
  });

  it('rejects a bad ttl or media type before storing anything', async () => {
    const before = saved.size;
    const base = { save, bytes, nombre: 'a.pdf', tipo: 'SOLICITUD_CLAVE', now: NOW };
    await expect(createDownload(db.prisma, { ...base, mediaType: 'application/pdf', ttlSeconds: 0 })).rejects.toThrow(RangeError);
    await expect(createDownload(db.prisma, { ...base, mediaType: 'application/pdf\r\nX: y', ttlSeconds: 60 })).rejects.toThrow(RangeError);
    expect(saved.size).toBe(before);
  });
});
