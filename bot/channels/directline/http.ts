import { isIP } from 'node:net';
import type { Next, Request, Response, Server } from 'restify';
import { badArgument, tooLarge, unsupportedMediaType } from './errors';

/** Reads the whole request body, failing with 413 as soon as it passes `limit` bytes. */
export function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
      failed = true;
    });
  });
}

/** True when the request declares a JSON body: application/json or a `+json` type, any parameters. */
export function declaresJson(req: Pick<Request, 'headers'>): boolean {
  const type = String(req.headers['content-type'] ?? '');
  return /^\s*application\/([\w.-]+\+)?json\s*(;|$)/i.test(type);
}

/**
 * Reads and parses a JSON body (an empty body reads as `{}`); 415 if a body is sent with another content type
 * (text/plain, XML, a form), 400 if malformed or not an object, 413 if too big.
 */
export async function readJsonObject(req: Request, limit: number): Promise<Record<string, unknown>> {
  const raw = (await readBody(req, limit)).toString('utf8');
  if (raw.trim() === '') return {};
  if (!declaresJson(req)) throw unsupportedMediaType();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badArgument('The body is not valid JSON.');
  }
  if (!isRecord(parsed)) throw badArgument('The body must be a JSON object.');
  return parsed;
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The bearer token of the Authorization header, if well formed. */
export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9_\-.~+/=]+)\s*$/i.exec(header) : null;
  return match ? match[1] : undefined;
}

/** One query-string parameter (restify's queryParser is not installed on this server). */
export function queryParam(req: Request, name: string): string | undefined {
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.get(name) ?? undefined;
}

/** A route parameter as a string. */
export function routeParam(req: Request, name: string): string {
  const params: unknown = req.params;
  const value = isRecord(params) ? params[name] : undefined;
  return typeof value === 'string' ? value : '';
}

const forwardedClients = new WeakMap<Request, string>();

/** `::ffff:127.0.0.1` and `127.0.0.1` are one peer. */
function plainAddress(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/**
 * Believes X-Forwarded-For only from the given proxies (the load balancer in front of several instances): the client
 * is the right-most forwarded address that is not itself a trusted proxy. Wired once in bot/app.ts.
 */
export function trustForwardedFor(server: Pick<Server, 'pre'>, proxies: readonly string[]): void {
  if (proxies.length === 0) return;
  const trusted = new Set(proxies.map(plainAddress));
  server.pre((req: Request, _res: Response, next: Next) => {
    const peer = plainAddress(req.socket?.remoteAddress ?? '');
    const header = req.headers['x-forwarded-for'];
    if (trusted.has(peer) && typeof header === 'string') {
      const hops = header
        .split(',')
        .map((hop) => plainAddress(hop.trim()))
        .filter((hop) => isIP(hop) !== 0);
      const client = [...hops].reverse().find((hop) => !trusted.has(hop));
      if (client) forwardedClients.set(req, client);
    }
    next();
  });
}

/** The client address used as a rate-limit key: the peer, or what a trusted proxy forwarded (trustForwardedFor). */
export function clientIp(req: Request): string {
  return forwardedClients.get(req) ?? plainAddress(req.socket?.remoteAddress ?? 'unknown');
}
