import type { Attachment } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { ATTACHMENTS_PATH, attachmentUrl, validateInbound } from './activity';
import { badArgument, DirectLineError, notFound } from './errors';
import { routeParam } from './http';
import { readMultipart, type FormPart } from './multipart';
import { handled, type RouteContext } from './routes';
import type { NewAttachment } from './store';
import { randomId } from './tokens';
import { postActivity } from './turns';

const MAX_NAME = 255;

/** A file name safe to show and to put in a header: last path segment, no control characters, at most 255 chars. */
export function sanitizeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const printable = Array.from(base)
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('');
  const clean = Array.from(printable.trim()).slice(0, MAX_NAME).join('');
  return clean === '' || clean === '.' || clean === '..' ? 'file' : clean;
}

/** The media type the client declared, reduced to type/subtype; application/octet-stream if absent or malformed. */
export function declaredType(contentType: string | undefined): string {
  const essence = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(essence) ? essence : 'application/octet-stream';
}

function activityPart(parts: FormPart[]): unknown {
  const part = parts.find((p) => p.name === 'activity');
  if (!part) return { type: 'message' };
  try {
    return JSON.parse(part.data.toString('utf8'));
  } catch {
    throw badArgument('The activity part is not valid JSON.');
  }
}

function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function upload(ctx: RouteContext, req: Request, res: Response): Promise<void> {
  const grant = await ctx.tokens.authenticateToSend(req, res, routeParam(req, 'id'));
  const parts = await readMultipart(req, ctx.options.maxUploadBytes);
  const body = validateInbound(activityPart(parts));
  const files = parts.filter((p) => p.name !== 'activity');
  const rows: NewAttachment[] = [];
  const list: Attachment[] = [];
  try {
    for (const file of files) {
      const id = randomId(16);
      const name = sanitizeFileName(file.filename ?? file.name);
      const contentType = declaredType(file.contentType);
      const storageKey = await ctx.options.attachments.save(Buffer.from(file.data));
      rows.push({ id, name, contentType, size: file.data.length, storageKey });
      list.push({ contentType, contentUrl: attachmentUrl(ctx.options.baseUrl, id), name });
    }
  } catch (error) {
    // A full disk or an unavailable storage: the files of this upload already kept are removed, nothing is posted.
    await Promise.all(rows.map((row) => ctx.options.attachments.remove?.(row.storageKey).catch(() => undefined)));
    ctx.logger.warn('directline.upload_storage_failed', { conversationId: grant.conversationId, files: files.length, error });
    throw new DirectLineError(507, 'InsufficientStorage', 'The files could not be stored; nothing was kept. Try again later.');
  }
  const id = await postActivity(ctx, grant, body, rows, list);
  res.send(200, { id });
}

async function download(ctx: RouteContext, req: Request, res: Response): Promise<void> {
  const id = routeParam(req, 'attachmentId');
  const row = /^[A-Za-z0-9_-]{16,64}$/.test(id) ? await ctx.store.attachment(id) : null;
  if (!row) throw notFound('Attachment');
  const bytes = await ctx.options.attachments.read(row.storageKey);
  res.sendRaw(200, bytes, {
    'Content-Type': row.contentType,
    'Content-Length': String(bytes.length),
    'Content-Disposition': contentDisposition(row.name),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=300',
  });
}

/** Registers the multipart upload route and the attachment download route. */
export function registerAttachmentRoutes(server: Server, ctx: RouteContext): void {
  server.post(
    '/v3/directline/conversations/:id/upload',
    handled(ctx, 'upload', (req, res) => upload(ctx, req, res)),
  );
  server.get(
    `${ATTACHMENTS_PATH}/:attachmentId`,
    handled(ctx, 'attachment', (req, res) => download(ctx, req, res)),
  );
}
