/**
 * Two-objective hypervolume and expected hypervolume improvement (closed form) against hand-computed areas, a
 * hand-computed one-point front with Gaussian objectives (φ, Φ from tables), and a Monte-Carlo estimate whose
 * hypervolume comes from an independent union-of-rectangles count.
 */
import { describe, expect, it } from 'vitest';
import { type Point2, expectedHypervolumeImprovement2d, hypervolume2d, paretoStaircase2d } from '../../src/ml/expectedHypervolumeImprovement.js';
import { askNext, hypervolumeReference } from '../../src/ml/planExperiments.js';
import { SeededRandom } from '../../src/ml/random.js';
import { parseSearchSpace } from '../../src/ml/searchSpace.js';

/** Independent area of the union of boxes [reference, p]: coordinate compression, each cell tested against every box. */
function unionArea(points: readonly Point2[], reference: Point2): number {
  const boxes = points.filter((p) => p[0] > reference[0] && p[1] > reference[1]);
  const xs = [...new Set([reference[0], ...boxes.map((p) => p[0])])].sort((a, b) => a - b);
  const ys = [...new Set([reference[1], ...boxes.map((p) => p[1])])].sort((a, b) => a - b);
  let area = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const cx = (xs[i]! + xs[i + 1]!) / 2;
      const cy = (ys[j]! + ys[j + 1]!) / 2;
      if (boxes.some((p) => p[0] >= cx && p[1] >= cy)) area += (xs[i + 1]! - xs[i]!) * (ys[j + 1]! - ys[j]!);
    }
  }
  return area;
}

describe('hypervolume2d', () => {
  it('is the staircase area: (1,3), (2,2), (3,1) over (0,0) cover 3·1 + 2·1 + 1·1 = 6', () => {
    const front: Point2[] = [
      [1, 3],
      [2, 2],
      [3, 1],
    ];
    expect(hypervolume2d(front, [0, 0])).toBeCloseTo(6, 12);
    // a dominated point, a duplicate and a point not above the reference add nothing
    expect(hypervolume2d([...front, [1, 1], [2, 2], [-1, 5]], [0, 0])).toBeCloseTo(6, 12);
    expect(paretoStaircase2d([...front, [1, 1], [2, 2], [-1, 5]], [0, 0])).toEqual([
      [3, 1],
      [2, 2],
      [1, 3],
    ]);
    // the reference moved to (0.5, 0.5): 2.5·0.5 + 1.5·1 + 0.5·1 = 3.25
    expect(hypervolume2d(front, [0.5, 0.5])).toBeCloseTo(3.25, 12);
    expect(hypervolume2d([], [0, 0])).toBe(0);
  });
});

describe('hypervolumeReference', () => {
  it("is 10 % of the Pareto front's range below its nadir (BoTorch's infer_reference_point), whatever runs off the front did", () => {
    const front: Point2[] = [
      [0, 10],
      [5, 5],
      [10, 0],
    ];
    // nadir (0, 0), range 10 in each objective → (−1, −1)
    expect(hypervolumeReference(front)).toEqual([-1, -1]);
    // a very poor run (−100, −100) and a dominated one (4, 4) leave it where it was (before: −100 − 0.1·110 = −111)
    const r = hypervolumeReference([...front, [-100, -100], [4, 4]]);
    expect(r[0]).toBeCloseTo(-1, 12);
    expect(r[1]).toBeCloseTo(-1, 12);
  });

  it("falls back to every run's range where the front has none (one point), and to 1 where all runs tie", () => {
    // front {(1, 1)}; ranges over the runs 1 and 0.5 → (1 − 0.1, 1 − 0.05)
    const r = hypervolumeReference([
      [1, 1],
      [0, 0.5],
    ]);
    expect(r[0]).toBeCloseTo(0.9, 12);
    expect(r[1]).toBeCloseTo(0.95, 12);
    expect(hypervolumeReference([[2, 3]])).toEqual([1.9, 2.9]);
  });
});

describe('expectedHypervolumeImprovement2d', () => {
  it('with zero spread is the hypervolume improvement of the point: (2, 0.5) beside (1, 1) over (0, 0) adds 2·0.5 − 1·0.5 = 0.5', () => {
    expect(expectedHypervolumeImprovement2d([2, 0.5], [0, 0], [[1, 1]], [0, 0])).toBeCloseTo(0.5, 12);
    expect(expectedHypervolumeImprovement2d([0.5, 0.5], [0, 0], [[1, 1]], [0, 0])).toBe(0); // dominated
    expect(expectedHypervolumeImprovement2d([3, 3], [0, 0], [[1, 1]], [0, 0])).toBeCloseTo(8, 12); // 9 − 1
  });

  it('matches a hand-computed one-point front: front (1, 1), reference (0, 0), Y₁, Y₂ ~ N(1, 1)', () => {
    // ψ(c) = E[(Y − c)⁺] = σφ(z) + (μ − c)Φ(z): ψ(1) = φ(0) = 0.3989423; ψ(0) = φ(1) + Φ(1) = 0.2419707 + 0.8413447 = 1.0833155.
    // Strips: f1 > 1 over f2 > 0: ψ(1)·ψ(0) = 0.4321803; 0 < f1 ≤ 1 over f2 > 1: (ψ(0) − ψ(1))·ψ(1) = 0.2730254. Sum 0.7052057.
    expect(expectedHypervolumeImprovement2d([1, 1], [1, 1], [[1, 1]], [0, 0])).toBeCloseTo(0.7052057, 6);
    // no front: the whole quadrant, ψ(0)² = 1.0833155² = 1.1735724
    expect(expectedHypervolumeImprovement2d([1, 1], [1, 1], [], [0, 0])).toBeCloseTo(1.1735724, 6);
  });

  it('agrees with a Monte-Carlo estimate over a three-point front (50 000 draws each, within 4 standard errors)', () => {
    const front: Point2[] = [
      [1, 3],
      [2, 2],
      [3, 1],
    ];
    const reference: Point2 = [0, 0];
    const base = unionArea(front, reference);
    expect(base).toBeCloseTo(6, 12); // the independent area agrees with the hand value
    for (const [mean, sd] of [
      [
        [2.2, 2.4],
        [0.8, 1.1],
      ],
      [
        [0.5, 0.5],
        [0.3, 2.0],
      ],
      [
        [3.5, 0.2],
        [0.1, 0.4],
      ],
    ] as [Point2, Point2][]) {
      const rng = new SeededRandom(11);
      const n = 50_000;
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < n; i++) {
        const y: Point2 = [mean[0] + sd[0] * rng.normal(), mean[1] + sd[1] * rng.normal()];
        const gain = unionArea([...front, y], reference) - base;
        sum += gain;
        sumSq += gain * gain;
      }
      const mc = sum / n;
      const se = Math.sqrt((sumSq / n - mc * mc) / n);
      const exact = expectedHypervolumeImprovement2d(mean, sd, front, reference);
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(exact - mc)).toBeLessThan(4 * se);
    }
  });
});

