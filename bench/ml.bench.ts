/**
 * Bayesian-optimization benchmarks (issue 13): simple regret vs evaluations, median and quartiles over seeds,
 * of the ask/tell planner against random search and a grid with the same budget, on
 * (a) Branin through `askNext` (30 evaluations), and (b) the built-in urea model's 2-descriptor volcano
 * (log10 TOF of urea over dG_NO × dG_CO, 40 evaluations through `optimizeKineticModel`), and Hartmann-6
 * (50 evaluations), whose optimum is
 * taken from a dense 201 × 201 sweep (or the best point any method found, if higher).
 * Two objectives (`branincurrin`, `dtlz2`): the hypervolume gap to the true front vs evaluations of `askNext` with
 * EHVI and with ParEGO, against random search and a Sobol design with a random digital shift (40 evaluations each; bench/ml-pareto.svg).
 * Run alone: `npx tsx bench/ml.bench.ts` (prints tables, writes bench/ml-results.json, bench/ml-regret.svg and
 * bench/ml-pareto.svg); BENCH_ML_SEEDS sets the number of seeds (default 10), BENCH_ML_PROBLEMS a subset (e.g.
 * `hartmann6` or `branincurrin,dtlz2`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SteadyStateSolver } from '../src/kinetics/analyze/steadyState.js';
import { descriptorSweep } from '../src/kinetics/mapper/descriptorSweep.js';
import { evaluatePulseObjective, kineticObjectiveValue, optimizeKineticModel, solveAt } from '../src/ml/optimizeKineticModel.js';
import { type Point2, hypervolume2d } from '../src/ml/expectedHypervolumeImprovement.js';
import { askNext } from '../src/ml/planExperiments.js';
import { SeededRandom } from '../src/ml/random.js';
import type { Run } from '../src/ml/runs.js';
import { type ParameterValues, type SearchSpace, parseSearchSpace } from '../src/ml/searchSpace.js';
import { regretSpec } from '../src/plot/planSpecs.js';
import { renderSvg } from '../src/plot/renderSpec.js';
import { loadModel } from '../src/store/builtinModels.js';

/** Branin–Hoo on [−5, 10] × [0, 15]; global minimum 0.397887 (Dixon & Szegő 1978; value as tabulated by Surjanovic & Bingham, Virtual Library of Simulation Experiments). */
export function branin(x1: number, x2: number): number {
  return (x2 - (5.1 / (4 * Math.PI ** 2)) * x1 ** 2 + (5 / Math.PI) * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
}
const BRANIN_MIN = 0.397887;

/** Regret statistics of several runs at each evaluation count. */
export interface RegretCurve {
  method: string;
  evaluations: number[];
  median: number[];
  q25: number[];
  q75: number[];
  /** Final simple regret of each seed. */
  final: number[];
}

const q = (sorted: number[], p: number) => {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
};

/** Median and quartiles over seeds of best-so-far regret curves (each an array over evaluations). */
function curve(method: string, runs: number[][]): RegretCurve {
  const n = runs[0]!.length;
  const evaluations = Array.from({ length: n }, (_, i) => i + 1);
  const at = (i: number) => runs.map((r) => r[i]!).sort((a, b) => a - b);
  return {
    method,
    evaluations,
    median: evaluations.map((_, i) => q(at(i), 0.5)),
    q25: evaluations.map((_, i) => q(at(i), 0.25)),
    q75: evaluations.map((_, i) => q(at(i), 0.75)),
    final: runs.map((r) => r[n - 1]!),
  };
}

/** Best-so-far regret from a sequence of values to minimize (NaN = failed, skipped). */
const bestSoFar = (values: number[], optimum: number) => {
  let b = Number.POSITIVE_INFINITY;
  return values.map((v) => {
    if (Number.isFinite(v) && v < b) b = v;
    return b - optimum;
  });
};

/**
 * One sequential ask/tell campaign minimizing `f` (objective `f`): `budget` runs, run i asked with seed
 * 1000·`seed` + i and the previous fit's hyperparameters as warm start. Returns the values in run order.
 */
function askTellValues(space: SearchSpace, f: (p: ParameterValues) => number, budget: number, seed: number, restarts: number): number[] {
  const runs: Run[] = [];
  let warm;
  for (let i = 0; i < budget; i++) {
    const a = askNext(space, { completed: runs, pending: [] }, { seed: 1000 * seed + i, warmStart: warm, restarts });
    warm = a.hyperparameters?.f ?? warm;
    const p = a.suggestions[0]!.parameters;
    runs.push({ line: i + 2, parameters: p, objectives: { f: f(p) } });
  }
  return runs.map((r) => r.objectives.f!);
}

/** Branin through ask/tell, random search and a 5 × 6 grid (30 evaluations). */
export function braninBench(seeds: number, budget = 30) {
  const space = parseSearchSpace({
    parameters: [
      { name: 'x1', type: 'continuous', low: -5, high: 10 },
      { name: 'x2', type: 'continuous', low: 0, high: 15 },
    ],
    objectives: [{ name: 'f', goal: 'minimize' }],
  });
  const bo: number[][] = [];
  const random: number[][] = [];
  const t0 = performance.now();
  for (let s = 0; s < seeds; s++) {
    bo.push(
      bestSoFar(
        askTellValues(space, (p) => branin(p.x1 as number, p.x2 as number), budget, s, 2),
        BRANIN_MIN,
      ),
    );
    const rng = new SeededRandom(500 + s);
    random.push(
      bestSoFar(
        Array.from({ length: budget }, () => branin(-5 + 15 * rng.uniform(), 15 * rng.uniform())),
        BRANIN_MIN,
      ),
    );
  }
  const boSeconds = (performance.now() - t0) / 1000;
  // grid: 5 × 6 cell centres, evaluated in row order (one deterministic run)
  const grid: number[] = [];
  for (let i = 0; i < 5; i++) for (let j = 0; j < 6; j++) grid.push(branin(-5 + (15 * (i + 0.5)) / 5, (15 * (j + 0.5)) / 6));
  return {
    problem: 'Branin',
    unit: 'f',
    optimum: BRANIN_MIN,
    budget,
    seeds,
    secondsPerBoRun: boSeconds / seeds,
    curves: [curve('ask/tell (log-EI)', bo), curve('random search', random), curve('grid 5×6', [bestSoFar(grid, BRANIN_MIN)])],
  };
}

/**
 * Hartmann-6 on [0, 1]⁶; global minimum −3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573)
 * (Dixon & Szegő 1978; constants as tabulated by Surjanovic & Bingham, Virtual Library of Simulation
 * Experiments; our implementation gives −3.322368 at that point).
 */
const H6_ALPHA = [1.0, 1.2, 3.0, 3.2];
const H6_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H6_P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((r) => r.map((v) => v * 1e-4));
export function hartmann6(x: readonly number[]): number {
  return -H6_ALPHA.reduce((s, a, i) => s + a * Math.exp(-H6_A[i]!.reduce((t, aij, j) => t + aij * (x[j]! - H6_P[i]![j]!) ** 2, 0)), 0);
}
const H6_MIN = -3.32237;

/** Hartmann-6 through ask/tell, random search and a 2⁶ grid (64 points ≥ the budget; its first `budget` in order). */
export function hartmannBench(seeds: number, budget = 50) {
  const names = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'];
  const space = parseSearchSpace({
    parameters: names.map((name) => ({ name, type: 'continuous', low: 0, high: 1 })),
    objectives: [{ name: 'f', goal: 'minimize' }],
  });
  const bo: number[][] = [];
  const random: number[][] = [];
  const t0 = performance.now();
  for (let s = 0; s < seeds; s++) {
    bo.push(
      bestSoFar(
        askTellValues(space, (p) => hartmann6(names.map((n) => p[n] as number)), budget, s, 1),
        H6_MIN,
      ),
    );
    const rng = new SeededRandom(900 + s);
    random.push(
      bestSoFar(
        Array.from({ length: budget }, () => hartmann6(names.map(() => rng.uniform()))),
        H6_MIN,
      ),
    );
  }
  const boSeconds = (performance.now() - t0) / 1000;
  // a 2-level grid at 1/4 and 3/4 of each range, in lexicographic order, truncated to the budget
  const grid: number[] = [];
  for (let k = 0; k < Math.min(64, budget); k++) grid.push(hartmann6(names.map((_, j) => ((k >> j) & 1 ? 0.75 : 0.25))));
  return {
    problem: 'Hartmann-6',
    unit: 'f',
    optimum: H6_MIN,
    budget,
    seeds,
    secondsPerBoRun: boSeconds / seeds,
    curves: [curve('ask/tell (log-EI)', bo), curve('random search', random), curve(`grid 2⁶ (first ${Math.min(64, budget)})`, [bestSoFar(grid, H6_MIN)])],
  };
}

/**
 * The urea volcano: maximize log10 TOF of urea over dG_NO ∈ [−1.5, 0.5] × dG_CO ∈ [−1, 0.5] eV. The box holds
 * the current model's top inside it (a 121 × 121 sweep of [−1.3, −1.0] × [−0.7, −0.4]: 3.4766 at dG_NO = −1.16,
 * dG_CO = −0.585 eV); the box before the pH-consistent model rewrite, dG_CO ∈ [−0.5, 1], cut the top off at
 * its lower edge (best grid point 3.4510 on dG_CO = −0.5).
 */
export function volcanoBench(seeds: number, budget = 40, localBudget?: number) {
  const model = loadModel({ name: 'urea-cu4-ceo2' });
  const box = { x: { name: 'dG_NO', from: -1.5, to: 0.5 }, y: { name: 'dG_CO', from: -1, to: 0.5 } };
  const at = (u: number, v: number) => ({ dG_NO: box.x.from + (box.x.to - box.x.from) * u, dG_CO: box.y.from + (box.y.to - box.y.from) * v });
  const t0 = performance.now();
  const sweep = descriptorSweep(model, { x: { ...box.x, points: 201 }, y: { ...box.y, points: 201 } });
  const sweepSeconds = (performance.now() - t0) / 1000;
  let gridTop = Number.NEGATIVE_INFINITY;
  for (const v of sweep.log10Tof.urea!) if (Number.isFinite(v) && v > gridTop) gridTop = v;
  const objective = { quantity: 'log10Tof' as const, product: 'urea' };
  const bo: number[][] = [];
  const failures: number[] = [];
  const t1 = performance.now();
  for (let s = 0; s < seeds; s++) {
    const r = optimizeKineticModel(model, {
      vary: [
        { name: 'dG_NO', low: box.x.from, high: box.x.to },
        { name: 'dG_CO', low: box.y.from, high: box.y.to },
      ],
      objective,
      budget,
      seed: s,
      beliefGrid: 0,
      ...(localBudget === undefined ? {} : { localBudget }),
    });
    bo.push(r.trace.map((t) => (t.value === null ? Number.NaN : -t.value)));
    failures.push(r.failures);
  }
  const boSeconds = (performance.now() - t1) / 1000;
  const solver = new SteadyStateSolver(model);
  const random: number[][] = [];
  for (let s = 0; s < seeds; s++) {
    const rng = new SeededRandom(700 + s);
    random.push(
      Array.from({ length: budget }, () => {
        const v = kineticObjectiveValue(solveAt(solver, at(rng.uniform(), rng.uniform())), objective).value;
        return v === null ? Number.NaN : -v;
      }),
    );
  }
  // grid with the same budget: 5 × 8 cell centres
  const grid: number[] = [];
  for (let i = 0; i < 5; i++)
    for (let j = 0; j < 8; j++) {
      const v = kineticObjectiveValue(solveAt(solver, at((i + 0.5) / 5, (j + 0.5) / 8)), objective).value;
      grid.push(v === null ? Number.NaN : -v);
    }
  const found = Math.max(
    ...[...bo, ...random, grid]
      .flat()
      .filter(Number.isFinite)
      .map((v) => -v),
  );
  const optimum = Math.max(gridTop, found);
  const toRegret = (runs: number[][]) => runs.map((r) => bestSoFar(r, -optimum));
  const within1pct = (runs: number[][], top = gridTop) => runs.filter((r) => Math.min(...r.filter(Number.isFinite)) <= -(top + Math.log10(0.99))).length;
  return {
    problem: 'urea volcano (log10 TOF)',
    unit: 'decades of TOF',
    denseGridOptimum: gridTop,
    optimum,
    budget,
    seeds,
    sweepSeconds,
    secondsPerBoRun: boSeconds / seeds,
    failuresPerBoRun: failures,
    seedsWithin1PercentOfDenseGrid: { bo: within1pct(bo), random: within1pct(random), grid: within1pct([grid]) },
    /** The same count against the best value any run found (above the grid's: the top lies between its nodes). */
    seedsWithin1PercentOfBestFound: { bo: within1pct(bo, optimum), random: within1pct(random, optimum), grid: within1pct([grid], optimum) },
    curves: [curve('BO (log-EI)', toRegret(bo)), curve('random search', toRegret(random)), curve('grid 5×8', toRegret([grid]))],
  };
}

/**
 * A 4-parameter pulse program on the urea model: maximize the period-averaged FE of urea over E1 ∈ [−0.7, −0.2],
 * E2 ∈ [−0.3, 0.2] V vs RHE and t1, t2 ∈ [0.01, 10] s (log scale), 6 periods per evaluation (a periodic state
 * is required). No dense reference exists in 4-D: regret is against the best FE any method found; the best constant
 * potential over −0.7 to 0.2 V (5 mV steps) is recorded beside it as the level a pulse program has to beat.
 */
export function pulseBench(seeds: number, budget = 25) {
  const model = loadModel({ name: 'urea-cu4-ceo2' });
  const objective = { quantity: 'fe' as const, product: 'urea' };
  const vary = [
    { name: 'E1', low: -0.7, high: -0.2 },
    { name: 't1', low: 0.01, high: 10 },
    { name: 'E2', low: -0.3, high: 0.2 },
    { name: 't2', low: 0.01, high: 10 },
  ];
  const bo: number[][] = [];
  const failures: number[] = [];
  const t0 = performance.now();
  for (let s = 0; s < seeds; s++) {
    const r = optimizeKineticModel(model, { vary, objective, budget, seed: s, pulsePeriods: 6 });
    bo.push(r.trace.map((t) => (t.value === null ? Number.NaN : -t.value)));
    failures.push(r.failures);
  }
  const boSeconds = (performance.now() - t0) / 1000;
  const random: number[][] = [];
  for (let s = 0; s < seeds; s++) {
    const rng = new SeededRandom(800 + s);
    random.push(
      Array.from({ length: budget }, () => {
        const inputs = { E1: -0.7 + 0.5 * rng.uniform(), t1: 0.01 * 1000 ** rng.uniform(), E2: -0.3 + 0.5 * rng.uniform(), t2: 0.01 * 1000 ** rng.uniform() };
        const v = evaluatePulseObjective(model, objective, inputs, 6).value;
        return v === null ? Number.NaN : -v;
      }),
    );
  }
  const best = Math.max(
    ...[...bo, ...random]
      .flat()
      .filter(Number.isFinite)
      .map((v) => -v),
  );
  const toRegret = (runs: number[][]) => runs.map((r) => bestSoFar(r, -best));
  // the reference a pulse program has to beat: the best constant potential over the same potentials, 5 mV steps
  const solver = new SteadyStateSolver(model);
  let constantPotential = { potentialVvsRHE: Number.NaN, fe: Number.NEGATIVE_INFINITY };
  for (let k = 0; k <= 180; k++) {
    const potentialVvsRHE = -0.7 + k * 0.005;
    const v = kineticObjectiveValue(solveAt(solver, { potential: potentialVvsRHE }), objective).value;
    if (v !== null && v > constantPotential.fe) constantPotential = { potentialVvsRHE, fe: v };
  }
  return {
    problem: 'pulse program (FE urea)',
    unit: 'FE',
    bestFound: best,
    bestConstantPotential: constantPotential,
    budget,
    seeds,
    secondsPerBoRun: boSeconds / seeds,
    failuresPerBoRun: failures,
    curves: [curve('BO (log-EI)', toRegret(bo)), curve('random search', toRegret(random))],
  };
}

/**
 * BraninCurrin, the two-objective test problem of BoTorch (`botorch/test_functions/multi_objective.py`, class
 * `BraninCurrin`): on [0, 1]², f₁ = Branin at (15·x₀ − 5, 15·x₁) and f₂ = the Currin exponential function
 * (1 − exp(−1/(2x₁)))·(2300x₀³ + 1900x₀² + 2092x₀ + 60)/(100x₀³ + 500x₀² + 4x₀ + 20); both minimized, reference
 * point [18, 6] (BoTorch's `_ref_point`; its `_max_hv` = 59.36011874867746 comes from NSGA-II). At x₁ = 0 the
 * factor 1 − exp(−∞) is 1, as in BoTorch.
 */
export function braninCurrin(x0: number, x1: number): Point2 {
  const currin = ((1 - Math.exp(-1 / (2 * x1))) * (2300 * x0 ** 3 + 1900 * x0 ** 2 + 2092 * x0 + 60)) / (100 * x0 ** 3 + 500 * x0 ** 2 + 4 * x0 + 20);
  return [branin(15 * x0 - 5, 15 * x1), currin];
}

/**
 * DTLZ2 with two objectives on [0, 1]^d (Deb, Thiele, Laumanns & Zitzler 2005, as defined in BoTorch's
 * `botorch/test_functions/multi_objective.py`, class `DTLZ2`): g = Σ_{i≥1} (xᵢ − 0.5)², f₁ = (1 + g)·cos(πx₀/2),
 * f₂ = (1 + g)·sin(πx₀/2), both minimized; reference point [1.1, 1.1] (BoTorch's `_ref_val`). The Pareto front is
 * the quarter circle f₁² + f₂² = 1, so the true hypervolume is 1.1² − π/4 (BoTorch's `_max_hv`).
 */
export function dtlz2(x: readonly number[]): Point2 {
  let g = 0;
  for (let i = 1; i < x.length; i++) g += (x[i]! - 0.5) ** 2;
  return [(1 + g) * Math.cos((Math.PI * x[0]!) / 2), (1 + g) * Math.sin((Math.PI * x[0]!) / 2)];
}

/** Hypervolume of points of two minimized objectives bounded above by `reference` (via {@link hypervolume2d} on −f). */
export function hypervolumeMin2d(points: readonly Point2[], reference: Point2): number {
  return hypervolume2d(
    points.map((p) => [-p[0], -p[1]] as Point2),
    [-reference[0], -reference[1]],
  );
}

/**
 * A Sobol sequence in up to 3 dimensions (Sobol' 1967; direction numbers of Joe & Kuo, *SIAM J. Sci. Comput.*
 * 2008, 30, 2635, file new-joe-kuo-6.21201: dim 2 s = 1, a = 0, m = 1; dim 3 s = 2, a = 1, m = 1, 3), point i
 * the XOR of the direction numbers of i's set bits (natural order; the first 2^k points are those of the Gray-code
 * order), scrambled by a random digital shift (XOR of one 30-bit word per dimension) drawn from `rng`.
 */
export function shiftedSobol(count: number, dim: number, rng: SeededRandom): number[][] {
  if (dim > 3) throw new Error('shiftedSobol: at most 3 dimensions');
  const bits = 30;
  const m: number[][] = [[], [], []];
  for (let k = 0; k < bits; k++) {
    m[0]!.push(1);
    m[1]!.push(k === 0 ? 1 : (2 * m[1]![k - 1]!) ^ m[1]![k - 1]!);
    m[2]!.push(k === 0 ? 1 : k === 1 ? 3 : (2 * m[2]![k - 1]!) ^ (4 * m[2]![k - 2]!) ^ m[2]![k - 2]!);
  }
  // v_k = m_k / 2^(k+1) as a 30-bit integer
  const v = m.map((mk) => mk.map((x, k) => x * 2 ** (bits - k - 1)));
  const shift = Array.from({ length: dim }, () => Math.floor(rng.uniform() * 2 ** bits));
  return Array.from({ length: count }, (_, i) =>
    shift.map((s, j) => {
      let x = s;
      for (let k = 0; k < bits && i >= 2 ** k; k++) if (Math.floor(i / 2 ** k) % 2 === 1) x ^= v[j]![k]!;
      return (x >>> 0) / 2 ** bits;
    }),
  );
}

/** A two-objective test problem on the unit cube, both objectives minimized. */
interface ParetoProblem {
  problem: string;
  dim: number;
  evaluate: (u: readonly number[]) => Point2;
  reference: Point2;
  trueHypervolume: number;
  trueHypervolumeSource: string;
}

/**
 * BraninCurrin with the true hypervolume from a dense evaluation: the front of a 401 × 401 grid of [0, 1]², then
 * three refinements around each front point (local grids of 21², 9², 5² points spanning ± one previous spacing;
 * final spacing 1/32 000). The hypervolume of the refined front's points is a lower bound of the true one; adding
 * the rectangles between consecutive front points, where the true front must lie, gives an upper bound
 * (59.3990 and 59.4138: BoTorch's NSGA-II value 59.3601 lies below both).
 */
export function braninCurrinProblem(): ParetoProblem {
  const reference: Point2 = [18, 6];
  type Sample = { x: Point2; f: Point2 };
  const frontOf = (samples: Sample[]) => {
    const sorted = [...samples].sort((a, b) => a.f[0] - b.f[0] || a.f[1] - b.f[1]);
    const out: Sample[] = [];
    let low = reference[1];
    for (const s of sorted) {
      if (s.f[0] < reference[0] && s.f[1] < low) {
        out.push(s);
        low = s.f[1];
      }
    }
    return out;
  };
  const sample = (x0: number, x1: number): Sample => {
    const x: Point2 = [Math.min(1, Math.max(0, x0)), Math.min(1, Math.max(0, x1))];
    return { x, f: braninCurrin(x[0], x[1]) };
  };
  const n = 401;
  let front: Sample[] = [];
  for (let i = 0; i < n; i++) front.push(...frontOf(Array.from({ length: n }, (_, j) => sample(i / (n - 1), j / (n - 1)))));
  front = frontOf(front);
  let h = 1 / (n - 1);
  for (const m of [10, 4, 2]) {
    const next = [...front];
    for (const s of front) {
      const local: Sample[] = [];
      for (let a = -m; a <= m; a++) for (let b = -m; b <= m; b++) local.push(sample(s.x[0] + (a * h) / m, s.x[1] + (b * h) / m));
      next.push(...frontOf(local));
    }
    front = frontOf(next);
    h /= m;
  }
  const lower = hypervolumeMin2d(
    front.map((s) => s.f),
    reference,
  );
  let slack = 0;
  for (let i = 0; i + 1 < front.length; i++) slack += (front[i + 1]!.f[0] - front[i]!.f[0]) * (front[i]!.f[1] - front[i + 1]!.f[1]);
  return {
    problem: 'BraninCurrin',
    dim: 2,
    evaluate: (u) => braninCurrin(u[0]!, u[1]!),
    reference,
    trueHypervolume: lower,
    trueHypervolumeSource: `dense evaluation: ${front.length} points of a 401² grid refined 3 times around its front (a lower bound; upper bound ${(lower + slack).toFixed(4)}; BoTorch's NSGA-II value 59.3601)`,
  };
}

/** DTLZ2 in `dim` inputs with its analytic hypervolume 1.1² − π/4. */
export function dtlz2Problem(dim = 3): ParetoProblem {
  return {
    problem: `DTLZ2 (${dim} inputs)`,
    dim,
    evaluate: dtlz2,
    reference: [1.1, 1.1],
    trueHypervolume: 1.1 ** 2 - Math.PI / 4,
    trueHypervolumeSource: 'analytic: quarter-circle front, 1.1² − π/4',
  };
}

/**
 * A two-objective problem through the ask/tell loop (`askNext` with `acquisition` ehvi and parego, one run per
 * ask, run i asked with seed 1000·`seed` + i), against random search and a Sobol design with a random digital shift of the same
 * budget. The curves are the hypervolume gap (true hypervolume − that of the evaluated points, at the problem's
 * fixed reference point) after each evaluation, median and quartiles over seeds.
 */
export function paretoBench(p: ParetoProblem, seeds: number, budget: number) {
  const names = Array.from({ length: p.dim }, (_, i) => `x${i}`);
  const space = parseSearchSpace({
    parameters: names.map((name) => ({ name, type: 'continuous', low: 0, high: 1 })),
    objectives: [
      { name: 'f1', goal: 'minimize' },
      { name: 'f2', goal: 'minimize' },
    ],
  });
  const gap = (values: Point2[]) => values.map((_, n) => p.trueHypervolume - hypervolumeMin2d(values.slice(0, n + 1), p.reference));
  const campaign = (acquisition: 'ehvi' | 'parego', seed: number) => {
    const runs: Run[] = [];
    let zeroAcquisition = 0;
    for (let i = 0; i < budget; i++) {
      const a = askNext(space, { completed: runs, pending: [] }, { seed: 1000 * seed + i, restarts: 2, acquisition });
      const s = a.suggestions[0]!;
      if (s.logAcquisition === Number.NEGATIVE_INFINITY) zeroAcquisition++;
      const f = p.evaluate(names.map((n) => s.parameters[n] as number));
      runs.push({ line: i + 2, parameters: s.parameters, objectives: { f1: f[0], f2: f[1] } });
    }
    return { values: runs.map((r) => [r.objectives.f1!, r.objectives.f2!] as Point2), zeroAcquisition };
  };
  const out: Record<string, number[][]> = { ehvi: [], parego: [], random: [], sobol: [] };
  const seconds = { ehvi: 0, parego: 0 };
  const zeroAcquisitionPicks = { ehvi: 0, parego: 0 };
  for (let s = 0; s < seeds; s++) {
    for (const m of ['ehvi', 'parego'] as const) {
      const t0 = performance.now();
      const c = campaign(m, s);
      seconds[m] += (performance.now() - t0) / 1000;
      zeroAcquisitionPicks[m] += c.zeroAcquisition;
      out[m]!.push(gap(c.values));
    }
    const rng = new SeededRandom(600 + s);
    out.random!.push(gap(Array.from({ length: budget }, () => p.evaluate(names.map(() => rng.uniform())))));
    out.sobol!.push(gap(shiftedSobol(budget, p.dim, new SeededRandom(650 + s)).map((u) => p.evaluate(u))));
  }
  return {
    problem: p.problem,
    unit: 'hypervolume gap',
    reference: p.reference,
    trueHypervolume: p.trueHypervolume,
    trueHypervolumeSource: p.trueHypervolumeSource,
    budget,
    seeds,
    secondsPerBoRun: { ehvi: seconds.ehvi / seeds, parego: seconds.parego / seeds },
    /** Suggestions (after the initial design) whose acquisition value was exactly 0 (ln = −∞), over all seeds. */
    zeroAcquisitionPicks,
    curves: [
      curve('ask/tell EHVI', out.ehvi!),
      curve('ask/tell ParEGO', out.parego!),
      curve('random search', out.random!),
      curve('Sobol (digital shift)', out.sobol!),
    ],
  };
}

type MlBench = {
  branin?: ReturnType<typeof braninBench>;
  hartmann6?: ReturnType<typeof hartmannBench>;
  volcano?: ReturnType<typeof volcanoBench>;
  pulse?: ReturnType<typeof pulseBench>;
  branincurrin?: ReturnType<typeof paretoBench>;
  dtlz2?: ReturnType<typeof paretoBench>;
};

/**
 * The benchmarks named in `problems` (default all: branin, hartmann6, volcano, pulse, branincurrin, dtlz2; the
 * last two are the two-objective ones, 40 evaluations each).
 */
export function runMlBench(
  seeds = Number(process.env.BENCH_ML_SEEDS ?? 10),
  problems = (process.env.BENCH_ML_PROBLEMS ?? 'branin,hartmann6,volcano,pulse,branincurrin,dtlz2').split(','),
): MlBench {
  return {
    ...(problems.includes('branin') ? { branin: braninBench(seeds) } : {}),
    ...(problems.includes('hartmann6') ? { hartmann6: hartmannBench(seeds) } : {}),
    ...(problems.includes('volcano') ? { volcano: volcanoBench(seeds) } : {}),
    ...(problems.includes('pulse') ? { pulse: pulseBench(seeds) } : {}),
    ...(problems.includes('branincurrin') ? { branincurrin: paretoBench(braninCurrinProblem(), seeds, 40) } : {}),
    ...(problems.includes('dtlz2') ? { dtlz2: paretoBench(dtlz2Problem(3), seeds, 40) } : {}),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const resultsUrl = new URL('./ml-results.json', import.meta.url);
  // a subset (BENCH_ML_PROBLEMS) updates its entries of an existing results file
  const previous = (existsSync(resultsUrl) ? JSON.parse(readFileSync(resultsUrl, 'utf8')) : {}) as MlBench;
  const r: MlBench = { ...previous, ...runMlBench() };
  delete (r as Record<string, unknown>).meta;
  for (const p of [r.branin, r.hartmann6, r.volcano, r.pulse]) {
    if (!p) continue;
    console.log(`${p.problem}: ${p.seeds} seeds, budget ${p.budget}; ${p.secondsPerBoRun.toFixed(1)} s per BO run`);
    console.table(
      Object.fromEntries(
        p.curves.map((c) => [
          c.method,
          Object.fromEntries(
            [5, 10, 20, p.budget].map((n) => [
              `n=${n} median [q25, q75]`,
              `${c.median[n - 1]!.toExponential(2)} [${c.q25[n - 1]!.toExponential(2)}, ${c.q75[n - 1]!.toExponential(2)}]`,
            ]),
          ),
        ]),
      ),
    );
  }
  if (r.volcano)
    console.log(
      `volcano: dense-grid optimum ${r.volcano.denseGridOptimum.toFixed(4)} (201×201 in ${r.volcano.sweepSeconds.toFixed(1)} s), best found ${r.volcano.optimum.toFixed(4)}; seeds within 1 % of the dense-grid TOF after ${r.volcano.budget}: BO ${r.volcano.seedsWithin1PercentOfDenseGrid.bo}/${r.volcano.seeds}, random ${r.volcano.seedsWithin1PercentOfDenseGrid.random}/${r.volcano.seeds}, grid ${r.volcano.seedsWithin1PercentOfDenseGrid.grid}/1; BO failures per run ${r.volcano.failuresPerBoRun.join(', ')}`,
    );
  writeFileSync(resultsUrl, JSON.stringify({ meta: { date: new Date().toISOString(), node: process.version }, ...r }, null, 2) + '\n');
  // one colour per method across panels: the grid's size is in the results file
  const legend = (m: string) => (/^(ask\/tell|BO)/.test(m) ? 'BO (log-EI)' : /^grid/.test(m) ? 'grid, same budget' : m);
  if (r.pulse)
    console.log(
      `pulse: best FE found ${r.pulse.bestFound.toFixed(5)}; best constant potential ${r.pulse.bestConstantPotential?.fe.toFixed(5)} at ${r.pulse.bestConstantPotential?.potentialVvsRHE.toFixed(3)} V vs RHE; BO failures per run ${r.pulse.failuresPerBoRun.join(', ')}`,
    );
  const panels = [r.branin, r.hartmann6, r.volcano, r.pulse].flatMap((p) =>
    p ? [{ problem: p.problem, unit: p.unit, methods: p.curves.map((c) => ({ ...c, method: legend(c.method) })) }] : [],
  );
  writeFileSync(new URL('./ml-regret.svg', import.meta.url), await renderSvg(regretSpec(panels)));
  const paretoPanels = [r.branincurrin, r.dtlz2].flatMap((p) => (p ? [{ problem: p.problem, unit: p.unit, methods: p.curves }] : []));
  for (const p of [r.branincurrin, r.dtlz2]) {
    if (!p) continue;
    console.log(
      `${p.problem}: true hypervolume ${p.trueHypervolume.toFixed(5)} (${p.trueHypervolumeSource}), reference [${p.reference.join(', ')}]; ${p.seeds} seeds, budget ${p.budget}; ${p.secondsPerBoRun.ehvi.toFixed(1)} s per EHVI run, ${p.secondsPerBoRun.parego.toFixed(1)} s per ParEGO run; zero-acquisition picks EHVI ${p.zeroAcquisitionPicks.ehvi}, ParEGO ${p.zeroAcquisitionPicks.parego}`,
    );
    console.table(
      Object.fromEntries(
        p.curves.map((c) => [
          c.method,
          Object.fromEntries(
            [10, 20, 30, p.budget].map((n) => [
              `n=${n} log10 gap median [q25, q75]`,
              `${Math.log10(c.median[n - 1]!).toFixed(2)} [${Math.log10(c.q25[n - 1]!).toFixed(2)}, ${Math.log10(c.q75[n - 1]!).toFixed(2)}]`,
            ]),
          ),
        ]),
      ),
    );
  }
  if (paretoPanels.length > 0)
    writeFileSync(
      new URL('./ml-pareto.svg', import.meta.url),
      await renderSvg(
        regretSpec(paretoPanels, {
          title: 'Hypervolume gap vs evaluations (two objectives)',
          subtitle:
            "true hypervolume − that of the evaluated points at the problem's reference point; median and interquartile range over seeds; floored at 1e-6 for the log axis",
          yTitle: 'Hypervolume gap',
        }),
      ),
    );
  console.log(`wrote bench/ml-results.json, bench/ml-regret.svg${paretoPanels.length > 0 ? ' and bench/ml-pareto.svg' : ''}`);
}
