import { describe, expect, it } from 'vitest';
import { maximizeOnLine, refineLocally } from '../../src/ml/refineLocally.js';

describe('kink-tolerant line search', () => {
  it('locates an asymmetric V apex exactly: two-line model from straight sides', () => {
    // slopes +2 and −7 meeting at 0.3137: the lines through two points on each side meet at the apex itself
    const apex = 0.3137;
    const g = (t: number) => (t < apex ? -2 * (apex - t) : -7 * (t - apex));
    const r = maximizeOnLine(g, 0.5, g(0.5), 0.05, 6, 1e-9);
    // bracket 0.55 (worse), 0.45, 0.35 (rising), 0.15 (worse), golden 0.2736, then the two-line model hits 0.3137
    expect(r.evaluations).toBe(6);
    expect(r.t).toBeCloseTo(apex, 12);
    expect(r.value).toBeCloseTo(0, 12);
  });

  it('a smooth top stops once flat to 1e-3 of the values seen; failures count as −∞', () => {
    const s = (t: number) => -((t - 0.7) ** 2);
    const r = maximizeOnLine(s, 0.2, s(0.2), 0.05, 15, 1e-9);
    expect(Math.abs(r.t - 0.7)).toBeLessThan(5e-3);
    expect(r.evaluations).toBeLessThan(15);
    // NaN above 0.6 (a failed evaluation): the top at 0.55 is still found, from below
    const gf = (t: number) => (t > 0.6 ? Number.NaN : -Math.abs(t - 0.55));
    const f = maximizeOnLine(gf, 0.3, gf(0.3), 0.1, 15, 1e-9);
    expect(f.t).toBeCloseTo(0.55, 6);
  });
});

describe('local refinement by coordinate line searches', () => {
  const a = 0.4213;
  const b = 0.6;
  const kinked = (u: number[]) => -Math.abs(u[0]! - a) - 0.1 * (u[1]! - b) ** 2;

  it('finds the top of −|x − a| − 0.1 (y − b)² within 20 evaluations, the same way each time', () => {
    const calls: number[][] = [];
    const f = (u: number[]) => {
      calls.push([...u]);
      return kinked(u);
    };
    const start = { u: [0.45, 0.5], value: kinked([0.45, 0.5]) }; // value −0.0297
    const r = refineLocally(f, start, { budget: 20, steps: [0.01, 0.1] });
    expect(r.evaluations).toBeLessThanOrEqual(20);
    expect(r.evaluations).toBe(calls.length);
    expect(Math.abs(r.best.u[0]! - a)).toBeLessThan(1e-6);
    expect(Math.abs(r.best.u[1]! - b)).toBeLessThan(1e-3);
    expect(r.best.value).toBeGreaterThan(-1e-6);
    expect(kinked(r.best.u)).toBe(r.best.value);
    // deterministic: the same points in the same order
    const again: number[][] = [];
    refineLocally(
      (u) => {
        again.push([...u]);
        return kinked(u);
      },
      start,
      { budget: 20, steps: [0.01, 0.1] },
    );
    expect(again).toEqual(calls);
  });

  it('stops early once every line search has converged; refuses bad options naming them', () => {
    const r = refineLocally((u) => -Math.abs(u[0]! - 0.25), { u: [0.3], value: -0.05 }, { budget: 100, steps: [0.02], minWidth: 1e-4 });
    expect(r.best.u[0]).toBeCloseTo(0.25, 9);
    expect(r.evaluations).toBeLessThan(100);
    expect(() => refineLocally(kinked, { u: [0.5, 0.5], value: 0 }, { budget: 5, steps: [0.1] })).toThrow(/steps/);
    expect(() => refineLocally(kinked, { u: [0.5, 0.5], value: 0 }, { budget: 5, steps: [0.1, 0.1], order: [2] })).toThrow(/order/);
    expect(() => refineLocally(kinked, { u: [0.5, 0.5], value: 0 }, { budget: -1, steps: [0.1, 0.1] })).toThrow(/budget/);
  });
});
