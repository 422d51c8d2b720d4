/**
 * The acquisitions `plan ask` offers for two objectives and its default, written once: {@link askNext}, the
 * `POST /api/plan/ask` schema, the `plan ask --acquisition` flag and the Plan & screen form take them from here
 * (this module imports nothing, so the web page can too).
 */
export const MULTI_OBJECTIVE_ACQUISITIONS = ['ehvi', 'parego'] as const;

/**
 * Default for two objectives: `ehvi`. Measured on BraninCurrin and DTLZ2 (BENCHMARKS.md, `BENCH_ML_PROBLEMS=branincurrin,dtlz2
 * npx tsx bench/ml.bench.ts`, 10 seeds, 40 runs): the hypervolume gap with EHVI is 7× (BraninCurrin) and 3.4×
 * (DTLZ2) smaller than with ParEGO, ahead in every seed; ParEGO costs about 30 % less time per suggestion.
 */
export const DEFAULT_MULTI_OBJECTIVE_ACQUISITION: (typeof MULTI_OBJECTIVE_ACQUISITIONS)[number] = 'ehvi';
