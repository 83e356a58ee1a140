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
