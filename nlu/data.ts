import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import trainJson from './data/train.json';
import type { LabelledText } from './classifier/trainer';
import { isIntentName } from './intents';

/** Validates one labelled pair, rejecting unknown intent names. */
function labelled(text: unknown, intent: unknown, name: string): LabelledText {
  if (typeof text !== 'string' || typeof intent !== 'string') throw new Error(`${name}: every entry needs a string text and intent`);
  if (!isIntentName(intent)) throw new Error(`${name}: unknown intent "${intent}"`);
  return { text, intent };
}

/**
 * Reads a data file in either of the two accepted formats:
 * `{ "utterances": { "<intent>": ["text", …] } }` (train.json, dev.json) or
 * `[{ "text": "…", "intent": "…" }, …]`.
 */
export function parseLabelled(json: unknown, name: string): LabelledText[] {
  if (Array.isArray(json)) {
    return json.map((entry: unknown) => {
      const e = (entry ?? {}) as { text?: unknown; intent?: unknown };
      return labelled(e.text, e.intent, name);
    });
  }
  const utterances = (json as { utterances?: unknown } | null)?.utterances;
  if (typeof utterances !== 'object' || utterances === null)
    throw new Error(`${name}: expected an array of {text, intent} or {utterances: {intent: [text]}}`);
  return Object.entries(utterances as Record<string, unknown>).flatMap(([intent, texts]) => {
    if (!Array.isArray(texts)) throw new Error(`${name}: utterances.${intent} must be an array`);
    return texts.map((text: unknown) => labelled(text, intent, name));
  });
}

/**
 * Path of a data file read at run time. From the compiled CLIs (dist/nlu) the source file in nlu/data
 * is preferred, so an edited eval.json or dev.json is read without a rebuild (tsc's copy may be stale).
 */
function dataPath(file: string): string {
  const source = join(dirname(dirname(__dirname)), 'nlu', 'data', file);
  return basename(dirname(__dirname)) === 'dist' && existsSync(source) ? source : join(__dirname, 'data', file);
}

/** Reads a data file of nlu/data at run time (only the CLIs that need it do so). */
function readDataFile(file: string): LabelledText[] {
  return parseLabelled(JSON.parse(readFileSync(dataPath(file), 'utf8')) as unknown, file);
}

/** The training utterances of nlu/data/train.json. */
export function loadTrainingData(): LabelledText[] {
  return parseLabelled(trainJson, 'train.json');
}

/** The development utterances of nlu/data/dev.json (tuning only; never trained on). */
export function loadDevData(): LabelledText[] {
  return readDataFile('dev.json');
}

/** The held-out utterances of a blind set (nlu/data/eval.json, or `file`); only `eval.js` without flags reads them. */
export function loadEvaluationData(file: 'eval.json' | 'eval-quejas.json' = 'eval.json'): LabelledText[] {
  return readDataFile(file);
}
