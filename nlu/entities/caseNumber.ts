import type { Span } from './types';

const CASE = /(?<![a-z0-9])(rl|ri|cl)[\s_-]*((?:19|20)\d{2})[\s_-]*(\d{1,6})(?!\d)/gi;

/** Finds case numbers (RL|RI|CL, year, up to 6 digits; any case, '-', '_', space or no separator), normalised to 'RL-2026-000042'. */
export function findCaseNumbers(text: string): Span<string>[] {
  return [...text.matchAll(CASE)].map((m) => ({
    value: `${m[1].toUpperCase()}-${m[2]}-${m[3].padStart(6, '0')}`,
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/** Finds the first case number inside free text ("rl 2026 42" → 'RL-2026-000042'). */
export function parseCaseNumber(text: string): string | undefined {
  return findCaseNumbers(text)[0]?.value;
}
