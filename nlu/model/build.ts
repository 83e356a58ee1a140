/**
 * Build step (`npm run build`, `npm start` after a rebuild): trains the NLU from nlu/data and writes the model
 * artefact dist/nlu/model/trained.json with the fingerprint of the code and data it was trained from, so the service
 * loads it at start instead of training. Does nothing when the artefact is already current (`--force` retrains).
 * Prints one JSON line: what it did and how long it took.
 */
import '../env';
import { trainNlu } from '../classifier/trainer';
import { loadTrainingData } from '../data';
import { MODEL_ARTEFACT, readModelArtefact, trainingFingerprint, writeModelArtefact } from './artefact';

function main(): void {
  const started = process.hrtime.bigint();
  const fingerprint = trainingFingerprint();
  const current = process.argv.includes('--force') ? 'forced' : readModelArtefact(fingerprint);
  if (typeof current !== 'string') {
    process.stdout.write(`${JSON.stringify({ nluModel: 'current', file: MODEL_ARTEFACT })}\n`);
    return;
  }
  writeModelArtefact(trainNlu(loadTrainingData()), fingerprint);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify({ nluModel: 'trained', because: current, file: MODEL_ARTEFACT, ms: Math.round(ms) })}\n`);
}

main();
