/**
 * Scalar tridiagonal linear systems of n unknowns,
 *
 *   a_i x_{i−1} + b_i x_i + c_i x_{i+1} = r_i,   i = 0 … n−1 (a_0 and c_{n−1} unused),
 *
 * solved by the Thomas algorithm (Gaussian elimination without pivoting, O(n)). Stable for diagonally dominant
 * systems such as the finite-volume Jacobians of 1-D Poisson problems (`src/transport/doubleLayer.ts`); the
 * scalar case of {@link BlockTridiagonalSolver} (blockTridiagonal.ts) without its per-block pivoting work.
 */
export class TridiagonalSolver {
  /** Number of unknowns n. */
  readonly size: number;
  /** Sub-diagonal a_i (a_0 ignored). Fill before {@link solve}; left unchanged. */
  readonly lower: Float64Array;
  /** Diagonal b_i. Fill before {@link solve}; left unchanged. */
  readonly diagonal: Float64Array;
  /** Super-diagonal c_i (c_{n−1} ignored). Fill before {@link solve}; left unchanged. */
  readonly upper: Float64Array;
  private readonly pivots: Float64Array;

  /**
   * @param size number of unknowns n (≥ 1)
   * @example const s = new TridiagonalSolver(3); s.diagonal.fill(2); s.lower.fill(-1); s.upper.fill(-1); s.solve(Float64Array.of(1, 0, 1)); // → [1, 1, 1]
   */
  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`size: an integer ≥ 1, got ${size}`);
    this.size = size;
    this.lower = new Float64Array(size);
    this.diagonal = new Float64Array(size);
    this.upper = new Float64Array(size);
    this.pivots = new Float64Array(size);
  }

  /**
   * Solves the system in place: `rhs` (length n) becomes x. Allocates nothing. Returns false when a pivot is zero
   * or not finite (the system needs pivoting or is singular); rhs is then undefined.
   */
  solve(rhs: Float64Array): boolean {
    const n = this.size;
    if (rhs.length !== n) throw new RangeError(`rhs: length ${n}, got ${rhs.length}`);
    const a = this.lower;
    const b = this.diagonal;
    const c = this.upper;
    const p = this.pivots;
    p[0] = b[0]!;
    if (!(p[0] !== 0 && Number.isFinite(p[0]))) return false;
    for (let i = 1; i < n; i++) {
      const m = a[i]! / p[i - 1]!;
      p[i] = b[i]! - m * c[i - 1]!;
      if (!(p[i] !== 0 && Number.isFinite(p[i]))) return false;
      rhs[i] = rhs[i]! - m * rhs[i - 1]!;
    }
    rhs[n - 1] = rhs[n - 1]! / p[n - 1]!;
    for (let i = n - 2; i >= 0; i--) rhs[i] = (rhs[i]! - c[i]! * rhs[i + 1]!) / p[i]!;
    return true;
  }
}
