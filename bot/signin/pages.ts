import { createHash } from 'node:crypto';
import { INGRESAR } from '../../catalog';
import { escapeHtml } from '../mail/layout';
import { pageLayout } from '../pages/layout';

/** The one inline style of the page (text inputs look like the password input of the shared stylesheet). */
const INLINE_STYLE =
  '.page input[type="text"]{font-size:1rem;padding:10px;border:1px solid #6b7785;border-radius:6px}.page .aviso{font-size:.95rem;border-left:4px solid #f39200;padding-left:10px}';

/** Content-Security-Policy of the sign-in pages: no script at all, styles from this origin plus the inline one by hash. */
export const SIGNIN_CSP = [
  "default-src 'none'",
  `style-src 'self' 'sha256-${createHash('sha256').update(INLINE_STYLE).digest('base64')}'`,
  'img-src data:',
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

function page(title: string, body: string): string {
  return pageLayout({ title, heading: INGRESAR.encabezado, body, inlineStyle: INLINE_STYLE });
}

/**
 * The sign-in form: identification and clave with visible labels, the token in a hidden field, and an alert when
 * `error` is given. The clave is never written back into the page; the identification is, escaped.
 */
export function signInFormPage(options: { token: string; identificacion?: string; error?: string }): string {
  const error = options.error ? `<p class="alert" role="alert" id="error">${escapeHtml(options.error)}</p>` : '';
  const describedBy = options.error ? 'error' : 'aviso';
  return page(
    INGRESAR.titulo,
    [
      `<p>${escapeHtml(INGRESAR.intro)}</p>`,
      `<p class="aviso" id="aviso">${escapeHtml(INGRESAR.aviso)}</p>`,
      error,
      '<form method="post" action="/ingresar" novalidate>',
      `<input type="hidden" name="t" value="${escapeHtml(options.token)}">`,
      `<label for="identificacion">${escapeHtml(INGRESAR.identificacion)}</label>`,
      `<p class="hint" id="identificacion-ayuda">${escapeHtml(INGRESAR.identificacionAyuda)}</p>`,
      `<input id="identificacion" name="identificacion" type="text" autocomplete="username" maxlength="20" required value="${escapeHtml(options.identificacion ?? '')}" aria-describedby="identificacion-ayuda ${describedBy}">`,
      `<label for="clave">${escapeHtml(INGRESAR.clave)}</label>`,
      `<input id="clave" name="clave" type="password" autocomplete="current-password" maxlength="128" required aria-describedby="${describedBy}">`,
      `<button type="submit">${escapeHtml(INGRESAR.boton)}</button>`,
      '</form>',
    ].join('\n'),
  );
}

/**
 * A page with one message (success, a link that cannot be used, too many attempts, a bad request), optionally
 * followed by a warning styled like the form's.
 */
export function signInMessagePage(title: string, message: string, options: { volver?: boolean; aviso?: string } = {}): string {
  const aviso = options.aviso ? `<p class="aviso">${escapeHtml(options.aviso)}</p>` : '';
  const volver = options.volver === false ? '' : `<p>${escapeHtml(INGRESAR.volver)}</p>`;
  return page(title, `<p role="status">${escapeHtml(message)}</p>${aviso}${volver}`);
}
