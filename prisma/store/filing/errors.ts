import type { IneligibilityReason } from '../../../core/ports';

/** The citizen may not file this trámite (checked again inside the filing transaction). */
export class FilingRefusedError extends Error {
  constructor(readonly reason: IneligibilityReason) {
    super(`Solicitud rechazada: ${reason}`);
    this.name = 'FilingRefusedError';
  }
}

/** Some documents given to a filing are not the citizen's, do not exist, or already belong to a case. */
export class DocumentNotAttachableError extends Error {
  constructor(readonly documentIds: readonly string[]) {
    super(`Documentos que no se pueden adjuntar: ${documentIds.length}`);
    this.name = 'DocumentNotAttachableError';
  }
}

/** True for Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
