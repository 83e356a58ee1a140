/**
 * Typed errors of the use cases: each has a stable code; the Spanish text a person reads is taken from the catalog
 * by the edge that shows it, never from `message` (which is for logs, in English).
 */
import type { IneligibilityReason } from './cases';

/** Codes of the domain errors. */
export type DomainErrorCode =
  | 'FILING_REFUSED'
  | 'DOCUMENT_NOT_ATTACHABLE'
  | 'PERSON_NOT_FOUND'
  | 'NO_EMAIL'
  /** WhatsApp: a template for a citizen who did not accept notifications (bot/channels/whatsapp). */
  | 'whatsapp_sin_consentimiento';

/** Base of every domain error: a code the edge maps to catalog copy. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The citizen may not file this trámite (checked again inside the filing transaction). */
export class FilingRefusedError extends DomainError {
  constructor(readonly reason: IneligibilityReason) {
    super('FILING_REFUSED', `Filing refused: ${reason}`);
    this.name = 'FilingRefusedError';
  }
}

/** Some documents given to a filing are not the citizen's, do not exist, or already belong to a case. */
export class DocumentNotAttachableError extends DomainError {
  constructor(readonly documentIds: readonly string[]) {
    super('DOCUMENT_NOT_ATTACHABLE', `Documents that cannot be attached: ${documentIds.length}`);
    this.name = 'DocumentNotAttachableError';
  }
}

/** A use case was asked to act for an identification the store does not know (the journey checked it before). */
export class PersonNotFoundError extends DomainError {
  constructor(what: string) {
    super('PERSON_NOT_FOUND', `${what}: no such person`);
    this.name = 'PersonNotFoundError';
  }
}

/** A use case needed an e-mail address and the person has none. */
export class NoEmailError extends DomainError {
  constructor(what: string) {
    super('NO_EMAIL', `${what}: no e-mail address`);
    this.name = 'NoEmailError';
  }
}
