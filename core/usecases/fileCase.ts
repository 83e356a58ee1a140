/**
 * File a case (reliquidación, reinserción) for a signed-in citizen: eligibility again inside the transaction, the case
 * with its first note, the citizen's documents and the confirmation e-mail, all at most once per request.
 */
import { FILING_AUTOR_CHAT, FILING_NOTAS, filingConfirmationEmail } from '../../catalog';
import type { FilingTypeName, IneligibilityReason } from '../domain/cases';
import { maskEmail } from '../domain/masking';
import type { Clock, FileCaseRequest, FilingPort, OutboxMessage } from '../ports';
import { ineligibilityReason, type Candidate } from './checkEligibility';
import { composeEmail, type EmailRenderer } from './email';

/** What the store writes for a new case; it runs `judge` and `compose` inside its transaction. */
export interface NewCaseRecord extends FileCaseRequest {
  now: Date;
  nota: string;
  autor: string;
  judge: (candidate: Candidate | undefined) => IneligibilityReason | undefined;
  compose: (person: { nombres: string; email: string; pensionTipo?: string }, numero: string) => OutboxMessage;
}

/** Writes a filed case idempotently (prisma/store/filing's createFiledCase). */
export interface CaseWriter {
  createFiledCase(record: NewCaseRecord): Promise<{ numero: string; created: boolean; email?: string }>;
}

/** What fileCase is built from. */
export interface FileCaseOptions {
  records: CaseWriter;
  clock: Clock;
  render: EmailRenderer;
}

/** The rules the store runs inside its transaction: no person, or a person who does not qualify, is refused. */
function judge(tipo: FilingTypeName) {
  return (candidate: Candidate | undefined): IneligibilityReason | undefined =>
    candidate ? ineligibilityReason(tipo, candidate.person) : 'NO_PENSIONISTA';
}

/** FilingPort.fileCase: throws FilingRefusedError or DocumentNotAttachableError (core/domain/errors). */
export function createFileCase(options: FileCaseOptions): FilingPort['fileCase'] {
  return async (request) => {
    const now = options.clock();
    const filed = await options.records.createFiledCase({
      ...request,
      now,
      nota: FILING_NOTAS.recibido,
      autor: FILING_AUTOR_CHAT,
      judge: judge(request.tipo),
      compose: (person, numero) =>
        composeEmail(
          options.render,
          person.email,
          filingConfirmationEmail({ tipo: request.tipo, nombres: person.nombres, numero, fecha: now, pensionTipo: person.pensionTipo }),
          `filing:${numero}`,
        ),
    });
    return { numero: filed.numero, created: filed.created, maskedEmail: filed.email ? maskEmail(filed.email) : undefined };
  };
}
