/**
 * Stationary ARD covariance functions on unit-cube inputs (Rasmussen & Williams, *Gaussian Processes for
 * Machine Learning*, MIT Press 2006, eqs. 4.9 and 4.17), with their derivatives with respect to the log
 * length-scales, which the marginal-likelihood gradient needs.
 *
 * With r² = Σ_d ((x_d − x'_d)/ℓ_d)²:
 * - `rbf`:      k = σ² exp(−r²/2)
 * - `matern52`: k = σ² (1 + √5 r + 5r²/3) exp(−√5 r)
 */
export type KernelName = 'matern52' | 'rbf';

const SQRT5 = Math.sqrt(5);

/** k(r²) / σ² for a kernel. */
export function kernelCorrelation(kernel: KernelName, r2: number): number {
  if (kernel === 'rbf') return Math.exp(-0.5 * r2);
  const r = Math.sqrt(r2);
  return (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
}

/**
 * ∂k/∂ln ℓ_d divided by σ² and by (Δ_d/ℓ_d)²: the same factor for every dimension, so one call per pair.
 * RBF: exp(−r²/2); Matérn-5/2: (5/3)(1 + √5 r) exp(−√5 r). Both finite at r = 0.
 */
export function kernelLengthScaleFactor(kernel: KernelName, r2: number): number {
  if (kernel === 'rbf') return Math.exp(-0.5 * r2);
  const r = Math.sqrt(r2);
  return (5 / 3) * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
}

/** Scaled squared distance Σ_d ((a_d − b_d)/ℓ_d)² between rows of flat arrays. */
export function scaledDistance2(a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, lengthScales: ArrayLike<number>): number {
  const d = lengthScales.length;
  let s = 0;
  for (let k = 0; k < d; k++) {
    const t = (a[ia * d + k]! - b[ib * d + k]!) / lengthScales[k]!;
    s += t * t;
  }
  return s;
}
