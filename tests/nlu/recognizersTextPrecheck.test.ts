/**
 * findYesNo skips recognizers-text's Spanish boolean model when its pre-check proves the model cannot answer at the
 * first word (issue 14, item 3). The pre-check's words must be the model's own, read here from the installed suite,
 * and on every data line and edge case a skipped call must be one whose answer findYesNo would have dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mayOpenSpanishBoolean, spanishBoolean, SPANISH_BOOLEAN_WORDS } from '../../nlu/entities/recognizersText';
import { fold } from '../../nlu/text/normalize';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inputs } = require('./fixtures/nluInputs.cjs') as { inputs: (root: string, read: (file: string) => unknown) => string[] };

/** The `\b(…)\b` word alternatives of one of the bundle's SpanishChoice expressions. */
function bundleWords(source: string, name: 'TrueRegex' | 'FalseRegex'): string[] {
  const line = new RegExp(`SpanishChoice\\.${name} = \`\\\\\\\\b\\(([^()]*)\\)\\\\\\\\b`).exec(source);
  if (!line) throw new Error(`SpanishChoice.${name} not found in the recognizers-text suite`);
  return line[1].split('|');
}

it('uses the word lists of the installed recognizers-text Spanish boolean model', () => {
  const bundle = readFileSync(require.resolve('@microsoft/recognizers-text-suite'), 'utf8');
  expect(SPANISH_BOOLEAN_WORDS).toEqual([...bundleWords(bundle, 'TrueRegex'), ...bundleWords(bundle, 'FalseRegex')]);
});

it.each([
  ['si', true],
  ['s', true],
  ['n', true],
  ['ok', true],
  ['o', true],
  ['por', true],
  ['verda', true],
  ['nop', true],
  ['nope', false],
  ['requisitos', false],
  ['telefono', false],
  ['claro', false],
  ['dale', false],
])('may the model open a text at "%s"? %s', (word, may) => {
  expect(mayOpenSpanishBoolean(word)).toBe(may);
});

it('never skips the model where it would have answered at the first word', () => {
  const root = join(__dirname, '..', '..');
  const texts = inputs(root, (file) => JSON.parse(readFileSync(join(root, file), 'utf8')) as unknown);
  const wrongly: string[] = [];
  let skipped = 0;
  for (const text of texts) {
    const folded = fold(text);
    const first = /[a-z0-9]+/.exec(folded);
    if (!first) continue;
    const rest = folded.slice(first.index);
    if (mayOpenSpanishBoolean(first[0])) continue;
    skipped++;
    if (spanishBoolean(rest)?.start === 0) wrongly.push(text);
  }
  expect(wrongly).toEqual([]);
  expect(skipped).toBeGreaterThan(3000);
});
