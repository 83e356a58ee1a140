/** JPEG checks: marker-level parsing, metadata stripping without re-encoding, and a real decode. */
import { decode } from 'jpeg-js';
import { MAX_IMAGE_MEGAPIXELS, MIN_IMAGE_HEIGHT, MIN_IMAGE_WIDTH } from './limits';

/** Thrown by {@link stripJpegMetadata} for bytes that are not a complete, well-formed JPEG. */
export class MalformedJpegError extends Error {
  override readonly name = 'MalformedJpegError';
}

/** Outcome of {@link checkJpeg}. */
export type JpegCheck =
  | { ok: true; width: number; height: number; bytes: Buffer }
  | { ok: false; problem: 'IMAGE_UNREADABLE' }
  | { ok: false; problem: 'IMAGE_TOO_SMALL'; width: number; height: number };

/** Start-of-frame markers (baseline, extended, progressive, lossless; Huffman or arithmetic): they carry the dimensions. */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const SOS = 0xda;
const EOI = 0xd9;
const COM = 0xfe;
/** APP0 (JFIF) and APP14 (Adobe colour transform) are kept: decoders need them to get colours right. */
const KEPT_APP_MARKERS = new Set([0xe0, 0xee]);

function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

function isDroppedMetadata(marker: number): boolean {
  return marker === COM || (marker >= 0xe0 && marker <= 0xef && !KEPT_APP_MARKERS.has(marker));
}

/** Index of the marker that ends entropy-coded data starting at `from` (skipping stuffed `FF 00` and restart markers). */
function endOfScan(bytes: Buffer, from: number): number {
  let i = bytes.indexOf(0xff, from);
  while (i !== -1 && i + 1 < bytes.length) {
    const next = bytes[i + 1];
    if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return i;
    i = bytes.indexOf(0xff, i + 1);
  }
  throw new MalformedJpegError('truncated JPEG: the image data does not end');
}

/** Walks the marker segments, dropping metadata; returns the frame size and the rebuilt bytes (up to EOI). */
function rebuild(bytes: Buffer): { width: number; height: number; stripped: Buffer } {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new MalformedJpegError('does not start with SOI');
  const parts: Buffer[] = [bytes.subarray(0, 2)];
  let pos = 2;
  let width = 0;
  let height = 0;
  let scans = 0;
  for (;;) {
    if (pos >= bytes.length) throw new MalformedJpegError('truncated JPEG: no EOI marker');
    if (bytes[pos] !== 0xff) throw new MalformedJpegError(`expected a marker at byte ${pos}`);
    while (pos < bytes.length && bytes[pos] === 0xff) pos++;
    if (pos >= bytes.length) throw new MalformedJpegError('truncated JPEG: incomplete marker');
    const marker = bytes[pos];
    const start = pos - 1;
    pos++;
    if (marker === EOI) {
      if (scans === 0) throw new MalformedJpegError('JPEG sin datos de imagen');
      parts.push(bytes.subarray(start, pos));
      break;
    }
    if (isStandalone(marker)) {
      parts.push(bytes.subarray(start, pos));
      continue;
    }
    if (marker === 0x00 || marker === 0xd8) throw new MalformedJpegError(`marcador inesperado 0x${marker.toString(16)}`);
    if (pos + 2 > bytes.length) throw new MalformedJpegError('truncated JPEG: incomplete segment');
    const length = bytes.readUInt16BE(pos);
    if (length < 2 || pos + length > bytes.length) throw new MalformedJpegError('truncated JPEG: incomplete segment');
    pos += length;
    if (SOF_MARKERS.has(marker)) {
      if (length < 8) throw new MalformedJpegError('cabecera de cuadro (SOF) demasiado corta');
      height = bytes.readUInt16BE(start + 5);
      width = bytes.readUInt16BE(start + 7);
      if (width === 0 || height === 0) throw new MalformedJpegError('dimensiones nulas en la cabecera SOF');
    }
    if (!isDroppedMetadata(marker)) parts.push(bytes.subarray(start, pos));
    if (marker === SOS) {
      if (width === 0) throw new MalformedJpegError('image data before the SOF header');
      const end = endOfScan(bytes, pos);
      parts.push(bytes.subarray(pos, end));
      pos = end;
      scans++;
    }
  }
  return { width, height, stripped: Buffer.concat(parts) };
}

/**
 * Removes APP1 (EXIF/XMP), APP13 (IPTC), every other APPn except APP0 (JFIF) and APP14 (Adobe), COM
 * segments, and anything after EOI, without re-encoding. Throws {@link MalformedJpegError} on a malformed
 * or truncated JPEG.
 */
export function stripJpegMetadata(bytes: Buffer): Buffer {
  return rebuild(bytes).stripped;
}

/**
 * Checks a JPEG (already known to start `FF D8 FF`): well-formed markers, a real decode of the stripped
 * bytes (catches truncation and corrupt data), and a long side ≥ {@link MIN_IMAGE_WIDTH} and short side
 * ≥ {@link MIN_IMAGE_HEIGHT}. On success returns the stripped bytes to store.
 */
export function checkJpeg(bytes: Buffer): JpegCheck {
  let layout: { width: number; height: number; stripped: Buffer };
  try {
    layout = rebuild(bytes);
    const decoded = decode(layout.stripped, {
      useTArray: true,
      formatAsRGBA: false,
      tolerantDecoding: false,
      maxResolutionInMP: MAX_IMAGE_MEGAPIXELS,
      maxMemoryUsageInMB: 512,
    });
    if (decoded.width !== layout.width || decoded.height !== layout.height) return { ok: false, problem: 'IMAGE_UNREADABLE' };
  } catch {
    return { ok: false, problem: 'IMAGE_UNREADABLE' };
  }
  const { width, height, stripped } = layout;
  const longSide = Math.max(width, height);
  const shortSide = Math.min(width, height);
  if (longSide < MIN_IMAGE_WIDTH || shortSide < MIN_IMAGE_HEIGHT) return { ok: false, problem: 'IMAGE_TOO_SMALL', width, height };
  return { ok: true, width, height, bytes: stripped };
}
