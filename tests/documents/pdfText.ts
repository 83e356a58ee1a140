import { execFile } from 'node:child_process';

/** Text and page count of a PDF, as an independent reader (pdfjs-dist) sees them. */
export interface PdfContent {
  pages: number;
  /** Every page's text items, one line per line of the page. */
  text: string;
}

/**
 * pdfjs-dist 4 ships only ES modules, which jest's CommonJS runtime cannot import, so the extraction runs
 * in a child Node process that reads the PDF from stdin and prints JSON.
 */
const SCRIPT = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0, isEvalSupported: false }).promise;
let text = '';
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  for (const item of content.items) text += ('str' in item ? item.str : '') + (item.hasEOL ? '\\n' : '');
  text += '\\n';
}
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text }));
`;

/** Extracts the text of a PDF with pdfjs-dist in a child process. */
export function extractPdf(bytes: Buffer): Promise<PdfContent> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      { cwd: __dirname, maxBuffer: 16 * 1024 * 1024, timeout: 20000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`pdfjs falló: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as PdfContent);
      },
    );
    child.stdin?.end(bytes);
  });
}
