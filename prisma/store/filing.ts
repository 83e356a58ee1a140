import { FILING_NOTAS, filingConfirmationEmail, missingDocumentEmail } from '../../catalog/es-EC/filing';
import type { EmailContent } from '../../catalog/es-EC/emails';
import type { Clock, FilingPort } from '../../core/ports';
import type { PrismaClient } from '../client';
import { readEligibility } from './filing/eligibility';
import { fileCitizenCase } from './filing/fileCase';
import { submitMissingDocument } from './filing/missingDocument';
import { getCitizenCaseHistory, listCitizenCases } from './filing/queries';
import type { OutboxMessage } from './outbox';

export { DocumentNotAttachableError, FilingRefusedError } from './filing/errors';
export { maskIdentificacion, openCaseKey } from './filing/eligibility';

/** What the filing store needs beyond the client: the clock and how e-mail content becomes an outbox message. */
export interface FilingStoreOptions {
  clock: Clock;
  /** Renders e-mail content for one address (Store.toMessage in production). */
  toMessage: (to: string, content: EmailContent, dedupKey?: string) => OutboxMessage;
}

/** The store's implementation of FilingPort: eligibility, idempotent filing with its e-mail, and the citizen's cases. */
export function createFilingStore(db: PrismaClient, options: FilingStoreOptions): FilingPort {
  const { clock, toMessage } = options;
  return {
    async checkEligibility({ afiliadoId, tipo }) {
      return (await readEligibility(db, { afiliadoId, tipo })).view;
    },
    fileCase(request) {
      const now = clock();
      return fileCitizenCase(db, {
        ...request,
        now,
        nota: FILING_NOTAS.recibido,
        compose: (person, numero) =>
          toMessage(
            person.email,
            filingConfirmationEmail({ tipo: request.tipo, nombres: person.nombres, numero, fecha: now, pensionTipo: person.pensionTipo }),
            `filing:${numero}`,
          ),
      });
    },
    listCases: ({ afiliadoId }) => listCitizenCases(db, { afiliadoId }),
    getCaseHistory: ({ afiliadoId, numero }) => getCitizenCaseHistory(db, { afiliadoId, numero }),
    submitMissingDocument: ({ afiliadoId, numero, documentId }) =>
      submitMissingDocument(db, {
        afiliadoId,
        numero,
        documentId,
        now: clock(),
        nota: FILING_NOTAS.documentoRecibido,
        compose: (person, n) => toMessage(person.email, missingDocumentEmail({ nombres: person.nombres, numero: n })),
      }),
  };
}
