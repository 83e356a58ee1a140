import restify from 'restify';
import { NUEVA_CLAVE } from '../../catalog/es-EC/clave';
import type { RateLimiter } from '../../core/ports';
import type { NewClavePort } from '../../core/usecases/setNewClave';
import type { Logger } from '../logger';
import { formPage, messagePage } from './pages';
import { clientIp } from '../channels/directline/http';
import { isValidNuevaClave } from './validation';

/** Dependencies of the new-clave page. */
export interface ResetRoutesOptions {
  /** The set-new-clave use case (Services.newClave): checks links, sets the clave and queues the confirmation. */
  newClave: NewClavePort;
  rateLimiter: RateLimiter;
  logger: Logger;
}

/** Requests per client address to the page in ten minutes: tokens are unguessable, this stops scanning. */
export const RESET_PAGE_LIMIT = { limit: 30, windowSeconds: 600 } as const;

const CSP = "default-src 'none'; style-src 'self'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function send(res: restify.Response, status: number, html: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': CSP,
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
  res.end(html);
}

function field(body: unknown, name: string): string {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** GET and POST /clave/nueva: the page reached from the e-mail link, where the citizen sets the new clave. */
export function registerResetRoutes(server: restify.Server, options: ResetRoutesOptions): void {
  const limited = async (req: restify.Request): Promise<boolean> => {
    const ip = clientIp(req);
    return !(await options.rateLimiter.hit({ key: `reset:ip:${ip}`, ...RESET_PAGE_LIMIT })).allowed;
  };

  server.get('/clave/nueva', async (req: restify.Request, res: restify.Response) => {
    if (await limited(req)) return send(res, 429, messagePage(NUEVA_CLAVE.titulo, NUEVA_CLAVE.limite));
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
    const person = await options.newClave.check(token);
    if (!person) return send(res, 410, messagePage(NUEVA_CLAVE.titulo, NUEVA_CLAVE.invalido));
    return send(res, 200, formPage({ token, nombres: person.nombres }));
  });

  server.post(
    '/clave/nueva',
    restify.plugins.bodyParser({ maxBodySize: 8 * 1024, mapParams: false, mapFiles: false }),
    async (req: restify.Request, res: restify.Response) => {
      if (await limited(req)) return send(res, 429, messagePage(NUEVA_CLAVE.titulo, NUEVA_CLAVE.limite));
      if (!req.is('application/x-www-form-urlencoded')) return send(res, 400, messagePage(NUEVA_CLAVE.titulo, NUEVA_CLAVE.invalido));
      const token = field(req.body, 'token');
      const clave = field(req.body, 'clave');
      const person = await options.newClave.check(token);
      if (!person) return send(res, 410, messagePage(NUEVA_CLAVE.titulo, NUEVA_CLAVE.invalido));
      const error =
        field(req.body, 'declaracion') !== 'si'
          ? NUEVA_CLAVE.faltaDeclaracion
          : clave !== field(req.body, 'confirmacion')
            ? NUEVA_CLAVE.noCoinciden
            : !isValidNuevaClave(clave)
              ? NUEVA_CLAVE.formato
              : undefined;
      if (error) return send(res, 422, formPage({ token, nombres: person.nombres, error }));
      const outcome = await options.newClave.complete({ token, clave });
      if (outcome !== 'ok') return send(res, 410, messagePage(NUEVA_CLAVE.titulo, NUEVA_CLAVE.invalido));
      options.logger.info('clave_reset_completed', {});
      return send(res, 200, messagePage(NUEVA_CLAVE.titulo, NUEVA_CLAVE.exito));
    },
  );
}
