import '../env';
import { trainNlu, type LabelledText } from '../classifier/trainer';
import type { TrainOptions } from '../classifier/softmax';
import { loadDevData, loadEvaluationData, loadTrainingData } from '../data';
import { INTENTS, type IntentName } from '../intents';
import { createRecognizer, recognizerFrom, type Recognizer } from '../recognizer';

interface Outcome {
  text: string;
  expected: IntentName;
  predicted: IntentName;
  status: string;
  /** Top-ranked intent (before threshold and margin) and its calibrated probability. */
  topIntent: IntentName;
  top: number;
}

/** Classifies every utterance with the recognizer. */
function run(recognizer: Recognizer, data: readonly LabelledText[]): Outcome[] {
  return data.map((d) => {
    const r = recognizer.recognize(d.text);
    return {
      text: d.text,
      expected: d.intent,
      predicted: r.intent,
      status: r.status,
      topIntent: r.ranking[0].intent,
      top: r.ranking[0].score,
    };
  });
}

/** Training overrides from `--set key=value,key=value` (numbers only; for tuning by CV/dev). */
function overrides(): Partial<TrainOptions> {
  const at = process.argv.indexOf('--set');
  if (at < 0) return {};
  const out: Record<string, number> = {};
  for (const pair of (process.argv[at + 1] ?? '').split(',')) {
    const [key, value] = pair.split('=');
    if (key && value !== undefined) out[key] = Number(value);
  }
  return out as Partial<TrainOptions>;
}

/** Decision settings from `--threshold x` / `--margin y` (CV and dev modes; defaults otherwise). */
function decision(): { threshold?: number; margin?: number } {
  const value = (flag: string): number | undefined => {
    const at = process.argv.indexOf(flag);
    return at < 0 ? undefined : Number(process.argv[at + 1]);
  };
  return { threshold: value('--threshold'), margin: value('--margin') };
}

/** 5-fold cross-validation on the training set (folds interleave, so each holds every intent). */
function crossValidate(): Outcome[] {
  const data = loadTrainingData();
  const out: Outcome[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const recognizer = recognizerFrom(
      trainNlu(
        data.filter((_, i) => i % 5 !== fold),
        overrides(),
      ),
      decision(),
    );
    out.push(
      ...run(
        recognizer,
        data.filter((_, i) => i % 5 === fold),
      ),
    );
  }
  return out;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Prints accuracy, per-intent precision/recall/F1, status counts and confusion pairs (not with `--scores`, so a blind set's lines stay unseen). */
function report(title: string, outcomes: Outcome[]): void {
  const correct = outcomes.filter((o) => o.expected === o.predicted).length;
  console.log(`${title}: ${outcomes.length} utterances, accuracy ${pct(correct / outcomes.length)} (${correct}/${outcomes.length})`);
  const statuses = new Map<string, number>();
  outcomes.forEach((o) => statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1));
  console.log(`status: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  const inDomainToOod = outcomes.filter((o) => o.expected !== 'fuera_de_dominio' && o.predicted === 'fuera_de_dominio').length;
  console.log(`in-domain utterances classified fuera_de_dominio: ${inDomainToOod}`);
  console.log('\nintent                 precision  recall     F1   n');
  for (const intent of INTENTS) {
    const tp = outcomes.filter((o) => o.expected === intent && o.predicted === intent).length;
    const predicted = outcomes.filter((o) => o.predicted === intent).length;
    const actual = outcomes.filter((o) => o.expected === intent).length;
    const p = predicted ? tp / predicted : 0;
    const r = actual ? tp / actual : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    console.log(`${intent.padEnd(22)} ${pct(p).padStart(9)} ${pct(r).padStart(7)} ${pct(f1).padStart(6)} ${String(actual).padStart(3)}`);
  }
  if (process.argv.includes('--scores')) return;
  const pairs = new Map<string, string[]>();
  for (const o of outcomes.filter((x) => x.expected !== x.predicted)) {
    const key = `${o.expected} -> ${o.predicted}`;
    pairs.set(key, [...(pairs.get(key) ?? []), `${o.text} [${o.status}]`]);
  }
  console.log('\nconfusion pairs (expected -> predicted):');
  for (const [key, texts] of [...pairs].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${key}: ${texts.length}`);
    texts.forEach((t) => console.log(`      "${t}"`));
  }
}

