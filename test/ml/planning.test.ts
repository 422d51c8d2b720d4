import { describe, expect, it } from 'vitest';
import { expectedImprovement, logExpectedImprovement } from '../../src/ml/acquisition.js';
import { normalCdf } from '../../src/ml/normal.js';
import { askNext, augmentedChebyshev, campaignStatus, fitSurrogate, paretoFront } from '../../src/ml/planExperiments.js';
import { spaceFillingDesign } from '../../src/ml/initialDesign.js';
import { SeededRandom } from '../../src/ml/random.js';
import { parseRuns, type Run } from '../../src/ml/runs.js';
import { encodePoint, parseLinearConstraint, parseSearchSpace, satisfiesConstraints } from '../../src/ml/searchSpace.js';

describe('normal distribution and expected improvement by hand', () => {
  it('Φ at tabulated points (A&S table 26.1)', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300946, 17);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 12);
  });

  it('EI = σ(φ(z) + zΦ(z))', () => {
    // μ = 1, σ = 1, best 0: φ(1) + Φ(1) = 0.2419707245 + 0.8413447461
    expect(expectedImprovement(1, 1, 0)).toBeCloseTo(1.0833154706, 9);
    // μ = best: σ·φ(0) = 2 × 0.3989422804
    expect(expectedImprovement(0, 2, 0)).toBeCloseTo(0.7978845608, 9);
    expect(expectedImprovement(3, 0, 1)).toBe(2);
    expect(Math.exp(logExpectedImprovement(1, 1, 0))).toBeCloseTo(1.0833154706, 9);
    expect(Math.exp(logExpectedImprovement(-1.5, 0.5, 0))).toBeCloseTo(expectedImprovement(-1.5, 0.5, 0), 14);
  });

  it('log-EI stays finite and exact far in the tail where EI underflows', () => {
    // z = −40: ln h ≈ −z²/2 − ln√(2π) − 2 ln|z| + ln(1 − 3/z² + 15/z⁴) (asymptotic series of the Mills ratio)
    const z = -40;
    const asymptotic = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(40) + Math.log(1 - 3 / z ** 2 + 15 / z ** 4);
    expect(expectedImprovement(-40, 1, 0)).toBe(0);
    expect(logExpectedImprovement(-40, 1, 0)).toBeCloseTo(asymptotic, 6);
    // continuous across the branch switch at z = −3
    expect(logExpectedImprovement(-3 + 1e-9, 1, 0)).toBeCloseTo(logExpectedImprovement(-3 - 1e-9, 1, 0), 7);
  });
});

const space2 = () =>
  parseSearchSpace({
    parameters: [
      { name: 'x_Cu', type: 'continuous', low: 0, high: 1 },
      { name: 'x_Pd', type: 'continuous', low: 0, high: 1 },
      { name: 'nitrate', type: 'continuous', low: 0.01, high: 1, scale: 'log', unit: 'M' },
      { name: 'support', type: 'categorical', values: ['CeO2', 'TiO2'] },
    ],
    constraints: ['x_Cu + x_Pd <= 1'],
    objectives: [{ name: 'fe', goal: 'maximize' }],
  });

