import type { runTransientStudy } from '../reactor/runStudies.js';
import type { TransientMicroenvironmentResult } from '../transport/transientMicroenvironment.js';
import { startWorker } from './workerThread.js';

/**
 * Runs a transient microenvironment study on a worker thread (so the server keeps answering), reporting
 * progress as simulated time in milliseconds done and total; the abort signal terminates the worker.
 */
export function runTransientJob(
  input: Parameters<typeof runTransientStudy>[0],
  onProgress: (doneMs: number, totalMs: number) => void,
  signal: AbortSignal,
): Promise<TransientMicroenvironmentResult> {
  const worker = startWorker('transientWorker');
  return new Promise<TransientMicroenvironmentResult>((resolve, reject) => {
    worker.on('message', (m: { type: string; tS?: number; totalS?: number; result?: TransientMicroenvironmentResult; message?: string }) => {
      if (m.type === 'progress') onProgress(Math.round(m.tS! * 1000), Math.round(m.totalS! * 1000));
      else if (m.type === 'done') resolve(m.result!);
      else reject(new Error(m.message));
    });
    worker.on('error', reject);
    signal.addEventListener('abort', () => reject(new Error('transient run cancelled')), { once: true });
    worker.postMessage(input);
  }).finally(() => void worker.terminate());
}
