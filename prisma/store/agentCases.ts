import { maskEmail, maskIdentificacion, maskPhone } from '../../core/domain/masking';
import type { DeskCaseStore, DeskCaseView, DeskMoveRequest, DeskMoveResult } from '../../core/usecases/agents/ports';
import type { PrismaClient } from '../client';
import type { Prisma } from '../generated/client';
import { appendAuditEntry } from './audit';

/** Most cases one look-up by identification returns (newest first). */
export const MAX_DESK_CASES = 10;

const INCLUDE = {
  history: { orderBy: [{ fecha: 'asc' }, { id: 'asc' }] },
  documents: { orderBy: { createdAt: 'asc' }, select: { id: true, tipo: true, nombreOriginal: true, createdAt: true } },
  afiliado: { select: { id: true, nombres: true, apellidos: true, cedula: true, codigoExtranjero: true, email: true, telefono: true } },
} as const satisfies Prisma.CaseInclude;

type DeskCaseRow = Prisma.CaseGetPayload<{ include: typeof INCLUDE }>;

function viewOf(row: DeskCaseRow): DeskCaseView {
  const { afiliado } = row;
  return {
    numero: row.numero,
    tipo: row.tipo,
    estado: row.estado,
    creado: row.createdAt,
    actualizado: row.history.at(-1)?.fecha ?? row.createdAt,
    version: row.history.length,
    eventos: row.history.map((e) => ({ estado: e.estado, fecha: e.fecha, nota: e.nota ?? undefined, autor: e.autor ?? undefined })),
    documentos: row.documents.map((d) => ({ id: d.id, tipo: d.tipo, nombre: d.nombreOriginal, fecha: d.createdAt })),
    ciudadano: {
      afiliadoId: afiliado.id,
      nombres: afiliado.nombres,
      apellidos: afiliado.apellidos,
      identificacionMasked: maskIdentificacion(afiliado.cedula ?? afiliado.codigoExtranjero ?? ''),
      emailMasked: afiliado.email ? maskEmail(afiliado.email) : undefined,
      telefonoMasked: afiliado.telefono ? maskPhone(afiliado.telefono) : undefined,
    },
  };
}

/** A case by its number, with history, documents and its citizen's masked contact. */
export async function findDeskCase(db: PrismaClient | Prisma.TransactionClient, numero: string): Promise<DeskCaseView | undefined> {
  const row = await db.case.findUnique({ where: { numero }, include: INCLUDE });
  return row ? viewOf(row) : undefined;
}

/** The cases of the person with this cédula or código (as the store keeps it), newest first. */
export async function findDeskCasesByIdentificacion(db: PrismaClient, identificacion: string): Promise<DeskCaseView[]> {
  const rows = await db.case.findMany({
    where: { afiliado: { OR: [{ cedula: identificacion }, { codigoExtranjero: identificacion }] } },
    include: INCLUDE,
    orderBy: { createdAt: 'desc' },
    take: MAX_DESK_CASES,
  });
  return rows.map(viewOf);
}

/**
 * Moves a case as an agent asked from a card, in one transaction: the state changes only if the case is still in
 * the state and version the card showed (else `stale`, with the current view), a CaseEvent with `notificar` set
 * records the move and its note for the citizen, and the audit entry records who, before and after.
 */
export async function moveDeskCase(db: PrismaClient, request: DeskMoveRequest): Promise<DeskMoveResult> {
  return db.$transaction(async (tx) => {
    const current = await findDeskCase(tx, request.numero);
    if (!current) return { outcome: 'not_found' } as const;
    if (current.estado !== request.desde || current.version !== request.version) return { outcome: 'stale', view: current } as const;
    const { count } = await tx.case.updateMany({
      where: { numero: request.numero, estado: request.desde },
      data: { estado: request.hacia, updatedAt: request.now },
    });
    if (count !== 1) return { outcome: 'stale', view: (await findDeskCase(tx, request.numero)) ?? current } as const;
    const caseRow = await tx.case.findUniqueOrThrow({ where: { numero: request.numero }, select: { id: true } });
    await tx.caseEvent.create({
      data: { caseId: caseRow.id, estado: request.hacia, nota: request.nota, autor: request.autor, fecha: request.now, notificar: true },
    });
    await appendAuditEntry(tx, {
      staffId: request.staffId,
      action: 'case.move',
      subjectType: 'case',
      subjectId: request.numero,
      before: { estado: request.desde },
      after: { estado: request.hacia, nota: request.nota },
      outcome: 'ok',
      at: request.now,
    });
    return { outcome: 'moved', view: (await findDeskCase(tx, request.numero)) ?? current } as const;
  });
}

/** The DeskCaseStore port over the store. */
export function createDeskCaseStore(db: PrismaClient): DeskCaseStore {
  return {
    findCaseByNumero: (numero) => findDeskCase(db, numero),
    findCasesByIdentificacion: (identificacion) => findDeskCasesByIdentificacion(db, identificacion),
    moveCase: (request) => moveDeskCase(db, request),
  };
}
