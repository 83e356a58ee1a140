import { REINSERCION_DETALLE_CHARS } from '../../core/domain/tramites';
import { parseYesNo } from '../../nlu';
import { matchOption } from '../shared/choices';

/** Fewest characters of a request's detail: a few words that say what is asked. */
export const DETALLE_MIN_CHARS = REINSERCION_DETALLE_CHARS.min;

/** Most characters of a request's detail: a short paragraph, well under the chat's message limit. */
export const DETALLE_MAX_CHARS = REINSERCION_DETALLE_CHARS.max;

/** Outcome of {@link checkDetalle}: the cleaned text, or why it cannot be used. */
export type DetalleCheck = { ok: true; value: string } | { ok: false; problem: 'corto' | 'largo' };

/**
 * The detail of the request as it will be filed: control characters removed, spaces collapsed, trimmed, and
 * between {@link DETALLE_MIN_CHARS} and {@link DETALLE_MAX_CHARS} characters long.
 */
export function checkDetalle(text: string | undefined): DetalleCheck {
  const value = (text ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const length = Array.from(value).length;
  if (length < DETALLE_MIN_CHARS) return { ok: false, problem: 'corto' };
  if (length > DETALLE_MAX_CHARS) return { ok: false, problem: 'largo' };
  return { ok: true, value };
}

/**
 * A yes/no answer to "¿Presento su solicitud?": one of the two buttons (`si`, `no`) or a typed yes/no ("sí, claro",
 * "no gracias"). Undefined when the text is neither.
 */
export function parseConfirmacion(text: string | undefined, labels: { si: string; no: string }): boolean | undefined {
  const picked = matchOption(text ?? '', [labels.si, labels.no]);
  if (picked) return picked === labels.si;
  return parseYesNo(text ?? '');
}
