import { logExpectedImprovementKernel, normalCdf, normalPdf } from './normal.js';

/**
 * Expected improvement over an incumbent for maximization (Jones, Schonlau & Welch, *J. Global Optim.*
 * 1998, 13, 455, doi:10.1023/A:1008306431147): EI = σ·h((μ − best)/σ), h(z) = φ(z) + zΦ(z);
 * max(0, μ − best) when σ = 0.
 *
 * @param mean - posterior mean μ
 * @param sd - posterior standard deviation σ ≥ 0
 * @param best - incumbent value (the best posterior mean at the observed points, or the best observation)
 */
export function expectedImprovement(mean: number, sd: number, best: number): number {
  if (!(sd > 0)) return Math.max(0, mean - best);
  const z = (mean - best) / sd;
  return sd * (normalPdf(z) + z * normalCdf(z));
}

/**
 * Natural logarithm of the expected improvement, finite wherever σ > 0 even when EI underflows to 0
 * (log-EI, Ament et al., NeurIPS 2023, arXiv:2310.20708): ln σ + ln h(z). −Infinity when σ = 0 and μ ≤ best.
 */
export function logExpectedImprovement(mean: number, sd: number, best: number): number {
  if (!(sd > 0)) return mean > best ? Math.log(mean - best) : Number.NEGATIVE_INFINITY;
  return Math.log(sd) + logExpectedImprovementKernel((mean - best) / sd);
}
