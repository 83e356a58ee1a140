import type { CaseType, Prisma } from '../generated/client';
import { CASE_PREFIXES } from '../../core/domain/tramites';

/**
 * Takes the next number of a kind of case for the year, from a counter row incremented atomically inside
 * the caller's transaction: RL-2026-000043.
 */
export async function nextCaseNumber(tx: Prisma.TransactionClient, options: { tipo: CaseType; now: Date }): Promise<string> {
  const prefijo = CASE_PREFIXES[options.tipo];
  const anio = Number(new Intl.DateTimeFormat('en', { timeZone: 'America/Guayaquil', year: 'numeric' }).format(options.now));
  const counter = await tx.caseCounter.upsert({
    where: { prefijo_anio: { prefijo, anio } },
    create: { prefijo, anio, ultimo: 1 },
    update: { ultimo: { increment: 1 } },
  });
  return `${prefijo}-${anio}-${String(counter.ultimo).padStart(6, '0')}`;
}
