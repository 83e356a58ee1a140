import type { PrismaClient } from '../client';

/**
 * Names of the migrations the database records as applied (Prisma's `_prisma_migrations` table; the same query on
 * SQLite and PostgreSQL). Reading a real table, not `SELECT 1`, also proves the database file or server answers.
 */
export async function listAppliedMigrations(db: PrismaClient): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return rows.map((row) => row.migration_name);
}

/** The outbox's size for operators: messages by state, and the age in seconds of the oldest message still pending. */
export async function getOutboxBacklog(
  db: PrismaClient,
  options: { now: Date },
): Promise<{ pendiente: number; enviado: number; fallido: number; oldestPendingSeconds: number }> {
  const groups = await db.outboxEmail.groupBy({ by: ['estado'], _count: { _all: true } });
  const count = (estado: string): number => groups.find((g) => g.estado === estado)?._count._all ?? 0;
  const oldest = await db.outboxEmail.findFirst({
    where: { estado: 'PENDIENTE' },
    orderBy: { createdAt: 'asc' },
    select: { createdAt: true },
  });
  return {
    pendiente: count('PENDIENTE'),
    enviado: count('ENVIADO'),
    fallido: count('FALLIDO'),
    oldestPendingSeconds: oldest ? Math.max(0, (options.now.getTime() - oldest.createdAt.getTime()) / 1000) : 0,
  };
}
