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
 * Multinomial logistic regression over sparse binary features, trained by SGD with L2.
 * Feature values are 1/√n (n = features of the message, known or not), so long messages
 * and messages full of unknown words are less confident. A temperature divides the
 * logits at prediction time (fitted by cross-validation in the trainer).
 */
export class SoftmaxModel {
  private readonly index = new Map<string, number>();
  private weights = new Float64Array(0);
  private readonly bias: Float64Array;
  /** Logit divisor used by predict(); 1 until calibrated. */
  temperature = 1;

  /** Creates an untrained model for `classCount` classes. */
  constructor(private readonly classCount: number) {
    this.bias = new Float64Array(classCount);
  }

  /** Trains a new model. */
  static train(examples: readonly Example[], classCount: number, options: TrainOptions): SoftmaxModel {
    const model = new SoftmaxModel(classCount);
    const rows = examples.map((ex) => ex.features.map((f) => model.featureIndex(f, true)));
    model.weights = new Float64Array(model.index.size * classCount);
    const w = model.weights;
    const random = rng(options.seed);
    const order = examples.map((_, i) => i);
    const probs = new Float64Array(classCount);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const lr = options.learningRate / (1 + epoch * 0.05);
      for (const e of order) {
        const row = rows[e];
        const x = row.length > 0 ? 1 / Math.sqrt(row.length) : 0;
        model.logits(row, x, probs);
        softmaxInPlace(probs);
        for (let c = 0; c < classCount; c++) {
          const g = probs[c] - (c === examples[e].label ? 1 : 0);
          model.bias[c] -= lr * g;
          for (const f of row) {
            const k = f * classCount + c;
            w[k] -= lr * (g * x + options.l2 * w[k]);
          }
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
  private logits(row: readonly number[], x: number, out: Float64Array): void {
    out.set(this.bias);
    for (const f of row) {
      if (f < 0) continue;
      const base = f * this.classCount;
      for (let c = 0; c < this.classCount; c++) out[c] += x * this.weights[base + c];
    }
  }

  /** Class probabilities for a feature list, with the model temperature applied. */
  predict(features: readonly string[]): Float64Array {
    const out = new Float64Array(this.classCount);
    const row = features.map((f) => this.featureIndex(f, false));
    this.logits(row, row.length > 0 ? 1 / Math.sqrt(row.length) : 0, out);
    for (let c = 0; c < this.classCount; c++) out[c] /= this.temperature;
    softmaxInPlace(out);
    return out;
  }
}

/** Numerically stable in-place softmax. */
export function softmaxInPlace(v: Float64Array): void {
  let max = -Infinity;
  for (const x of v) if (x > max) max = x;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    v[i] = Math.exp(v[i] - max);
    sum += v[i];
  }
  for (let i = 0; i < v.length; i++) v[i] /= sum;
}
