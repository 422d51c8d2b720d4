import { setMaxListeners } from 'node:events';
import os from 'node:os';
import { InputError } from '../chem/index.js';
import { axisValues, descriptorSweep, emptySweepResult, type SweepResult, type SweepSpec } from '../kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../kinetics/parser/compileModel.js';

/**
 * Grids of at most this many points run on the calling thread when `inProcess: 'auto'`: starting the pool's
 * workers (each loads the modules and compiles the model) costs more than they save below it. Measured on 2 busy
 * cores with the HER fixture (test/kinetics/fixtures/her-full.mkm) through the CLI: see BENCHMARKS.md.
 */
export const IN_PROCESS_MAX_POINTS = 40_000;

/** Options of {@link runParallelSweep}. */
export interface ParallelSweepOptions {
  /** Model YAML/JSON text (workers compile it themselves). */
  modelText: string;
  /** The same model already compiled, when the caller has it (saves parsing and validating it again here). */
  model?: ReturnType<typeof compileModel>;
  spec: SweepSpec;
  /** Worker threads of the pool that runs it (default: number of cores). */
  workers?: number;
  /**
   * Grid rows per task. Default: guided self-scheduling ({@link guidedChunkRows}) — chunks of the rows left
   * divided by twice the workers, shrinking to {@link MIN_CHUNK_ROWS} rows towards the end of the grid.
   */
  chunkRows?: number;
  /** Chunks already computed (a checkpoint, or a stopped run's): the rows they cover are not solved again. */
  completed?: SweepResult[];
  /** Called after every solved row with points done and total points. */
  onProgress?: (done: number, total: number) => void;
  /** Called with every finished chunk (for checkpoints). */
  onChunk?: (chunk: SweepResult) => void;
  signal?: AbortSignal;
  /**
   * Solves one chunk somewhere else (e.g. on the Redis queue's workers, `queueChunkRunner` in queue/sweepQueue.ts); reports points
   * done in the chunk. Default: the in-process pool of warm worker threads.
   */
  runChunk?: (
    task: { modelText: string; spec: SweepSpec; rows: [number, number] },
    onProgress: (pointsDone: number) => void,
    signal: AbortSignal,
  ) => Promise<SweepResult>;
  /**
   * Solve on the calling thread instead of the pool: `true`, `false` (default), or `'auto'` — in-process when
   * `workers` is 1 or the rows left have at most {@link IN_PROCESS_MAX_POINTS} points. For one-shot processes (the
   * CLI); a server keeps its event loop free with the pool. In-process runs are one band: continuation runs across
   * the whole grid, and the abort signal is checked between bands only.
   */
  inProcess?: boolean | 'auto';
}

/** Smallest default chunk, rows: a chunk's first row starts without the row above as a second guess. */
export const MIN_CHUNK_ROWS = 4;

/**
 * Rows of the next chunk when `rowsLeft` rows are still to be cut for `workers` workers: guided self-scheduling
 * (Polychronopoulos & Kuck, IEEE Trans. Comput. C-36 (1987) 1425, doi:10.1109/TC.1987.5009495) with two
 * chunks' worth per worker: ceil(rowsLeft / (2 · workers)), at least {@link MIN_CHUNK_ROWS}. Large chunks
 * first keep continuation going; the small ones at the end even out rows of unequal cost (near coverage phase
 * boundaries a row costs several times an easy one). On the 300 × 300 urea grid on 2 workers: 14 chunks instead
 * of 4, a load-balance bound (total row cost / makespan) of 1.99 instead of 1.71–1.92, at the CPU time of 4
 * chunks (bench/scaling.bench.ts; numbers in BENCHMARKS.md).
 */
export function guidedChunkRows(rowsLeft: number, workers: number): number {
  return Math.max(MIN_CHUNK_ROWS, Math.ceil(rowsLeft / (2 * workers)));
}

/** Merges chunk results (row bands) into one grid result. */
export function mergeSweepChunks(model: ReturnType<typeof compileModel>, spec: SweepSpec, chunks: SweepResult[]): SweepResult {
  const xs = axisValues(spec.x);
  const ys = spec.y ? axisValues(spec.y) : [0];
  const products = model.productIndices.map((p) => model.species[p]!);
  const out = emptySweepResult(model, xs, ys, [0, ys.length], spec.fields);
  const nAds = model.adsorbates.length;
  const nSteps = model.steps.length;
  for (const c of chunks) {
    const offset = c.rows[0] * xs.length;
    out.converged.set(c.converged, offset);
    out.status.set(c.status, offset);
    out.residual.set(c.residual, offset);
    for (const f of c.failures) out.failures.push({ index: f.index + offset, reason: f.reason });
    for (const p of products) {
      out.tofPerS[p]!.set(c.tofPerS[p]!, offset);
      out.log10Tof[p]!.set(c.log10Tof[p]!, offset);
      out.faradaicEfficiency[p]!.set(c.faradaicEfficiency[p]!, offset);
      out.resolved[p]!.set(c.resolved[p]!, offset);
    }
    if (out.coverages && c.coverages) out.coverages.set(c.coverages, offset * nAds);
    if (out.stepRatesPerS && c.stepRatesPerS) out.stepRatesPerS.set(c.stepRatesPerS, offset * nSteps);
  }
  out.failures.sort((a, b) => a.index - b.index);
  return out;
}

