import { Gazetteer } from '../entities/gazetteer';
import { extractEntities } from '../entities/extract';
import type { EntityMatch } from '../entities/types';
import { INTENTS, type IntentName } from '../intents';
import { SpellCorrector } from '../text/corrector';
import { BLOCKER_PHRASES, SERVICIO_PHRASES, TRAMITE_PHRASES, YES_NO } from '../text/lexicon';
import { TextPipeline, vocabularyCounts, type Word } from '../text/pipeline';
import { featuresOf } from './features';
import { SoftmaxModel, softmaxInPlace, type Example, type TrainOptions } from './softmax';

/** A labelled utterance. */
export interface LabelledText {
  text: string;
  intent: IntentName;
}

/** Everything recognize() needs: text pipeline, gazetteer and the calibrated model. */
export interface TrainedNlu {
  pipeline: TextPipeline;
  gazetteer: Gazetteer;
  model: SoftmaxModel;
  analyse(text: string, withYesNo?: boolean): { words: Word[]; entities: EntityMatch[]; features: string[] };
}

const OPTIONS: TrainOptions = { epochs: 20, learningRate: 1, l2: 1e-4, seed: 7 };
const TEMPERATURES = [0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.2, 1.5, 2];
const FOLDS = 3;

/** Fits the logit temperature that minimises the log-loss of k-fold out-of-fold predictions. */
function fitTemperature(examples: readonly Example[], options: TrainOptions): number {
  const logits: { raw: Float64Array; label: number }[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = examples.filter((_, i) => i % FOLDS !== fold);
    const model = SoftmaxModel.train(train, INTENTS.length, options);
    examples.forEach((ex, i) => {
      if (i % FOLDS !== fold) return;
      const p = model.predict(ex.features);
      logits.push({ raw: p.map((v) => Math.log(Math.max(v, 1e-12))), label: ex.label });
    });
  }
  let best = 1;
  let bestLoss = Infinity;
  for (const t of TEMPERATURES) {
    let loss = 0;
    for (const { raw, label } of logits) {
      const p = raw.map((v) => v / t);
      softmaxInPlace(p);
      loss -= Math.log(Math.max(p[label], 1e-12));
    }
    if (loss < bestLoss) [best, bestLoss] = [t, loss];
  }
  return best;
}

/**
 * Trains the NLU from labelled utterances: builds the typo-correction vocabulary from the
 * utterances and lexicon, the phrase gazetteer, the features, the softmax model, and fits
 * its temperature by cross-validation so that scores behave like probabilities.
 * `overrides` changes training settings (used for tuning by cross-validation).
 */
export function trainNlu(data: readonly LabelledText[], overrides: Partial<TrainOptions> = {}): TrainedNlu {
  const options = { ...OPTIONS, ...overrides };
  const lexiconTexts = [
    ...Object.values(TRAMITE_PHRASES).flat(),
    ...Object.values(SERVICIO_PHRASES).flat(),
    ...BLOCKER_PHRASES,
    ...YES_NO.yes,
    ...YES_NO.no,
  ];
  const corrector = new SpellCorrector(vocabularyCounts(data.map((d) => d.text), lexiconTexts));
  const pipeline = new TextPipeline(corrector);
  const gazetteer = new Gazetteer(pipeline);
  const analyse = (text: string, withYesNo = true): { words: Word[]; entities: EntityMatch[]; features: string[] } => {
    const words = pipeline.process(text);
    const entities = extractEntities(text, words, gazetteer, withYesNo);
    return { words, entities, features: featuresOf(words, entities) };
  };
  const examples: Example[] = data.map((d) => ({ features: analyse(d.text, false).features, label: INTENTS.indexOf(d.intent) }));
  const model = SoftmaxModel.train(examples, INTENTS.length, options);
  model.temperature = fitTemperature(examples, options);
  return { pipeline, gazetteer, model, analyse };
}
