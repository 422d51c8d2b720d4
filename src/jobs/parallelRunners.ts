import { screenStudy } from '../studies/ml.js';
import type { z } from 'zod';

/** Options a pooled run passes on: the stop signal and the progress callback (done, total in the study's own units). */
export interface ParallelRunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Runs a study split over the whole worker pool, with the numbers of one thread; `input` is the validated request. */
export type ParallelRunner = (input: unknown, options: ParallelRunOptions) => Promise<unknown>;

/**
 * The studies whose work splits into independent pieces, by study name: {@link runStudyOnPool} runs these over
 * the whole pool instead of on one worker. Every other study runs on one pooled worker. Runners load on first use.
 * - `screen`: the candidates in chunks (runParallelScreening.ts); each candidate has its own seeded stream.
 */
export const PARALLEL_RUNNERS: ReadonlyMap<string, ParallelRunner> = new Map<string, ParallelRunner>([
  [
    screenStudy.name,
    async (input, { signal, onProgress }) => {
      const { runParallelScreening } = await import('./runParallelScreening.js');
      return runParallelScreening({ input: input as z.output<typeof screenStudy.input>, signal, onProgress });
    },
  ],
]);
