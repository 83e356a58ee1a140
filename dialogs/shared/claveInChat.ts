import { SIGNIN } from '../../catalog';
import { isValidCodigoExtranjero, parseCaseNumber } from '../../nlu';

/**
 * Seed 004's rule for a clave: at least 8 characters, letters and digits only. A word counts as a clave only when
 * it has both (a bare word is a normal word, bare digits are a cédula, a phone or a date).
 */
export const CLAVE_MIN_LENGTH = 8;

const CLAVE_WORD = new RegExp(`^[\\p{L}\\d]{${CLAVE_MIN_LENGTH},}$`, 'u');
const EDGE_PUNCTUATION = /^[\s"'“”«»¿¡([{]+|[\s"'“”«».,;:!?)\]}]+$/gu;
/** "mi clave es …", "la contraseña: …", "clave=…", "password …" (accents and case removed first). */
const STATEMENT = /\b(?:clave|contrasena|password)(?: personal| del iess| de acceso)?\s*(:|=|\bes\b|\bseria\b)\s*(.+)$/;
/** Words that may follow "mi clave es" in an ordinary sentence ("mi clave es incorrecta", "la clave es para…"). */
const ORDINARY_AFTER_ES = new Set(SIGNIN.palabrasTrasClaveEs.split(' '));

/** Whether one word (edge punctuation removed) looks like a clave and is not a case number or a código. */
export function isClaveWord(word: string): boolean {
  const w = word.replace(EDGE_PUNCTUATION, '');
  if (!CLAVE_WORD.test(w) || !/\p{L}/u.test(w) || !/\d/.test(w)) return false;
  return parseCaseNumber(w) === undefined && !isValidCodigoExtranjero(w);
}

/** Whether the text states a clave: "mi clave es Firulais", "contraseña: perrito", not "mi clave es incorrecta". */
export function statesClave(text: string): boolean {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}:=]+/gu, ' ');
  const match = STATEMENT.exec(folded.trim());
  if (!match) return false;
  const [, link, rest] = match;
  if (link === ':' || link === '=') return rest.trim().length > 0;
  const words = rest.trim().split(/\s+/);
  if (words.some(isClaveWord)) return true;
  return words.length === 1 && words[0].length >= 4 && !ORDINARY_AFTER_ES.has(words[0]);
}

/**
 * Whether a chat message carries a clave: it states one, or one of its words follows seed 004's rule. Case numbers
 * (RL-2026-000042), códigos (EC-EXT-0045871), cédulas, phones, dates, e-mails and links never do.
 */
export function carriesClave(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  if (statesClave(trimmed)) return true;
  return trimmed
    .split(/\s+/)
    .filter((w) => !w.includes('@') && !/^[a-z]+:\/\//i.test(w))
    .some(isClaveWord);
}
