import { PAGINA_WEB } from '../../catalog';
import { escapeHtml } from '../mail/layout';

/** What one HTML page of the bot puts in the shared shell. */
export interface PageContent {
  /** The page's own title: the browser tab ("<title> · IESS") and its h2. */
  title: string;
  /** The banner's h1 (the area of the page: "Ingreso seguro", "Clave personal"…). */
  heading: string;
  /** The page's body, already HTML (callers escape what they put in it). */
  body: string;
  /** One inline stylesheet, allowed by the page's CSP by hash. */
  inlineStyle?: string;
}

/**
 * The footer of every page of the bot, the chat included: the official portal, the citizen-service phone as a `tel:`
 * link (a tap dials it on a phone) and the e-mail as a `mailto:` link.
 */
export function pageFooterHtml(): string {
  const w = PAGINA_WEB;
  return [
    `<footer><span>${escapeHtml(w.portalEtiqueta)} <a href="https://${escapeHtml(w.portal)}">${escapeHtml(w.portal)}</a></span>`,
    `<span>${escapeHtml(w.atencionEtiqueta)} <a href="${escapeHtml(w.telefonoEnlace)}" aria-label="${escapeHtml(w.telefonoEtiqueta)}">${escapeHtml(w.telefono)}</a></span>`,
    `<span>${escapeHtml(w.correoEtiqueta)} <a href="mailto:${escapeHtml(w.correo)}">${escapeHtml(w.correo)}</a></span></footer>`,
  ].join(' ');
}

/**
 * The one HTML shell of the bot's pages (sign-in, new clave, downloads): language, viewport, the shared stylesheet,
 * the IESS banner, the page's title and body, and the footer with the official portal, the citizen-service phone and
 * e-mail as links.
 */
export function pageLayout(content: PageContent): string {
  const style = content.inlineStyle ? `<style>${content.inlineStyle}</style>` : '';
  return [
    '<!doctype html>',
    '<html lang="es">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.title)} · ${escapeHtml(PAGINA_WEB.sufijoTitulo)}</title>`,
    `<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/styles.css">${style}</head>`,
    `<body><header class="banner"><div class="brand" aria-hidden="true">IESS</div><div><h1>${escapeHtml(content.heading)}</h1><p class="institucion">${escapeHtml(PAGINA_WEB.institucion)}</p></div></header>`,
    `<main class="page"><h2>${escapeHtml(content.title)}</h2>${content.body}</main>`,
    pageFooterHtml(),
    '</body></html>',
  ].join('\n');
}
