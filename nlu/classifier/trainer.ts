import { Gazetteer } from '../entities/gazetteer';
import { extractEntities } from '../entities/extract';
import type { EntityMatch } from '../entities/types';
import { INTENTS, type IntentName } from '../intents';
import { AJENO, BLOCKER_PHRASES, MALESTAR, SERVICIO_PHRASES, TRAMITE_PHRASES, YES_NO } from '../text/lexicon';
import { cacheableText } from '../text/normalize';
import { buildCorrector, TextPipeline, type Word } from '../text/pipeline';
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
  /** Words, entities and features of a text (fresh arrays on every call; the last run-time texts are kept, see RECENT_LIMIT). */
  analyse(text: string, withYesNo?: boolean): { words: Word[]; entities: EntityMatch[]; features: string[] };
}

/** What analyse() returns for one text. */
type Analysis = { words: Word[]; entities: EntityMatch[]; features: string[] };

/**
 * How many run-time analyses are kept: a turn may classify its text more than once (the interruption check, then a
 * step that reads a trámite or a clarification from the same text), and analysis is the costly part of recognize().
 */
const RECENT_LIMIT = 64;

const OPTIONS: TrainOptions = { epochs: 12, learningRate: 1.5, l2: 1e-4, seed: 7, charWeight: 1.5, typoEvery: 4 };
const TEMPERATURES = [0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.35, 1.5, 1.75, 2];
/** One example in CALIBRATION_EVERY is held out to fit the temperature (the data is grouped by intent, so every intent is represented). */
const CALIBRATION_EVERY = 5;

/** A training example made from line `source` with one typo. */
interface TypoCopy extends Example {
  source: number;
}

/**
 * The text with one deterministic typo in its longest word of 5+ letters (two inner letters swapped,
 * or one dropped, alternately), or undefined when it has no such word. Citizens type like this, and
 * without such copies every typo the corrector cannot fix would only ever look like an unseen word
 * (`#rare`), which the out-of-domain lines own.
 */
export function withTypo(text: string, variant: number): string | undefined {
  const words = text.split(' ');
  let at = -1;
  words.forEach((w, i) => {
    if (/^[a-zñáéíóú]{5,}$/i.test(w) && (at < 0 || w.length > words[at].length)) at = i;
  });
  if (at < 0) return undefined;
  const w = words[at];
  const k = 1 + (variant % (w.length - 3));
  words[at] = variant % 2 === 0 ? w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2) : w.slice(0, k) + w.slice(k + 1);
  return words.join(' ');
}

/**
 * Fits the logit temperature that minimises the log-loss on held-out predictions: one model is
 * trained on 4/5 of the examples and scored on the other 1/5 (one extra model instead of k, to keep
 * start-up short; a single scalar needs no more than a few hundred held-out examples).
 */
function fitTemperature(examples: readonly Example[], copies: readonly TypoCopy[], options: TrainOptions): number {
  const train = [...examples.filter((_, i) => i % CALIBRATION_EVERY !== 0), ...copies.filter((c) => c.source % CALIBRATION_EVERY !== 0)];
  const model = SoftmaxModel.train(train, INTENTS.length, options);
  const logits = examples
    .filter((_, i) => i % CALIBRATION_EVERY === 0)
    .map((ex) => ({ raw: model.predict(ex.features).map((v) => Math.log(Math.max(v, 1e-12))), label: ex.label }));
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
    ...AJENO.map((p) => p.join(' ')),
    ...MALESTAR.map((p) => p.join(' ')),
    ...YES_NO.yes,
    ...YES_NO.no,
  ];
  const corrector = buildCorrector(
    data.map((d) => d.text),
    lexiconTexts,
  );
  const pipeline = new TextPipeline(corrector);
  const gazetteer = new Gazetteer(pipeline);
  const analyseOnce = (text: string, withYesNo: boolean): Analysis => {
    const words = pipeline.process(text);
    const entities = extractEntities(text, words, gazetteer, withYesNo);
    return { words, entities, features: featuresOf(words, entities) };
  };
  const recent = new Map<string, Analysis>();
  const analyse = (text: string, withYesNo = true): Analysis => {
    if (!withYesNo || !cacheableText(text)) return analyseOnce(text, withYesNo);
    let found = recent.get(text);
    if (found === undefined) {
      found = analyseOnce(text, true);
      if (recent.size >= RECENT_LIMIT) recent.clear();
      recent.set(text, found);
    }
    return { words: [...found.words], entities: [...found.entities], features: [...found.features] };
  };
  const examples: Example[] = data.map((d) => ({ features: analyse(d.text, false).features, label: INTENTS.indexOf(d.intent) }));
  const copies: TypoCopy[] = [];
  if (options.typoEvery > 0) {
    data.forEach((d, i) => {
      const typo = i % options.typoEvery === 0 ? withTypo(d.text, i) : undefined;
      if (typo !== undefined) copies.push({ features: analyse(typo, false).features, label: examples[i].label, source: i });
    });
  }
  const model = SoftmaxModel.train([...examples, ...copies], INTENTS.length, options);
  model.temperature = fitTemperature(examples, copies, options);
  return { pipeline, gazetteer, model, analyse };
}
