import { setMaxListeners } from 'node:events';
import os from 'node:os';
import { parseCandidatesCsv } from '../ml/campaignText.js';
import { type ScreenCandidatesResult, type ScreeningChunk, combineScreeningChunks, screeningSettings } from '../ml/screenCandidates.js';
import { loadModel } from '../store/builtinModels.js';
import { type screenRequestSchema, screeningOptionsOf } from '../studies/ml.js';
import { modelSourceOf } from '../kinetics/parser/modelReference.js';
import type { ScreenChunkTask } from './screenChunkTask.js';
import { runPooledTask } from './workerPool.js';
import type { z } from 'zod';

/** Options of {@link runParallelScreening}. */
export interface ParallelScreeningOptions {
  /** The validated request (`POST /api/screen`'s body). */
  input: z.output<typeof screenRequestSchema>;
  /** Worker threads of the pool (default: number of cores). */
  workers?: number;
  /**
   * Candidates per chunk. Default: guided self-scheduling, ceil(left / (2 · workers)) candidates (at least 1),
   * the rule the sweeps use ({@link guidedChunkRows}): large chunks first, small ones at the end to even out
   * candidates of unequal cost.
   */
  chunkCandidates?: number;
  /** Called with candidates done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Called with every finished chunk. */
  onChunk?: (chunk: ScreeningChunk) => void;
  signal?: AbortSignal;
}

/** Candidates of the next chunk when `left` remain for `workers` workers (guided self-scheduling, see {@link ParallelScreeningOptions.chunkCandidates}). */
export function guidedChunkCandidates(left: number, workers: number): number {
  return Math.max(1, Math.ceil(left / (2 * workers)));
}

/**
 * A Monte Carlo screening split over the worker pool: candidates in chunks, each chunk on the next free worker,
 * joined with {@link combineScreeningChunks}. Each candidate samples from its own seeded stream, so the result
 * equals `screenCandidates` on one thread exactly, for any chunking.
 */
export async function runParallelScreening(o: ParallelScreeningOptions): Promise<ScreenCandidatesResult> {
  const b = o.input;
  const source = modelSourceOf(b);
  const model = loadModel(source);
  const candidates = parseCandidatesCsv(model.descriptors, b.candidates);
  const settings = screeningSettings(model, candidates, screeningOptionsOf(b));
  const workers = o.workers ?? os.availableParallelism();
  const ranges: [number, number][] = [];
  for (let from = 0; from < candidates.length;) {
    const size = Math.min(candidates.length - from, o.chunkCandidates ?? guidedChunkCandidates(candidates.length - from, workers));
    ranges.push([from, from + size]);
    from += size;
  }
  const base: Omit<ScreenChunkTask, 'range'> = { model: source, candidates, settings };
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const stop = () => controller.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', stop, { once: true });
  const done = new Array<number>(ranges.length).fill(0);
  const report = () =>
    o.onProgress?.(
      done.reduce((a, c) => a + c, 0),
      candidates.length,
    );
  try {
    // every chunk is queued on the pool at once; piscina hands each to the next free worker, in order
    const chunks = await Promise.all(
      ranges.map(async (range, i) => {
        const chunk = await runPooledTask<ScreeningChunk>({ kind: 'screenChunk', ...base, range }, (d) => ((done[i] = d), report()), {
          signal: controller.signal,
          threads: workers,
        });
        o.onChunk?.(chunk);
        return chunk;
      }),
    ).catch((error: unknown) => {
      controller.abort(); // one failed chunk stops the others
      throw error;
    });
    return combineScreeningChunks(settings, chunks);
  } finally {
    o.signal?.removeEventListener('abort', stop);
  }
}
