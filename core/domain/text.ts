/** A word token of a folded text with its position in the original string. */
export interface Token {
  /** Folded form: lowercase, accents removed, ñ → n. */
  norm: string;
  /** Offset of the first character in the original text. */
  start: number;
  /** Offset just after the last character in the original text. */
  end: number;
}

const foldCache = new Map<string, string>();

/** Folds one character to lowercase without diacritics; always returns exactly one character. */
function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  const base = ch
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const out = base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  foldCache.set(ch, out);
  return out;
}

/**
 * Lowercases and strips accents character by character, keeping the string length,
 * so offsets found in the folded text are valid in the original text.
 */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i]) : foldChar(text[i]);
  }
  return out;
}

/**
 * Normalises free text for comparisons (e.g. security answers): lowercase, no accents,
 * punctuation treated as spaces, whitespace collapsed and trimmed.
 */
export function normalizeForMatch(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const WORD = /[a-z0-9]+/g;

/** Splits a text into folded word tokens (letters and digits) with original offsets. */
export function tokenize(text: string): Token[] {
  const folded = fold(text);
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) {
    tokens.push({ norm: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}
