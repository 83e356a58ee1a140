// Writes tests/nlu/fixtures/nluBaseline.json: what the built NLU (dist/) answers for every line of nlu/data/*.json
// (train, dev, eval, eval-quejas, and every phrase of cues.json; probabilities to 11 decimals), the lexicon's yes/no phrases, the start-up and
// benchmark messages, and edge cases of the yes/no reader. Generated once from the code before the NLU speed work
// (issue 14, item 3); tests/nlu/sameAnswers.test.ts checks the current code against it.
// Run: npx tsc -p tsconfig.json && node scripts/nluBaseline.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.DOTENV_CONFIG_QUIET ??= 'true';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { trainNlu } = require(join(root, 'dist/nlu/classifier/trainer.js'));
const { recognizerFrom } = require(join(root, 'dist/nlu/recognizer.js'));
const { loadTrainingData } = require(join(root, 'dist/nlu/data.js'));
const { parseYesNo } = require(join(root, 'dist/nlu/index.js'));
const { twoQuestions } = require(join(root, 'dist/dialogs/main/twoQuestions.js'));
const { bareYesNo } = require(join(root, 'dist/dialogs/main/routing.js'));
const { inputs } = require(join(root, 'tests/nlu/fixtures/nluInputs.cjs'));

const nlu = trainNlu(loadTrainingData());
const recognizer = recognizerFrom(nlu);
const texts = inputs(root, (file) => JSON.parse(readFileSync(join(root, file), 'utf8')));
const round = (p) => Number(p.toFixed(11));
const lines = texts.map((text) => {
  const r = recognizer.recognize(text);
  const probs = [...nlu.model.predict(nlu.analyse(text).features)].map(round);
  const yesNo = parseYesNo(text) ?? null;
  return {
    text,
    intent: r.intent,
    status: r.status,
    score: r.score,
    ranking: r.ranking.map((s) => [s.intent, s.score]),
    probs,
    entities: r.entities.map((e) => [e.type, e.value, e.text, e.start, e.end]),
    yesNo,
    bare: bareYesNo(text, r) ?? null,
    two: twoQuestions(text, recognizer) ?? null,
  };
});
writeFileSync(join(root, 'tests/nlu/fixtures/nluBaseline.json'), `${JSON.stringify({ temperature: nlu.model.temperature, lines })}\n`);
process.stdout.write(`${lines.length} lines\n`);
