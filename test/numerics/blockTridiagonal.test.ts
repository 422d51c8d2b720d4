import { describe, expect, it } from 'vitest';
import { BlockTridiagonalSolver } from '../../src/numerics/blockTridiagonal.js';
import { lcg, relativeDifferenceFromDenseLU } from '../support/numerics.js';

/** Fills a random block-diagonally-dominant system; returns the same matrix dense (row-major, n × n). */
function randomSystem(solver: BlockTridiagonalSolver, seed: number): Float64Array {
  const { blocks: K, size: m } = solver;
  const rand = lcg(seed);
  const n = K * m;
  const dense = new Float64Array(n * n);
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < m; i++) {
      let offSum = 0;
      for (let j = 0; j < m; j++) {
        const o = k * m * m + i * m + j;
        const l = k > 0 ? rand() : 0;
        const u = k + 1 < K ? rand() : 0;
        const d = rand();
        solver.lower[o] = l;
        solver.upper[o] = u;
        solver.diagonal[o] = d;
        offSum += Math.abs(l) + Math.abs(u) + (i === j ? 0 : Math.abs(d));
      }
      // dominance with a random sign, plus pivoting work inside the block (a large off-diagonal entry)
      const o = k * m * m + i * m + i;
      solver.diagonal[o] = (rand() < 0 ? -1 : 1) * (offSum + 0.5 + Math.abs(rand()));
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        const row = k * m + i;
        const o = k * m * m + i * m + j;
        dense[row * n + k * m + j] = solver.diagonal[o]!;
        if (k > 0) dense[row * n + (k - 1) * m + j] = solver.lower[o]!;
        if (k + 1 < K) dense[row * n + (k + 1) * m + j] = solver.upper[o]!;
      }
    }
  }
  return dense;
}

describe('BlockTridiagonalSolver', () => {
  for (const [K, m, seed] of [
    [1, 1, 1],
    [1, 4, 2],
    [7, 1, 3],
    [20, 3, 4],
    [50, 6, 5],
    [200, 7, 6],
  ] as const) {
    it(`agrees with dense LU on a random ${K}×${m} block-diagonally-dominant system`, () => {
      const solver = new BlockTridiagonalSolver(K, m);
      const dense = randomSystem(solver, seed);
      const n = K * m;
      const rand = lcg(seed + 100);
      const b = Float64Array.from({ length: n }, () => rand());
      const x = Float64Array.from(b);
      expect(solver.solve(x)).toBe(true);
      expect(relativeDifferenceFromDenseLU(dense, n, b, x)).toBeLessThan(1e-12);
    });
  }

  it('reproduces a hand-solved 2×2-block system and keeps its blocks for a second right-hand side', () => {
    // [[4,1 | 1,0],[1,3 | 0,1],[1,0 | 5,0],[0,1 | 0,2]] x = b with x = (1, 2, 3, 4)
    const s = new BlockTridiagonalSolver(2, 2);
    s.diagonal.set([4, 1, 1, 3, 5, 0, 0, 2]);
    s.upper.set([1, 0, 0, 1]);
    s.lower.set([0, 0, 0, 0, 1, 0, 0, 1], 0);
    const b = new Float64Array([4 + 2 + 3, 1 + 6 + 4, 1 + 15, 2 + 8]);
    expect(s.solve(b)).toBe(true);
    [1, 2, 3, 4].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
    const b2 = new Float64Array([9, 11, 16, 10]);
    expect(s.solve(b2)).toBe(true);
    expect(b2[3]).toBeCloseTo(4, 12);
  });

  it('reports a singular diagonal block instead of returning garbage', () => {
    const s = new BlockTridiagonalSolver(3, 2);
    expect(s.solve(new Float64Array(6).fill(1))).toBe(false);
    expect(() => s.solve(new Float64Array(5))).toThrow(RangeError);
    expect(() => new BlockTridiagonalSolver(0, 2)).toThrow(RangeError);
  });
});
