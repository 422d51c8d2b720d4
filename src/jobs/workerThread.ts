import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts one of the job workers of this folder. From dist/ it is compiled JavaScript; when the sources run
 * as TypeScript (tsx, vitest), a small bootstrap registers tsx's loader inside the worker first (Node 20
 * workers do not inherit it).
 */
export function startWorker(name: 'sweepWorker' | 'studyWorker'): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url));
  // the ESM build of tsx's API (require.resolve finds the CommonJS one beside it)
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const worker = new URL(`./${name}.ts`, import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`, { eval: true });
}
