import { CASE_PREFIXES } from '../../core/domain/tramites';
import type { Span } from './types';

/** The registry's case-number prefixes (RL, RI, CL), as a regular-expression alternation. */
const PREFIXES = Object.values(CASE_PREFIXES)
  .map((p) => p.toLowerCase())
  .join('|');
const CASE = new RegExp(`(?<![a-z0-9])(${PREFIXES})[\\s_-]*((?:19|20)\\d{2})[\\s_-]*(\\d{1,6})(?!\\d)`, 'gi');

/** Finds case numbers (a registry prefix, year, up to 6 digits; any case, '-', '_', space or no separator), normalised to 'RL-2026-000042'. */
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