/** Expected calibration error of the top-ranked intent's probability (10 bins) and mean top probability. */
function calibrationLine(outcomes: Outcome[]): void {
  let ece = 0;
  for (let b = 0; b < 10; b++) {
    const bin = outcomes.filter((o) => Math.min(9, Math.floor(o.top * 10)) === b);
    if (bin.length === 0) continue;
    const confidence = bin.reduce((sum, o) => sum + o.top, 0) / bin.length;
    const accuracy = bin.filter((o) => o.expected === o.topIntent).length / bin.length;
    ece += (bin.length / outcomes.length) * Math.abs(confidence - accuracy);
  }
  const mean = outcomes.reduce((sum, o) => sum + o.top, 0) / outcomes.length;
  console.log(`calibration: mean top probability ${pct(mean)}, expected calibration error ${pct(ece)}`);
}

/** Out-of-domain recall, and in-domain utterances pulled into fuera_de_dominio. */
function oodLine(outcomes: Outcome[]): void {
  const ood = outcomes.filter((o) => o.expected === 'fuera_de_dominio');
  const hit = ood.filter((o) => o.predicted === 'fuera_de_dominio').length;
  console.log(`fuera_de_dominio recall ${pct(hit / Math.max(1, ood.length))} (${hit}/${ood.length})`);
}

/**
 * The dev lines with typos, 3 times over with different typos: 35 % of the words of 4+ letters get one
 * deleted, swapped or replaced inner letter (fixed seed). Measures robustness to how citizens type.
 */
function withTypos(data: readonly LabelledText[]): LabelledText[] {
  let seed = 1;
  const random = (): number => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const typo = (word: string): string => {
    if (word.length < 4 || random() > 0.35) return word;
    const i = 1 + Math.floor(random() * (word.length - 2));
    const kind = random();
    if (kind < 0.33) return word.slice(0, i) + word.slice(i + 1);
    if (kind < 0.66) return word.slice(0, i) + (word[i + 1] ?? '') + word[i] + word.slice(i + 2);
    return word.slice(0, i) + 'aeiosnrl'[Math.floor(random() * 8)] + word.slice(i + 1);
  };
  return [0, 1, 2].flatMap(() => data.map((d) => ({ text: d.text.split(' ').map(typo).join(' '), intent: d.intent })));
}

/** Every mode: default held-out eval.json, --cv (5-fold CV on train.json), --dev (train on train.json, test dev.json), --dev-typos (same, dev lines with typos). */
function main(): void {
  const quiet = process.argv.includes('--summary');
  const show = (title: string, outcomes: Outcome[]): void => {
    if (quiet) {
      const correct = outcomes.filter((o) => o.expected === o.predicted).length;
      console.log(`${title}: accuracy ${pct(correct / outcomes.length)} (${correct}/${outcomes.length})`);
      const toOod = outcomes.filter((o) => o.expected !== 'fuera_de_dominio' && o.predicted === 'fuera_de_dominio').length;
      console.log(`in-domain utterances classified fuera_de_dominio: ${toOod}`);
    } else report(title, outcomes);
    oodLine(outcomes);
    calibrationLine(outcomes);
  };
  if (process.argv.includes('--cv')) show('5-fold cross-validation on train.json', crossValidate());
  if (process.argv.includes('--dev') || process.argv.includes('--dev-typos')) {
    const recognizer = recognizerFrom(trainNlu(loadTrainingData(), overrides()), decision());
    if (process.argv.includes('--dev')) show('dev set nlu/data/dev.json (trained on train.json)', run(recognizer, loadDevData()));
    if (process.argv.includes('--dev-typos'))
      show('dev set with typos, x3 (trained on train.json)', run(recognizer, withTypos(loadDevData())));
  }
  if (!['--cv', '--dev', '--dev-typos'].some((flag) => process.argv.includes(flag))) {
    const recognizer = createRecognizer();
    show('held-out nlu/data/eval.json', run(recognizer, loadEvaluationData()));
    show('held-out nlu/data/eval-quejas.json (issue 10)', run(recognizer, loadEvaluationData('eval-quejas.json')));
  }
}

main();
