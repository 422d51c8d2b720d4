import type { StudyTask } from './studyWorker.js';
import { startWorker } from './workerThread.js';

/**
 * Runs a transient or coupling study on a worker thread (so the server keeps answering), reporting progress
 * in the study's units (transient: simulated ms; coupling: currents done); the abort signal terminates it.
 */
export function runStudyJob<R>(task: StudyTask, onProgress: (done: number, total: number) => void, signal: AbortSignal): Promise<R> {
  const worker = startWorker('studyWorker');
  return new Promise<R>((resolve, reject) => {
    worker.on('message', (m: { type: string; done?: number; total?: number; result?: R; message?: string }) => {
      if (m.type === 'progress') onProgress(m.done!, m.total!);
      else if (m.type === 'done') resolve(m.result!);
      else reject(new Error(m.message));
    });
    worker.on('error', reject);
    signal.addEventListener('abort', () => reject(new Error(`${task.kind} study cancelled`)), { once: true });
    worker.postMessage(task);
  }).finally(() => void worker.terminate());
}
