import { BLOCKER_PHRASES, SERVICIO_PHRASES, TRAMITE_PHRASES } from '../text/lexicon';
import type { TextPipeline, Word } from '../text/pipeline';
import type { EntityMatch } from './types';

interface Entry {
  type: 'tramite' | 'servicio' | 'blocker';
  value: string;
  stems: string[];
}

/**
 * Finds trámite and servicio mentions by phrase, on stems of corrected words with stop-words
 * skipped, so typos, plurals and "de/la" do not matter. Longest phrase wins ("clave patronal"
 * is a servicio, not the trámite "clave"); blocker phrases consume words without giving an entity.
 */
export class Gazetteer {
  private readonly byFirstStem = new Map<string, Entry[]>();

  /** Compiles the lexicon phrases with the same pipeline used for user text. */
  constructor(pipeline: TextPipeline) {
    const add = (type: Entry['type'], value: string, phrase: string): void => {
      const stems = pipeline
        .process(phrase)
        .filter((w) => !w.stop)
        .map((w) => w.stem);
      if (stems.length === 0) return;
      const list = this.byFirstStem.get(stems[0]) ?? [];
      list.push({ type, value, stems });
      list.sort((a, b) => b.stems.length - a.stems.length);
      this.byFirstStem.set(stems[0], list);
    };
    for (const [value, phrases] of Object.entries(TRAMITE_PHRASES)) phrases.forEach((p) => add('tramite', value, p));
    for (const [value, phrases] of Object.entries(SERVICIO_PHRASES)) phrases.forEach((p) => add('servicio', value, p));
    BLOCKER_PHRASES.forEach((p) => add('blocker', '', p));
  }

  /** Returns tramite/servicio entities of already processed words of `text`. */
  find(text: string, words: readonly Word[]): EntityMatch[] {
    const content = words.filter((w) => !w.stop);
    const found: EntityMatch[] = [];
    for (let i = 0; i < content.length;) {
      const entry = (this.byFirstStem.get(content[i].stem) ?? []).find((e) => e.stems.every((s, k) => content[i + k]?.stem === s));
      if (!entry) {
        i++;
        continue;
      }
      const last = content[i + entry.stems.length - 1];
      const start = content[i].start;
      if (entry.type !== 'blocker' && !found.some((f) => f.type === entry.type && f.value === entry.value)) {
        found.push({ type: entry.type, value: entry.value, text: text.slice(start, last.end), start, end: last.end });
      }
      i += entry.stems.length;
    }
    return found;
  }
}
