import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/**
 * Lower Cholesky factor L (row-major, n × n, L Lᵀ = A) of a symmetric matrix, by ml-matrix's
 * CholeskyDecomposition; `null` when A is not positive definite. `A` is read as row-major n × n and
 * symmetrized exactly (ml-matrix refuses a matrix that is symmetric only to round-off).
 */
export function choleskyLower(A: Float64Array, n: number): Float64Array | null {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(n);
    for (let j = 0; j < n; j++) row[j] = i === j ? A[i * n + i]! : 0.5 * (A[i * n + j]! + A[j * n + i]!);
    rows.push(row);
  }
  const chol = new CholeskyDecomposition(new Matrix(rows));
  if (!chol.isPositiveDefinite()) return null;
  const Lm = chol.lowerTriangularMatrix;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) L[i * n + j] = Lm.get(i, j);
  for (let i = 0; i < n; i++) if (!(L[i * n + i]! > 0)) return null;
  return L;
}

/**
 * Cholesky factor with the smallest jitter (added to the diagonal, relative to its mean) from
 * 0, 1e-10, 1e-9 … 1e-4 that makes A positive definite; `null` if none does. Returns the jitter used.
 */
export function choleskyWithJitter(A: Float64Array, n: number): { L: Float64Array; jitter: number } | null {
  let meanDiag = 0;
  for (let i = 0; i < n; i++) meanDiag += A[i * n + i]! / n;
  for (const rel of [0, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4]) {
    const jitter = rel * meanDiag;
    let B = A;
    if (jitter > 0) {
      B = Float64Array.from(A);
      for (let i = 0; i < n; i++) B[i * n + i]! += jitter;
    }
    const L = choleskyLower(B, n);
    if (L) return { L, jitter };
  }
  return null;
}

/** Solves L x = b in place (L lower, row-major n × n). */
export function forwardSubstitute(L: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * b[k]!;
    b[i] = s / L[i * n + i]!;
  }
  return b;
}

/** Solves Lᵀ x = b in place. */
export function backSubstitute(L: Float64Array, n: number, b: Float64Array): Float64Array {
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * b[k]!;
    b[i] = s / L[i * n + i]!;
  }
  return b;
}

/** Solves (L Lᵀ) x = b in place. */
export function choleskySolve(L: Float64Array, n: number, b: Float64Array): Float64Array {
  return backSubstitute(L, n, forwardSubstitute(L, n, b));
}

/** A⁻¹ = (L Lᵀ)⁻¹, row-major n × n. */
export function choleskyInverse(L: Float64Array, n: number): Float64Array {
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    col.fill(0);
    col[j] = 1;
    choleskySolve(L, n, col);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i]!;
  }
  return inv;
}
