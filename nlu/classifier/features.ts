import type { EntityMatch, EntityType } from '../entities/types';
import type { Word } from '../text/pipeline';

const PLACEHOLDERS: readonly EntityType[] = ['cedula', 'codigo_extranjero', 'numero_caso', 'email', 'telefono', 'fecha'];

/**
 * Classifier features of an utterance: stems of content words and bigrams of them, '#num' for
 * other numbers, one placeholder per structured entity ('#numero_caso' instead of its digits, so
 * "RL-2026-000042" points to estado_tramite), '#tramite=…' per trámite and '#servicio' when any
 * seed-001 service is named (so every service shares what the model learns from the others).
 */
export function featuresOf(words: readonly Word[], entities: readonly EntityMatch[]): string[] {
  const features = new Set<string>();
  const spans = entities.filter((e) => PLACEHOLDERS.includes(e.type));
  for (const e of spans) features.add(`#${e.type}`);
  for (const e of entities) {
    if (e.type === 'tramite') features.add(`#tramite=${e.value}`);
    else if (e.type === 'servicio') features.add('#servicio');
  }
  let previous: string | undefined;
  for (const w of words) {
    if (spans.some((s) => w.start < s.end && s.start < w.end)) {
      previous = undefined;
      continue;
    }
    if (w.stop) continue;
    const unit = w.numeric ? '#num' : w.stem;
    features.add(`w:${unit}`);
    if (previous !== undefined) features.add(`b:${previous}_${unit}`);
    previous = unit;
  }
  return [...features];
}
