import { NUEVA_CLAVE, NUEVA_CLAVE_PAGINA } from '../../catalog';
import { escapeHtml } from '../mail/layout';
import { pageLayout } from '../pages/layout';

function page(title: string, body: string): string {
  return pageLayout({ title, heading: NUEVA_CLAVE_PAGINA.encabezado, body });
}

/** The form: the declaration checkbox and the new clave twice; `error` is shown in an alert region. */
export function formPage(options: { token: string; nombres: string; error?: string }): string {
  const error = options.error ? `<p class="alert" role="alert" id="error">${escapeHtml(options.error)}</p>` : '';
  const describedBy = options.error ? 'regla error' : 'regla';
  return page(
    NUEVA_CLAVE.titulo,
    [
      `<p>${escapeHtml(NUEVA_CLAVE.saludo(options.nombres))}</p>`,
      error,
      '<form method="post" action="/clave/nueva" novalidate>',
      `<input type="hidden" name="token" value="${escapeHtml(options.token)}">`,
      `<p class="hint" id="regla">${escapeHtml(NUEVA_CLAVE.regla)}</p>`,
      `<label for="clave">${escapeHtml(NUEVA_CLAVE.clave)}</label>`,
      `<input id="clave" name="clave" type="password" autocomplete="new-password" minlength="8" maxlength="64" required aria-describedby="${describedBy}">`,
      `<label for="confirmacion">${escapeHtml(NUEVA_CLAVE.confirmacion)}</label>`,
      `<input id="confirmacion" name="confirmacion" type="password" autocomplete="new-password" minlength="8" maxlength="64" required aria-describedby="${describedBy}">`,
      `<div class="check"><input id="declaracion" name="declaracion" type="checkbox" value="si" required><label for="declaracion">${escapeHtml(NUEVA_CLAVE.declaracion)}</label></div>`,
      `<button type="submit">${escapeHtml(NUEVA_CLAVE.boton)}</button>`,
      '</form>',
    ].join('\n'),
  );
}

/** A page with one message: success, an invalid link, or too many attempts. */
export function messagePage(title: string, message: string): string {
  return page(title, `<p role="status">${escapeHtml(message)}</p><p>${escapeHtml(NUEVA_CLAVE.volver)}</p>`);
}
