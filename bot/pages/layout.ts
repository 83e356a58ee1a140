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
 * The one HTML shell of the bot's pages (sign-in, new clave, downloads): language, viewport, the shared stylesheet,
 * the IESS banner, the page's title and body, and the footer with the official portal and the citizen-service phone.
 */
export function pageLayout(content: PageContent): string {
  const style = content.inlineStyle ? `<style>${content.inlineStyle}</style>` : '';
  return [
    '<!doctype html>',
    '<html lang="es">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.title)} · ${escapeHtml(PAGINA_WEB.sufijoTitulo)}</title>`,
    `<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/styles.css">${style}</head>`,
    `<body><header class="banner"><div class="brand" aria-hidden="true">IESS</div><div><h1>${escapeHtml(content.heading)}</h1><p>${escapeHtml(PAGINA_WEB.institucion)}</p></div></header>`,
    `<main class="page"><h2>${escapeHtml(content.title)}</h2>${content.body}</main>`,
    `<footer>${escapeHtml(PAGINA_WEB.portalEtiqueta)} <a href="https://${escapeHtml(PAGINA_WEB.portal)}">${escapeHtml(PAGINA_WEB.portal)}</a> · ${escapeHtml(PAGINA_WEB.atencion)}</footer>`,
    '</body></html>',
  ].join('\n');
}
