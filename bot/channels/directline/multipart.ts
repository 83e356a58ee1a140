import busboy from 'busboy';
import type { Request } from 'restify';
import { badArgument } from './errors';
import { readBody } from './http';

/** One part of a multipart/form-data body. */
export interface FormPart {
  /** The form field name (`activity`, `file`...). */
  name: string;
  /** The file name the client declared, undecoded beyond the form-data escapes; undefined for plain fields. */
  filename?: string;
  /** The declared Content-Type of the part (RFC 7578: text/plain when the part declares none). */
  contentType?: string;
  data: Buffer;
}

/** Most parts one upload may hold: the activity and up to 20 files. */
const MAX_PARTS = 21;

/** WHATWG FormData escapes `"`, CR and LF in a plain `filename=` parameter; busboy leaves them escaped. */
function unescapeFilename(name: string | undefined): string | undefined {
  return name?.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

type Parser = ReturnType<typeof busboy>;

/** A busboy parser for the request's Content-Type; 400 if the request is not multipart/form-data with a boundary. */
function createParser(contentType: string | undefined, limit: number): Parser {
  if (!/^multipart\/form-data\s*;/i.test(contentType ?? '')) {
    throw badArgument('Expected a multipart/form-data body with a boundary.');
  }
  try {
    return busboy({
      headers: { 'content-type': contentType },
      preservePath: true,
      defParamCharset: 'utf8',
      // busboy emits partsLimit once the count reaches the limit, so one more than we accept.
      limits: { parts: MAX_PARTS + 1, fieldSize: limit, headerPairs: 100 },
    });
  } catch {
    throw badArgument('Expected a multipart/form-data body with a boundary.');
  }
}

/** Splits a buffered multipart/form-data body into its parts with busboy; 400 if it is malformed or has too many parts. */
function parse(parser: Parser, body: Buffer): Promise<FormPart[]> {
  return new Promise((resolve, reject) => {
    const parts: FormPart[] = [];
    let failed = false;
    const fail = (message: string): void => {
      if (failed) return;
      failed = true;
      reject(badArgument(message));
    };
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      const part: FormPart = { name, filename: unescapeFilename(info.filename), contentType: info.mimeType, data: Buffer.alloc(0) };
      parts.push(part);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        part.data = Buffer.concat(chunks);
      });
      stream.on('error', () => fail('Malformed multipart body.'));
    });
    parser.on('field', (name, value, info) => {
      parts.push({ name, contentType: info.mimeType, data: Buffer.from(value, 'utf8') });
    });
    parser.on('partsLimit', () => fail('Too many parts in the upload.'));
    parser.on('error', () => fail('Malformed multipart body.'));
    parser.on('close', () => {
      if (!failed) resolve(parts);
    });
    parser.end(body);
  });
}

/**
 * Reads a multipart/form-data upload: 400 before reading when the request is not multipart, 413 as soon as the
 * body passes `limit` bytes, 400 when busboy finds it malformed or it has more than 21 parts.
 */
export async function readMultipart(req: Request, limit: number): Promise<FormPart[]> {
  const parser = createParser(req.headers['content-type'], limit);
  return parse(parser, await readBody(req, limit));
}
