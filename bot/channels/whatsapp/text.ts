/**
 * Text helpers of the WhatsApp renderer. Lengths are counted in UTF-16 code units (never fewer than the characters
 * WhatsApp counts), and text is cut only between graphemes, so a surrogate pair or an accented letter is never split.
 */

const graphemes = new Intl.Segmenter('es', { granularity: 'grapheme' });

/** Offsets (in code units) where `text` may be cut without splitting a grapheme, ascending, 0 excluded. */
function graphemeEnds(text: string): number[] {
  return [...graphemes.segment(text)].map((s) => s.index + s.segment.length);
}

/** The longest prefix of `text` of at most `max` code units that ends on a grapheme boundary. */
export function graphemePrefix(text: string, max: number): string {
  let end = 0;
  for (const offset of graphemeEnds(text)) {
    if (offset > max) break;
    end = offset;
  }
  return text.slice(0, end);
}

/**
 * Splits `text` into chunks of at most `max` code units: at the last line break that fits, else the last space,
 * else the last grapheme boundary. Whitespace at a cut is dropped; no chunk is empty.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = graphemePrefix(rest, max);
    const newline = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    const cut = newline > 0 ? newline : space > 0 ? space : window.length;
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/** `label` within `max` code units: unchanged when it fits, else cut at a word boundary (or grapheme) plus "…". */
export function shorten(label: string, max: number): string {
  const clean = label.trim();
  if (clean.length <= max) return clean;
  const window = graphemePrefix(clean, max - 1);
  const space = window.lastIndexOf(' ');
  const head = (space > 0 ? window.slice(0, space) : window).trimEnd();
  return `${head}…`;
}
