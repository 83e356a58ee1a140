/**
 * Sample files for the document tests, built in memory: valid ones the intake accepts (a legible JPEG, a one-page
 * PDF) and the invalid ones issue 5 names (a PNG to rename .jpg, a truncated PDF, a 1,048,577-byte file, a text file).
 */
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { encode } from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';

/** One byte over the 1 MB limit. */
export const OVERSIZED_BYTES = 1_048_577;

/** A JPEG of `width` × `height` pixels in one grey shade (legible size by default: the minimum is 600 × 400). */
export function makeJpeg(width = 1200, height = 900, shade = 0x90): Buffer {
  return encode({ width, height, data: Buffer.alloc(width * height * 4, shade) }, 80).data;
}

/** A legible JPEG with an EXIF APP1 segment, right after SOI, that carries `text` (GPS-like bytes to strip). */
export function makeJpegWithExif(text: string, width = 1200, height = 900): Buffer {
  const payload = Buffer.concat([Buffer.from('Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08', 'latin1'), Buffer.from(text, 'utf8')]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  const jpeg = makeJpeg(width, height);
  return Buffer.concat([jpeg.subarray(0, 2), header, payload, jpeg.subarray(2)]);
}

/** A valid PDF with `pages` blank A4 pages. */
export async function makePdf(pages = 1): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}

/** The first half of a valid PDF: it starts with `%PDF-` but does not parse. */
export async function makeTruncatedPdf(): Promise<Buffer> {
  const pdf = await makePdf();
  return pdf.subarray(0, Math.floor(pdf.length / 2));
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A real black greyscale PNG of `width` × `height` pixels (large enough to be legible: only its format is wrong). */
export function makePng(width = 800, height = 600): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc((width + 1) * height, 0))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A file of `size` bytes (1,048,577 by default) that starts like a PDF, so only its weight is wrong. */
export function makeOversizedFile(size = OVERSIZED_BYTES): Buffer {
  const head = Buffer.from('%PDF-1.4\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length, 0x20)]);
}

/** A plain UTF-8 text file. */
export function makeTextFile(text = 'Cédula 1849579501\n'): Buffer {
  return Buffer.from(text, 'utf8');
}

/** Hex SHA-256 of some bytes, as the store records it. */
export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file a test channel holds: its bytes and the conversation it was uploaded to. */
export interface TestUpload {
  bytes: Buffer;
  contentType: string;
  name: string;
  conversationId: string;
}

/** The real readers of the channels, under the names the tests use: Direct Line uploads, and dispatch by channel id. */
export { directLineAttachmentReader as directLineReader } from '../../bot/channels/directline/attachments';
export { attachmentReaderByChannel as readerByChannel } from '../../bot/channels/attachments';
