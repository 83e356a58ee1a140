import { CHAR_PREFIX } from './features';

/** One training example: active feature names and the class index. */
export interface Example {
  features: readonly string[];
  label: number;
}

/** Training settings of the softmax regression. */
export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Total weight of the character n-gram group relative to the word group (see `featureScales`). */
  charWeight: number;
  /** Every n-th training line also gets a copy with one typo (0: none); see `withTypo` in the trainer. */
  typoEvery: number;
}

/**
 * Value of every feature of a message. Word features (stems, bigrams, entities) share 1/√n_w and
 * character n-grams share charWeight/√n_c, where n counts the message's features of that group
 * whether known or not: long messages, and messages full of unknown words, are less confident,
 * and the many n-grams do not drown the few word features.
 */
export function featureScales(features: readonly string[], charWeight: number): Float64Array {
  let chars = 0;
  for (const f of features) if (isCharFeature(f)) chars++;
  const words = features.length - chars;
  const xw = words > 0 ? 1 / Math.sqrt(words) : 0;
  const xc = chars > 0 ? charWeight / Math.sqrt(chars) : 0;
  return Float64Array.from(features, (f) => (isCharFeature(f) ? xc : xw));
}

const C = CHAR_PREFIX.charCodeAt(0);
const COLON = CHAR_PREFIX.charCodeAt(1);

/** True for a character n-gram feature (`f.startsWith(CHAR_PREFIX)` for the two-character prefix, without a substring). */
function isCharFeature(f: string): boolean {
  return f.charCodeAt(0) === C && f.charCodeAt(1) === COLON;
}

/** Deterministic pseudo-random generator (mulberry32) so training is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Multinomial logistic regression over sparse features (values from `featureScales`), trained
 * by SGD with L2. A temperature divides the logits at prediction time (fitted by
 * cross-validation in the trainer).
 */
export class SoftmaxModel {
  private readonly index = new Map<string, number>();
  private weights = new Float64Array(0);
  private readonly bias: Float64Array;
  /** Logit divisor used by predict(); 1 until calibrated. */
  temperature = 1;

  /** Creates an untrained model for `classCount` classes. */
  constructor(
    private readonly classCount: number,
    private readonly charWeight: number,
  ) {
    this.bias = new Float64Array(classCount);
  }

  /** Trains a new model. */
  static train(examples: readonly Example[], classCount: number, options: TrainOptions): SoftmaxModel {
    const model = new SoftmaxModel(classCount, options.charWeight);
    const rows = examples.map((ex) => Int32Array.from(ex.features, (f) => model.featureIndex(f, true)));
    const values = examples.map((ex) => featureScales(ex.features, options.charWeight));
    const labels = Int32Array.from(examples, (ex) => ex.label);
    model.weights = new Float64Array(model.index.size * classCount);
    const w = model.weights;
    const bias = model.bias;
    const random = rng(options.seed);
    const order = examples.map((_, i) => i);
    const probs = new Float64Array(classCount);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const lr = options.learningRate / (1 + epoch * 0.05);
      const decay = 1 - lr * options.l2;
      for (const e of order) {
        const row = rows[e];
        const x = values[e];
        model.logits(row, x, probs);
        softmaxInPlace(probs);
        probs[labels[e]] -= 1;
        for (let c = 0; c < classCount; c++) bias[c] -= lr * probs[c];
        for (let k = 0; k < row.length; k++) {
          const base = row[k] * classCount;
          const step = lr * x[k];
          for (let c = 0; c < classCount; c++) w[base + c] = w[base + c] * decay - step * probs[c];
        }
      }
    }
    return model;
  }

  /** Index of a feature; -1 when unknown (or a new index when `create`). */
  private featureIndex(feature: string, create: boolean): number {
    let i = this.index.get(feature);
    if (i === undefined) {
      if (!create) return -1;
      i = this.index.size;
      this.index.set(feature, i);
    }
    return i;
  }

  /** Writes raw logits of known feature indices into `out`. */
  private logits(row: Int32Array, x: Float64Array, out: Float64Array): void {
    const classes = this.classCount;
    const w = this.weights;
    out.set(this.bias);
    for (let k = 0; k < row.length; k++) {
      const f = row[k];
      if (f < 0) continue;
      const base = f * classes;
      const v = x[k];
      for (let c = 0; c < classes; c++) out[c] += v * w[base + c];
    }
  }

  /**
   * Class probabilities for a feature list, with the model temperature applied. The same sums as `logits` over the
   * values of `featureScales`, in the same order (so the same bits), without building the row and value arrays.
   */
  predict(features: readonly string[]): Float64Array {
    const classes = this.classCount;
    const out = new Float64Array(classes);
    let chars = 0;
    for (const f of features) if (isCharFeature(f)) chars++;
    const words = features.length - chars;
    const xw = words > 0 ? 1 / Math.sqrt(words) : 0;
    const xc = chars > 0 ? this.charWeight / Math.sqrt(chars) : 0;
    const w = this.weights;
    out.set(this.bias);
    for (const f of features) {
      const index = this.index.get(f);
      if (index === undefined) continue;
      const base = index * classes;
      const v = isCharFeature(f) ? xc : xw;
      for (let c = 0; c < classes; c++) out[c] += v * w[base + c];
    }
    for (let c = 0; c < classes; c++) out[c] /= this.temperature;
    softmaxInPlace(out);
    return out;
  }
}

/** Numerically stable in-place softmax. */
export function softmaxInPlace(v: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    v[i] = Math.exp(v[i] - max);
    sum += v[i];
  }
  for (let i = 0; i < v.length; i++) v[i] /= sum;
}
