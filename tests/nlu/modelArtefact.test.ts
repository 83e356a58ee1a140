import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trainNlu, type TrainedNlu } from '../../nlu/classifier/trainer';
import { loadDevData, loadEvaluationData, loadTrainingData } from '../../nlu/data';
import { readModelArtefact, trainingFingerprint, writeModelArtefact } from '../../nlu/model/artefact';
import { createRecognizer, recognizerFrom } from '../../nlu/recognizer';

// The model `npm run build` writes (nlu/model/build.ts) must answer exactly as the one trained at start-up: same
// intent, score, status, ranking and entities, and the same probabilities to the last bit, on dev.json and eval.json.
const FINGERPRINT = 'test-fingerprint';
let dir: string;
let file: string;
let trained: TrainedNlu;
let loaded: TrainedNlu;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iess-nlu-model-'));
  file = path.join(dir, 'trained.json');
  trained = trainNlu(loadTrainingData());
  writeModelArtefact(trained, FINGERPRINT, file);
  const read = readModelArtefact(FINGERPRINT, file);
  if (typeof read === 'string') throw new Error(`artefact not read: ${read}`);
  loaded = read;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lines = [...loadDevData().map((d) => ['dev.json', d.text]), ...loadEvaluationData().map((d) => ['eval.json', d.text])];

describe('the model artefact', () => {
  it('holds every dev.json and eval.json line', () => {
    expect(lines.length).toBeGreaterThan(1000);
  });

  it('gives the trained model’s results on every dev.json and eval.json line', () => {
    const fromTraining = recognizerFrom(trained);
    const fromArtefact = recognizerFrom(loaded);
    const differing = lines.filter(
      ([, text]) => JSON.stringify(fromArtefact.recognize(text)) !== JSON.stringify(fromTraining.recognize(text)),
    );
    expect(differing).toEqual([]);
  });

  it('gives the same probabilities, bit for bit, and the same words and features', () => {
    for (const [, text] of lines) {
      const a = trained.analyse(text);
      const b = loaded.analyse(text);
      expect(b).toEqual(a);
      expect(Array.from(loaded.model.predict(b.features))).toEqual(Array.from(trained.model.predict(a.features)));
    }
  });

  it.each([
    ['another fingerprint', () => readModelArtefact('other', file), 'stale'],
    ['no file', () => readModelArtefact(FINGERPRINT, path.join(dir, 'none.json')), 'missing'],
    [
      'a truncated file',
      () => (fs.writeFileSync(path.join(dir, 'cut.json'), '{"format":1,"fin'), readModelArtefact(FINGERPRINT, path.join(dir, 'cut.json'))),
      'unreadable',
    ],
    [
      'weights of the wrong size',
      () => {
        const content = JSON.parse(fs.readFileSync(file, 'utf8')) as { snapshot: { model: { bias: string } } };
        content.snapshot.model.bias = Buffer.from(new Float64Array(1).buffer).toString('base64');
        fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(content));
        return readModelArtefact(FINGERPRINT, path.join(dir, 'bad.json'));
      },
      'unreadable',
    ],
  ])('is not used with %s', (_, read, why) => {
    expect(read()).toBe(why);
  });

  it('is used by createRecognizer when it matches the running code, and trained around otherwise', () => {
    const current = path.join(dir, 'current.json');
    writeModelArtefact(trained, trainingFingerprint(), current);
    const sources: string[] = [];
    const fromArtefact = createRecognizer({ modelArtefact: current, onModel: (s) => sources.push(s) });
    const fromStale = createRecognizer({ modelArtefact: file, onModel: (s) => sources.push(s) });
    expect(sources).toEqual(['artefact', 'stale']);
    for (const [, text] of lines.slice(0, 200)) expect(fromArtefact.recognize(text)).toEqual(fromStale.recognize(text));
  });

  it('has a fingerprint that depends only on the inputs', () => {
    expect(trainingFingerprint()).toBe(trainingFingerprint());
    expect(trainingFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });
});
