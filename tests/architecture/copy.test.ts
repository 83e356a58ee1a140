import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Issue 9: every sentence a citizen or an agent reads lives in the catalog. This scans the string literals and
 * template texts of every source file outside catalog/ and nlu/data for Spanish sentences.
 */
const ROOT = path.join(__dirname, '..', '..');
const SCANNED = ['bot', 'core', 'dialogs', 'nlu', 'prisma'];
/** Generated Prisma clients (git-ignored): the SQLite one and the PostgreSQL one of `npm run db:pg:client`. */
const SKIP = [path.join('prisma', 'generated'), path.join('prisma', 'postgresql', 'generated')];
const SPANISH_WORDS =
  /\b(el|la|los|las|de|del|que|una?|su|sus|por|para|con|no|es|est[aá]|usted|puede|debe|tiene|favor|ingrese|intente|clave|trámite|solicitud)\b/giu;
const ACCENTED = /[áéíóúñ¿¡]/iu;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (SKIP.some((s) => full.includes(s))) continue;
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** A text reads as a Spanish sentence: at least four words, two of them common Spanish words, or an accent with three words. */
export function looksLikeSpanishSentence(markup: string): boolean {
  // Markup (tags, attribute names and values) is code; the words between tags are what a person reads.
  const text = markup.replace(/<[^>]*>?/g, ' ');
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 4) return false;
  const spanish = text.match(SPANISH_WORDS)?.length ?? 0;
  return spanish >= 2 || (ACCENTED.test(text) && spanish >= 1);
}

function spanishLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (looksLikeSpanishSentence(node.text)) found.push(node.text);
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' x ');
      if (looksLikeSpanishSentence(text)) found.push(text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('copy lives in the catalog', () => {
  it('recognises a Spanish sentence and leaves English and identifiers alone', () => {
    expect(looksLikeSpanishSentence('Ingrese su número de cédula, por favor.')).toBe(true);
    expect(looksLikeSpanishSentence('No encontramos una afiliación con esos datos.')).toBe(true);
    expect(looksLikeSpanishSentence('createSignInLink: missing channel or conversation')).toBe(false);
    expect(looksLikeSpanishSentence('directline.turn_failed')).toBe(false);
    expect(looksLikeSpanishSentence('<input id="clave" name="clave" type="password" autocomplete="new-password">')).toBe(false);
    expect(looksLikeSpanishSentence('<p>Su clave no es válida.</p>')).toBe(true);
  });

  it.each(SCANNED)('%s/ holds no Spanish sentence', (folder) => {
    const offenders = sourceFiles(path.join(ROOT, folder)).flatMap((file) =>
      spanishLiterals(file).map((text) => `${path.relative(ROOT, file)}: ${text.slice(0, 80)}`),
    );
    expect(offenders).toEqual([]);
  });
});
