import { YES_NO } from '../text/lexicon';
import { fold } from '../text/normalize';
import { spanishBoolean } from './recognizersText';
import type { Span } from './types';

const PIECE = /[a-z0-9]+|[^\sa-z0-9]/g;
const LEADING = new Set(['mmm', 'mm', 'eh', 'ehh', 'pues', 'ah', 'oh', 'a', 'ay']);
const PHRASES: { words: string[]; value: boolean }[] = [
  ...YES_NO.yes.map((p) => ({ words: p.split(' '), value: true })),
  ...YES_NO.no.map((p) => ({ words: p.split(' '), value: false })),
].sort((a, b) => b.words.length - a.words.length);
const POLARITY = new Map<string, boolean>(PHRASES.filter((p) => p.words.length === 1).map((p) => [p.words[0], p.value]));

interface Piece {
  text: string;
  start: number;
  end: number;
}

/** True when what follows the answer is empty, starts after punctuation, or is only courtesy words of the same polarity. */
function tailAgrees(pieces: Piece[], from: number, value: boolean): boolean {
  if (from >= pieces.length || /^[^a-z0-9]$/.test(pieces[from].text)) return true;
  return pieces.slice(from).every((p) => /^[^a-z0-9]$/.test(p.text) || YES_NO.filler.has(p.text) || POLARITY.get(p.text) === value);
}

/** Reads the yes/no answer an utterance starts with, with the span of the answer words. */
export function findYesNo(text: string): Span<boolean> | undefined {
  const folded = fold(text);
  const pieces: Piece[] = [...folded.matchAll(PIECE)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  let i = 0;
  while (i < pieces.length && (LEADING.has(pieces[i].text) || /^[^a-z0-9]$/.test(pieces[i].text))) i++;
  if (i >= pieces.length) return undefined;
  for (const phrase of PHRASES) {
    const words = pieces.slice(i, i + phrase.words.length);
    if (
      words.length === phrase.words.length &&
      words.every((w, k) => w.text === phrase.words[k] || (k === 0 && /^s+i+$/.test(w.text) && phrase.words[0] === 'si'))
    ) {
      const next = i + phrase.words.length;
      return tailAgrees(pieces, next, phrase.value)
        ? { value: phrase.value, start: pieces[i].start, end: pieces[next - 1].end }
        : undefined;
    }
  }
  if (pieces.length - i > 4) return undefined;
  const hit = spanishBoolean(folded.slice(pieces[i].start));
  if (!hit || hit.start !== 0) return undefined;
  const start = pieces[i].start;
  const next = pieces.findIndex((p) => p.start >= start + hit.end);
  return tailAgrees(pieces, next < 0 ? pieces.length : next, hit.value) ? { value: hit.value, start, end: start + hit.end } : undefined;
}

/**
 * Reads a yes/no answer: recognizers-text's Spanish boolean model plus the forms it misses
 * ("sí, claro", "dale", "correcto", "ajá", "nop", "simon", "ok"). The answer must open the message
 * and be followed by nothing, punctuation or courtesy words, so "no puedo entrar" is not a "no".
 */
export function parseYesNo(text: string): boolean | undefined {
  return findYesNo(text)?.value;
}
