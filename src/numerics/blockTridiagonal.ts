/**
 * Block-tridiagonal linear systems: K block rows of m × m blocks,
 *
 *   L_k x_{k−1} + D_k x_k + U_k x_{k+1} = b_k,   k = 0 … K−1 (L_0 and U_{K−1} unused),
 *
 * solved by the block Thomas algorithm (block LU without pivoting between blocks, partial pivoting inside each
 * diagonal block). Stable for block-diagonally-dominant systems such as the finite-volume Jacobians of
 * `src/transport/`; costs O(K·m³) and allocates nothing after construction.
 */
export class BlockTridiagonalSolver {
  /** Number of block rows K. */
  readonly blocks: number;
  /** Block size m (unknowns per block row). */
  readonly size: number;
  /** Sub-diagonal blocks L_k, row-major, block k at offset k·m² (block 0 ignored). Fill before {@link solve}. */
  readonly lower: Float64Array;
  /** Diagonal blocks D_k, row-major, block k at offset k·m². Fill before {@link solve}; left unchanged. */
  readonly diagonal: Float64Array;
  /** Super-diagonal blocks U_k, row-major, block k at offset k·m² (block K−1 ignored). Fill before {@link solve}. */
  readonly upper: Float64Array;
  private readonly factored: Float64Array;
  private readonly reducedUpper: Float64Array;
  private readonly pivots: Int32Array;
  private readonly column: Float64Array;

  /**
   * @param blocks number of block rows K (≥ 1)
   * @param size block size m (≥ 1)
   * @example const s = new BlockTridiagonalSolver(200, 6); s.diagonal.set(...); s.solve(rhs);
   */
  constructor(blocks: number, size: number) {
    if (!Number.isInteger(blocks) || blocks < 1) throw new RangeError(`blocks: an integer ≥ 1, got ${blocks}`);
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`size: an integer ≥ 1, got ${size}`);
    this.blocks = blocks;
    this.size = size;
    const n = blocks * size * size;
    this.lower = new Float64Array(n);
    this.diagonal = new Float64Array(n);
    this.upper = new Float64Array(n);
    this.factored = new Float64Array(n);
    this.reducedUpper = new Float64Array(n);
    this.pivots = new Int32Array(blocks * size);
    this.column = new Float64Array(size);
  }

  /** Sets every block to zero. */
  clear(): void {
    this.lower.fill(0);
    this.diagonal.fill(0);
    this.upper.fill(0);
  }

  /**
   * Solves the system in place: `rhs` (length K·m, block row k at offset k·m) becomes x. Returns false when
   * a reduced diagonal block is (numerically) singular; rhs is then undefined.
   */
  solve(rhs: Float64Array): boolean {
    const K = this.blocks;
    const m = this.size;
    const mm = m * m;
    const { lower, diagonal, upper, factored: Dp, reducedUpper: Up, pivots, column } = this;
    if (rhs.length !== K * m) throw new RangeError(`rhs: length ${K * m} expected, got ${rhs.length}`);
    for (let k = 0; k < K; k++) {
      const o = k * mm;
      const r = k * m;
      for (let q = 0; q < mm; q++) Dp[o + q] = diagonal[o + q]!;
      if (k > 0) {
        // D'_k = D_k − L_k U'_{k−1};  b'_k = b_k − L_k x'_{k−1}
        const po = o - mm;
        const pr = r - m;
        for (let i = 0; i < m; i++) {
          const li = o + i * m;
          let s = 0;
          for (let l = 0; l < m; l++) {
            const a = lower[li + l]!;
            if (a === 0) continue;
            s += a * rhs[pr + l]!;
            const ul = po + l * m;
            const di = o + i * m;
            for (let j = 0; j < m; j++) Dp[di + j]! -= a * Up[ul + j]!;
          }
          rhs[r + i]! -= s;
        }
      }
      if (!factorBlock(Dp, o, m, pivots, r)) return false;
      if (k + 1 < K) {
        // U'_k = D'_k⁻¹ U_k, column by column
        for (let j = 0; j < m; j++) {
          for (let i = 0; i < m; i++) column[i] = upper[o + i * m + j]!;
          solveBlock(Dp, o, m, pivots, r, column, 0);
          for (let i = 0; i < m; i++) Up[o + i * m + j] = column[i]!;
        }
      }
      solveBlock(Dp, o, m, pivots, r, rhs, r);
    }
    for (let k = K - 2; k >= 0; k--) {
      const o = k * mm;
      const r = k * m;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let l = 0; l < m; l++) s += Up[o + i * m + l]! * rhs[r + m + l]!;
        rhs[r + i]! -= s;
      }
    }
    return true;
  }
}

/** LU with partial pivoting of the m × m block of `a` at offset `o`; pivots stored at `p[po…po+m)`. */
function factorBlock(a: Float64Array, o: number, m: number, p: Int32Array, po: number): boolean {
  for (let k = 0; k < m; k++) {
    let piv = k;
    let max = Math.abs(a[o + k * m + k]!);
    for (let i = k + 1; i < m; i++) {
      const v = Math.abs(a[o + i * m + k]!);
      if (v > max) {
        max = v;
        piv = i;
      }
    }
    p[po + k] = piv;
    if (max === 0 || !Number.isFinite(max)) return false;
    if (piv !== k) {
      for (let j = 0; j < m; j++) {
        const t = a[o + k * m + j]!;
        a[o + k * m + j] = a[o + piv * m + j]!;
        a[o + piv * m + j] = t;
      }
    }
    const d = a[o + k * m + k]!;
    for (let i = k + 1; i < m; i++) {
      const f = (a[o + i * m + k]! /= d);
      if (f === 0) continue;
      for (let j = k + 1; j < m; j++) a[o + i * m + j]! -= f * a[o + k * m + j]!;
    }
  }
  return true;
}

/** Solves in place the m-vector of `b` at offset `bo` with the factors of {@link factorBlock}. */
function solveBlock(a: Float64Array, o: number, m: number, p: Int32Array, po: number, b: Float64Array, bo: number): void {
  for (let k = 0; k < m; k++) {
    const piv = p[po + k]!;
    if (piv !== k) {
      const t = b[bo + k]!;
      b[bo + k] = b[bo + piv]!;
      b[bo + piv] = t;
    }
  }
  for (let i = 1; i < m; i++) {
    let s = b[bo + i]!;
    for (let j = 0; j < i; j++) s -= a[o + i * m + j]! * b[bo + j]!;
    b[bo + i] = s;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = b[bo + i]!;
    for (let j = i + 1; j < m; j++) s -= a[o + i * m + j]! * b[bo + j]!;
    b[bo + i] = s / a[o + i * m + i]!;
  }
}
