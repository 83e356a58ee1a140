import type { Request } from 'restify';
import { hashToken } from './tokens';

/**
 * Name of the cookie that carries the browser key: a random secret the Web Chat page's browser gets with its first
 * Direct Line token. Each conversation keeps only the key's hash, so a sign-in link works only in that browser.
 */
export const BROWSER_COOKIE = 'iess_navegador';

const KEY = /^[A-Za-z0-9_-]{43}$/;

/** The browser key of the request: its one well-formed `iess_navegador` cookie (none when absent, malformed or repeated). */
export function browserKeyOf(req: Pick<Request, 'headers'>): string | undefined {
  const values = (req.headers.cookie ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${BROWSER_COOKIE}=`))
    .map((pair) => pair.slice(BROWSER_COOKIE.length + 1));
  return values.length === 1 && KEY.test(values[0]) ? values[0] : undefined;
}

/** SHA-256 (hex) of the request's browser key, the only form stored; undefined when the request has no usable key. */
export function browserKeyHashOf(req: Pick<Request, 'headers'>): string | undefined {
  const key = browserKeyOf(req);
  return key === undefined ? undefined : hashToken(key);
}

/**
 * The Set-Cookie value for `key`: HttpOnly (no script reads it), SameSite=Lax (sent when the citizen opens the link
 * in that browser, not on cross-site posts), Secure on https, and a session cookie, so it lasts as long as the open
 * chat and never expires under it.
 */
export function browserCookie(key: string, secure: boolean): string {
  return `${BROWSER_COOKIE}=${key}; Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
