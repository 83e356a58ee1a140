import './env';
import { trainNlu, type TrainedNlu } from './classifier/trainer';
import { MODEL_ARTEFACT, readModelArtefact, trainingFingerprint, type ArtefactMiss } from './model/artefact';
import { warmUpRecognizersText } from './entities/recognizersText';
import type { EntityMatch } from './entities/types';
import { loadTrainingData } from './data';
import { INTENTS, type IntentName } from './intents';
import warmUpJson from './warmup.json';

/** One intent with its calibrated probability. */
export interface IntentScore {
  intent: IntentName;
  score: number;
}

/**
 * Result of one classification. `status` is 'ok' when the top intent is clear, 'ambiguous' when the
 * two best in-domain intents are closer than the margin (ask the user which one), 'unknown' when
 * confidence is under the threshold or the text is out of domain (intent is then fuera_de_dominio).
 */
export interface NluResult {
  text: string;
  intent: IntentName;
  score: number;
  status: 'ok' | 'ambiguous' | 'unknown';
  /** The three best intents, best first. */
  ranking: IntentScore[];
  entities: EntityMatch[];
}

/** A trained, ready classifier. */
export interface Recognizer {
  recognize(text: string): NluResult;
}

/** Decision settings: minimum confidence, and minimum gap between the two best intents. */
export interface RecognizerOptions {
  threshold?: number;
  margin?: number;
  /**
   * The trained model built by `npm run build` (dist/nlu/model/trained.json, see nlu/model/build.ts), used when it was
   * trained from exactly the running code and data; `false` always trains. Default: MODEL_ARTEFACT.
   */
  modelArtefact?: string | false;
  /** Told where the model came from: 'artefact', or why it was trained at start ('missing', 'stale', 'unreadable', 'disabled'). */
  onModel?: (source: 'artefact' | ArtefactMiss | 'disabled') => void;
}

/** Default minimum calibrated probability for an in-domain answer. */
export const DEFAULT_THRESHOLD = 0.45;
/** Default minimum gap between the first and second intent before the result is 'ambiguous'. */
export const DEFAULT_MARGIN = 0.3;

/** Applies threshold and margin to ranked scores. */
export function decide(ranked: IntentScore[], threshold: number, margin: number): Pick<NluResult, 'intent' | 'score' | 'status'> {
  const [first, second] = ranked;
  const ood: IntentName = 'fuera_de_dominio';
  const pOod = ranked.find((r) => r.intent === ood)?.score ?? 0;
  if (first.intent === ood) return { intent: ood, score: first.score, status: 'unknown' };
  if (second.intent !== ood && first.score - second.score < margin && first.score + second.score >= threshold) {
    return { intent: first.intent, score: first.score, status: 'ambiguous' };
  }
  if (first.score < threshold) return { intent: ood, score: Math.max(pOod, 1 - first.score), status: 'unknown' };
  return { intent: first.intent, score: first.score, status: 'ok' };
}

/** Classifies with a trained NLU; exported for the evaluation CLI's cross-validation. */
export function recognizerFrom(nlu: TrainedNlu, options: RecognizerOptions = {}): Recognizer {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const margin = options.margin ?? DEFAULT_MARGIN;
  return {
    recognize(text: string): NluResult {
      const { entities, features } = nlu.analyse(text);
      const probs = nlu.model.predict(features);
      const ranked = INTENTS.map((intent, i) => ({ intent, score: probs[i] })).sort((a, b) => b.score - a.score);
      const ranking = ranked.slice(0, 3).map((r) => ({ intent: r.intent, score: Number(r.score.toFixed(4)) }));
      const decision = decide(ranked, threshold, margin);
      return { text, ...decision, score: Number(decision.score.toFixed(4)), ranking, entities };
    },
  };
}

/**
 * The trained NLU: read from the build's artefact when it matches the running code and data (tens of milliseconds),
 * otherwise trained from nlu/data (about a second). Both give the same model (tests/nlu/modelArtefact.test.ts).
 */
function trainedNlu(options: RecognizerOptions): TrainedNlu {
  const file = options.modelArtefact ?? MODEL_ARTEFACT;
  const stored = file === false ? 'disabled' : readModelArtefact(trainingFingerprint(), file);
  if (typeof stored !== 'string') {
    options.onModel?.('artefact');
    return stored;
  }
  options.onModel?.(stored);
  return trainNlu(loadTrainingData());
}

/**
 * Loads (or trains) the classifier synchronously and warms up recognizers-text, so the first recognize() call is as
 * fast as the others.
 */
export function createRecognizer(options: RecognizerOptions = {}): Recognizer {
  warmUpRecognizersText();
  const recognizer = recognizerFrom(trainedNlu(options), options);
  WARM_UP.forEach((text) => recognizer.recognize(text));
  return recognizer;
}

/** Messages run once at start-up so every entity parser and code path is compiled before real traffic (nlu/warmup.json). */
const WARM_UP: readonly string[] = warmUpJson.messages;
