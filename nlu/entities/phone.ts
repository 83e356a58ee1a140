import { isValidCedula } from './identificacion';
import type { Span } from './types';

const CANDIDATE = /(?<![\w+-])(?:\+|00)?\d[\d\s().-]{6,18}\d(?![\w-])/g;
const PHONE_WORDS = /\b(cel|celular|telefono|tel|telf|movil|whatsapp|wasap|llamar|llame|contacto|numero)\b/;

/** Maps the digits of one candidate to E.164 (+593…), or undefined when they are not an Ecuadorian number. */
function toE164(digits: string): string | undefined {
  let national: string;
  if (digits.startsWith('00593')) national = digits.slice(5);
  else if (digits.startsWith('593')) national = digits.slice(3);
  else if (digits.startsWith('0')) national = digits.slice(1);
  else return undefined;
  if (national.startsWith('0')) national = national.slice(1);
  if (/^9\d{8}$/.test(national) || /^[2-7]\d{7}$/.test(national)) return `+593${national}`;
  return undefined;
}

/**
 * Finds Ecuadorian phone numbers: mobiles (09xxxxxxxx, +593 9…) and landlines (02-xxxxxxx, 593-2-…),
 * with spaces, dashes, dots or parentheses, as E.164. A 10-digit number that is also a valid cédula is
 * only taken as a phone when the text talks about a phone.
 */
export function findPhones(text: string): Span<string>[] {
  const phoneTalk = PHONE_WORDS.test(
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, ''),
  );
  const found: Span<string>[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const raw = m[0].replace(/[\s.-]+$/, '');
    const digits = raw.replace(/\D/g, '');
    const value = toE164(digits);
    if (!value || (isValidCedula(digits) && !phoneTalk)) continue;
    found.push({ value, start: m.index ?? 0, end: (m.index ?? 0) + raw.length });
  }
  return found;
}

/** Finds the first Ecuadorian phone number in free text, as E.164 ('+593991234501'). */
export function parsePhone(text: string): string | undefined {
  return findPhones(text)[0]?.value;
}
