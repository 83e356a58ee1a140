import { badArgument } from './errors';

/** One part of a multipart/form-data body. */
export interface FormPart {
  /** The form field name (`activity`, `file`...). */
  name: string;
  /** The file name the client declared, undecoded beyond the form-data escapes; undefined for plain fields. */
  filename?: string;
  /** The declared Content-Type of the part, if any. */
  contentType?: string;
  data: Buffer;
}

const MAX_PARTS = 21;

/** The boundary of a multipart/form-data Content-Type header (400 if the request is not multipart). */
export function multipartBoundary(contentType: string | undefined): string {
  const match = /^multipart\/form-data\s*;.*?boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType ?? '');
  if (!match) throw badArgument('Expected a multipart/form-data body with a boundary.');
  return match[1] ?? match[2];
}

function headerParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"([^"]*)"|([^;]*))/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    params[m[1].toLowerCase()] = m[2] !== undefined ? m[2] : m[3].trim();
  }
  return params;
}

function decodeFilename(params: Record<string, string>): string | undefined {
  const extended = params['filename*'];
  if (extended) {
    const m = /^utf-8'[^']*'(.*)$/i.exec(extended);
    if (m) {
      try {
        return decodeURIComponent(m[1]);
      } catch {
        return m[1];
      }
    }
  }
  const plain = params.filename;
  return plain === undefined ? undefined : plain.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

function parseHeaders(block: string): { disposition: Record<string, string>; contentType?: string } {
  let disposition: Record<string, string> = {};
  let contentType: string | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') disposition = headerParams(value);
    else if (key === 'content-type') contentType = value;
  }
  return { disposition, contentType };
}

/** Splits a buffered multipart/form-data body into its parts; 400 if it is malformed. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badArgument('Malformed multipart body.');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString('latin1') === '--') return parts;
    if (body.subarray(pos, pos + 2).toString('latin1') !== '\r\n') throw badArgument('Malformed multipart body.');
    const headerEnd = body.indexOf('\r\n\r\n', pos + 2);
    if (headerEnd < 0) throw badArgument('Malformed multipart body.');
    const { disposition, contentType } = parseHeaders(body.subarray(pos + 2, headerEnd).toString('utf8'));
    const dataStart = headerEnd + 4;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), dataStart);
    if (next < 0) throw badArgument('Malformed multipart body.');
    if (parts.length >= MAX_PARTS) throw badArgument('Too many parts in the upload.');
    parts.push({
      name: disposition.name ?? '',
      filename: decodeFilename(disposition),
      contentType,
      data: body.subarray(dataStart, next),
    });
    pos = next + 2;
  }
}
