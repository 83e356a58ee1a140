import { editDistance } from '../text/natural';
import { fold, tokenize, type Token } from '../text/normalize';
import { spelledYear } from './spelledNumber';
import type { Span } from './types';

/** A calendar day, with the year when the user gave one. */
export interface DayMonth {
  day: number;
  month: number;
  year?: number;
}

const MONTHS: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  ene: 1,
  feb: 2,
  mar: 3,
  abr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  ago: 8,
  sep: 9,
  sept: 9,
  set: 9,
  oct: 10,
  nov: 11,
  dic: 12,
};
const FULL_MONTHS = Object.keys(MONTHS).filter((m) => m.length > 4);
const UNITS = ['', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
const DAY_WORDS = new Map<string, number>([
  ['un', 1],
  ['primero', 1],
  ['primer', 1],
  ['diez', 10],
  ['once', 11],
  ['doce', 12],
  ['trece', 13],
  ['catorce', 14],
  ['quince', 15],
  ['dieciseis', 16],
  ['diecisiete', 17],
  ['dieciocho', 18],
  ['diecinueve', 19],
  ['veinte', 20],
  ['veintiun', 21],
  ['veintiuno', 21],
  ['veintidos', 22],
  ['veintitres', 23],
  ['veinticuatro', 24],
  ['veinticinco', 25],
  ['veintiseis', 26],
  ['veintisiete', 27],
  ['veintiocho', 28],
  ['veintinueve', 29],
  ['treinta', 30],
  ...UNITS.slice(1).map((w, i): [string, number] => [w, i + 1]),
]);
const NUMERIC = /(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\w/-]|\.\d)/g;
const ISO = /(?<![\w-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\w-])/g;

/** True when day/month(/year) is a real calendar date; 29 February is accepted without a year. */
export function isRealDate(day: number, month: number, year?: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (year !== undefined && (year < 1900 || year > 2100)) return false;
  const leap = year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** Two-digit years are read as the most recent past year ("88" → 1988, "05" → 2005). */
function fullYear(raw: string): number {
  if (raw.length === 4) return Number(raw);
  const yy = Number(raw);
  const current = new Date().getFullYear() % 100;
  return yy <= current ? 2000 + yy : 1900 + yy;
}

/** How many words' month readings are kept: every word of 5+ letters is compared with the month names. */
const MONTH_CACHE_LIMIT = 20000;
const monthCache = new Map<string, number | undefined>();

/** Month number of a folded word, allowing one typo in full month names ("febreo", "agsoto"). */
function monthOf(word: string): number | undefined {
  if (MONTHS[word] !== undefined) return MONTHS[word];
  if (word.length < 5) return undefined;
  if (monthCache.has(word)) return monthCache.get(word);
  const hit = FULL_MONTHS.find((m) => Math.abs(m.length - word.length) <= 1 && editDistance(word, m) <= 1);
  const month = hit === undefined ? undefined : MONTHS[hit];
  // Words with digits are not kept: they may be part of a cédula or a phone number.
  if (/\d/.test(word)) return month;
  if (monthCache.size >= MONTH_CACHE_LIMIT) monthCache.clear();
  monthCache.set(word, month);
  return month;
}

/** Reads the day that ends just before token `i` (digits, "1ro", or words such as "treinta y uno"); returns its first token index. */
function dayBefore(tokens: Token[], i: number): { day: number; first: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const digits = /^(\d{1,2})(?:ro|ero)?$/.exec(t.norm);
  if (digits) return { day: Number(digits[1]), first: i };
  const word = DAY_WORDS.get(t.norm);
  if (word === undefined) return undefined;
  const tens = tokens[i - 2];
  if (word < 10 && tokens[i - 1]?.norm === 'y' && tens && (tens.norm === 'veinte' || tens.norm === 'treinta' || tens.norm === 'diez')) {
    return { day: (DAY_WORDS.get(tens.norm) ?? 0) + word, first: i - 2 };
  }
  return { day: word, first: i };
}

/** Reads a year after the month: "1988", "88", or spelled out ("mil novecientos ochenta y ocho"). */
function yearAfter(tokens: Token[], i: number): { year: number; end: number } | undefined {
  let j = i;
  if (tokens[j]?.norm === 'de' || tokens[j]?.norm === 'del') j++;
  const t = tokens[j];
  if (!t) return undefined;
  if (/^\d{4}$/.test(t.norm) || /^\d{2}$/.test(t.norm)) return { year: fullYear(t.norm), end: t.end };
  const spelled = spelledYear(tokens.slice(j, j + 6).map((k) => k.norm));
  if (spelled && spelled.value >= 1900 && spelled.value <= 2100) return { year: spelled.value, end: tokens[j + spelled.used - 1].end };
  return undefined;
}

/** Finds real dates written day-first: "3 de abril", "tres de abril de 1988", "03/04", "3-4-1988", "1988-04-03". */
export function findDates(text: string): Span<DayMonth>[] {
  const folded = fold(text);
  const found: Span<DayMonth>[] = [];
  for (const m of folded.matchAll(ISO)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isRealDate(d, mo, y)) found.push({ value: { day: d, month: mo, year: y }, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  for (const m of folded.matchAll(NUMERIC)) {
    if (m[2] !== '/' && m[4] === undefined) continue;
    const day = Number(m[1]);
    const month = Number(m[3]);
    const year = m[4] === undefined ? undefined : fullYear(m[4]);
    if (isRealDate(day, month, year))
      found.push({
        value: { day, month, ...(year === undefined ? {} : { year }) },
        start: m.index ?? 0,
        end: (m.index ?? 0) + m[0].length,
      });
  }
  const tokens = tokenize(text);
  tokens.forEach((t, i) => {
    const month = monthOf(t.norm);
    if (month === undefined) return;
    const dayIndex = tokens[i - 1]?.norm === 'de' ? i - 2 : i - 1;
    const day = dayBefore(tokens, dayIndex);
    if (!day) return;
    const year = yearAfter(tokens, i + 1);
    const value: DayMonth = { day: day.day, month, ...(year ? { year: year.year } : {}) };
    if (isRealDate(value.day, value.month, value.year)) found.push({ value, start: tokens[day.first].start, end: year ? year.end : t.end });
  });
  return found.sort((a, b) => a.start - b.start);
}

/** Finds the first real day-first date in free text; "31 de febrero" gives undefined. */
export function parseDayMonth(text: string): DayMonth | undefined {
  return findDates(text)[0]?.value;
}

/** Formats a date as 'MM-DD' or 'YYYY-MM-DD'. */
export function formatDayMonth(d: DayMonth): string {
  const mmdd = `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return d.year === undefined ? mmdd : `${d.year}-${mmdd}`;
}
