const MESES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** Ecuador's time zone: a calendar date on a document is the date in Guayaquil, not on the server. */
export const ECUADOR_TIME_ZONE = 'America/Guayaquil';

/** A date as written in Spanish documents, in Ecuador: "22 de noviembre de 2026". */
export function fechaLarga(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: ECUADOR_TIME_ZONE, day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return `${part('day')} de ${MESES[part('month') - 1]} de ${part('year')}`;
}

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
