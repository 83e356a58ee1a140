import type { Word } from '../text/pipeline';
import { findCaseNumbers } from './caseNumber';
import { findDates, formatDayMonth } from './date';
import { findEmails } from './email';
import type { Gazetteer } from './gazetteer';
import { findCedulas, findCodigosExtranjero } from './identificacion';
import { findPhones } from './phone';
import type { EntityMatch, EntityType, Span } from './types';
import { findYesNo } from './yesNo';

const DIGIT_OR_AT = /[\d@]/;
const DATE_HINT = /\d|ene|feb|mar|abr|may|jun|jul|ago|sep|set|oct|nov|dic/;

/** Adds spans of one type, skipping any that overlap an entity already accepted (earlier types win). */
function addSpans<T>(out: EntityMatch[], text: string, type: EntityType, spans: Span<T>[], show: (v: T) => string): void {
  for (const s of spans) {
    if (out.some((e) => s.start < e.end && e.start < s.end)) continue;
    out.push({ type, value: show(s.value), text: text.slice(s.start, s.end), start: s.start, end: s.end });
  }
}

/**
 * Extracts every entity of an utterance, without overlaps. Structured values go first
 * (e-mail, case number, foreigner code, cédula, phone, date), then trámite/servicio phrases,
 * then a yes/no answer (skipped with `withYesNo` false, as training features do not use it).
 * Cheap character tests skip the parsers that cannot match.
 */
export function extractEntities(text: string, words: readonly Word[], gazetteer: Gazetteer, withYesNo = true): EntityMatch[] {
  const out: EntityMatch[] = [];
  const id = (v: string): string => v;
  if (DIGIT_OR_AT.test(text) || /arroba/i.test(text)) {
    addSpans(out, text, 'email', findEmails(text), id);
    addSpans(out, text, 'numero_caso', findCaseNumbers(text), id);
    addSpans(out, text, 'codigo_extranjero', findCodigosExtranjero(text), id);
    addSpans(out, text, 'cedula', findCedulas(text), id);
    addSpans(out, text, 'telefono', findPhones(text), id);
  }
  if (DATE_HINT.test(text.toLowerCase())) addSpans(out, text, 'fecha', findDates(text), formatDayMonth);
  for (const e of gazetteer.find(text, words)) {
    if (!out.some((o) => e.start < o.end && o.start < e.end)) out.push(e);
  }
  const yesNo = withYesNo ? findYesNo(text) : undefined;
  if (yesNo) addSpans(out, text, 'confirmacion', [yesNo], (v) => (v ? 'si' : 'no'));
  return out.sort((a, b) => a.start - b.start);
}
