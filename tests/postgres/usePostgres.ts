import { Client } from 'pg';
import { createPrismaClient } from '../../prisma/client';
import { useTestDatabases } from '../helpers/db';
import { startPostgres, type PostgresCluster } from '../helpers/postgres';

/**
 * Imported first by a test file: from then on `createTestDatabase()` gives an empty PostgreSQL database (migrated once
 * with the Prisma CLI, every table emptied for each new test database) on one cluster private to the file, stopped
 * after its last test. Test databases of one file are used one after the other, as jest runs them.
 */
let cluster: Promise<PostgresCluster> | undefined;
const DATABASE = 'iess_test';

function sharedCluster(): Promise<PostgresCluster> {
  cluster ??= startPostgres().then(async (started) => {
    await started.createMigratedDatabase(DATABASE);
    return started;
  });
  return cluster;
}

/** Empties every table of the store (not Prisma's migration history) in one statement. */
async function emptyStore(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    await client.query(`TRUNCATE ${rows.map((row) => row.name).join(', ')} CASCADE`);
  } finally {
    await client.end();
  }
}

useTestDatabases(async () => {
  const url = (await sharedCluster()).urlOf(DATABASE);
  await emptyStore(url);
  const prisma = createPrismaClient(url);
  return { prisma, url, dispose: () => prisma.$disconnect() };
});

beforeAll(() => sharedCluster(), 180_000);
afterAll(async () => (await cluster)?.stop(), 60_000);
