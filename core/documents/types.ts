/** Result types of the document intake checks. */
import type { DocumentPurposeName, DocumentRefusalFacts } from '../domain/cases';

export type { IntakeProblem } from '../domain/cases';

/**
 * Which requirement of the trámite the attachment is for; it also names the stored file. `complemento` is a
 * document the IESS asked for later (a case that requires information).
 */
export type DocumentPurpose = DocumentPurposeName;

/** An accepted document, ready to store under `safeName`. */
export interface AcceptedDocument {
  ok: true;
  kind: 'pdf' | 'jpeg';
  mediaType: 'application/pdf' | 'image/jpeg';
  /** What to store: a JPEG without its EXIF/APPn metadata; a PDF unchanged. */
  bytes: Buffer;
  /** Length of `bytes`. */
  size: number;
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
  width?: number;
  height?: number;
  pages?: number;
  /** Chosen by the server from the purpose (e.g. `cedula.pdf`); never derived from the client's name. */
  safeName: string;
}

/**
 * A refused document. `detected` is what the bytes really are; `claimed` what the client's name or
 * declared type said it was; `size`, `width`, `height` explain TOO_LARGE and IMAGE_TOO_SMALL.
 */
export interface RefusedDocument extends DocumentRefusalFacts {
  ok: false;
}

/** Outcome of `inspectDocument`. */
export type IntakeResult = AcceptedDocument | RefusedDocument;
