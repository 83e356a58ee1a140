import { isValidCedula } from '../../core/domain/identification';
import type { Span } from './types';

export { isValidCedula, isValidCodigoExtranjero } from '../../core/domain/identification';

const CODIGO = /(?<![a-z0-9])ec[\s_-]*ext[\s_-]*(\d{7})(?!\d)/gi;
const CEDULA = /(?<![\d-])(\d{9})[\s-]?(\d)(?![\d-])/g;
const PHONE_WORDS = /\b(cel|celular|telefono|tel|telf|movil|whatsapp|wasap|llamar|contacto)\b/;
const ID_WORDS = /\b(cedula|ci|c\.i|identificacion|identidad|documento)\b/;

/** Finds every foreigner code in free text, normalised to 'EC-EXT-0045871'. */
export function findCodigosExtranjero(text: string): Span<string>[] {
  return [...text.matchAll(CODIGO)].map((m) => ({ value: `EC-EXT-${m[1]}`, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/**
 * Finds valid cédulas in free text ("1714307103" or "171430710-3"). A valid number starting with 09
 * is skipped when the text talks about a phone and not about an identity document, because Guayas
 * cédulas and mobile numbers share that prefix.
 */
export function findCedulas(text: string): Span<string>[] {
  const lower = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const phoneTalk = PHONE_WORDS.test(lower) && !ID_WORDS.test(lower);
  const found: Span<string>[] = [];
  for (const m of text.matchAll(CEDULA)) {
    const value = m[1] + m[2];
    if (!isValidCedula(value) || (phoneTalk && value.startsWith('09'))) continue;
    found.push({ value, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return found;
}

/** Finds the first valid identification in free text: a foreigner code or a cédula ("mi cedula es 1714307103"). */
export function parseIdentificacion(text: string): { kind: 'cedula' | 'codigo_extranjero'; value: string } | undefined {
  const codigo = findCodigosExtranjero(text)[0];
  const cedula = findCedulas(text)[0];
  if (codigo && (!cedula || codigo.start < cedula.start)) return { kind: 'codigo_extranjero', value: codigo.value };
  return cedula ? { kind: 'cedula', value: cedula.value } : undefined;
}