/**
 * Runs a descriptor sweep on the pool of warm worker threads ({@link workerPool}): the grid's rows are cut
 * into chunks, queued in order, each chunk solved with continuation; progress after every row; chunks already
 * done (resume) are skipped; an abort signal stops the workers.
 */
export async function runParallelSweep(options: ParallelSweepOptions): Promise<SweepResult> {
  const model = options.model ?? compileModel(parseModelText(options.modelText));
  const ys = options.spec.y ? axisValues(options.spec.y) : [0];
  const xs = axisValues(options.spec.x);
  const threads = options.workers ?? os.availableParallelism();
  // rows the completed chunks cover (they may be cut differently from this run's chunks); the rest is queued
  const done = options.completed ?? [];
  const covered = new Uint8Array(ys.length);
  for (const c of done) {
    if (c.xValues.length !== xs.length || c.yValues.length !== ys.length || c.rows[0] < 0 || c.rows[1] > ys.length)
      throw new InputError(
        'completed',
        'chunks of the same grid',
        `a chunk of ${c.xValues.length} × ${c.yValues.length} points for a ${xs.length} × ${ys.length} grid`,
      );
    covered.fill(1, c.rows[0], c.rows[1]);
  }
  const tasks: [number, number][] = [];
  for (let r = 0; r < ys.length;) {
    if (covered[r]) {
      r++;
      continue;
    }
    let end = r;
    const rowsLeft = ys.length - r - covered.subarray(r).reduce((a, b) => a + b, 0);
    const chunkRows = options.chunkRows ?? guidedChunkRows(rowsLeft, threads);
    while (end < ys.length && end - r < chunkRows && !covered[end]) end++;
    tasks.push([r, end]);
    r = end;
  }
  const total = xs.length * ys.length;
  const finishedPoints = (ys.length - tasks.reduce((n, [a, b]) => n + b - a, 0)) * xs.length;
  const inFlight = new Map<number, number>(); // points done so far in each running chunk, by first row
  const report = () => options.onProgress?.(finishedPoints + [...inFlight.values()].reduce((a, b) => a + b, 0), total);
  report();
  const remaining = total - finishedPoints;
  const inProcess =
    !options.runChunk && (options.inProcess === true || (options.inProcess === 'auto' && (threads === 1 || remaining <= IN_PROCESS_MAX_POINTS)));
  if (inProcess) {
    // contiguous bands of rows still to do, each solved in one continuation pass
    const bands: [number, number][] = [];
    for (const [a, b] of tasks) {
      const last = bands.at(-1);
      if (last && last[1] === a) last[1] = b;
      else bands.push([a, b]);
    }
    const fresh: SweepResult[] = [];
    let before = finishedPoints;
    for (const rows of bands) {
      if (options.signal?.aborted) throw new Error('sweep cancelled');
      const chunk = descriptorSweep(model, options.spec, rows, (row) => options.onProgress?.(before + (row - rows[0] + 1) * xs.length, total));
      before += (rows[1] - rows[0]) * xs.length;
      options.onChunk?.(chunk);
      fresh.push(chunk);
    }
    return mergeSweepChunks(model, options.spec, [...done, ...fresh]);
  }
  const { runPooledTask } = await import('./workerPool.js');
  const controller = new AbortController();
  setMaxListeners(tasks.length + 1, controller.signal); // every queued chunk listens to it: not a leak
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const fresh = await Promise.all(
      tasks.map(async (rows) => {
        const onChunkProgress = (pointsDone: number) => {
          inFlight.set(rows[0], pointsDone);
          report();
        };
        const task = { modelText: options.modelText, spec: options.spec, rows };
        const chunk = options.runChunk
          ? await options.runChunk(task, onChunkProgress, controller.signal)
          : await runPooledTask<SweepResult>({ kind: 'sweep', ...task }, onChunkProgress, { signal: controller.signal, threads });
        options.onChunk?.(chunk);
        return chunk;
      }),
    );
    return mergeSweepChunks(model, options.spec, [...done, ...fresh]);
  } catch (error) {
    controller.abort(); // one failed chunk stops the others
    throw options.signal?.aborted ? new Error('sweep cancelled') : error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}
