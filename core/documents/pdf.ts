/** PDF checks: the file must parse with pdf-lib, not be encrypted, and have at least one page. */
import type { PDFDocument } from 'pdf-lib';

/** Outcome of {@link checkPdf}: the page count, or why the PDF is refused. */
export type PdfCheck = { ok: true; pages: number } | { ok: false; problem: 'PDF_UNREADABLE' | 'PDF_ENCRYPTED' | 'PDF_NO_PAGES' };

/** The spec puts `%%EOF` on the last line; readers accept it within the last 1024 bytes. */
const EOF_WINDOW = 1024;
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');

/** True when `%%EOF` is within the last 1024 bytes: a cheap, reliable sign the upload was not cut short. */
function hasEofMarker(bytes: Buffer): boolean {
  return bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)).includes(EOF_MARKER);
}

/**
 * Parses a PDF (already known to start with `%PDF-`). A file cut short (no `%%EOF` at the end) or one
 * pdf-lib cannot parse is `PDF_UNREADABLE`; an encrypted one (trailer `/Encrypt`, with or without a user
 * password) is `PDF_ENCRYPTED`; one without pages is `PDF_NO_PAGES`. The bytes are not modified.
 * pdf-lib's `EncryptedPDFError` cannot be told apart with `instanceof` (ES5 build), hence `isEncrypted`.
 * pdf-lib is loaded on the first PDF, not at start-up (it is about a quarter of a second of the cold start).
 */
export async function checkPdf(bytes: Buffer): Promise<PdfCheck> {
  if (!hasEofMarker(bytes)) return { ok: false, problem: 'PDF_UNREADABLE' };
  const pdfLib = await import('pdf-lib');
  let doc: PDFDocument;
  try {
    doc = await pdfLib.PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch {
    return { ok: false, problem: 'PDF_UNREADABLE' };
  }
  if (doc.isEncrypted) return { ok: false, problem: 'PDF_ENCRYPTED' };
  let pages: number;
  try {
    pages = doc.getPages().length;
  } catch {
    return { ok: false, problem: 'PDF_UNREADABLE' };
  }
  return pages > 0 ? { ok: true, pages } : { ok: false, problem: 'PDF_NO_PAGES' };
}
