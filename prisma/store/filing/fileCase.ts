import type { FilingTypeName } from '../../../core/ports';
import { maskEmail } from '../../../core/domain/masking';
import type { PrismaClient } from '../../client';
import { nextCaseNumber } from '../caseNumbers';
import { attachDocumentsToCase } from '../documents';
import { enqueueEmail, type OutboxMessage } from '../outbox';
import { FINAL_CASE_STATES, openCaseKey, readEligibility, type FilingDb, type FilingPerson } from './eligibility';
import { DocumentNotAttachableError, FilingRefusedError, isUniqueViolation } from './errors';

/** What a filing request carries. */
export interface FileCaseOptions {
  afiliadoId: string;
  tipo: FilingTypeName;
  requestId: string;
  provincia?: string;
  detalle?: string;
  documentIds?: string[];
}

/** Outcome of a filing: the case number, whether this call created it, and where the confirmation went. */
export interface FiledCase {
  numero: string;
  created: boolean;
  maskedEmail?: string;
}

/** Author recorded on the first event of a case the citizen filed from the chat. */
export const CHAT_AUTHOR = 'ciudadano (chat)';

/** The case this request id filed; the id is unique in the store, so a retry always finds it, even once closed. */
async function findByRequest(db: FilingDb, options: { afiliadoId: string; tipo: FilingTypeName; requestId: string }): Promise<string | undefined> {
  const found = await db.case.findFirst({
    where: { requestId: options.requestId, afiliadoId: options.afiliadoId, tipo: options.tipo },
    select: { numero: true },
  });
  return found?.numero;
}

async function maskedEmailOf(db: FilingDb, afiliadoId: string): Promise<string | undefined> {
  const p = await db.afiliado.findUnique({ where: { id: afiliadoId }, select: { email: true } });
  return p?.email?.trim() ? maskEmail(p.email.trim()) : undefined;
}

/** The case this request already filed, or the citizen's open case of the same type. */
async function findExisting(db: FilingDb, options: { afiliadoId: string; tipo: FilingTypeName; requestId: string }): Promise<FiledCase | undefined> {
  const open = async () =>
    (await db.case.findFirst({
      where: { afiliadoId: options.afiliadoId, tipo: options.tipo, estado: { notIn: [...FINAL_CASE_STATES] } },
      orderBy: { createdAt: 'desc' },
      select: { numero: true },
    }))?.numero;
  const numero = (await findByRequest(db, options)) ?? (await open());
  return numero ? { numero, created: false, maskedEmail: await maskedEmailOf(db, options.afiliadoId) } : undefined;
}

/**
 * Files a reliquidación or reinserción at most once, in one transaction: case number, case, first RECIBIDO event,
 * the given documents (only the citizen's own, not yet in a case) and the confirmation e-mail in the outbox.
 * The same request id, or an open case of the same type, returns that case with `created: false`; the unique
 * dedup key `<tipo>:<afiliadoId>` keeps concurrent requests to one open case. Eligibility is checked again inside.
 */
export async function fileCitizenCase(
  db: PrismaClient,
  options: FileCaseOptions & { now: Date; nota: string; compose: (person: FilingPerson & { email: string }, numero: string) => OutboxMessage },
): Promise<FiledCase> {
  const { afiliadoId, tipo, now } = options;
  const dedupKey = openCaseKey({ tipo, afiliadoId });
  const before = await findExisting(db, options);
  if (before) return before;
  try {
    return await db.$transaction(async (tx) => {
      const again = await findByRequest(tx, options);
      const reading = await readEligibility(tx, { afiliadoId, tipo });
      const maskedEmail = reading.person?.email ? maskEmail(reading.person.email) : undefined;
      if (again) return { numero: again, created: false, maskedEmail };
      if (reading.openCase) return { numero: reading.openCase.numero, created: false, maskedEmail };
      const { view, person } = reading;
      if (!view.eligible) throw new FilingRefusedError(view.reason);
      if (!person) throw new FilingRefusedError('NO_PENSIONISTA');
      await tx.case.updateMany({ where: { dedupKey, estado: { in: [...FINAL_CASE_STATES] } }, data: { dedupKey: null } });
      const numero = await nextCaseNumber(tx, { tipo, now });
      const created = await tx.case.create({
        data: {
          numero,
          tipo,
          estado: 'RECIBIDO',
          afiliadoId,
          provincia: options.provincia ?? person.provincia,
          detalle: options.detalle,
          dedupKey,
          requestId: options.requestId,
          createdAt: now,
          history: { create: [{ estado: 'RECIBIDO', fecha: now, nota: options.nota, autor: CHAT_AUTHOR }] },
        },
        select: { id: true },
      });
      const documentIds = [...new Set(options.documentIds ?? [])];
      if (documentIds.length > 0) {
        const linked = await attachDocumentsToCase(tx, { afiliadoId, caseId: created.id, documentIds });
        if (linked !== documentIds.length) throw new DocumentNotAttachableError(documentIds);
      }
      if (person.email) await enqueueEmail(tx, { message: options.compose({ ...person, email: person.email }, numero), now });
      return { numero, created: true, maskedEmail };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const found = await findExisting(db, options);
    if (found) return found;
    throw error;
  }
}
