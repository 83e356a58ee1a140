import { normalizeForMatch as normalizeOnce } from '../../core/domain/text';

/** Text normalisation lives in the domain (core/domain/text.ts) so the store and the dialogs share it; the NLU re-exports it. */
export { fold, tokenize, type Token } from '../../core/domain/text';

/** How many texts normalizeForMatch keeps: a turn normalizes its text for every cue, the menu and the offered buttons. */
const CACHE_LIMIT = 512;
const cache = new Map<string, string>();
const CACHED_LENGTH = 500;
const PERSONAL = /[\d@]|arroba/i;

/**
 * Whether the NLU's per-text caches may keep a text: short (so they stay a few hundred small strings), and without
 * digits, '@' or "arroba", which may be a cédula, a phone number or an e-mail address (those are worked out each time).
 */
export function cacheableText(text: string): boolean {
  return text.length <= CACHED_LENGTH && !PERSONAL.test(text);
}

/**
 * The domain's normalizeForMatch (lowercase, no accents, punctuation as spaces, trimmed), with the last few hundred
 * texts kept: one turn asks it about the same message a dozen times (English, insult, relative and follow-up cues,
 * menu labels), and the catalog's labels come back on every turn.
 */
export function normalizeForMatch(text: string): string {
  if (!cacheableText(text)) return normalizeOnce(text);
  let normalized = cache.get(text);
  if (normalized === undefined) {
    normalized = normalizeOnce(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, normalized);
  }
  return normalized;
}
