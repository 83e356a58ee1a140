import '../env';
import { trainNlu, type LabelledText } from '../classifier/trainer';
import { loadEvaluationData, loadTrainingData } from '../data';
import { INTENTS, type IntentName } from '../intents';
import { createRecognizer, recognizerFrom, type Recognizer } from '../recognizer';

interface Outcome {
  text: string;
  expected: IntentName;
  predicted: IntentName;
  status: string;
}

/** Classifies every utterance with the recognizer. */
function run(recognizer: Recognizer, data: readonly LabelledText[]): Outcome[] {
  return data.map((d) => {
    const r = recognizer.recognize(d.text);
    return { text: d.text, expected: d.intent, predicted: r.intent, status: r.status };
  });
}

/** 5-fold cross-validation on the training set (for tuning without touching eval.json). */
function crossValidate(): Outcome[] {
  const data = loadTrainingData();
  const out: Outcome[] = [];
  for (let fold = 0; fold < 5; fold++) {
    const recognizer = recognizerFrom(trainNlu(data.filter((_, i) => i % 5 !== fold)));
    out.push(...run(recognizer, data.filter((_, i) => i % 5 === fold)));
  }
  return out;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Prints accuracy, per-intent precision/recall/F1, status counts and confusion pairs. */
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

if (process.argv.includes('--cv')) report('5-fold cross-validation on train.json', crossValidate());
else report('held-out nlu/data/eval.json', run(createRecognizer(), loadEvaluationData()));
