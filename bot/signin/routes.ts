import type { Request, Response, Server } from 'restify';
import { INGRESAR, INGRESAR_OTRO_NAVEGADOR, WHATSAPP_CODIGO } from '../../catalog';
import type { ConversationReferenceJson } from '../../core/ports';
import type { ChatHolderCheck, SessionStore, SignInClient, SignInLinkStatus } from '../../prisma/store/session';
import type { SignInBinding, SignInHold } from '../channels/channel';
import { browserKeyHashOf } from '../channels/directline/browserKey';
import { clientIp, readBody } from '../channels/directline/http';
import { DirectLineError } from '../channels/directline/errors';
import type { Logger } from '../logger';
import { SIGNIN_CSP, signInFormPage, signInMessagePage } from './pages';

/** Path of the sign-in page; the link sent in the chat is `/ingresar?t=TOKEN`. */
export const SIGNIN_PATH = '/ingresar';

/** Largest form accepted, in bytes: a token, an identification and a clave fit many times over. */
export const SIGNIN_MAX_BODY_BYTES = 4 * 1024;

/** What the sign-in page needs. */
export interface SignInRoutesDependencies {
  sessions: Pick<SessionStore, 'inspectLink' | 'signInWithLink'>;
  /** Continues the conversation the link was sent to, so its dialog receives SIGNIN_COMPLETED_EVENT. */
  continueConversation: (reference: ConversationReferenceJson) => Promise<void>;
  /** How a link is bound to the person holding the chat: every channel's binding (bot/channels/channelList.ts). */
  signInBinding: SignInBinding;
  /** Channels that confirm a sign-in from the chat (WhatsApp's code): the page shows the code instead of continuing. */
  signInHold?: SignInHold;
  logger: Logger;
}

const LINK_PAGES: Record<
  Exclude<SignInLinkStatus, 'valid'>,
  { status: number; title: string; message: string; aviso?: string; volver?: false }
> = {
  expired: { status: 410, title: INGRESAR.vencidoTitulo, message: INGRESAR.vencido },
  used: { status: 410, title: INGRESAR.usadoTitulo, message: INGRESAR.usado },
  unknown: { status: 404, title: INGRESAR.desconocidoTitulo, message: INGRESAR.desconocido },
  otherBrowser: {
    status: 403,
    title: INGRESAR_OTRO_NAVEGADOR.titulo,
    message: INGRESAR_OTRO_NAVEGADOR.mensaje,
    aviso: INGRESAR_OTRO_NAVEGADOR.aviso,
    volver: false,
  },
};

function send(res: Response, status: number, html: string, extra: Record<string, string> = {}): void {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'Content-Security-Policy': SIGNIN_CSP,
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

function sendLinkPage(res: Response, status: Exclude<SignInLinkStatus, 'valid'>): void {
  const page = LINK_PAGES[status];
  send(res, page.status, signInMessagePage(page.title, page.message, { aviso: page.aviso, volver: page.volver }));
}

/** Reads the urlencoded form; a status and page instead when the request is not one. */
async function readForm(req: Request): Promise<URLSearchParams | { status: number; message: string }> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    req.resume();
    return { status: 415, message: INGRESAR.tipoNoAdmitido };
  }
  try {
    return new URLSearchParams((await readBody(req, SIGNIN_MAX_BODY_BYTES)).toString('utf8'));
  } catch (error) {
    if (error instanceof DirectLineError && error.status === 413) return { status: 413, message: INGRESAR.muyGrande };
    return { status: 400, message: INGRESAR.invalida };
  }
}

/**
 * GET /ingresar?t=TOKEN shows the form (or a page saying the link expired, was used, is unknown, or was opened in
 * another browser than the chat's: 403, checked by the channel's sign-in binding before any clave is read);
 * POST /ingresar checks the identification and clave, opens the session and continues the chat. Neither the
 * token, the browser key, the identification nor the clave is ever logged.
 */
