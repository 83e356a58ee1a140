import { PrismaStorage, ETagConflictError } from '../../bot/storage';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

describe('PrismaStorage (Bot Framework Storage with eTags)', () => {
  let db: TestDatabase;
  let storage: PrismaStorage;
  beforeEach(async () => {
    db = await createTestDatabase();
    storage = new PrismaStorage(db.prisma);
  });
  afterEach(async () => db.dispose());

  it('reads back what it wrote, with an eTag', async () => {
    await storage.write({ a: { count: 1, nested: { x: 'sí' } } });
    const items = await storage.read(['a', 'missing']);
    expect(items.a).toMatchObject({ count: 1, nested: { x: 'sí' } });
    expect(typeof items.a.eTag).toBe('string');
    expect(items.missing).toBeUndefined();
  });

  it('accepts a write with the current eTag and changes the eTag', async () => {
    await storage.write({ a: { v: 1 } });
    const first = (await storage.read(['a'])).a;
    await storage.write({ a: { ...first, v: 2 } });
    const second = (await storage.read(['a'])).a;
    expect(second.v).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);
  });

  it('refuses a write with a stale eTag and keeps the newer data', async () => {
    await storage.write({ a: { v: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { ...stale, v: 2 } });
    await expect(storage.write({ a: { ...stale, v: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storage.read(['a'])).a.v).toBe(2);
  });

  it.each([['*'], [undefined]])('overwrites unconditionally with eTag %p', async (eTag) => {
    await storage.write({ a: { v: 1 } });
    await storage.write({ a: { v: 5, eTag } });
    expect((await storage.read(['a'])).a.v).toBe(5);
  });

  it('deletes keys and ignores missing ones', async () => {
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    await storage.delete(['a', 'nope']);
    const items = await storage.read(['a', 'b']);
    expect(Object.keys(items)).toEqual(['b']);
  });

  it('survives a new client on the same file (a restart)', async () => {
    await storage.write({ conv: { dialog: { step: 2 } } });
    const { createPrismaClient } = await import('../../prisma/client');
    const again = createPrismaClient(db.url);
    try {
      expect((await new PrismaStorage(again).read(['conv'])).conv.dialog).toEqual({ step: 2 });
    } finally {
      await again.$disconnect();
    }
  });
});
