import { createPostgresTestDatabase, type PostgresTestDatabase } from '../helpers/postgres';

describe('smoke', () => {
  let db: PostgresTestDatabase;
  beforeAll(async () => {
    db = await createPostgresTestDatabase();
  }, 120_000);
  afterAll(async () => db?.dispose());
  it('works', async () => {
    expect(await db.prisma.afiliado.count()).toBe(0);
  });
});
