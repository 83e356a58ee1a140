import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TrainedNlu } from '../classifier/trainer';
import { nluFromSnapshot, snapshotOf, type NluSnapshot } from './snapshot';

/** Version of the artefact's layout; a file of another version is stale. */
const FORMAT = 1;

/** The nlu folder of the running code (nlu/ from the sources, dist/nlu/ once compiled). */
const NLU_ROOT = path.dirname(__dirname);

/** Where the build writes the trained model: dist/nlu/model/trained.json next to the compiled code (never committed). */
export const MODEL_ARTEFACT = path.join(__dirname, 'trained.json');

/** Folders whose files decide what training learns: the NLU's code and data, and the domain names it imports. */
const INPUT_FOLDERS = [NLU_ROOT, path.join(path.dirname(NLU_ROOT), 'core', 'domain')];
/** Parts of the nlu folder that training never reads: this loader and its artefact, and the command-line tools. */
const SKIPPED = new Set([__dirname, path.join(NLU_ROOT, 'cli')]);
const SKIPPED_ENDINGS = ['.map', '.md', '.d.ts'];

function inputFiles(dir: string, out: string[]): string[] {
  if (SKIPPED.has(dir) || !fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) inputFiles(full, out);
    else if (!SKIPPED_ENDINGS.some((end) => entry.name.endsWith(end))) out.push(full);
  }
  return out;
}

function packageVersion(name: string): string {
  try {
    const file = require.resolve(`${name}/package.json`);
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}

/**
 * Content hash of everything a trained model depends on: the bytes of the running NLU code and data (training data,
 * lexicon, features, classifier, text pipeline, entity parsers), the domain files it imports, the versions of natural
 * (stemmer) and recognizers-text, and V8's (its Math decides the last bits of the weights). A model whose hash differs
 * is stale. Reads a few dozen small files: a few milliseconds.
 */
export function trainingFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT}\0v8 ${process.versions.v8}\0`);
  for (const name of ['natural', '@microsoft/recognizers-text-suite']) hash.update(`${name} ${packageVersion(name)}\0`);
  for (const root of INPUT_FOLDERS) {
    for (const file of inputFiles(root, []).sort()) {
      hash.update(`${path.relative(root, file)}\0`);
      hash.update(fs.readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/** The artefact file: the fingerprint it was trained under and the snapshot. */
interface ArtefactFile {
  format: number;
  fingerprint: string;
  snapshot: NluSnapshot;
}

/** Writes a trained NLU as the artefact `file` (atomically: a reader never sees half a file). */
export function writeModelArtefact(nlu: TrainedNlu, fingerprint: string, file: string = MODEL_ARTEFACT): void {
  const content: ArtefactFile = { format: FORMAT, fingerprint, snapshot: snapshotOf(nlu) };
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(content));
  fs.renameSync(temporary, file);
}

/** Why an artefact was not used: missing, unreadable or trained from other inputs. */
export type ArtefactMiss = 'missing' | 'unreadable' | 'stale';

/**
 * The NLU stored in `file` when it was trained under `fingerprint`; otherwise why not (the caller then trains).
 * A damaged file is never trusted: it counts as unreadable.
 */
export function readModelArtefact(fingerprint: string, file: string = MODEL_ARTEFACT): TrainedNlu | ArtefactMiss {
  let parsed: ArtefactFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as ArtefactFile;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  if (parsed?.format !== FORMAT || parsed.fingerprint !== fingerprint) return 'stale';
  try {
    return nluFromSnapshot(parsed.snapshot);
  } catch {
    return 'unreadable';
  }
}
