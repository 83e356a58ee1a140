export { ECUADOR_TIME_ZONE, fechaLarga } from '../../catalog';

/** Characters of Windows-1252 above 0x7e that the standard PDF fonts can draw (besides Latin-1's 0xa0–0xff). */
const WIN_ANSI_EXTRA = new Set(Array.from('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'));

/**
 * Text the standard PDF fonts can draw: NFC (so "a" + combining accent becomes "á"), no control characters,
 * and any character outside Windows-1252 replaced by "?" instead of printing as a missing glyph.
 */
export function printable(text: string): string {
  return Array.from(text.normalize('NFC'))
    .map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (ch === '\n') return ch;
      if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return ' ';
      if (code <= 0xff || WIN_ANSI_EXTRA.has(ch)) return ch;
      return '?';
    })
    .join('');
}
