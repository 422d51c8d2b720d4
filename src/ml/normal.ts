/**
 * The standard normal distribution to full double precision across the whole axis, and the logarithm of the
 * expected-improvement kernel h(z) = φ(z) + zΦ(z) that stays finite where h underflows (log-EI of Ament et al.,
 * "Unexpected Improvements to Expected Improvement for Bayesian Optimization", NeurIPS 2023, arXiv:2310.20708).
 *
 * Method: for |z| < 3, erf from its everywhere-convergent series of positive terms
 * erf(x) = (2/√π) e^{−x²} Σₙ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)) (Abramowitz & Stegun 7.1.6); for |z| ≥ 3, the Mills
 * ratio M(t) = Φ(−t)/φ(t) from Laplace's continued fraction M(t) = 1/(t + 1/(t + 2/(t + 3/(t + …))))
 * (A&S 26.2.14, 7.1.15 form), evaluated bottom-up.
 */

const SQRT2 = Math.SQRT2;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
}

/** erf(x) for |x| below about 3 (series of positive terms, A&S 7.1.6). */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x2) * sum;
}

/**
 * Laplace's continued fraction tail R(t) = 1/(t + 2/(t + 3/(t + …))) for t ≥ 3, so that the Mills ratio is
 * M(t) = 1/(t + R(t)). Depth 200 bottom-up: at t = 3 the truncation error is below 1e-16 relative.
 */
function millsTail(t: number): number {
  let f = t;
  for (let k = 200; k >= 2; k--) f = t + k / f;
  return 1 / f;
}

/** Mills ratio M(t) = Φ(−t)/φ(t) for t ≥ 3. */
function millsRatio(t: number): number {
  return 1 / (t + millsTail(t));
}

/** Standard normal cumulative distribution Φ(z), accurate in relative terms in both tails. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z <= -3) return z === -Infinity ? 0 : normalPdf(z) * millsRatio(-z);
  if (z >= 3) return z === Infinity ? 1 : 1 - normalPdf(z) * millsRatio(z);
  const e = erfSeries(Math.abs(z) / SQRT2);
  return z >= 0 ? 0.5 * (1 + e) : 0.5 * (1 - e);
}

/**
 * log h(z) with h(z) = φ(z) + zΦ(z) = E[max(0, z + ε)], ε ~ N(0, 1): the expected improvement of a unit
 * Gaussian whose mean lies z standard deviations above the incumbent. Finite for every finite z (about
 * −z²/2 − 2 ln|z| − ln√(2π) far in the left tail, where h itself underflows below z ≈ −38).
 */
export function logExpectedImprovementKernel(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z > -3) return Math.log(normalPdf(z) + z * normalCdf(z));
  // z ≤ −3, t = −z: h = φ(t)(1 − t·M) and 1 − t·M = R·M exactly (no cancellation), with M = 1/(t + R)
  const t = -z;
  const R = millsTail(t);
  const M = 1 / (t + R);
  return -0.5 * t * t - LOG_SQRT_2PI + Math.log(M) + Math.log(R);
}
