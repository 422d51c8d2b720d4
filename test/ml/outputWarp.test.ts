import { describe, expect, it } from 'vitest';
import { normalQuantile, normalScores } from '../../src/ml/outputWarp.js';

describe('normal-scores output warp', () => {
  it('inverts the normal CDF at tabulated quantiles', () => {
    // standard normal table values: z(0.975) = 1.959964, z(0.75) = 0.674490, z(0.625) = 0.318639
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.25)).toBeCloseTo(-0.67449, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1.2)).toBeNaN();
  });

  it('gives van der Waerden scores Φ⁻¹(r/(n+1)) with tied values sharing their mean rank', () => {
    // ranks of [10, -5, 10]: -5 → 1, both 10 → 2.5; n + 1 = 4
    const s = normalScores([10, -5, 10]);
    expect(s[1]).toBeCloseTo(-0.67449, 5);
    expect(s[0]).toBeCloseTo(0.318639, 5);
    expect(s[2]).toBe(s[0]);
  });

  it('depends only on the order: a monotone map of the values (log10 of rates spanning 20 decades) gives the same scores', () => {
    const tof = [1e-18, 3e-2, 2.5e3, 7, 1e-9];
    const a = normalScores(tof.map(Math.log10));
    const b = normalScores(tof);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 12));
    // symmetric around 0 and ordered like the values
    expect(a[2]! + a[0]!).toBeCloseTo(0, 12);
    expect(a[3]).toBeGreaterThan(a[1]!);
  });

  it('refuses non-finite values with NaN', () => {
    expect(normalScores([1, Number.NaN]).every(Number.isNaN)).toBe(true);
  });
});
