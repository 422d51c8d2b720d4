/** The generic numerics kernels, one operation at a time: dense LU with partial pivoting, exact null spaces. */
import { describe, expect, it } from 'vitest';
import { luFactor, luSolve } from '../../src/numerics/denseLU.js';
import { Rational, nullSpace } from '../../src/numerics/Rational.js';

/** A·x for a row-major n × n matrix. */
const times = (a: number[], n: number, x: Float64Array) => Array.from({ length: n }, (_, i) => a.slice(i * n, i * n + n).reduce((s, v, j) => s + v * x[j]!, 0));

describe('dense LU with partial pivoting', () => {
  it('solves a system whose leading entry is zero (pivoting required) exactly', () => {
    const a = [0, 2, 1, 1, 1, 1, 2, 1, 0]; // det = 1·... ≠ 0, a[0][0] = 0
    const lu = Float64Array.from(a);
    const piv = new Int32Array(3);
    expect(luFactor(lu, 3, piv)).toBe(true);
    const x = Float64Array.of(3, 2, 4); // b = A·(1, 2, −1): [0+4−1, 1+2−1, 2+2+0]
    luSolve(lu, 3, piv, x);
    expect(Array.from(x, (v) => Number(v.toFixed(12)))).toEqual([1, 2, -1]);
  });

  it('leaves a residual at round-off on random diagonally dominant systems', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (const n of [1, 5, 20]) {
      const a = Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? n + 1 : rand()));
      const b = Float64Array.from({ length: n }, rand);
      const lu = Float64Array.from(a);
      const piv = new Int32Array(n);
      expect(luFactor(lu, n, piv)).toBe(true);
      const x = Float64Array.from(b);
      luSolve(lu, n, piv, x);
      const residual = Math.max(...times(a, n, x).map((v, i) => Math.abs(v - b[i]!)));
      expect(residual).toBeLessThan(1e-12);
    }
  });

  it('reports a singular matrix instead of dividing by zero', () => {
    expect(luFactor(Float64Array.of(1, 2, 2, 4), 2, new Int32Array(2))).toBe(false);
  });
});

describe('exact null space', () => {
  const q = (rows: number[][]) => rows.map((r) => r.map((v) => Rational.of(v)));
  it('of a rank-deficient matrix: dimension = columns − rank, every basis vector annihilated exactly', () => {
    // rank 2 (third row = first + second), 4 columns → a 2-dimensional null space
    const m = q([
      [1, 2, 0, 1],
      [0, 1, 1, 1],
      [1, 3, 1, 2],
    ]);
    const { basis, freeColumns } = nullSpace(m, 4);
    expect(basis).toHaveLength(2);
    expect(freeColumns).toHaveLength(2);
    for (const v of basis) for (const row of m) expect(row.reduce((s, a, j) => s.add(a.mul(v[j]!)), Rational.ZERO).toNumber()).toBe(0);
  });

  it('of a full-column-rank matrix is empty', () => {
    expect(
      nullSpace(
        q([
          [1, 0],
          [0, 1],
          [1, 1],
        ]),
        2,
      ).basis,
    ).toHaveLength(0);
  });
});