describe('search space and runs', () => {
  it('parses linear constraints', () => {
    expect(parseLinearConstraint('2*a - 0.5 b >= -1', ['a', 'b'], 'c')).toEqual({ text: '2*a - 0.5 b >= -1', coefficients: { a: -2, b: 0.5 }, upper: 1 });
    expect(() => parseLinearConstraint('a + c <= 1', ['a', 'b'], 'constraints.0')).toThrow(/constraints.0.*"c" is not a continuous/);
    expect(() => parseSearchSpace({ parameters: [{ name: 'a', type: 'continuous', low: 1, high: 0 }], objectives: [{ name: 'y', goal: 'maximize' }] })).toThrow(
      /parameters.0.high/,
    );
    expect(() =>
      parseSearchSpace({ parameters: [{ name: 'a', type: 'continuous', low: 0, high: 1, scale: 'log' }], objectives: [{ name: 'y', goal: 'maximize' }] }),
    ).toThrow(/parameters.0.low/);
  });

  it('refuses bad runs with line and field', () => {
    const s = space2();
    const header = ['x_Cu', 'x_Pd', 'nitrate', 'support', 'fe'];
    const bad =
      (cells: string[], h = header) =>
      () =>
        parseRuns(s, h, [
          { line: 2, cells: ['0.1', '0.1', '0.1', 'CeO2', '0.3'] },
          { line: 3, cells },
        ]);
    expect(bad(['0.5', '0.6', '0.1', 'CeO2', '0.3'])).toThrow(/^line 3, constraints.0: violated/);
    expect(bad(['1.5', '0', '0.1', 'CeO2', '0.3'])).toThrow(/^line 3, x_Cu: 1.5 is outside the space/);
    expect(bad(['0.2', '0', '0.1', 'ZnO', '0.3'])).toThrow(/^line 3, support/);
    expect(bad(['0.2', '0', '0.1', 'CeO2', 'high'])).toThrow(/^line 3, fe: got "high"/);
    expect(bad(['0.1', '0.1', '0.1', 'CeO2', '0.5'])).toThrow(/^line 3: same parameters as line 2/);
    expect(bad(['0.2', '0', '0.1', 'CeO2', '0.3', '1'], [...header, 'temp'])).toThrow(/^line 1, column 6 "temp": unknown column/);
    const c = parseRuns(s, header, [
      { line: 2, cells: ['0.1', '0.1', '0.1', 'CeO2', '0.3'] },
      { line: 3, cells: ['0.2', '0.1', '0.1', 'TiO2', ''] },
    ]);
    expect(c.completed.map((r) => r.line)).toEqual([2]);
    expect(c.pending.map((r) => r.line)).toEqual([3]);
  });

  it('space-filling design: feasible, spread, deterministic', () => {
    const s = space2();
    const design = spaceFillingDesign(s, 8, [], new SeededRandom(3));
    expect(design).toEqual(spaceFillingDesign(s, 8, [], new SeededRandom(3)));
    for (const p of design) expect(satisfiesConstraints(s, p)).toBe(true);
    expect(new Set(design.map((p) => p.support)).size).toBe(2);
    expect(Math.max(...design.map((p) => p.nitrate as number)) / Math.min(...design.map((p) => p.nitrate as number))).toBeGreaterThan(10); // spans the log range
  });
});

const quadSpace = parseSearchSpace({
  parameters: [
    { name: 'a', type: 'continuous', low: 0, high: 1 },
    { name: 'b', type: 'continuous', low: 0, high: 1 },
  ],
  objectives: [{ name: 'y', goal: 'maximize' }],
});
const quad = (a: number, b: number) => 1 - (a - 0.3) ** 2 - (b - 0.7) ** 2;

function loop(n: number, seed: number) {
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) {
    const p = askNext(quadSpace, { completed: runs, pending: [] }, { seed: seed + i }).suggestions[0]!.parameters;
    runs.push({ line: i + 2, parameters: p, objectives: { y: quad(p.a as number, p.b as number) } });
  }
  return runs;
}

