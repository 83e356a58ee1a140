import type { CaseStatusView } from '../../core/ports';
import type { PrismaClient } from '../client';

/**
 * A case and its latest state, only when the identification (cédula or código) is its owner's. A wrong
 * pairing and a missing case give the same undefined, so the answer never reveals which cases exist.
 */
export async function findCaseForCitizen(
  db: PrismaClient,
  options: { numero: string; identificacion: string },
): Promise<CaseStatusView | undefined> {
  const found = await db.case.findFirst({
    where: {
      numero: options.numero,
      afiliado: { OR: [{ cedula: options.identificacion }, { codigoExtranjero: options.identificacion }] },
    },
    include: { history: { orderBy: { fecha: 'desc' }, take: 1 } },
  });
  if (!found) return undefined;
  const latest = found.history[0];
  return {
    numero: found.numero,
    tipo: found.tipo,
    estado: found.estado,
    fecha: latest?.fecha ?? found.createdAt,
    nota: latest?.nota ?? undefined,
  };
}
