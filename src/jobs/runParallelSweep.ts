import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { axisValues, type SweepResult, type SweepSpec } from '../kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../kinetics/parser/compileModel.js';
import { startWorker } from './workerThread.js';

/** Options of {@link runParallelSweep}. */
export interface ParallelSweepOptions {
  /** Model YAML/JSON text (workers compile it themselves). */
  modelText: string;
  spec: SweepSpec;
  /** Worker threads (default: number of cores). */
  workers?: number;
  /** Grid rows per task (default: about four tasks per worker, at least 4 rows). */
  chunkRows?: number;
  /** Chunks already computed (from a checkpoint), by first row: skipped. */
  completed?: SweepResult[];
  /** Called after every solved row with points done and total points. */
  onProgress?: (done: number, total: number) => void;
  /** Called with every finished chunk (for checkpoints). */
  onChunk?: (chunk: SweepResult) => void;
  signal?: AbortSignal;
}

/** Merges chunk results (row bands) into one grid result. */
export function mergeSweepChunks(model: ReturnType<typeof compileModel>, spec: SweepSpec, chunks: SweepResult[]): SweepResult {
  const xs = axisValues(spec.x);
  const ys = spec.y ? axisValues(spec.y) : [0];
  const size = xs.length * ys.length;
  const products = model.productIndices.map((p) => model.species[p]!);
  const out: SweepResult = {
    xValues: xs,
    yValues: ys,
    rows: [0, ys.length],
    converged: new Uint8Array(size),
    log10Tof: Object.fromEntries(products.map((p) => [p, new Float64Array(size).fill(Number.NaN)])),
    faradaicEfficiency: Object.fromEntries(products.map((p) => [p, new Float64Array(size).fill(Number.NaN)])),
    residual: new Float64Array(size).fill(Number.NaN),
  };
  for (const c of chunks) {
    const offset = c.rows[0] * xs.length;
    out.converged.set(c.converged, offset);
    out.residual.set(c.residual, offset);
    for (const p of products) {
      out.log10Tof[p]!.set(c.log10Tof[p]!, offset);
      out.faradaicEfficiency[p]!.set(c.faradaicEfficiency[p]!, offset);
    }
  }
  return out;
}

/**
 * Runs a descriptor sweep on worker threads: the grid's rows are cut into chunks, handed to the workers
 * in order, each chunk solved with continuation; progress after every row; chunks already done (resume)
 * are skipped; an abort signal stops the workers.
 */
export async function runParallelSweep(options: ParallelSweepOptions): Promise<SweepResult> {
  const model = compileModel(parseModelText(options.modelText));
  const ys = options.spec.y ? axisValues(options.spec.y) : [0];
  const xs = axisValues(options.spec.x);
  const nWorkersWanted = options.workers ?? os.availableParallelism();
  // Few large chunks keep continuation going (each chunk starts without a neighbour); four per worker keep
  // the load balanced and the checkpoints frequent.
  const chunkRows = options.chunkRows ?? Math.max(4, Math.ceil(ys.length / (4 * nWorkersWanted)));
  const done = new Map((options.completed ?? []).map((c) => [c.rows[0], c]));
  const queue: [number, number][] = [];
  for (let r = 0; r < ys.length; r += chunkRows) if (!done.has(r)) queue.push([r, Math.min(ys.length, r + chunkRows)]);
  const total = xs.length * ys.length;
  let points = [...done.values()].reduce((n, c) => n + (c.rows[1] - c.rows[0]) * xs.length, 0);
  options.onProgress?.(points, total);
  const chunks: SweepResult[] = [...done.values()];
  const nWorkers = Math.max(1, Math.min(nWorkersWanted, queue.length));
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: nWorkers }, async () => {
        const worker = startWorker('sweepWorker');
        workers.push(worker);
        // one error listener per worker, routed to the task in flight
        let fail: (error: Error) => void = () => {};
        worker.on('error', (error) => fail(error));
        for (let task = queue.shift(); task; task = queue.shift()) {
          if (options.signal?.aborted) throw new Error('sweep cancelled');
          const rows = task;
          const result = await new Promise<SweepResult>((resolve, reject) => {
            const onMessage = (m: { type: string; result?: SweepResult; message?: string }) => {
              if (m.type === 'row') options.onProgress?.((points += xs.length), total);
              else if (m.type === 'done') {
                worker.off('message', onMessage);
                resolve(m.result!);
              } else if (m.type === 'error') {
                worker.off('message', onMessage);
                reject(new Error(m.message));
              }
            };
            worker.on('message', onMessage);
            fail = reject;
            options.signal?.addEventListener('abort', () => reject(new Error('sweep cancelled')), { once: true });
            worker.postMessage({ modelText: options.modelText, spec: options.spec, rows });
          });
          chunks.push(result);
          options.onChunk?.(result);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return mergeSweepChunks(model, options.spec, chunks);
}
