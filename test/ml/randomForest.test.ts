import { describe, expect, it } from 'vitest';
import { crossValidateRandomForest, fitRandomForest } from '../../src/ml/randomForest.js';

// a categorical effect (one-hot of 3 levels: +0, +3, +1) plus a small linear trend in a continuous input
const rows = Array.from({ length: 60 }, (_, i) => {
  const level = i % 3;
  const t = ((i * 7) % 20) / 20;
  return { x: [level === 0 ? 1 : 0, level === 1 ? 1 : 0, level === 2 ? 1 : 0, t], y: [0, 3, 1][level]! + 0.2 * t };
});
const x = rows.map((r) => r.x);
const y = rows.map((r) => r.y);

describe('random forest with per-tree spread', () => {
  it('recovers category levels, deterministically with the seed', () => {
    const m = fitRandomForest(x, y, { seed: 3 });
    const p = m.predict([
      [1, 0, 0, 0.5],
      [0, 1, 0, 0.5],
      [0, 0, 1, 0.5],
    ]);
    expect(p.mean[0]).toBeCloseTo(0.1, 0);
    expect(p.mean[1]).toBeCloseTo(3.1, 0);
    expect(p.mean[2]).toBeCloseTo(1.1, 0);
    expect(fitRandomForest(x, y, { seed: 3 }).predict([[0, 1, 0, 0.5]])).toEqual(m.predict([[0, 1, 0, 0.5]]));
    const cv = crossValidateRandomForest(x, y, { seed: 3 });
    expect(cv.rmse).toBeLessThan(0.05); // levels 3 apart and a 0.2 trend: measured 0.011
    expect(cv.predictions.mean.every(Number.isFinite)).toBe(true);
  });

  it('refuses bad data', () => {
    expect(() => fitRandomForest([[0], [1]], [0, Number.NaN])).toThrow(/y\[1\]/);
    expect(() => fitRandomForest([[0]], [0])).toThrow(/at least two/);
  });
});
