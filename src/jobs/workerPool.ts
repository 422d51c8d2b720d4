import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { WorkerTask } from './jobWorker.js';

const pools = new Map<number, Piscina>();

/**
 * The process's pool of `threads` warm worker threads (piscina; default: one per core) running
 * {@link runWorkerTask}. Workers start once and stay (idle ones do not keep the process alive), so every sweep
 * or study after the first finds the modules loaded and the solver compiled. From dist/ the workers run the
 * compiled JavaScript; when the sources run as TypeScript (tsx, vitest) each worker loads tsx first.
 */
export function workerPool(threads = os.availableParallelism()): Piscina {
  let pool = pools.get(threads);
  if (!pool) {
    const typescript = import.meta.url.endsWith('.ts');
    const filename = fileURLToPath(new URL(typescript ? './jobWorker.ts' : './jobWorker.js', import.meta.url));
    const execArgv = typescript ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
    pool = new Piscina({ filename, execArgv, minThreads: threads, maxThreads: threads, idleTimeout: Number.POSITIVE_INFINITY });
    // piscina emits 'error' for what no task is waiting on (the answer of a task cancelled as it finished, an idle
    // worker's crash — it is replaced); the tasks' own errors reach their callers. Unheard, it would kill the process.
    pool.on('error', () => {});
    pools.set(threads, pool);
  }
  return pool;
}

/** Each member of a task union without its progress port. */
type WithoutProgress<T> = T extends unknown ? Omit<T, 'progress'> : never;
/** A task's fields other than its progress port. */
type TaskInput = WithoutProgress<WorkerTask>;

/**
 * Runs one task on the pool, passing its `{ done, total }` progress messages to `onProgress`; the abort
 * signal stops it (piscina terminates the worker that runs it and starts a fresh one).
 */
export async function runPooledTask<R>(
  task: TaskInput,
  onProgress: (done: number, total: number) => void,
  options: { signal?: AbortSignal; threads?: number } = {},
): Promise<R> {
  const { port1, port2 } = new MessageChannel();
  // the result comes on piscina's own channel: wait for the task's last progress message as well
  const progressEnded = new Promise<void>((resolve) => {
    port1.on('message', (m: { done: number; total: number } | { end: true }) => ('end' in m ? resolve() : onProgress(m.done, m.total)));
  });
  try {
    const [result] = await Promise.all([
      workerPool(options.threads).run({ ...task, progress: port2 }, { transferList: [port2], signal: options.signal }),
      progressEnded,
    ]);
    return result as R;
  } finally {
    port1.close();
  }
}

/** Stops every pool's workers (tests and a server's shutdown). */
export async function closeWorkerPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.destroy()));
}
