import type { FilingTypeName } from '../../../core/domain/cases';
import { FINAL_CASE_STATES, openCaseKey } from '../../../core/domain/cases';
import { DocumentNotAttachableError, FilingRefusedError } from '../../../core/domain/errors';
import type { NewCaseRecord } from '../../../core/usecases/fileCase';
import type { PrismaClient } from '../../client';
import { nextCaseNumber } from '../caseNumbers';
import { attachDocumentsToCase } from '../documents';
import { enqueueEmail } from '../outbox';
import { findFilingCandidate, type FilingDb } from './candidates';
import { isUniqueViolation } from './errors';

/** What a new filed case carries: the port's record (core/usecases/fileCase.ts), which this store implements. */
export type NewFiledCase = NewCaseRecord;

/** Outcome of a filing: the case number, whether this call created it, and the person's address (unmasked). */
export interface CreatedFiledCase {
  numero: string;
  created: boolean;
  email?: string;
}

async function findByRequest(
  db: FilingDb,
  options: { afiliadoId: string; tipo: FilingTypeName; requestId: string },
): Promise<string | undefined> {
  const found = await db.case.findFirst({
    where: { requestId: options.requestId, afiliadoId: options.afiliadoId, tipo: options.tipo },
    select: { numero: true },
  });
  return found?.numero;
}

async function emailOf(db: FilingDb, afiliadoId: string): Promise<string | undefined> {
  const p = await db.afiliado.findUnique({ where: { id: afiliadoId }, select: { email: true } });
  return p?.email?.trim() || undefined;
}

async function findExisting(
  db: FilingDb,
  options: { afiliadoId: string; tipo: FilingTypeName; requestId: string },
): Promise<CreatedFiledCase | undefined> {
  const open = async () =>
    (
      await db.case.findFirst({
        where: { afiliadoId: options.afiliadoId, tipo: options.tipo, estado: { notIn: [...FINAL_CASE_STATES] } },
        orderBy: { createdAt: 'desc' },
        select: { numero: true },
      })
    )?.numero;
  const numero = (await findByRequest(db, options)) ?? (await open());
  return numero ? { numero, created: false, email: await emailOf(db, options.afiliadoId) } : undefined;
}

/**
 * Creates a reliquidación or reinserción case at most once, in one transaction: case number, case, first RECIBIDO
 * event, the given documents (only the citizen's own, not yet in a case) and the confirmation e-mail in the outbox.
 * The same request id, or an open case of the same type, returns that case with `created: false`; the unique dedup
 * key `<tipo>:<afiliadoId>` keeps concurrent requests to one open case. `judge` runs again inside the transaction.
 */
export async function createFiledCase(db: PrismaClient, options: NewFiledCase): Promise<CreatedFiledCase> {
  const { afiliadoId, tipo, now } = options;
  const dedupKey = openCaseKey({ tipo, afiliadoId });
  const before = await findExisting(db, options);
  if (before) return before;
  try {
    return await db.$transaction(async (tx) => {
      const again = await findByRequest(tx, options);
      const candidate = await findFilingCandidate(tx, { afiliadoId, tipo });
      const email = candidate?.person.email?.trim() || undefined;
      if (again) return { numero: again, created: false, email };
      if (candidate?.openCase) return { numero: candidate.openCase.numero, created: false, email };
      const reason = options.judge(candidate);
      if (reason) throw new FilingRefusedError(reason);
      if (!candidate) throw new FilingRefusedError('NO_PENSIONISTA');
      const { person } = candidate;
      await tx.case.updateMany({ where: { dedupKey, estado: { in: [...FINAL_CASE_STATES] } }, data: { dedupKey: null } });
      const numero = await nextCaseNumber(tx, { tipo, now });
      const created = await tx.case.create({
        data: {
          numero,
          tipo,
          estado: 'RECIBIDO',
          afiliadoId,
          provincia: options.provincia ?? person.provincia ?? undefined,
          detalle: options.detalle,
          dedupKey,
          requestId: options.requestId,
          createdAt: now,
          history: { create: [{ estado: 'RECIBIDO', fecha: now, nota: options.nota, autor: options.autor }] },
        },
        select: { id: true },
      });
      const documentIds = [...new Set(options.documentIds ?? [])];
      if (documentIds.length > 0) {
        const linked = await attachDocumentsToCase(tx, { afiliadoId, caseId: created.id, documentIds });
        if (linked !== documentIds.length) throw new DocumentNotAttachableError(documentIds);
      }
      if (email) {
        const message = options.compose({ nombres: person.nombres, email, pensionTipo: person.pensionTipo ?? undefined }, numero);
        await enqueueEmail(tx, { message, now });
      }
      return { numero, created: true, email };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const found = await findExisting(db, options);
    if (found) return found;
    throw error;
  }
}
