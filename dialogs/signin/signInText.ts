import { normalizeForMatch, parseIdentificacion } from '../../nlu';
import { editDistance } from '../../nlu/text/natural';
import { carriesClave } from '../shared/claveInChat';

const SIGN_OUT_VERBS = ['cerrar', 'cierra', 'cierre', 'cierro', 'terminar', 'termina', 'termine', 'finalizar', 'salir', 'salirme', 'salgo'];
const EXIT_VERBS = new Set(['salir', 'salirme', 'salgo']);
const MAX_SIGN_OUT_WORDS = 8;
const ID_WORDS = new Set(['mi', 'cedula', 'ci', 'codigo', 'identificacion', 'es', 'y', 'con', 'numero']);

/** True when `word` is `target` or one typo away (for words of five letters or more). */
function near(word: string, target: string): boolean {
  return word === target || (target.length >= 5 && editDistance(word, target) <= 1);
}

/**
 * Whether a short message asks to end the session: "cerrar sesión", "cerrar mi sesion", "salir de mi cuenta",
 * "cierre la sesión por favor", "serrar secion"… Accents, case and one typo per word are tolerated.
 */
export function isSignOutCommand(text: string): boolean {
  const words = normalizeForMatch(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_SIGN_OUT_WORDS) return false;
  if (words.includes('logout') || words.join(' ').includes('log out')) return true;
  const verbAt = words.findIndex((w) => SIGN_OUT_VERBS.some((v) => near(w, v)));
  if (verbAt < 0) return false;
  const verb = SIGN_OUT_VERBS.find((v) => near(words[verbAt], v)) ?? '';
  return words.slice(verbAt + 1).some((w) => near(w, 'sesion') || (EXIT_VERBS.has(verb) && near(w, 'cuenta')));
}

/**
 * Whether a message sent while the sign-in page is awaited looks like a clave: what {@link carriesClave} finds
 * anywhere, or an identification followed by one other word ("0939336715 firulais"), which at that step can only
 * be an attempt to sign in from the chat. Used to hide the message from stored transcripts and warn the citizen.
 */
export function looksLikeClave(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return false;
  if (carriesClave(trimmed)) return true;
  const id = parseIdentificacion(trimmed);
  if (!id) return false;
  const rest = normalizeForMatch(trimmed.replace(/ec[\s_-]*ext[\s_-]*\d{7}|\d{9}[\s-]?\d/i, ' '))
    .split(' ')
    .filter((w) => w && !ID_WORDS.has(w));
  return rest.length === 1 && rest[0].length >= 4;
}
