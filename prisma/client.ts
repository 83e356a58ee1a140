import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from './generated/client';

export type { PrismaClient } from './generated/client';

/** Opens the store behind a driver adapter (no native query engine), so it runs offline on Node 20. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl });
  return new PrismaClient({ adapter });
}
