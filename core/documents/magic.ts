/**
 * File-type detection by magic numbers (the file's first bytes), never by name or declared type.
 * Only `pdf` and `jpeg` are accepted; the other kinds exist so a refusal can say what the file really is.
 */

import type { DetectedKind } from '../domain/cases';

export type { DetectedKind } from '../domain/cases';

/** How many leading bytes the text heuristic looks at. */
const TEXT_SAMPLE_BYTES = 4096;

/** How far into a file a misplaced `%PDF-` header is looked for (to explain a refusal only). */
const LATE_PDF_HEADER_WINDOW = 1024;

const PDF_HEADER = Buffer.from('%PDF-', 'latin1');
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const VIDEO_BRANDS = new Set(['isom', 'iso2', 'mp41', 'mp42', 'qt  ', 'M4V ', '3gp4', '3gp5', '3gp6', '3g2a', 'avc1']);

function startsWith(bytes: Buffer, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.length >= end ? bytes.toString('latin1', start, end) : '';
}

/** ISO base media file (`....ftyp`): HEIC/HEIF and AVIF photos (iPhones, recent Android) or a video. */
function detectIsoBmff(bytes: Buffer): DetectedKind | undefined {
  if (ascii(bytes, 4, 8) !== 'ftyp') return undefined;
  const boxSize = bytes.readUInt32BE(0);
  const end = Math.min(bytes.length, boxSize >= 16 ? boxSize : 16);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic';
  if (brands.some((b) => VIDEO_BRANDS.has(b))) return 'video';
  return 'unknown';
}

/** A ZIP container; Word's DOCX is told apart by its `word/` entries, whose names are stored uncompressed. */
function detectZip(bytes: Buffer): DetectedKind | undefined {
  const local = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  const empty = startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
  if (!local && !empty) return undefined;
  return bytes.includes('word/document.xml', 0, 'latin1') ? 'docx' : 'zip';
}

/**
 * Plain text: a byte-order mark, or no control bytes other than tab, line breaks, form feed and
 * Ctrl-Z in the first {@link TEXT_SAMPLE_BYTES} bytes (bytes ≥ 0x80 are allowed: UTF-8 or Windows-1252).
 */
function looksLikeText(bytes: Buffer): boolean {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return true;
  }
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  for (const b of sample) {
    const allowedControl = b === 0x09 || b === 0x0a || b === 0x0b || b === 0x0c || b === 0x0d || b === 0x1a;
    if ((b < 0x20 && !allowedControl) || b === 0x7f) return false;
  }
  return sample.length > 0;
}

/**
 * The kind of a file from its magic numbers. A PDF must start with `%PDF-` at offset 0 — no leading
 * junk is tolerated, to keep the check strict (see {@link hasMisplacedPdfHeader}). A JPEG starts `FF D8 FF`.
 */
export function detectKind(bytes: Buffer): DetectedKind {
  if (bytes.length >= PDF_HEADER.length && bytes.subarray(0, PDF_HEADER.length).equals(PDF_HEADER)) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const head6 = ascii(bytes, 0, 6);
  if (head6 === 'GIF87a' || head6 === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  const isoKind = detectIsoBmff(bytes);
  if (isoKind) return isoKind;
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 14 && bytes.readUInt32LE(6) === 0) return 'bmp';
  const zipKind = detectZip(bytes);
  if (zipKind) return zipKind;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (looksLikeText(bytes)) return 'text';
  return 'unknown';
}

/** True when `%PDF-` appears in the first 1024 bytes but not at offset 0: a PDF with leading junk, which is refused. */
export function hasMisplacedPdfHeader(bytes: Buffer): boolean {
  const at = bytes.subarray(0, LATE_PDF_HEADER_WINDOW + PDF_HEADER.length).indexOf(PDF_HEADER);
  return at > 0;
}
