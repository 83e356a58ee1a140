/** The FilingPort the dialogs use, composed from the filing use cases over one set of store records. */
import type { CaseHistoryView, CaseStatusView } from '../domain/cases';
import type { Clock, FilingPort } from '../ports';
import { createCheckEligibility, type CandidateReader } from './checkEligibility';
import type { EmailRenderer } from './email';
import { createFileCase, type CaseWriter } from './fileCase';
import { createSubmitMissingDocument, type MissingDocumentWriter } from './submitMissingDocument';

/** Everything the filing use cases read and write (prisma/store/filing's createFilingRecords). */
export interface FilingRecords extends CandidateReader, CaseWriter, MissingDocumentWriter {
  listCases(options: { afiliadoId: string }): Promise<CaseStatusView[]>;
  getCaseHistory(options: { afiliadoId: string; numero: string }): Promise<CaseHistoryView | undefined>;
}

/** Builds the FilingPort: eligibility, idempotent filing with its e-mail, the citizen's cases, missing documents. */
export function createFiling(options: { records: FilingRecords; clock: Clock; render: EmailRenderer }): FilingPort {
  const { records } = options;
  return {
    checkEligibility: createCheckEligibility({ records }),
    fileCase: createFileCase(options),
    listCases: (o) => records.listCases(o),
    getCaseHistory: (o) => records.getCaseHistory(o),
    submitMissingDocument: createSubmitMissingDocument(options),
  };
}