export function registerSignInRoutes(server: Server, deps: SignInRoutesDependencies): void {
  const { sessions, logger } = deps;
  const holderOf =
    (req: Request): ChatHolderCheck =>
    (conversation) =>
      deps.signInBinding(conversation, req);

  server.get(SIGNIN_PATH, async (req: Request, res: Response) => {
    try {
      const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('t') ?? '';
      const status = await sessions.inspectLink({ token, holdsChat: holderOf(req) });
      if (status === 'otherBrowser') logger.info('signin_refused', { reason: 'browser' });
      if (status !== 'valid') return sendLinkPage(res, status);
      return send(res, 200, signInFormPage({ token }));
    } catch (error) {
      logger.error('signin_page_failed', { error });
      return send(res, 500, signInMessagePage(INGRESAR.errorTitulo, INGRESAR.error));
    }
  });

  server.post(SIGNIN_PATH, async (req: Request, res: Response) => {
    try {
      const form = await readForm(req);
      if (!(form instanceof URLSearchParams)) return send(res, form.status, signInMessagePage(INGRESAR.invalidaTitulo, form.message));
      const token = form.get('t') ?? '';
      const identificacion = (form.get('identificacion') ?? '').trim();
      const clave = form.get('clave') ?? '';
      if (!token) return send(res, 400, signInMessagePage(INGRESAR.invalidaTitulo, INGRESAR.invalida));
      const holdsChat = holderOf(req);
      if (!identificacion || !clave) {
        const status = await sessions.inspectLink({ token, holdsChat });
        if (status !== 'valid') return sendLinkPage(res, status);
        return send(res, 400, signInFormPage({ token, identificacion, error: INGRESAR.faltanDatos }));
      }
      const outcome = await sessions.signInWithLink({ token, identificacion, clave, holdsChat, client: clientOf(req) });
      if (outcome.ok) {
        logger.info('signin_completed', { channel: outcome.reference.channelId });
        const held = await deps.signInHold?.(outcome.reference);
        if (held) {
          const page = signInMessagePage(WHATSAPP_CODIGO.paginaTitulo, WHATSAPP_CODIGO.pagina(held.code, held.minutes), {
            aviso: WHATSAPP_CODIGO.paginaAviso,
            volver: false,
          });
          return send(res, 200, page);
        }
        await continueSafely(deps, outcome.reference);
        return send(res, 200, signInMessagePage(INGRESAR.exitoTitulo, INGRESAR.exito, { volver: false }));
      }
      logger.info('signin_refused', {
        reason: outcome.reason === 'link' && outcome.status === 'otherBrowser' ? 'browser' : outcome.reason,
      });
      if (outcome.reason === 'link') return sendLinkPage(res, outcome.status);
      if (outcome.reason === 'throttled') {
        const minutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60));
        return send(res, 429, signInMessagePage(INGRESAR.limiteTitulo, INGRESAR.limite(minutes)), {
          'Retry-After': String(outcome.retryAfterSeconds),
        });
      }
      return send(res, 422, signInFormPage({ token, identificacion, error: INGRESAR.datosIncorrectos }));
    } catch (error) {
      logger.error('signin_failed', { error });
      return send(res, 500, signInMessagePage(INGRESAR.errorTitulo, INGRESAR.error));
    }
  });
}

/** Who sends the form, for the sign-in throttles: the browser key hash (Direct Line cookie) when present, and the address. */
function clientOf(req: Request): SignInClient {
  return { browserKeyHash: browserKeyHashOf(req), address: clientIp(req) };
}

/** The session is open whatever happens here: a failed continuation is logged, and the next chat message finds the session. */
async function continueSafely(deps: SignInRoutesDependencies, reference: ConversationReferenceJson): Promise<void> {
  try {
    await deps.continueConversation(reference);
  } catch (error) {
    deps.logger.error('signin_continuation_failed', { channel: reference.channelId, error });
  }
}
