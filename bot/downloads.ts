import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, Response, Server } from 'restify';
import type { ConversationKey } from '../core/ports';
import { PAGINA_DESCARGAS } from '../catalog';
import type { PrismaClient } from '../prisma/client';
import { resolveDownload, type ResolvedDownload } from '../prisma/store/downloads';
import type { FileStorage } from './fileStorage';
import type { SignInBinding } from './channels/channel';
import type { Logger } from './logger';
import { escapeHtml } from './mail/layout';
import { pageLayout } from './pages/layout';

/** Path of the download links; the token is the last segment. */
export const DOWNLOADS_PATH = '/descargas';

/** What the download route needs. */
export interface DownloadsOptions {
  prisma: PrismaClient;
  storage: FileStorage;
  clock: () => Date;
  logger: Logger;
  /**
   * Whether the request comes from the browser holding a chat (the channels' sign-in binding, signInBindingOf);
   * without it, links bound to a chat are served to any browser.
   */
  binding?: SignInBinding;
}

/** The conversation of the bot turn running now, so a download link granted in it is bound to it. */
const turnConversation = new AsyncLocalStorage<ConversationKey>();

/**
 * Runs `work` (a bot turn) with its conversation as the owner of any download link granted meanwhile
 * ({@link currentTurnConversation}); the dialogs and use cases need not pass it along.
 */
export function withTurnConversation<T>(conversation: ConversationKey | undefined, work: () => Promise<T>): Promise<T> {
  return conversation ? turnConversation.run(conversation, work) : work();
}

/** The conversation of the bot turn that is running, if any. */
export function currentTurnConversation(): ConversationKey | undefined {
  return turnConversation.getStore();
}

/** Headers of every answer: the URL holds a capability, so nothing is cached and no Referer carries it away. */
const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function page(title: string, message: string): Buffer {
  return Buffer.from(
    pageLayout({ title, heading: PAGINA_DESCARGAS.encabezado, body: `<p role="status">${escapeHtml(message)}</p>` }),
    'utf8',
  );
}

/** The one page for unknown, malformed and expired links alike, so the answer reveals nothing about the token. */
export const INVALID_LINK_PAGE = page(PAGINA_DESCARGAS.invalidoTitulo, PAGINA_DESCARGAS.invalido);
const UNAVAILABLE_PAGE = page(PAGINA_DESCARGAS.noDisponibleTitulo, PAGINA_DESCARGAS.noDisponible);
/** A link bound to a chat, opened in another browser (a forwarded link). */
export const OTHER_BROWSER_PAGE = page(PAGINA_DESCARGAS.otroNavegadorTitulo, PAGINA_DESCARGAS.otroNavegador);

function sendPage(res: Response, status: number, body: Buffer): void {
  res.sendRaw(status, body, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  });
}

/** RFC 5987 value: percent-encodes everything but attr-char. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Content-Disposition for a download: an ASCII fallback (accents dropped) plus the exact UTF-8 name. */
export function attachmentDisposition(nombre: string): string {
  const ascii = nombre
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(nombre)}`;
}

/**
 * Registers GET /descargas/:token: the stored bytes as an attachment while the link is valid, otherwise a 404
 * page in Spanish that is the same for unknown, malformed and expired tokens; a link bound to a chat opened in
 * another browser than the chat's gets a 403 page. The token is never logged.
 */
export function registerDownloads(server: Server, options: DownloadsOptions): void {
  const { prisma, storage, clock, logger, binding } = options;
  server.get(`${DOWNLOADS_PATH}/:token`, async (req: Request, res: Response) => {
    const token = typeof req.params?.token === 'string' ? req.params.token : '';
    let found: ResolvedDownload | undefined;
    try {
      found = await resolveDownload(prisma, { token, now: clock() });
    } catch (err) {
      logger.error('download_lookup_failed', { error: err });
      sendPage(res, 503, UNAVAILABLE_PAGE);
      return;
    }
    if (!found) {
      logger.info('download_link_invalid');
      sendPage(res, 404, INVALID_LINK_PAGE);
      return;
    }
    if (found.conversation && binding && !(await binding(found.conversation, req))) {
      logger.warn('download_other_browser', { channelId: found.conversation.channelId });
      sendPage(res, 403, OTHER_BROWSER_PAGE);
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await storage.read(found.storageKey);
    } catch (err) {
      logger.error('download_read_failed', { storageKey: found.storageKey, error: err });
      sendPage(res, 500, UNAVAILABLE_PAGE);
      return;
    }
    logger.info('download_served', { mediaType: found.mediaType, size: bytes.length });
    res.sendRaw(200, bytes, {
      ...COMMON_HEADERS,
      'Content-Type': found.mediaType,
      'Content-Length': String(bytes.length),
      'Content-Disposition': attachmentDisposition(found.nombre),
    });
  });
}
