import { extractEntities } from '../entities/extract';
import { Gazetteer } from '../entities/gazetteer';
import { featuresOf } from '../classifier/features';
import { SoftmaxModel } from '../classifier/softmax';
import type { TrainedNlu } from '../classifier/trainer';
import type { EntityMatch } from '../entities/types';
import { SpellCorrector } from '../text/corrector';
import { TextPipeline, type Word } from '../text/pipeline';

/**
 * Everything training learns, as plain data: the corrector's vocabulary with its counts (after the rare typos were
 * dropped) and the softmax model (feature names in index order, weights and biases bit for bit, as base64 of their
 * Float64 bytes, so nothing is rounded). The gazetteer and the pipeline are rebuilt from these, as training does.
 */
export interface NluSnapshot {
  vocabulary: [word: string, count: number][];
  model: {
    classCount: number;
    charWeight: number;
    temperature: number;
    features: string[];
    weights: string;
    bias: string;
  };
}

// The trained parts keep their state in private fields (nlu/classifier/softmax.ts, nlu/text/corrector.ts belong to
// the classifier's code): TypeScript's bracket access reads and fills them here without changing those classes. The
// test tests/nlu/modelArtefact.test.ts proves a restored NLU answers exactly as the trained one.
type SoftmaxState = { index: Map<string, number>; weights: Float64Array; bias: Float64Array };

function softmaxState(model: SoftmaxModel): SoftmaxState {
  return { index: model['index'], weights: model['weights'], bias: model['bias'] };
}

function toBase64(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function fromBase64(text: string): Float64Array<ArrayBuffer> {
  const bytes = Buffer.from(text, 'base64');
  // Copy into an aligned buffer of its own: a Buffer may be a view on a shared, unaligned pool.
  const out = new Float64Array(bytes.byteLength / Float64Array.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** The plain-data form of a trained NLU (see NluSnapshot). */
export function snapshotOf(nlu: TrainedNlu): NluSnapshot {
  const corrector: SpellCorrector = nlu.pipeline['corrector'];
  const state = softmaxState(nlu.model);
  return {
    vocabulary: [...corrector['freq']],
    model: {
      classCount: nlu.model['classCount'],
      charWeight: nlu.model['charWeight'],
      temperature: nlu.model.temperature,
      features: [...state.index.keys()],
      weights: toBase64(state.weights),
      bias: toBase64(state.bias),
    },
  };
}

/**
 * The NLU that `snapshot` was taken from: the corrector rebuilt from the kept vocabulary (the words training dropped
 * are absent from its index, and were never accepted as corrections), the pipeline and gazetteer built the way
 * trainNlu builds them, the model's weights restored. `analyse` is trainNlu's own, step for step.
 */
export function nluFromSnapshot(snapshot: NluSnapshot): TrainedNlu {
  const pipeline = new TextPipeline(new SpellCorrector(new Map(snapshot.vocabulary)));
  const gazetteer = new Gazetteer(pipeline);
  const { classCount, charWeight, temperature, features, weights, bias } = snapshot.model;
  const model = new SoftmaxModel(classCount, charWeight);
  const state = softmaxState(model);
  features.forEach((feature, i) => state.index.set(feature, i));
  const restoredWeights = fromBase64(weights);
  const restoredBias = fromBase64(bias);
  if (restoredWeights.length !== features.length * classCount || restoredBias.length !== classCount) {
    throw new Error('nlu model artefact: weights do not match its features and classes');
  }
  model['weights'] = restoredWeights;
  state.bias.set(restoredBias);
  model.temperature = temperature;
  const analyse = (text: string, withYesNo = true): { words: Word[]; entities: EntityMatch[]; features: string[] } => {
    const words = pipeline.process(text);
    const entities = extractEntities(text, words, gazetteer, withYesNo);
    return { words, entities, features: featuresOf(words, entities) };
  };
  return { pipeline, gazetteer, model, analyse };
}
