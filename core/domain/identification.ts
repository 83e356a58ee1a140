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

const CODIGO_EXTRANJERO = /^ec[\s_-]*ext[\s_-]*(\d{7})$/i;

/**
 * An identification as the store keeps it: a cédula's 10 digits (spaces and dashes ignored) or a foreigner's código
 * as "EC-EXT-0045871"; undefined when the text is neither. The sign-in page and the store compare this form only.
 */
export function normalizeIdentificacion(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  if (isValidCedula(digits)) return digits;
  const codigo = CODIGO_EXTRANJERO.exec(text.trim());
  return codigo ? `EC-EXT-${codigo[1]}` : undefined;
}
