import { expectedImprovement } from './acquisition.js';

/** A point of a two-objective space, both objectives maximized: [f1, f2]. */
export type Point2 = readonly [number, number];

/**
 * The non-dominated points of `points` that strictly dominate `reference` (both objectives maximized), sorted by
 * the first objective descending (so the second ascends): the Pareto staircase.
 */
export function paretoStaircase2d(points: readonly Point2[], reference: Point2): Point2[] {
  const above = points.filter((p) => p[0] > reference[0] && p[1] > reference[1]).sort((a, b) => b[0] - a[0] || b[1] - a[1]);
  const front: Point2[] = [];
  for (const p of above) if (front.length === 0 || p[1] > front[front.length - 1]![1]) front.push(p);
  return front;
}

/**
 * The hypervolume (area) dominated by `points` and bounded below by `reference`, both objectives maximized
 * (Zitzler & Thiele's S metric, 1998): the sum of the staircase's rectangles. Points that do not dominate the
 * reference add nothing. Units: the product of the two objectives' units.
 */
export function hypervolume2d(points: readonly Point2[], reference: Point2): number {
  const front = paretoStaircase2d(points, reference);
  let area = 0;
  let below = reference[1];
  for (const [a, b] of front) {
    area += (a - reference[0]) * (b - below);
    below = b;
  }
  return area;
}

/**
 * E[(Y − c)⁺] for Y ~ N(mean, sd²): the expected improvement over c ({@link expectedImprovement}: max(0, mean − c)
 * when sd = 0), clamped at 0 against rounding, and 0 for c = +∞ (the open strip, where EI's formula gives NaN).
 */
function expectedExcess(mean: number, sd: number, c: number): number {
  return c === Number.POSITIVE_INFINITY ? 0 : Math.max(0, expectedImprovement(mean, sd, c));
}

/**
 * Expected hypervolume improvement of a new point with independent Gaussian objectives over a two-objective
 * Pareto front, in closed form (both objectives maximized). The region a new point y can add is cut into
 * vertical strips at the front's first coordinates a₁ > … > aₙ: strip i spans f1 ∈ (lᵢ, uᵢ] with the front
 * dominating it up to hᵢ, and adds (min(uᵢ, y₁) − lᵢ)⁺·(y₂ − hᵢ)⁺. With independent objectives the expectation
 * factorizes: EHVI = Σᵢ [ψ₁(lᵢ) − ψ₁(uᵢ)]·ψ₂(hᵢ), ψⱼ(c) = E[(Yⱼ − c)⁺] (the slice decomposition of Yang,
 * Emmerich, Deutz & Bäck, J. Global Optim. 2019, doi:10.1007/s10898-019-00798-7, arXiv:1904.12672; O(n) on a
 * sorted front). Strips: (a₁, ∞) over h = r₂; (aᵢ₊₁, aᵢ] over bᵢ; (r₁, aₙ] over bₙ.
 *
 * @param mean - posterior means [μ₁, μ₂] of the new point's objectives (maximized)
 * @param sd - posterior standard deviations [σ₁, σ₂] ≥ 0 (0: a known point, EHVI = its hypervolume improvement)
 * @param front - the points found so far (dominated ones and those not above the reference are ignored)
 * @param reference - the reference point r, worse than every point of interest in both objectives
 * @returns EHVI in the product of the objectives' units (≥ 0)
 */
export function expectedHypervolumeImprovement2d(mean: Point2, sd: Point2, front: readonly Point2[], reference: Point2): number {
  const stairs = paretoStaircase2d(front, reference);
  const psi1 = (c: number) => expectedExcess(mean[0], sd[0], c);
  const psi2 = (c: number) => expectedExcess(mean[1], sd[1], c);
  let total = 0;
  let upper = Number.POSITIVE_INFINITY;
  let height = reference[1];
  for (const [a, b] of stairs) {
    total += (psi1(a) - psi1(upper)) * psi2(height);
    upper = a;
    height = b;
  }
  total += (psi1(reference[0]) - psi1(upper)) * psi2(height);
  return Math.max(0, total);
}
