import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckpointWorkerData, CheckpointWorkerMessage } from './checkpointWorker';

/**
 * Starts the worker thread. From dist/ it runs the compiled checkpointWorker.js next to this module; from the
 * TypeScript sources (jest, tests/faults/helpers/runTs.js) a small bootstrap transpiles checkpointWorker.ts as it loads.
 */
export function spawnWorker(data: CheckpointWorkerData): Worker {
  const compiled = path.join(__dirname, 'checkpointWorker.js');
  if (fs.existsSync(compiled)) return new Worker(compiled, { workerData: data });
  // The transpiled text is kept in the temp folder by the source's hash, so only the first start loads TypeScript.
  const bootstrap = `
    const fs = require('node:fs');
    const path = require('node:path');
    const crypto = require('node:crypto');
    const { workerData } = require('node:worker_threads');
    require.extensions['.ts'] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const hash = crypto.createHash('sha256').update(source).digest('hex').slice(0, 16);
      const cached = path.join(workerData.cacheDir, 'iess-checkpointWorker-' + hash + '.js');
      let code;
      try {
        code = fs.readFileSync(cached, 'utf8');
      } catch {
        const ts = require(workerData.typescript);
        const compilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true };
        code = ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
        const partial = cached + '.' + process.pid + '.' + Date.now();
        fs.writeFileSync(partial, code);
        fs.renameSync(partial, cached);
      }
      module._compile(code, filename);
    };
    require(workerData.entry);`;
  return new Worker(bootstrap, {
    eval: true,
    workerData: {
      ...data,
      typescript: require.resolve('typescript'),
      entry: path.join(__dirname, 'checkpointWorker.ts'),
      cacheDir: os.tmpdir(),
    },
  });
}

/** Resolves once the worker says its connection is open; rejects if it fails, exits or takes longer than `timeoutMs`. */
export function whenReady(worker: Worker, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`checkpoint worker not ready after ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: CheckpointWorkerMessage) => message.type === 'ready' && done();
    const onError = (error: Error) => done(error);
    const onExit = (code: number) => done(new Error(`checkpoint worker exited with code ${code}`));
    function done(error?: Error): void {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}
