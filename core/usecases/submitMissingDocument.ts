/**
 * Submit a missing document: attaches the document a case in REQUIERE_INFORMACION waits for, moves the case back to
 * EN_REVISION with the catalog's note, and queues a short e-mail, in one store transaction.
 */
import { FILING_NOTAS, missingDocumentEmail } from '../../catalog';
import type { Clock, FilingPort, OutboxMessage } from '../ports';
import { composeEmail, type EmailRenderer } from './email';

/** Attaches the document and moves the case (prisma/store/filing's attachMissingDocument); false when not allowed. */
export interface MissingDocumentWriter {
  attachMissingDocument(options: {
    afiliadoId: string;
    numero: string;
    documentId: string;
    now: Date;
    nota: string;
    compose: (person: { nombres: string; email: string }, numero: string) => OutboxMessage;
  }): Promise<boolean>;
}

/** FilingPort.submitMissingDocument over the store, with the note and the e-mail from the catalog. */
export function createSubmitMissingDocument(options: {
  records: MissingDocumentWriter;
  clock: Clock;
  render: EmailRenderer;
}): FilingPort['submitMissingDocument'] {
  return ({ afiliadoId, numero, documentId }) =>
    options.records.attachMissingDocument({
      afiliadoId,
      numero,
      documentId,
      now: options.clock(),
      nota: FILING_NOTAS.documentoRecibido,
      compose: (person, n) => composeEmail(options.render, person.email, missingDocumentEmail({ nombres: person.nombres, numero: n })),
    });
}
