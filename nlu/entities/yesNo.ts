import { YES_NO } from '../text/lexicon';
import { cacheableText, fold } from '../text/normalize';
import { mayOpenSpanishBoolean, spanishBoolean } from './recognizersText';
import type { Span } from './types';

const PIECE = /[a-z0-9]+|[^\sa-z0-9]/g;
const SI_LIKE = /^s+i+$/;
const LEADING = new Set(['mmm', 'mm', 'eh', 'ehh', 'pues', 'ah', 'oh', 'a', 'ay']);

interface Phrase {
  words: string[];
  value: boolean;
  /** Position in the matching order: longest phrase first, then lexicon order (yes before no). */
  rank: number;
}

const PHRASES: Phrase[] = [
  ...YES_NO.yes.map((p) => ({ words: p.split(' '), value: true, rank: 0 })),
  ...YES_NO.no.map((p) => ({ words: p.split(' '), value: false, rank: 0 })),
]
  .sort((a, b) => b.words.length - a.words.length)
  .map((p, rank) => ({ ...p, rank }));
const POLARITY = new Map<string, boolean>(PHRASES.filter((p) => p.words.length === 1).map((p) => [p.words[0], p.value]));

/** The phrases by first word, each list in matching order, so a message is compared only with those it could open with. */
const BY_FIRST = new Map<string, Phrase[]>();
for (const p of PHRASES) BY_FIRST.set(p.words[0], [...(BY_FIRST.get(p.words[0]) ?? []), p]);

/** Phrases a first word may open, in matching order: its own, and those of "si" for a stretched "siii"/"ssi". */
function candidatesFor(word: string): readonly Phrase[] {
  const own = BY_FIRST.get(word) ?? [];
  if (word === 'si' || !SI_LIKE.test(word)) return own;
  return [...own, ...(BY_FIRST.get('si') ?? [])].sort((a, b) => a.rank - b.rank);
}

interface Piece {
  text: string;
  start: number;
  end: number;
  /** A single character that is not a letter or digit (punctuation, symbol, half of an emoji). */
  punct: boolean;
}

/** True when what follows the answer is empty, starts after punctuation, or is only courtesy words of the same polarity. */
function tailAgrees(pieces: Piece[], from: number, value: boolean): boolean {
  if (from >= pieces.length || pieces[from].punct) return true;
  for (let k = from; k < pieces.length; k++) {
    const p = pieces[k];
    if (!(p.punct || YES_NO.filler.has(p.text) || POLARITY.get(p.text) === value)) return false;
  }
  return true;
}

/** The text's pieces: runs of letters and digits, and every other non-space character on its own. */
function piecesOf(folded: string): Piece[] {
  const pieces: Piece[] = [];
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(folded); m; m = PIECE.exec(folded)) {
    const code = m[0].charCodeAt(0);
    const alnum = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    pieces.push({ text: m[0], start: m.index, end: m.index + m[0].length, punct: !alnum });
  }
  return pieces;
}

/** Reads the yes/no answer of a text (see findYesNo), without the cache. */
function readYesNo(text: string): Span<boolean> | undefined {
  const folded = fold(text);
  const pieces = piecesOf(folded);
  let i = 0;
  while (i < pieces.length && (pieces[i].punct || LEADING.has(pieces[i].text))) i++;
  if (i >= pieces.length) return undefined;
  for (const phrase of candidatesFor(pieces[i].text)) {
    const n = phrase.words.length;
    if (i + n > pieces.length) continue;
    let same = true;
    for (let k = 1; k < n && same; k++) same = pieces[i + k].text === phrase.words[k];
    if (!same) continue;
    const next = i + n;
    return tailAgrees(pieces, next, phrase.value) ? { value: phrase.value, start: pieces[i].start, end: pieces[next - 1].end } : undefined;
  }
  if (pieces.length - i > 4 || !mayOpenSpanishBoolean(pieces[i].text)) return undefined;
  const hit = spanishBoolean(folded.slice(pieces[i].start));
  if (!hit || hit.start !== 0) return undefined;
  const start = pieces[i].start;
  const next = pieces.findIndex((p) => p.start >= start + hit.end);
  return tailAgrees(pieces, next < 0 ? pieces.length : next, hit.value) ? { value: hit.value, start, end: start + hit.end } : undefined;
}

/** How many texts the yes/no cache keeps: the turn's own text is read by the classifier and again by the dialogs. */
const CACHE_LIMIT = 256;
const cache = new Map<string, Readonly<Span<boolean>> | undefined>();

/**
 * Reads the yes/no answer an utterance starts with, with the span of the answer words. The same text is read several
 * times in one turn (entities, the bare yes/no, the step's validator), so the last few answers are kept (frozen; see
 * cacheableText for what is never kept).
 */
export function findYesNo(text: string): Readonly<Span<boolean>> | undefined {
  if (!cacheableText(text)) return readYesNo(text);
  if (cache.has(text)) return cache.get(text);
  const found = readYesNo(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const frozen = found && Object.freeze(found);
  cache.set(text, frozen);
  return frozen;
}

/**
 * Reads a yes/no answer: recognizers-text's Spanish boolean model plus the forms it misses
 * ("sí, claro", "dale", "correcto", "ajá", "nop", "simon", "ok"). The answer must open the message
 * and be followed by nothing, punctuation or courtesy words, so "no puedo entrar" is not a "no".
 */
export function parseYesNo(text: string): boolean | undefined {
  return findYesNo(text)?.value;
}
