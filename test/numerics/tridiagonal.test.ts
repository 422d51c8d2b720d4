import { describe, expect, it } from 'vitest';
import { TridiagonalSolver } from '../../src/numerics/tridiagonal.js';
import { lcg, relativeDifferenceFromDenseLU } from '../support/numerics.js';

/** Fills a random diagonally dominant system (diagonal of random sign); returns it dense, row-major n × n. */
function randomSystem(solver: TridiagonalSolver, seed: number): Float64Array {
  const n = solver.size;
  const rand = lcg(seed);
  const dense = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = i > 0 ? rand() : 0;
    const c = i < n - 1 ? rand() : 0;
    const b = (rand() < 0 ? -1 : 1) * (Math.abs(a) + Math.abs(c) + 0.1 + Math.abs(rand()));
    solver.lower[i] = a;
    solver.diagonal[i] = b;
    solver.upper[i] = c;
    if (i > 0) dense[i * n + i - 1] = a;
    dense[i * n + i] = b;
    if (i < n - 1) dense[i * n + i + 1] = c;
  }
  return dense;
}

describe('TridiagonalSolver', () => {
  it('solves the 1-D Laplacian −x_{i−1} + 2x_i − x_{i+1} with a hand-derived answer', () => {
    // right-hand side (1, 0, 0, 1): x = (1, 1, 1, 1)
    const s = new TridiagonalSolver(4);
    s.lower.fill(-1);
    s.diagonal.fill(2);
    s.upper.fill(-1);
    const x = Float64Array.of(1, 0, 0, 1);
    expect(s.solve(x)).toBe(true);
    x.forEach((v) => expect(v).toBeCloseTo(1, 14));
    // (1, 0, 0, 0) → x_i = (n − i)/(n + 1) = 4/5, 3/5, 2/5, 1/5
    const y = Float64Array.of(1, 0, 0, 0);
    s.solve(y);
    [0.8, 0.6, 0.4, 0.2].forEach((v, i) => expect(y[i]).toBeCloseTo(v, 14));
  });

  it('agrees with dense LU (partial pivoting) on random diagonally dominant systems to round-off', () => {
    for (const [n, seed] of [
      [1, 1],
      [2, 7],
      [17, 3],
      [200, 11],
      [1000, 5],
    ] as const) {
      const s = new TridiagonalSolver(n);
      const dense = randomSystem(s, seed);
      const rand = lcg(seed + 1000);
      const rhs = Float64Array.from({ length: n }, () => rand());
      const x = rhs.slice();
      expect(s.solve(x)).toBe(true);
      expect(relativeDifferenceFromDenseLU(dense, n, rhs, x)).toBeLessThan(1e-13);
    }
  });

  it('leaves the coefficients unchanged, so one fill serves several right-hand sides', () => {
    const s = new TridiagonalSolver(50);
    randomSystem(s, 42);
    const before = [s.lower.slice(), s.diagonal.slice(), s.upper.slice()];
    const rand = lcg(9);
    const r1 = Float64Array.from({ length: 50 }, () => rand());
    const r2 = r1.map((v) => 3 * v);
    s.solve(r1);
    s.solve(r2);
    expect([s.lower, s.diagonal, s.upper]).toEqual(before);
    r1.forEach((v, i) => expect(r2[i]! / v).toBeCloseTo(3, 12)); // linearity
  });

  it('reports a zero pivot instead of returning infinities, and checks its sizes', () => {
    const s = new TridiagonalSolver(3);
    s.diagonal.set([0, 1, 1]); // needs pivoting: Thomas cannot do it
    s.lower.set([0, 1, 1]);
    s.upper.set([1, 1, 0]);
    expect(s.solve(Float64Array.of(1, 1, 1))).toBe(false);
    const singular = new TridiagonalSolver(2);
    singular.diagonal.set([1, 1]);
    singular.lower.set([0, 1]);
    singular.upper.set([1, 0]);
    expect(singular.solve(Float64Array.of(1, 2))).toBe(false); // [[1, 1], [1, 1]]: second pivot 0
    expect(() => s.solve(new Float64Array(2))).toThrow(RangeError);
    expect(() => new TridiagonalSolver(0)).toThrow(RangeError);
  });
});
