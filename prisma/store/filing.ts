import type { PrismaClient } from '../client';
import { findFilingCandidate } from './filing/candidates';
import { createFiledCase } from './filing/fileCase';
import { attachMissingDocument } from './filing/missingDocument';
import { getCitizenCaseHistory, listCitizenCases } from './filing/queries';

export { DocumentNotAttachableError, FilingRefusedError } from './filing/errors';
export type { FilingCandidate, FilingCandidateRow } from './filing/candidates';

/**
 * The filing rows and writes bound to one client: what core/usecases/filing.ts composes into the FilingPort. No rules,
 * no copy: eligibility rules, notes and e-mails arrive as arguments.
 */
export function createFilingRecords(db: PrismaClient) {
  return {
    findFilingCandidate: (o: Parameters<typeof findFilingCandidate>[1]) => findFilingCandidate(db, o),
    createFiledCase: (o: Parameters<typeof createFiledCase>[1]) => createFiledCase(db, o),
    attachMissingDocument: (o: Parameters<typeof attachMissingDocument>[1]) => attachMissingDocument(db, o),
    listCases: (o: { afiliadoId: string }) => listCitizenCases(db, o),
    getCaseHistory: (o: { afiliadoId: string; numero: string }) => getCitizenCaseHistory(db, o),
  };
}

/** The filing records' type. */
export type FilingRecordsStore = ReturnType<typeof createFilingRecords>;
