// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- bench/tsconfig.json includes only bench/, and the NLU needs its declarations of natural
/// <reference path="../nlu/types/natural-deep.d.ts" />
/**
 * Micro-benchmark of one turn's NLU and routing work (issue 14, item 3): what the main dialog runs on a typed message
 * with no step waiting (dialogs/main/mainDialog.ts, understandStep and understandText): the English check, the menu
 * match, one classification (`understand` caches it for the turn), the bare yes/no, the in-context answer, the
 * two-questions split and the insult check. Prints µs per message for the load benchmark's three messages (the same
 * texts again and again, as under `npm run bench`) and for the dev and held-out lines (each text once per pass, so
 * the bounded caches do not hold them). `node dist/bench/nluTurn.js [--rounds=N]`.
 */
import { loadavg } from 'node:os';
import '../nlu/env';
import { createRecognizer, isInsult, looksEnglish, normalizeForMatch, type Recognizer } from '../nlu';
import { loadDevData, loadEvaluationData } from '../nlu/data';
import { bareYesNo, intentFromMenu } from '../dialogs/main/routing';
import { inContextAnswer } from '../dialogs/main/inContext';
import { twoQuestions } from '../dialogs/main/twoQuestions';
import { SEGUIMIENTO } from '../catalog';

/** The three messages of one `npm run bench` conversation after its greeting (bench/scenarios.ts). */
const BENCH_MESSAGES = ['requisitos para la reliquidación', 'teléfono del IESS', '¿atienden los sábados?'];

/** One typed message through the main dialog's NLU and routing decisions; returns something so nothing is optimised away. */
function oneTurn(text: string, recognizer: Recognizer): number {
  if (looksEnglish(text)) return 1;
  if (intentFromMenu(text)) return 2;
  if (normalizeForMatch(text) === normalizeForMatch(SEGUIMIENTO.requisitosDe)) return 3;
  const nlu = recognizer.recognize(text);
  if (bareYesNo(text, nlu) !== undefined) return 4;
  if (inContextAnswer(text, nlu, undefined)) return 5;
  if (twoQuestions(text, recognizer)) return 6;
  return isInsult(text) ? 7 : nlu.score;
}

/**
 * CPU microseconds (user + system of this process, so time spent waiting for a shared core is not counted) per
 * message of `rounds` passes over `texts`, after a warm-up pass.
 */
function microsPerMessage(texts: readonly string[], rounds: number, recognizer: Recognizer): number {
  let sink = 0;
  for (const text of texts) sink += oneTurn(text, recognizer);
  const start = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const text of texts) sink += oneTurn(text, recognizer);
  const used = process.cpuUsage(start);
  const micros = (used.user + used.system) / (rounds * texts.length);
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return micros;
}

function main(): void {
  const rounds = Number(/^--rounds=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--rounds=')) ?? '')?.[1] ?? 20);
  const recognizer = createRecognizer();
  const dev = loadDevData().map((d) => d.text);
  // Timing only reads the held-out texts, never their labels, so eval.json stays blind.
  const held = [...loadEvaluationData().map((d) => d.text), ...loadEvaluationData('eval-quejas.json').map((d) => d.text)];
  const bench = Array.from({ length: 100 }, () => BENCH_MESSAGES).flat();
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const runs = { bench: [] as number[], dev: [] as number[], held: [] as number[] };
  // Interleaved repeats, median reported: the machine is shared.
  for (let i = 0; i < 5; i++) {
    runs.bench.push(microsPerMessage(bench, rounds, recognizer));
    runs.dev.push(microsPerMessage(dev, Math.max(1, rounds / 10), recognizer));
    runs.held.push(microsPerMessage(held, Math.max(1, rounds / 10), recognizer));
  }
  const show = (label: string, xs: number[]): string =>
    `${label}: median ${median(xs).toFixed(1)} µs/message (runs ${xs.map((x) => x.toFixed(1)).join(', ')})`;
  console.log(show(`benchmark messages (${BENCH_MESSAGES.length}, repeated)`, runs.bench));
  console.log(show(`dev lines (${dev.length}, each once per pass)`, runs.dev));
  console.log(show(`held-out lines (${held.length}, eval + eval-quejas, each once per pass)`, runs.held));
  console.log(
    `load average: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main();
