import { InputError } from '../chem/index.js';
import type { RunOutcome } from './jobWorker.js';
import { PARALLEL_RUNNERS } from './parallelRunners.js';
import { runPooledTask } from './workerPool.js';

/**
 * Runs the registered study `name` on `input` on a pooled worker thread (a study listed in
 * {@link PARALLEL_RUNNERS}, e.g. a screening: in pieces on all of them), so that the calling thread (the
 * server's event loop) stays free; a bad-input error thrown in the worker is rethrown here as an
 * {@link InputError}. The signal (e.g. a per-request time budget) stops the worker.
 */
export async function runStudyOnPool<R>(
  name: string,
  input: unknown,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<R> {
  const parallel = PARALLEL_RUNNERS.get(name);
  if (parallel) return (await parallel(input, options)) as R;
  const outcome = await runPooledTask<RunOutcome>({ kind: 'run', study: name, input }, options.onProgress ?? (() => {}), { signal: options.signal });
  if (outcome.ok) return outcome.result as R;
  const error = new InputError(outcome.inputError.field, outcome.inputError.allowed, '');
  error.message = outcome.inputError.message;
  throw error;
}
