/**
 * The NLU speed work (issue 14, item 3) must not change one answer: for every line of nlu/data/*.json, the lexicon's
 * yes/no phrases, the start-up and benchmark messages and edge cases (tests/nlu/fixtures/nluInputs.cjs), the intent,
 * status, rounded score and ranking, every class probability (to 1e-9), the entities, the yes/no reading, the bare
 * yes/no of routing and the two-questions split are those of the code before that work
 * (tests/nlu/fixtures/nluBaseline.json, written by scripts/nluBaseline.mjs from that code).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYesNo } from '../../nlu';
import { trainNlu, type TrainedNlu } from '../../nlu/classifier/trainer';
import { loadTrainingData } from '../../nlu/data';
import { recognizerFrom } from '../../nlu/recognizer';
import type { Recognizer } from '../../nlu';
import { bareYesNo } from '../../dialogs/main/routing';
import { twoQuestions } from '../../dialogs/main/twoQuestions';
import baseline from './fixtures/nluBaseline.json';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inputs } = require('./fixtures/nluInputs.cjs') as { inputs: (root: string, read: (file: string) => unknown) => string[] };

interface Line {
  text: string;
  intent: string;
  status: string;
  score: number;
  ranking: [string, number][];
  probs: number[];
  entities: [string, string, string, number, number][];
  yesNo: boolean | null;
  bare: boolean | null;
  two: [string, string] | null;
}

const root = join(__dirname, '..', '..');
const lines = (baseline as { lines: Line[] }).lines;
let nlu: TrainedNlu;
let recognizer: Recognizer;

beforeAll(() => {
  nlu = trainNlu(loadTrainingData());
  recognizer = recognizerFrom(nlu);
});

it('covers exactly the texts the fixture was generated for', () => {
  const texts = inputs(root, (file) => JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown);
  expect(lines.map((l) => l.text)).toEqual(texts);
  expect(lines.length).toBeGreaterThan(3000);
});

it('trains the same model (same fitted temperature)', () => {
  expect(nlu.model.temperature).toBe((baseline as { temperature: number }).temperature);
});

it('gives every text the same intent, scores, entities, yes/no and split as before', () => {
  const differences: string[] = [];
  for (const line of lines) {
    const r = recognizer.recognize(line.text);
    const probs = nlu.model.predict(nlu.analyse(line.text).features);
    const got = {
      intent: r.intent,
      status: r.status,
      score: r.score,
      ranking: r.ranking.map((s) => [s.intent, s.score]),
      entities: r.entities.map((e) => [e.type, e.value, e.text, e.start, e.end]),
      yesNo: parseYesNo(line.text) ?? null,
      bare: bareYesNo(line.text, r) ?? null,
      two: twoQuestions(line.text, recognizer) ?? null,
    };
    const { probs: expectedProbs, text, ...expected } = line;
    if (JSON.stringify(got) !== JSON.stringify(expected)) differences.push(`${text}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
    if (probs.length !== expectedProbs.length || expectedProbs.some((p, i) => Math.abs(p - probs[i]) > 1e-9)) {
      differences.push(`${text}: probabilities ${[...probs].join(',')} ≠ ${expectedProbs.join(',')}`);
    }
  }
  expect(differences).toEqual([]);
});
