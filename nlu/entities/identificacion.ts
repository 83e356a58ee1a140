import type { Span } from './types';

const CODIGO = /(?<![a-z0-9])ec[\s_-]*ext[\s_-]*(\d{7})(?!\d)/gi;
const CEDULA = /(?<![\d-])(\d{9})[\s-]?(\d)(?![\d-])/g;
const PHONE_WORDS = /\b(cel|celular|telefono|tel|telf|movil|whatsapp|wasap|llamar|contacto)\b/;
const ID_WORDS = /\b(cedula|ci|c\.i|identificacion|identidad|documento)\b/;

/**
 * Checks an Ecuadorian cédula (python-stdnum ec.ci rule): exactly 10 digits after trimming,
 * province 01–24, 30 or 50, third digit 0–6, and the modulo-10 check digit (weights 2,1,2,…).
 */
export function isValidCedula(text: string): boolean {
  const s = text.trim();
  if (!/^\d{10}$/.test(s)) return false;
  const province = Number(s.slice(0, 2));
  if (!((province >= 1 && province <= 24) || province === 30 || province === 50)) return false;
  if (Number(s[2]) > 6) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let v = Number(s[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return sum % 10 === 0;
}

/** Checks an IESS código de identificación for foreigners: "EC-EXT-" and 7 digits; case and separators (space, '-', '_', none) are free. */
export function isValidCodigoExtranjero(text: string): boolean {
  return /^ec[\s_-]*ext[\s_-]*\d{7}$/i.test(text.trim());
}

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
  const lower = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
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
