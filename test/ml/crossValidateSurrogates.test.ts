import { describe, expect, it } from 'vitest';
import { crossValidateSurrogates } from '../../src/ml/crossValidateSurrogates.js';
import { SeededRandom } from '../../src/ml/random.js';

/** y = 2·x1 − x2 + N(0, σ²) with an irrelevant third input: the GP's held-out RMSE should approach σ. */
function linearData(n: number, sigma: number, seed: number) {
  const rng = new SeededRandom(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = [rng.uniform(), rng.uniform(), rng.uniform()];
    x.push(row);
    y.push(2 * row[0]! - row[1]! + sigma * rng.normal());
  }
  return { x, y };
}

describe('crossValidateSurrogates', () => {
  const sigma = 0.1;
  const { x, y } = linearData(40, sigma, 3);
  const r = crossValidateSurrogates(x, y, { folds: 5, seed: 1, trees: 100, groups: ['x1', 'x2', 'noise'] });
  const by = (m: string) => r.scores.find((s) => s.model === m)!;

  it('recovers a linear target with the GP to about the noise level, far below the mean predictor', () => {
    // the target's sd is √(4/12 + 1/12 + σ²) ≈ 0.60: the mean predictor's RMSE is about that
    expect(by('mean').rmse).toBeGreaterThan(0.45);
    expect(by('mean').rmse).toBeLessThan(0.75);
    expect(by('gaussian-process').rmse).toBeGreaterThan(0.6 * sigma);
    expect(by('gaussian-process').rmse).toBeLessThan(1.6 * sigma);
    expect(by('gaussian-process').r2).toBeGreaterThan(0.9);
    expect(by('gaussian-process').skillVsMean).toBeGreaterThan(0.7);
    // the piecewise-constant forest does worse on a smooth linear target, but better than the mean
    expect(by('random-forest').rmse).toBeGreaterThan(by('gaussian-process').rmse);
    expect(by('random-forest').skillVsMean).toBeGreaterThan(0.2);
  });
  it('scores follow their definitions from the held-out predictions', () => {
    const gp = by('gaussian-process');
    const se = y.reduce((a, v, i) => a + (v - gp.predictions[i]!) ** 2, 0);
    const ybar = y.reduce((a, b) => a + b, 0) / y.length;
    const st = y.reduce((a, v) => a + (v - ybar) ** 2, 0);
    expect(gp.rmse).toBeCloseTo(Math.sqrt(se / y.length), 12);
    expect(gp.r2).toBeCloseTo(1 - se / st, 12);
    expect(gp.skillVsMean).toBeCloseTo(1 - gp.rmse / by('mean').rmse, 12);
    expect(by('mean').coverage95).toBeNull();
  });
  it('ranks the inputs by permutation importance: x1 (slope 2) > x2 (slope −1) > the irrelevant one', () => {
    expect(r.importance.map((i) => i.group)).toEqual(['x1', 'x2', 'noise']);
    expect(Math.abs(r.importance[2]!.rmseIncrease)).toBeLessThan(0.05);
  });
  it('warns in plain words when records are few for the features, and not here', () => {
    expect(r.warnings).toEqual([]);
    const few = linearData(6, sigma, 4);
    const w = crossValidateSurrogates(few.x, few.y, { folds: 3, trees: 20 }).warnings.join(' ');
    expect(w).toMatch(/only 6 records for 3 features/);
    expect(w).toMatch(/3 folds of 6 records/);
  });
  it('leave-one-out when folds = n, and refuses fewer than 4 rows', () => {
    const small = linearData(8, sigma, 5);
    expect(crossValidateSurrogates(small.x, small.y, { folds: 100, trees: 20 }).folds).toBe(8);
    expect(() => crossValidateSurrogates(small.x.slice(0, 3), small.y.slice(0, 3))).toThrow(/at least 4 records/);
  });
  it('says a constant target has nothing to predict instead of printing "NaN %"', () => {
    const small = linearData(8, sigma, 5);
    const r = crossValidateSurrogates(
      small.x,
      small.y.map(() => 42),
      { folds: 4, trees: 20 },
    );
    const w = r.warnings.join(' ');
    expect(w).toMatch(/target is 42 in every record/);
    expect(w).not.toMatch(/NaN %/);
    expect(r.scores.find((s) => s.model === 'mean')!.rmse).toBe(0);
  });
  it('refuses folds that would leave rows in no fold (NaN, fractional, below 2), naming the field', () => {
    const small = linearData(8, sigma, 5);
    for (const folds of [Number.NaN, 2.5, 1]) expect(() => crossValidateSurrogates(small.x, small.y, { folds, trees: 20 })).toThrow(/folds.*integer ≥ 2/);
  });
});

describe('grouped folds (rowGroups)', () => {
  // a pure-noise target with every row duplicated: ungrouped folds let a model predict a held-out row from its
  // copy in the training folds; grouped folds (a row and its copy share a fold) leave nothing to learn
  const rng = new SeededRandom(11);
  const x: number[][] = [];
  const y: number[] = [];
  const labels: string[] = [];
  for (let i = 0; i < 15; i++) {
    const row = [rng.uniform(), rng.uniform()];
    const v = rng.normal();
    for (let c = 0; c < 2; c++) {
      x.push(row);
      y.push(v);
      labels.push(`g${i}`);
    }
  }
  const options = { folds: 5, seed: 0, trees: 50, permutationRepeats: 1 };
  const leaky = crossValidateSurrogates(x, y, options);
  const grouped = crossValidateSurrogates(x, y, { ...options, rowGroups: labels });
  const rmse = (r: typeof leaky, m: string) => r.scores.find((s) => s.model === m)!.rmse;

  it('keeps a group in one fold and caps the folds at the number of groups', () => {
    for (let i = 0; i < y.length; i += 2) expect(grouped.foldOfRow[i]).toBe(grouped.foldOfRow[i + 1]);
    expect(new Set(grouped.foldOfRow).size).toBe(5);
    expect(grouped.groupCount).toBe(15);
    expect(crossValidateSurrogates(x, y, { ...options, folds: 100, rowGroups: labels }).folds).toBe(15);
  });
  it('ungrouped folds flatter a noise target through the copies; grouped ones do not', () => {
    expect(rmse(leaky, 'gaussian-process')).toBeLessThan(0.5 * rmse(leaky, 'mean'));
    expect(rmse(grouped, 'gaussian-process')).toBeGreaterThan(0.8 * rmse(grouped, 'mean'));
  });
});