describe('askNext with acquisition ehvi', () => {
  // y1 = x, y2 = 1 − x, both maximized: every run is on the front (a line). With runs at 0, 0.1, 0.2, 0.8, 0.9
  // and 1, a new point x in (0.2, 0.8) adds the area (x − 0.2)(0.8 − x), largest at x = 0.5.
  const space = parseSearchSpace({
    parameters: [{ name: 'x', type: 'continuous', low: 0, high: 1 }],
    objectives: [
      { name: 'y1', goal: 'maximize' },
      { name: 'y2', goal: 'maximize' },
    ],
  });
  const runs = [0, 0.1, 0.2, 0.8, 0.9, 1].map((x, i) => ({ line: i + 2, parameters: { x }, objectives: { y1: x, y2: 1 - x } }));

  it('suggests the middle of the gap in a linear front, the same for the same seed', () => {
    const a = askNext(space, { completed: runs, pending: [] }, { acquisition: 'ehvi', seed: 4 });
    expect(a.method).toBe('ehvi');
    const x = a.suggestions[0]!.parameters.x as number;
    expect(x).toBeGreaterThan(0.35);
    expect(x).toBeLessThan(0.65);
    // the acquisition value is at most the noiseless gain at the best place, 0.3·0.3 = 0.09, plus what the GPs' spread adds
    expect(Math.exp(a.suggestions[0]!.logAcquisition!)).toBeGreaterThan(0.05);
    expect(askNext(space, { completed: runs, pending: [] }, { acquisition: 'ehvi', seed: 4 }).suggestions).toEqual(a.suggestions);
  });

  it('reads minimize goals through the sign: y1 = x, y2 = 4x(1 − x) negated and minimized is the same problem', () => {
    // maximized, the front is x ≥ 0.5 (y1 rises, y2 falls there); read with the wrong sign it would be x ≤ 0.5
    // (the suggestion then goes to x ≈ 0)
    const goal = (g: 'maximize' | 'minimize') =>
      parseSearchSpace({
        parameters: [{ name: 'x', type: 'continuous', low: 0, high: 1 }],
        objectives: [
          { name: 'y1', goal: g },
          { name: 'y2', goal: g },
        ],
      });
    const hump = [0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1].map((x, i) => ({ line: i + 2, parameters: { x }, objectives: { y1: x, y2: 4 * x * (1 - x) } }));
    const negated = hump.map((r) => ({ ...r, objectives: { y1: -r.objectives.y1, y2: -r.objectives.y2 } }));
    const a = askNext(goal('minimize'), { completed: negated, pending: [] }, { acquisition: 'ehvi', seed: 4 });
    const b = askNext(goal('maximize'), { completed: hump, pending: [] }, { acquisition: 'ehvi', seed: 4 });
    const x = a.suggestions[0]!.parameters.x as number;
    expect(x).toBeGreaterThan(0.5);
    expect(x).toBeCloseTo(b.suggestions[0]!.parameters.x as number, 6);
    expect(a.suggestions[0]!.logAcquisition!).toBeCloseTo(b.suggestions[0]!.logAcquisition!, 6);
    // predictions stay in the user's units and sign
    expect(a.suggestions[0]!.predictions!.y1!.mean).toBeCloseTo(-b.suggestions[0]!.predictions!.y1!.mean, 6);
  });

  it('keeps a batch apart: a run in flight at 0.5 pushes the next suggestion into one of the halves of the gap', () => {
    const a = askNext(space, { completed: runs, pending: [{ line: 8, parameters: { x: 0.5 }, objectives: {} }] }, { acquisition: 'ehvi', seed: 4, batch: 2 });
    const xs = a.suggestions.map((s) => s.parameters.x as number);
    expect(xs).toHaveLength(2);
    for (const x of xs) expect(Math.abs(x - 0.5)).toBeGreaterThan(0.08);
    expect(Math.abs(xs[0]! - xs[1]!)).toBeGreaterThan(0.08);
  });

  it('refuses ehvi for one objective, naming the field', () => {
    const one = parseSearchSpace({ parameters: [{ name: 'x', type: 'continuous', low: 0, high: 1 }], objectives: [{ name: 'y1', goal: 'maximize' }] });
    expect(() => askNext(one, { completed: [], pending: [] }, { acquisition: 'ehvi' })).toThrow(/^acquisition: /);
  });
});
