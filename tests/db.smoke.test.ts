import { createTestDatabase, type TestDatabase } from './helpers/db';

describe('test database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('starts migrated and empty', async () => {
    await expect(db.prisma.afiliado.count()).resolves.toBe(0);
    await expect(db.prisma.botState.count()).resolves.toBe(0);
  });
});