describe('ask/tell', () => {
  it('finds the maximum of a quadratic, the same way twice with the same seed', () => {
    const runs = loop(12, 5);
    expect(loop(12, 5)).toEqual(runs);
    const best = Math.max(...runs.map((r) => r.objectives.y!));
    expect(best).toBeGreaterThan(1 - 1e-3);
    const status = campaignStatus(quadSpace, { completed: runs, pending: [] });
    expect(status.best.y!.objectives.y).toBe(best);
    expect(status.parity!.y).toHaveLength(12);
    // slices through the best run peak near the true optimum a = 0.3, b = 0.7
    const [sa, sb] = status.slices!.y!;
    const argmax = (sl: { values: number[]; mean: number[] }) => sl.values[sl.mean.indexOf(Math.max(...sl.mean))]!;
    expect(sa!.parameter).toBe('a');
    expect(Math.abs(argmax(sa!) - 0.3)).toBeLessThan(0.05);
    expect(Math.abs(argmax(sb!) - 0.7)).toBeLessThan(0.05);
  });

  it('logAcquisition of log-ei is ln EI at the suggestion: its predicted mean and sd against the best posterior mean at the runs', () => {
    const runs = loop(8, 1);
    const r = askNext(quadSpace, { completed: runs, pending: [] }, { seed: 9 });
    expect(r.method).toBe('log-ei');
    const s = r.suggestions[0]!;
    // the same GP askNext fits (same runs, seed and defaults); the incumbent is its best mean at the finished runs
    const gp = fitSurrogate(
      quadSpace,
      runs,
      runs.map((x) => x.objectives.y!),
      { seed: 9 },
    );
    const best = Math.max(...gp.predict(runs.map((x) => encodePoint(quadSpace, x.parameters))).mean);
    const { mean, sd } = s.predictions!.y!;
    expect(s.logAcquisition!).toBeCloseTo(Math.log(expectedImprovement(mean, sd, best)), 9);
    // the space-filling start has no acquisition
    expect(askNext(quadSpace, { completed: runs.slice(0, 2), pending: [] }).suggestions[0]!.logAcquisition).toBeNull();
  });

  it('batches and in-flight runs: suggestions keep apart', () => {
    const runs = loop(8, 1);
    const one = askNext(quadSpace, { completed: runs, pending: [] }, { seed: 9 }).suggestions[0]!;
    const batch = askNext(quadSpace, { completed: runs, pending: [] }, { seed: 9, batch: 3 });
    expect(batch.method).toBe('log-ei');
    const pts = batch.suggestions.map((s) => [s.parameters.a as number, s.parameters.b as number]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < i; j++) expect(Math.hypot(pts[i]![0]! - pts[j]![0]!, pts[i]![1]! - pts[j]![1]!)).toBeGreaterThan(1e-3);
    // the first suggestion's point in flight: the next one goes elsewhere
    const next = askNext(quadSpace, { completed: runs, pending: [{ line: 99, parameters: one.parameters, objectives: {} }] }, { seed: 9 }).suggestions[0]!;
    expect(
      Math.hypot((next.parameters.a as number) - (one.parameters.a as number), (next.parameters.b as number) - (one.parameters.b as number)),
    ).toBeGreaterThan(1e-3);
  });

  it('never suggests a run already done or in flight (small discrete spaces)', () => {
    const s = parseSearchSpace({
      parameters: [{ name: 'cat', type: 'categorical', values: ['a', 'b', 'c', 'd'] }],
      objectives: [{ name: 'y', goal: 'minimize' }],
    });
    const run = (line: number, cat: string, y?: number): Run => ({ line, parameters: { cat }, objectives: y === undefined ? {} : { y } });
    const three = askNext(s, { completed: [run(2, 'a', 1), run(3, 'b', 2), run(4, 'c', 0.5)], pending: [] }, { initialRuns: 3, batch: 2 });
    expect(three.suggestions.map((x) => x.parameters.cat)).toEqual(['d']);
    expect(three.warnings.join(' ')).toContain('1 suggestion(s) instead of 2');
    const none = askNext(s, { completed: [run(2, 'a', 1), run(3, 'b', 2), run(4, 'c', 0.5)], pending: [run(5, 'd')] }, { initialRuns: 3 });
    expect(none.suggestions).toEqual([]);
  });

  it('refuses initialRuns below 1 or fractional, naming the field (0 used to fail later in the GP fit on an empty table)', () => {
    const s = parseSearchSpace({ parameters: [{ name: 'a', type: 'continuous', low: 0, high: 1 }], objectives: [{ name: 'y', goal: 'minimize' }] });
    for (const initialRuns of [0, 1.5, Number.NaN])
      expect(() => askNext(s, { completed: [], pending: [] }, { initialRuns })).toThrow(/^initialRuns: .*integer ≥ 1/);
  });

  it('two objectives: ParEGO scalarization and the Pareto front', () => {
    // losses (0.2, 0.6), λ = (0.3, 0.7): max(0.06, 0.42) + 0.05·(0.06 + 0.42) = 0.444
    expect(augmentedChebyshev([0.2, 0.6], [0.3, 0.7])).toBeCloseTo(0.444, 12);
    const s = parseSearchSpace({
      parameters: [{ name: 'a', type: 'continuous', low: 0, high: 1 }],
      objectives: [
        { name: 'fe', goal: 'maximize' },
        { name: 'cost', goal: 'minimize' },
      ],
    });
    const mk = (line: number, a: number, fe: number, cost: number): Run => ({ line, parameters: { a }, objectives: { fe, cost } });
    const runs = [mk(2, 0.1, 0.5, 3), mk(3, 0.2, 0.6, 4), mk(4, 0.3, 0.4, 5), mk(5, 0.4, 0.7, 3.5), mk(6, 0.5, 0.2, 1), mk(7, 0.9, 0.3, 1)];
    expect(paretoFront(s, runs).map((r) => r.line)).toEqual([2, 5, 7]); // 3 is dominated by 5, 4 by 2, 6 by 7;
    const r = askNext(s, { completed: runs, pending: [] }, { batch: 2, seed: 4, acquisition: 'parego' });
    expect(r.method).toBe('parego');
    expect(askNext(s, { completed: runs, pending: [] }, { seed: 4 }).method).toBe('ehvi'); // the default for two objectives
    expect(r.suggestions).toHaveLength(2);
    expect(r.suggestions[0]!.predictions!.cost!.sd).toBeGreaterThan(0);
  });
});
