/**
 * The two-objective benchmark's pieces (bench/ml.bench.ts): the test functions at hand-computed points, the
 * minimization hypervolume on a hand-computed staircase and on DTLZ2's analytic front, and the Sobol points
 * against the unscrambled sequence (the first 8 points of Joe & Kuo's direction numbers, as scipy's
 * `qmc.Sobol(3, scramble=False)` lists them in Gray-code order).
 */
import { describe, expect, it } from 'vitest';
import { braninCurrin, dtlz2, hypervolumeMin2d, shiftedSobol } from '../../bench/ml.bench.js';
import type { Point2 } from '../../src/ml/expectedHypervolumeImprovement.js';
import type { SeededRandom } from '../../src/ml/random.js';

describe('two-objective benchmark problems', () => {
  it('BraninCurrin at (0.5, 0.5): Branin(2.5, 7.5) = 4.671468² − 9.602113·0.801144 + 10 = 24.12996; Currin = (1 − e⁻¹)·1868.5/159.5 = 7.40512', () => {
    const [f1, f2] = braninCurrin(0.5, 0.5);
    expect(f1).toBeCloseTo(24.12996, 4);
    expect(f2).toBeCloseTo(7.40512, 4);
    // x₁ = 0: the factor 1 − exp(−1/0) is 1, Currin = 60/20 at x₀ = 0
    expect(braninCurrin(0, 0)[1]).toBeCloseTo(3, 12);
  });

  it('DTLZ2: on its front (g = 0) f₁² + f₂² = 1; off it by (1 + g)', () => {
    const [a, b] = dtlz2([0.5, 0.5, 0.5]);
    expect(a).toBeCloseTo(Math.SQRT1_2, 12);
    expect(b).toBeCloseTo(Math.SQRT1_2, 12);
    const [c, d] = dtlz2([0, 1, 0.5]);
    expect(c).toBeCloseTo(1.25, 12);
    expect(d).toBeCloseTo(0, 12);
  });
});

describe('hypervolumeMin2d', () => {
  it('(1,3), (2,2), (3,1) minimized under (4,4) cover 3·1 + 2·1 + 1·1 = 6; dominated points and points beyond the reference add nothing', () => {
    const front: Point2[] = [
      [1, 3],
      [2, 2],
      [3, 1],
    ];
    expect(hypervolumeMin2d(front, [4, 4])).toBeCloseTo(6, 12);
    expect(hypervolumeMin2d([...front, [3, 3], [5, 0], [0, 4]], [4, 4])).toBeCloseTo(6, 12);
  });

  it("approaches DTLZ2's analytic hypervolume 1.1² − π/4 from below as its quarter-circle front is sampled more densely", () => {
    const exact = 1.1 ** 2 - Math.PI / 4;
    const sampled = (n: number) =>
      hypervolumeMin2d(
        Array.from({ length: n }, (_, i) => dtlz2([i / (n - 1), 0.5])),
        [1.1, 1.1],
      );
    expect(sampled(10)).toBeLessThan(exact);
    // the staircase misses ≈ Σ Δf₁·Δf₂/2 = Σ sin θ cos θ Δθ²/2 ≈ Δθ/4 between n samples of the unit arc, Δθ = (π/2)/(n − 1)
    expect(exact - sampled(1000)).toBeCloseTo(Math.PI / 2 / (4 * 999), 5);
    expect((exact - sampled(1000)) / (Math.PI / 2 / (4 * 999))).toBeCloseTo(1, 2);
  });
});

describe('shiftedSobol', () => {
  it('without a shift gives the first 8 Sobol points of 3 dimensions (as a set; natural order)', () => {
    const zero = { uniform: () => 0 } as unknown as SeededRandom;
    const pts = shiftedSobol(8, 3, zero).map((p) => p.join(','));
    const scipy = [
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ].map((p) => p.join(','));
    expect([...pts].sort()).toEqual([...scipy].sort());
    // point 4 (binary 100) is the third direction number alone: m₃ = 1, 5, 3 over 8
    expect(pts[4]).toBe('0.125,0.625,0.375');
  });
});
