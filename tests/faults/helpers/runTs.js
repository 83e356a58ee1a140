/**
 * Runs a TypeScript entry point of the project in a plain Node child process (no build, no jest): each project .ts
 * file is transpiled on require with TypeScript's transpileModule (as ts-jest does), so `node runTs.js bot/index.ts`
 * is the real entry point with its real signal handlers, and `kill -9` kills a real process.
 */
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const options = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  esModuleInterop: true,
  resolveJsonModule: true,
  inlineSourceMap: true,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options, fileName: filename });
  module._compile(outputText, filename);
};

require(path.resolve(process.argv[2]));
