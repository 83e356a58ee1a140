import type { PrismaClient } from '../../client';
import { attachDocumentsToCase } from '../documents';
import type { OutboxMessage } from '../../../core/ports';
import { enqueueEmail } from '../outbox';

/** Thrown inside the transaction to undo it when the document cannot be attached after all. */
class NotAttached extends Error {}

/**
 * Attaches the document a case in REQUIERE_INFORMACION was waiting for, moves the case back to EN_REVISION with
 * a note, and queues a short e-mail, all in one transaction. False (nothing written) when the case is not the
 * citizen's, is in another state, or the document is not the citizen's or is already in a case.
 */
export async function attachMissingDocument(
  db: PrismaClient,
  options: {
    afiliadoId: string;
    numero: string;
    documentId: string;
    now: Date;
    nota: string;
    compose: (person: { nombres: string; email: string }, numero: string) => OutboxMessage;
  },
): Promise<boolean> {
  const { afiliadoId, numero, documentId, now } = options;
  try {
    return await db.$transaction(async (tx) => {
      const kase = await tx.case.findFirst({
        where: { numero, afiliadoId, estado: 'REQUIERE_INFORMACION' },
        select: { id: true, afiliado: { select: { nombres: true, email: true } } },
      });
      if (!kase) return false;
      const moved = await tx.case.updateMany({ where: { id: kase.id, estado: 'REQUIERE_INFORMACION' }, data: { estado: 'EN_REVISION' } });
      if (moved.count !== 1) return false;
      const attached = await attachDocumentsToCase(tx, { afiliadoId, caseId: kase.id, documentIds: [documentId] });
      if (attached !== 1) throw new NotAttached();
      await tx.caseEvent.create({ data: { caseId: kase.id, estado: 'EN_REVISION', fecha: now, nota: options.nota } });
      const email = kase.afiliado.email?.trim();
      if (email) {
        const message = { ...options.compose({ nombres: kase.afiliado.nombres, email }, numero), dedupKey: `filing-doc:${documentId}` };
        await enqueueEmail(tx, { message, now });
      }
      return true;
    });
  } catch (error) {
    if (error instanceof NotAttached) return false;
    throw error;
  }
}
