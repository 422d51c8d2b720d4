import { normalCdf } from './normal.js';

/**
 * Inverse of the standard normal CDF by bisection on {@link normalCdf} (80 halvings of [−40, 40]: far below
 * the CDF's own accuracy). Returns −∞ at p = 0, +∞ at p = 1 and NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  let lo = -40;
  let hi = 40;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Normal-scores (Gaussian copula) output warp: each value is replaced by Φ⁻¹(r / (n + 1)) with r its rank
 * among the n values (1 = smallest, ties share their mean rank; van der Waerden's normal scores). The warp is
 * monotone, so the best run stays the best, but an objective that spans many decades with flat, poor plateaus
 * (log10 TOF across a volcano) no longer dictates the GP's signal variance and lengthscales: the surrogate
 * spends its resolution on the order of the runs, which is what a maximizer needs. This is the rank-based
 * transform of Salinas, Shen & Perrone (ICML 2020, "A quantile-based approach for hyperparameter transfer
 * learning") for heterogeneous objective scales. Non-finite values are refused (NaN out).
 */
export function normalScores(values: readonly number[]): number[] {
  const n = values.length;
  if (values.some((v) => !Number.isFinite(v))) return values.map(() => Number.NaN);
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && order[j + 1]![0] === order[i]![0]) j++;
    const meanRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = meanRank;
    i = j + 1;
  }
  return ranks.map((r) => normalQuantile(r / (n + 1)));
}
