import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Next, Request, Response, Server } from 'restify';
import { PAGINA_CHAT, PAGINA_WEB } from '../catalog';
import { PROJECT_ROOT } from './config';
import { escapeHtml } from './mail/layout';
import { pageFooterHtml } from './pages/layout';

/** A static asset kept in memory, with a gzip copy made once. */
interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  cache: string;
}

const WEB_DIR = path.join(PROJECT_ROOT, 'bot', 'web');
const WEBCHAT_BUNDLE = path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');

const SOURCES: Record<string, { file: string; type: string; cache: string; render?: (text: string) => string }> = {
  '/': { file: path.join(WEB_DIR, 'index.html'), type: 'text/html; charset=utf-8', cache: 'no-cache', render: renderChatPage },
  '/static/app.js': { file: path.join(WEB_DIR, 'app.js'), type: 'text/javascript; charset=utf-8', cache: 'no-cache' },
  '/static/styles.css': { file: path.join(WEB_DIR, 'styles.css'), type: 'text/css; charset=utf-8', cache: 'no-cache' },
  '/static/webchat.js': { file: WEBCHAT_BUNDLE, type: 'text/javascript; charset=utf-8', cache: 'public, max-age=86400' },
};

/**
 * Fills the chat page's `{{name}}` placeholders from the copy catalog (HTML-escaped), `{{pie}}` with the footer all
 * pages share (built from escaped copy), and its JSON data block with the texts the page's script shows; `<` is
 * escaped there so no text can close the block.
 */
export function renderChatPage(template: string): string {
  const { script, ...page } = PAGINA_CHAT;
  const values: Record<string, string> = { ...PAGINA_WEB, ...page };
  const footer = pageFooterHtml();
  const textosScript = JSON.stringify(script).replace(/</g, '\\u003c');
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    if (name === 'textosScript') return textosScript;
    if (name === 'pie') return footer;
    const value = values[name];
    if (value === undefined) throw new Error(`Chat page placeholder without copy: ${whole}`);
    return escapeHtml(value);
  });
}

/**
 * Content-Security-Policy of the page: only this origin. Web Chat needs inline styles and blob/data images,
 * and reads an attached file through a blob: URL (fetch in the page or in a worker) before uploading it.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob:",
  "worker-src 'self' blob:",
  "media-src 'self' blob:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** HSTS for an https public URL: one year, subdomains included (the browser then never tries plain http). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Headers of every answer, set before routing: `nosniff`; `X-Frame-Options` SAMEORIGIN for the chat page (its CSP
 * says `frame-ancestors 'self'`) and DENY for everything else (the other pages say `frame-ancestors 'none'`);
 * `Strict-Transport-Security` when the public base URL is https.
 */
export function securityHeaders(publicBaseUrl: string): (req: Request, res: Response, next: Next) => void {
  const https = publicBaseUrl.startsWith('https:');
  return (req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    // The chat page is exactly "/" (a query string aside); anything else, however written, gets DENY.
    const target = req.url ?? '/';
    res.header('X-Frame-Options', target === '/' || target.startsWith('/?') ? 'SAMEORIGIN' : 'DENY');
    if (https) res.header('Strict-Transport-Security', HSTS);
    next();
  };
}

/** Serves the chat page and the installed Web Chat bundle (no CDN), gzipped when the browser accepts it. */
export function registerWebChatPage(server: Server): void {
  const assets = new Map<string, Asset>();
  const load = (route: string): Asset => {
    let asset = assets.get(route);
    if (!asset) {
      const source = SOURCES[route];
      const raw = fs.readFileSync(source.file);
      const body = source.render ? Buffer.from(source.render(raw.toString('utf8')), 'utf8') : raw;
      asset = { type: source.type, body, gzip: zlib.gzipSync(body), cache: source.cache };
      assets.set(route, asset);
    }
    return asset;
  };
  for (const route of Object.keys(SOURCES)) {
    server.get(route, (req: Request, res: Response, next: Next) => {
      const asset = load(route);
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = gzip ? asset.gzip : asset.body;
      res.writeHead(200, {
        'Content-Type': asset.type,
        'Content-Length': body.length,
        'Cache-Control': asset.cache,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(body);
      next();
    });
  }
}
