/**
 * Intake checks for documents attached in the chat ("anexe todos los requisitos en formato JPG o PDF
 * (peso máximo 1MB)"). Files are judged by their bytes only; the client's name and type only explain refusals.
 */
import { createHash } from 'node:crypto';
import { documentRefusal } from '../../catalog';
import { kindFromExtension, kindFromMediaType, safeExtension } from './claims';
import { checkJpeg } from './jpeg';
import { MAX_DOCUMENT_BYTES, MIN_IMAGE_HEIGHT, MIN_IMAGE_WIDTH } from './limits';
import { detectKind, hasMisplacedPdfHeader } from './magic';
import { checkPdf } from './pdf';
import type { DocumentPurpose, IntakeResult, RefusedDocument } from './types';

export { MAX_DOCUMENT_BYTES, MIN_IMAGE_HEIGHT, MIN_IMAGE_WIDTH } from './limits';
export { MalformedJpegError, stripJpegMetadata } from './jpeg';
export { kindFromExtension, kindFromMediaType, safeExtension } from './claims';
export type { DetectedKind } from './magic';
export type { AcceptedDocument, DocumentPurpose, IntakeProblem, IntakeResult, RefusedDocument } from './types';

const PURPOSES: ReadonlySet<string> = new Set<DocumentPurpose>(['cedula', 'solicitud', 'codigo_extranjero', 'complemento']);

/** What {@link inspectDocument} receives: the uploaded bytes and what the client said about them. */
export interface IntakeInput {
  bytes: Buffer;
  declaredName?: string;
  declaredType?: string;
  purpose: DocumentPurpose;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Checks one attachment: not empty, at most {@link MAX_DOCUMENT_BYTES}, a PDF (`%PDF-` at offset 0,
 * parses, not encrypted, ≥ 1 page) or a JPEG (`FF D8 FF`, decodes, large enough to read). Decides by magic
 * numbers only; `declaredName`/`declaredType` are used only to explain refusals. An accepted JPEG comes back
 * without its metadata; `size` and `sha256` describe the returned bytes; `safeName` is `<purpose>.pdf|jpg`.
 * Throws a TypeError for an unknown `purpose` (it names the stored file).
 */
export async function inspectDocument(input: IntakeInput): Promise<IntakeResult> {
  const { bytes, purpose } = input;
  if (!PURPOSES.has(purpose)) throw new TypeError(`unknown document purpose: ${String(purpose)}`);
  const claimed = kindFromExtension(safeExtension(input.declaredName)) ?? kindFromMediaType(input.declaredType);
  const refuse = (fields: Omit<RefusedDocument, 'ok' | 'claimed'>): RefusedDocument =>
    claimed === undefined ? { ok: false, ...fields } : { ok: false, ...fields, claimed };

  if (bytes.length === 0) return refuse({ problem: 'EMPTY' });
  if (bytes.length > MAX_DOCUMENT_BYTES) return refuse({ problem: 'TOO_LARGE', size: bytes.length });

  const detected = detectKind(bytes);
  if (detected === 'pdf') {
    const pdf = await checkPdf(bytes);
    if (!pdf.ok) return refuse({ problem: pdf.problem, detected });
    return {
      ok: true,
      kind: 'pdf',
      mediaType: 'application/pdf',
      bytes,
      size: bytes.length,
      sha256: sha256(bytes),
      pages: pdf.pages,
      safeName: `${purpose}.pdf`,
    };
  }
  if (detected === 'jpeg') {
    const jpeg = checkJpeg(bytes);
    if (!jpeg.ok) {
      return jpeg.problem === 'IMAGE_TOO_SMALL'
        ? refuse({ problem: jpeg.problem, detected, width: jpeg.width, height: jpeg.height })
        : refuse({ problem: jpeg.problem, detected });
    }
    return {
      ok: true,
      kind: 'jpeg',
      mediaType: 'image/jpeg',
      bytes: jpeg.bytes,
      size: jpeg.bytes.length,
      sha256: sha256(jpeg.bytes),
      width: jpeg.width,
      height: jpeg.height,
      safeName: `${purpose}.jpg`,
    };
  }
  if (hasMisplacedPdfHeader(bytes)) return refuse({ problem: 'PDF_UNREADABLE', detected: 'pdf' });
  return refuse({ problem: 'UNSUPPORTED_TYPE', detected });
}

/**
 * The chat's message for a refused document, from the catalog: `declaredName` is used only for its extension
 * ("termina en .jpg, pero es una imagen PNG"), never echoed.
 */
export function refusalMessage(result: RefusedDocument, declaredName?: string): string {
  const ext = safeExtension(declaredName);
  return documentRefusal(result, { ext, extKind: kindFromExtension(ext), minWidth: MIN_IMAGE_WIDTH, minHeight: MIN_IMAGE_HEIGHT });
}
