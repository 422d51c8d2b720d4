import type { StudyTask } from './jobWorker.js';
import { runParallelScreening } from './runParallelScreening.js';
import { runPooledTask } from './workerPool.js';

/**
 * Runs a study on pooled worker threads, so the server keeps answering: a screening's candidates in chunks over
 * the whole pool, any other study on one worker. Progress in the study's units (transient: simulated ms;
 * coupling: currents done; screening: candidates done); the abort signal stops it.
 */
export function runStudyJob<R>(task: StudyTask, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<R> {
  // a screening's candidates are independent: split over the pool (same numbers as one thread)
  if (task.kind === 'screen') {
    return runParallelScreening({ input: task.input, onProgress, signal }).then((r) => r as R, (error: unknown) => {
      throw signal.aborted ? new Error('screen study cancelled') : error;
    });
  }
  return runPooledTask<R>({ kind: 'study', study: task }, onProgress, { signal }).catch((error: unknown) => {
    throw signal.aborted ? new Error(`${task.kind} study cancelled`) : error;
  });
}
