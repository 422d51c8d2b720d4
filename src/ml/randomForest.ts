import { RandomForestRegression } from 'ml-random-forest';
import { InputError } from '../chem/index.js';
import { SeededRandom } from './random.js';

/** Options of {@link fitRandomForest}. */
export interface RandomForestOptions {
  /** Number of trees (default 100). */
  trees?: number;
  /** Fraction of the inputs each tree sees (default 1 = all; categorical-heavy data may prefer ~0.6). */
  maxFeatures?: number;
  /** Seed of the bootstrap and feature draws (default 0). */
  seed?: number;
  /** Smallest number of samples in a leaf (default 2: a split needs at least this many on each side). */
  minLeafSamples?: number;
}

/** Prediction of a forest: mean over trees and their spread. */
export interface RandomForestPrediction {
  mean: number[];
  /** Standard deviation of the per-tree predictions: a rough uncertainty, not a calibrated interval. */
  sd: number[];
}

/** A fitted random-forest regressor (ml-random-forest, CART trees on bootstrap samples; Breiman, *Mach. Learn.* 2001, 45, 5). */
export class RandomForestModel {
  private readonly forest: RandomForestRegression;
  readonly dimensions: number;

  /** @internal use {@link fitRandomForest} */
  constructor(forest: RandomForestRegression, dimensions: number) {
    this.forest = forest;
    this.dimensions = dimensions;
  }

  /** Mean and per-tree standard deviation at each row of `x`. */
  predict(x: readonly (readonly number[])[]): RandomForestPrediction {
    x.forEach((row, i) => {
      if (row.length !== this.dimensions) throw new InputError(`x[${i}]`, `${this.dimensions} inputs`, `got ${row.length}`);
    });
    const values = this.forest.predictionValues(x.map((r) => [...r]));
    const mean: number[] = [];
    const sd: number[] = [];
    for (let i = 0; i < values.rows; i++) {
      const row = values.getRow(i);
      const m = row.reduce((a, b) => a + b, 0) / row.length;
      mean.push(m);
      sd.push(Math.sqrt(row.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, row.length - 1)));
    }
    return { mean, sd };
  }
}

/**
 * Fits a random-forest regressor whose per-tree spread serves as its uncertainty (for categorical-heavy data
 * where a stationary GP kernel fits poorly). Trees see bootstrap samples of the rows.
 * @throws {InputError} for non-finite data or mismatched lengths
 */
export function fitRandomForest(x: readonly (readonly number[])[], y: readonly number[], options: RandomForestOptions = {}): RandomForestModel {
  if (x.length !== y.length) throw new InputError('y', `one value per input row (${x.length})`, `got ${y.length}`);
  if (x.length < 2) throw new InputError('x', 'at least two observations', `got ${x.length}`);
  const d = x[0]!.length;
  x.forEach((row, i) => {
    if (row.length !== d) throw new InputError(`x[${i}]`, `${d} inputs like the first row`, `got ${row.length}`);
    row.forEach((v, k) => {
      if (!Number.isFinite(v)) throw new InputError(`x[${i}][${k}]`, 'a finite number', `got ${v}`);
    });
  });
  y.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new InputError(`y[${i}]`, 'a finite number', `got ${v}`);
  });
  // ml-random-forest wants a 32-bit integer seed; derive it from ours so nearby seeds give unrelated forests
  const seed = Math.floor(new SeededRandom(options.seed ?? 0).uniform() * 2 ** 31);
  const forest = new RandomForestRegression({
    nEstimators: options.trees ?? 100,
    maxFeatures: options.maxFeatures ?? 1,
    replacement: false,
    useSampleBagging: true,
    seed,
    noOOB: true,
    treeOptions: { minNumSamples: options.minLeafSamples ?? 2 },
  } as ConstructorParameters<typeof RandomForestRegression>[0]);
  forest.train(
    x.map((r) => [...r]),
    [...y],
  );
  return new RandomForestModel(forest, d);
}

/**
 * k-fold cross-validated RMSE of a forest (folds by a seeded permutation), with the fraction of held-out
 * points inside mean ± 1.96 × per-tree sd, which shows how far that spread is from a calibrated interval.
 */
export function crossValidateRandomForest(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: RandomForestOptions & { folds?: number } = {},
): { rmse: number; coverage95: number; predictions: RandomForestPrediction } {
  const n = y.length;
  const k = Math.min(options.folds ?? 5, n);
  const perm = new SeededRandom((options.seed ?? 0) + 1).permutation(n);
  const mean = new Array<number>(n).fill(Number.NaN);
  const sd = new Array<number>(n).fill(Number.NaN);
  for (let f = 0; f < k; f++) {
    const test = perm.filter((_, i) => i % k === f);
    const train = perm.filter((_, i) => i % k !== f);
    const model = fitRandomForest(
      train.map((i) => x[i]!),
      train.map((i) => y[i]!),
      options,
    );
    const p = model.predict(test.map((i) => x[i]!));
    test.forEach((i, j) => {
      mean[i] = p.mean[j]!;
      sd[i] = p.sd[j]!;
    });
  }
  let se = 0;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    se += (y[i]! - mean[i]!) ** 2;
    if (Math.abs(y[i]! - mean[i]!) <= 1.96 * sd[i]!) inside++;
  }
  return { rmse: Math.sqrt(se / n), coverage95: inside / n, predictions: { mean, sd } };
}
