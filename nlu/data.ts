import evalJson from './data/eval.json';
import trainJson from './data/train.json';
import type { LabelledText } from './classifier/trainer';
import { isIntentName } from './intents';

/** Flattens an `{ utterances: { intent: [text…] } }` data file, rejecting unknown intent names. */
function flatten(file: { utterances: Record<string, string[]> }, name: string): LabelledText[] {
  return Object.entries(file.utterances).flatMap(([intent, texts]) => {
    if (!isIntentName(intent)) throw new Error(`${name}: unknown intent "${intent}"`);
    return texts.map((text) => ({ text, intent }));
  });
}

/** The training utterances of nlu/data/train.json. */
export function loadTrainingData(): LabelledText[] {
  return flatten(trainJson, 'train.json');
}

/** The held-out utterances of nlu/data/eval.json (only the eval and bench CLIs read them). */
export function loadEvaluationData(): LabelledText[] {
  return flatten(evalJson, 'eval.json');
}
