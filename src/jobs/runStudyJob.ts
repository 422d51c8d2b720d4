import type { StudyTask } from './jobWorker.js';
import { runPooledTask } from './workerPool.js';

/**
 * Runs a transient or coupling study on a pooled worker thread (so the server keeps answering), reporting
 * progress in the study's units (transient: simulated ms; coupling: currents done); the abort signal stops it.
 */
export function runStudyJob<R>(task: StudyTask, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<R> {
  return runPooledTask<R>({ kind: 'study', study: task }, onProgress, { signal }).catch((error: unknown) => {
    throw signal.aborted ? new Error(`${task.kind} study cancelled`) : error;
  });
}
