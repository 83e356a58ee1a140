import '../env';
import { createInterface } from 'node:readline';
import { createRecognizer } from '../index';

/** Reads utterances from stdin, one per line, and prints one JSON object per line. */
function main(): void {
  const recognizer = createRecognizer();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.trim() === '') return;
    const r = recognizer.recognize(line);
    process.stdout.write(`${JSON.stringify({ text: r.text, intent: r.intent, score: r.score, status: r.status, entities: r.entities })}\n`);
  });
}

main();
