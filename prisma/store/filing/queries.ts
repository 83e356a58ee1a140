import type { CaseHistoryView, CaseStatusView } from '../../../core/domain/cases';
import type { PrismaClient } from '../../client';

/** The citizen's cases, newest first, each with the state, date and note of its latest event. */
export async function listCitizenCases(db: PrismaClient, options: { afiliadoId: string }): Promise<CaseStatusView[]> {
  const cases = await db.case.findMany({
    where: { afiliadoId: options.afiliadoId },
    orderBy: [{ createdAt: 'desc' }, { numero: 'desc' }],
    include: { history: { orderBy: { fecha: 'desc' }, take: 1 } },
  });
  return cases.map((c) => {
    const latest = c.history[0];
    return {
      numero: c.numero,
      tipo: c.tipo,
      estado: latest?.estado ?? c.estado,
      fecha: latest?.fecha ?? c.createdAt,
      nota: latest?.nota ?? undefined,
    };
  });
}

/** One of the citizen's cases with its events (oldest first) and its documents; undefined when it is not theirs. */
export async function getCitizenCaseHistory(
  db: PrismaClient,
  options: { afiliadoId: string; numero: string },
): Promise<CaseHistoryView | undefined> {
  const found = await db.case.findFirst({
    where: { numero: options.numero, afiliadoId: options.afiliadoId },
    include: {
      history: { orderBy: { fecha: 'asc' } },
      documents: { orderBy: { createdAt: 'asc' }, select: { tipo: true, createdAt: true } },
    },
  });
  if (!found) return undefined;
  const eventos = found.history.map((e) => ({ estado: e.estado, fecha: e.fecha, nota: e.nota ?? undefined }));
  const latest = eventos[eventos.length - 1];
  return {
    numero: found.numero,
    tipo: found.tipo,
    estado: latest?.estado ?? found.estado,
    fecha: latest?.fecha ?? found.createdAt,
    nota: latest?.nota,
    creado: found.createdAt,
    eventos,
    documentos: found.documents.map((d) => ({ tipo: d.tipo, fecha: d.createdAt })),
  };
}
