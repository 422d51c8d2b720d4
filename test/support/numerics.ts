/** Shared helpers of the linear-solver tests: reproducible random numbers and a dense-LU reference solve. */
import { luFactor, luSolve } from '../../src/numerics/denseLU.js';

/** Deterministic uniform numbers in [−1, 1) (32-bit LCG, Numerical Recipes constants). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  };
}

/**
 * Max-norm difference between `x` and the dense-LU (partial pivoting) solution of `dense`·y = `rhs`, relative to
 * max |y|; NaN when dense LU finds the matrix singular. `dense` (row-major n × n) is factored in place.
 */
export function relativeDifferenceFromDenseLU(dense: Float64Array, n: number, rhs: Float64Array, x: Float64Array): number {
  const pivots = new Int32Array(n);
  if (!luFactor(dense, n, pivots)) return Number.NaN;
  const y = Float64Array.from(rhs);
  luSolve(dense, n, pivots, y);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    diff = Math.max(diff, Math.abs(x[i]! - y[i]!));
    scale = Math.max(scale, Math.abs(y[i]!));
  }
  return diff / scale;
}
