import { InputError } from '../chem/index.js';
import { logExpectedImprovement } from './acquisition.js';
import { type Point2, expectedHypervolumeImprovement2d, paretoStaircase2d } from './expectedHypervolumeImprovement.js';
import { type GaussianProcess, type GaussianProcessDiagnostics, type GaussianProcessHyperparameters, fitGaussianProcess } from './gaussianProcess.js';
import { spaceFillingDesign, sampleFeasible } from './initialDesign.js';
import type { KernelName } from './kernels.js';
import { DEFAULT_SEED, SeededRandom } from './random.js';
import type { Campaign, Run } from './runs.js';
import { type ParameterValues, type SearchSpace, encodePoint, encodedBounds, satisfiesConstraints } from './searchSpace.js';
import { DEFAULT_MULTI_OBJECTIVE_ACQUISITION, MULTI_OBJECTIVE_ACQUISITIONS } from './planDefaults.js';

/** Options of {@link askNext}. */
export interface AskOptions {
  /** Number of suggestions (default 1, at most 50). */
  batch?: number;
  /** Seed of every random choice (default 0): same inputs and seed → same suggestions. */
  seed?: number;
  /** Covariance function of the surrogates (default `matern52`). */
  kernel?: KernelName;
  /** Finished runs below which a space-filling design is returned (integer ≥ 1; default max(5, 2 × parameters)). */
  initialRuns?: number;
  /** Random candidates scored before local refinement (default 500 + 200 × parameters, at most 4000). */
  candidates?: number;
  /** Random restarts of each hyperparameter fit (default 4). */
  restarts?: number;
  /** Start hyperparameter fits here (e.g. the previous iteration's) in addition to the default start. */
  warmStart?: GaussianProcessHyperparameters;
  /**
   * Acquisition for two objectives (default {@link DEFAULT_MULTI_OBJECTIVE_ACQUISITION}, `ehvi`): `ehvi` (expected
   * hypervolume improvement of independent GPs, closed form) or `parego` (random Chebyshev scalarizations, log-EI).
   * One objective always uses log-EI.
   */
  acquisition?: MultiObjectiveAcquisition;
}

/** One of {@link MULTI_OBJECTIVE_ACQUISITIONS}. */
export type MultiObjectiveAcquisition = (typeof MULTI_OBJECTIVE_ACQUISITIONS)[number];

/** A predicted objective value: posterior mean and standard deviation, in the objective's units. */
export interface Prediction {
  mean: number;
  sd: number;
}

/** One suggested run. */
export interface Suggestion {
  parameters: ParameterValues;
  /** Predicted value of each objective (null during the initial design). */
  predictions: Record<string, Prediction> | null;
  /**
   * Natural log of the acquisition value at selection; which acquisition the result's `method` says: `log-ei`
   * ln EI of the objective (EI in the objective's units), `parego` ln EI of ParEGO's scalarization (of losses
   * normalized to [0, 1], so dimensionless), `ehvi` ln EHVI (expected hypervolume improvement, in the product of
   * the two objectives' units). Null during the initial design (`space-filling`).
   */
  logAcquisition: number | null;
}

/** Result of {@link askNext}. */
export interface AskResult {
  /** `space-filling` (too few finished runs), `log-ei` (one objective), `parego` or `ehvi` (two). */
  method: 'space-filling' | 'log-ei' | 'parego' | 'ehvi';
  suggestions: Suggestion[];
  completedRuns: number;
  pendingRuns: number;
  /** Surrogate diagnostics per objective (null during the initial design). */
  diagnostics: Record<string, GaussianProcessDiagnostics> | null;
  /** Fitted hyperparameters per objective (for warm starts). */
  hyperparameters: Record<string, GaussianProcessHyperparameters> | null;
  warnings: string[];
}

/** Default size of the initial design: max(5, 2d), the rule Ax's default generation strategy also uses. */
export function defaultInitialRuns(space: SearchSpace): number {
  return Math.max(5, 2 * space.parameters.length);
}

/** A GP on the encoded inputs of finished runs for values `y`. */
export function fitSurrogate(
  space: SearchSpace,
  runs: readonly Run[],
  y: readonly number[],
  options: { seed?: number; kernel?: KernelName; restarts?: number; warmStart?: GaussianProcessHyperparameters } = {},
): GaussianProcess {
  const x = runs.map((r) => encodePoint(space, r.parameters));
  const gp = fitGaussianProcess(x, y, { kernel: options.kernel, bounds: encodedBounds(space), seed: options.seed, restarts: options.restarts });
  if (!options.warmStart) return gp;
  const warm = fitGaussianProcess(x, y, {
    kernel: options.kernel,
    bounds: encodedBounds(space),
    seed: options.seed,
    restarts: 0,
    hyperparameters: options.warmStart,
  });
  return warm.logMarginalLikelihood > gp.logMarginalLikelihood ? warm : gp;
}

/** Sign that turns an objective into one to maximize. */
const signOf = (space: SearchSpace, name: string) => (space.objectives.find((o) => o.name === name)!.goal === 'maximize' ? 1 : -1);

/**
 * Maximizes an acquisition over the space: scores random feasible candidates, then refines the best five
 * by a compass search on the continuous parameters (steps 0.05 … 0.002 of each range, feasible moves only).
 */
export function maximizeAcquisition(
  space: SearchSpace,
  score: (points: ParameterValues[]) => number[],
  rng: SeededRandom,
  candidates: number,
): { point: ParameterValues; value: number } {
  const pool = sampleFeasible(space, candidates, rng);
  const values = score(pool);
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const continuous = space.parameters.filter((p) => p.type === 'continuous');
  let best = { point: pool[order[0]![1]]!, value: order[0]![0] };
  for (const [v0, i0] of order.slice(0, 5)) {
    const point = { ...pool[i0]! };
    let value = v0;
    for (let step = 0.05; step >= 0.002; step /= 2) {
      for (let sweep = 0; sweep < 20; sweep++) {
        let moved = false;
        for (const p of continuous) {
          if (p.type !== 'continuous') continue;
          for (const dir of [1, -1]) {
            const trial = { ...point };
            const x = point[p.name] as number;
            trial[p.name] =
              p.scale === 'log'
                ? Math.min(p.high, Math.max(p.low, x * Math.exp(dir * step * Math.log(p.high / p.low))))
                : Math.min(p.high, Math.max(p.low, x + dir * step * (p.high - p.low)));
            if (trial[p.name] === x || !satisfiesConstraints(space, trial)) continue;
            const tv = score([trial])[0]!;
            if (tv > value) {
              Object.assign(point, trial);
              value = tv;
              moved = true;
              break;
            }
          }
        }
        if (!moved) break;
      }
    }
    if (value > best.value) best = { point, value };
  }
  return best;
}

/** The log-EI of a GP (maximizing `sign`·y) at points, with incumbent `best` in the GP's units. */
function logEiScore(space: SearchSpace, gp: GaussianProcess, best: number, sign: number) {
  return (points: ParameterValues[]) => {
    const p = gp.predict(points.map((q) => encodePoint(space, q)));
    return p.mean.map((m, i) => logExpectedImprovement(sign * m, Math.sqrt(p.variance[i]!), best));
  };
}

/** Identity of a point (for refusing to suggest a run already done or in flight). */
const keyOf = (space: SearchSpace, p: ParameterValues) => JSON.stringify(space.parameters.map((q) => p[q.name]));

/** A score that is −∞ at points already taken. */
function excluding(space: SearchSpace, taken: Set<string>, score: (points: ParameterValues[]) => number[]) {
  return (points: ParameterValues[]) => {
    const v = score(points);
    return v.map((x, i) => (taken.has(keyOf(space, points[i]!)) ? Number.NEGATIVE_INFINITY : x));
  };
}

/** Best posterior mean (times `sign`) at the finished runs: the noise-robust incumbent. */
function incumbent(space: SearchSpace, gp: GaussianProcess, runs: readonly Run[], sign: number): number {
  return Math.max(...gp.predict(runs.map((r) => encodePoint(space, r.parameters))).mean.map((m) => sign * m));
}

/** Objective values of finished runs scaled so that 0 is the best observed and 1 the worst, all minimized. */
function normalizedLosses(space: SearchSpace, runs: readonly Run[]): number[][] {
  return space.objectives.map((o) => {
    const s = o.goal === 'maximize' ? -1 : 1;
    const v = runs.map((r) => s * r.objectives[o.name]!);
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    return v.map((x) => (hi > lo ? (x - lo) / (hi - lo) : 0));
  });
}

/**
 * ParEGO's augmented Chebyshev scalarization of normalized losses (Knowles, *IEEE Trans. Evol. Comput.* 2006,
 * 10, 50, doi:10.1109/TEVC.2005.851274): max_j λ_j f_j + ρ Σ_j λ_j f_j with ρ = 0.05 (the paper's value).
 */
export function augmentedChebyshev(losses: readonly number[], weights: readonly number[], rho = 0.05): number {
  let mx = Number.NEGATIVE_INFINITY;
  let sum = 0;
  losses.forEach((f, j) => {
    mx = Math.max(mx, weights[j]! * f);
    sum += weights[j]! * f;
  });
  return mx + rho * sum;
}

/**
 * The reference point of the hypervolume, both objectives maximized: 10 % of the Pareto front's range below the
 * front's nadir, in each objective (BoTorch's `infer_reference_point`, `botorch/utils/multi_objective/
 * hypervolume.py`: nadir − 0.1 × range of the Pareto set). Runs off the front do not move it: until this change
 * the range and the worst value were taken over every finished run, so one poor run (a failed synthesis, an
 * outlier) put the reference far out and EHVI then favoured stretching the front's ends over filling it
 * (bench/ml.bench.ts, 10 seeds, 40 evaluations, log10 hypervolume gap: BraninCurrin 0.46 → 0.29, DTLZ2 −1.51 →
 * −1.73). Where the front spans no range in an objective (a one-point front), that objective's range over every
 * run is used, and 1 if that is zero too, so that the box is never empty.
 */
export function hypervolumeReference(observed: readonly Point2[]): Point2 {
  const front = paretoStaircase2d(observed, [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  const at = (j: 0 | 1) => {
    const f = front.map((p) => p[j]);
    const nadir = Math.min(...f);
    const frontRange = Math.max(...f) - nadir;
    if (frontRange > 0) return nadir - 0.1 * frontRange;
    const all = observed.map((p) => p[j]);
    const range = Math.max(...all) - Math.min(...all);
    return nadir - 0.1 * (range > 0 ? range : 1);
  };
  return [at(0), at(1)];
}

/**
 * The next runs of a campaign (ask of ask/tell). With fewer finished runs than `initialRuns`: a space-filling
 * design away from every run done or in flight. Otherwise one objective: log expected improvement of a GP
 * surrogate; two objectives: by default (`acquisition: 'ehvi'`) the expected hypervolume improvement of the two
 * objectives' GPs over the finished runs' front (closed form, {@link expectedHypervolumeImprovement2d}; reference
 * point {@link hypervolumeReference}), or with `acquisition: 'parego'` ParEGO (a random weight per suggestion from
 * the 11 of Knowles 2006, λ ∈ {0, 0.1, …, 1}, and log-EI of a GP fitted to the scalarized losses). Batches and in-flight runs by the
 * Kriging believer (Ginsbourger, Le Riche & Carraro 2010, in *Computational Intelligence in Expensive
 * Optimization Problems*, Springer, doi:10.1007/978-3-642-10701-6_6): each pending point is added to the
 * surrogate at its own predicted mean, which removes its uncertainty and pushes later suggestions away.
 */
export function askNext(space: SearchSpace, campaign: Campaign, options: AskOptions = {}): AskResult {
  const q = options.batch ?? 1;
  if (!Number.isInteger(q) || q < 1 || q > 50) throw new InputError('batch', 'an integer from 1 to 50', `got ${q}`);
  const acquisition = options.acquisition ?? DEFAULT_MULTI_OBJECTIVE_ACQUISITION;
  if (!(MULTI_OBJECTIVE_ACQUISITIONS as readonly string[]).includes(acquisition))
    throw new InputError('acquisition', MULTI_OBJECTIVE_ACQUISITIONS.join(' or '), `got "${acquisition}"`);
  if (options.acquisition === 'ehvi' && space.objectives.length !== 2)
    throw new InputError('acquisition', 'ehvi only with two objectives (one objective uses log-EI)', `the space has ${space.objectives.length} objective`);
  const rng = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const { completed, pending } = campaign;
  const nInit = options.initialRuns ?? defaultInitialRuns(space);
  // with 0 a campaign without finished runs would reach the surrogate fit and fail there on an empty table
  if (!(Number.isInteger(nInit) && nInit >= 1)) throw new InputError('initialRuns', 'an integer ≥ 1 (finished runs before the first model)', `got ${nInit}`);
  const warnings: string[] = [];
  if (completed.length < nInit) {
    const points = spaceFillingDesign(
      space,
      q,
      [...completed, ...pending].map((r) => r.parameters),
      rng,
    );
    return {
      method: 'space-filling',
      suggestions: points.map((parameters) => ({ parameters, predictions: null, logAcquisition: null })),
      completedRuns: completed.length,
      pendingRuns: pending.length,
      diagnostics: null,
      hyperparameters: null,
      warnings: [`${completed.length} finished run(s), fewer than the ${nInit} of the initial design: space-filling suggestions, no model yet`],
    };
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const candidates = options.candidates ?? Math.min(4000, 500 + 200 * space.parameters.length);
  const fitOpts = { seed, kernel: options.kernel, restarts: options.restarts };
  const models: Record<string, GaussianProcess> = {};
  for (const o of space.objectives) {
    models[o.name] = fitSurrogate(
      space,
      completed,
      completed.map((r) => r.objectives[o.name]!),
      { ...fitOpts, warmStart: space.objectives.length === 1 ? options.warmStart : undefined },
    );
  }
  const diagnostics = Object.fromEntries(Object.entries(models).map(([k, gp]) => [k, gp.diagnostics()]));
  for (const [k, d] of Object.entries(diagnostics)) for (const w of d.warnings) warnings.push(`${k}: ${w}`);
  const predictAll = (point: ParameterValues): Record<string, Prediction> =>
    Object.fromEntries(
      Object.entries(models).map(([k, gp]) => {
        const p = gp.predict([encodePoint(space, point)]);
        return [k, { mean: p.mean[0]!, sd: Math.sqrt(p.variance[0]!) }];
      }),
    );
  const chosen: ParameterValues[] = [];
  const suggestions: Suggestion[] = [];
  const taken = new Set([...completed, ...pending].map((r) => keyOf(space, r.parameters)));
  const exhausted = () =>
    warnings.push(`no untried point left among ${candidates} candidates (a small discrete space?): ${suggestions.length} suggestion(s) instead of ${q}`);
  const believe = (gp: GaussianProcess, points: ParameterValues[]) => {
    if (points.length === 0) return gp;
    const x = points.map((p) => encodePoint(space, p));
    return gp.condition(x, gp.predict(x).mean);
  };
  /** Adds the best untried candidate under `score` to the batch; false (with a warning) when none is left. */
  const pick = (score: (points: ParameterValues[]) => number[], logOf: (value: number) => number): boolean => {
    const { point, value } = maximizeAcquisition(space, excluding(space, taken, score), rng, candidates);
    if (value === Number.NEGATIVE_INFINITY) {
      exhausted();
      return false;
    }
    taken.add(keyOf(space, point));
    chosen.push(point);
    suggestions.push({ parameters: point, predictions: predictAll(point), logAcquisition: logOf(value) });
    return true;
  };
  const result = (method: AskResult['method']): AskResult => ({
    method,
    suggestions,
    completedRuns: completed.length,
    pendingRuns: pending.length,
    diagnostics,
    hyperparameters: Object.fromEntries(Object.entries(models).map(([k, gp]) => [k, gp.hyperparameters])),
    warnings,
  });
  const asIs = (value: number) => value;
  if (space.objectives.length === 1) {
    const name = space.objectives[0]!.name;
    const sign = signOf(space, name);
    const base = models[name]!;
    const best = incumbent(space, base, completed, sign);
    for (let k = 0; k < q; k++) {
      const gp = believe(base, [...pending.map((r) => r.parameters), ...chosen]);
      if (!pick(logEiScore(space, gp, best, sign), asIs)) break;
    }
    return result('log-ei');
  }
  if (acquisition === 'ehvi') {
    const names = space.objectives.map((o) => o.name) as [string, string];
    const signs = names.map((n) => signOf(space, n));
    const asMax = (values: Record<string, number>): Point2 => [signs[0]! * values[names[0]]!, signs[1]! * values[names[1]]!];
    const observed = completed.map((r) => asMax(r.objectives));
    const reference = hypervolumeReference(observed);
    for (let k = 0; k < q; k++) {
      // Kriging believer: runs in flight and earlier picks count as found at their predicted means
      const believed = [...pending.map((r) => r.parameters), ...chosen];
      const front = [...observed, ...believed.map((p) => asMax(Object.fromEntries(Object.entries(predictAll(p)).map(([n, v]) => [n, v.mean]))))];
      const gps = names.map((n) => believe(models[n]!, believed));
      const score = (points: ParameterValues[]) => {
        const x = points.map((p) => encodePoint(space, p));
        const [p1, p2] = gps.map((gp) => gp.predict(x));
        return points.map((_, i) =>
          expectedHypervolumeImprovement2d(
            [signs[0]! * p1!.mean[i]!, signs[1]! * p2!.mean[i]!],
            [Math.sqrt(p1!.variance[i]!), Math.sqrt(p2!.variance[i]!)],
            front,
            reference,
          ),
        );
      };
      if (!pick(score, Math.log)) break;
    }
    return result('ehvi');
  }
  const losses = normalizedLosses(space, completed);
  for (let k = 0; k < q; k++) {
    const w = rng.integer(11) / 10;
    const weights = [w, 1 - w];
    const scalar = completed.map(
      (_, i) =>
        -augmentedChebyshev(
          losses.map((l) => l[i]!),
          weights,
        ),
    );
    const base = fitSurrogate(space, completed, scalar, fitOpts);
    const best = incumbent(space, base, completed, 1);
    const gp = believe(base, [...pending.map((r) => r.parameters), ...chosen]);
    if (!pick(logEiScore(space, gp, best, 1), asIs)) break;
  }
  return result('parego');
}

/** One point of a parity plot: observed value against its leave-one-out prediction. */
export interface ParityPoint {
  line: number;
  observed: number;
  predicted: number;
  sd: number;
}

/** Result of {@link campaignStatus}. */
export interface CampaignStatus {
  completedRuns: number;
  pendingRuns: number;
  /** Best finished run of each objective (by its goal). */
  best: Record<string, Run>;
  /** Non-dominated finished runs (two objectives; empty for one). */
  paretoFront: Run[];
  /** Surrogate diagnostics per objective (null below 3 finished runs). */
  diagnostics: Record<string, GaussianProcessDiagnostics> | null;
  /** Leave-one-out parity data per objective. */
  parity: Record<string, ParityPoint[]> | null;
  /**
   * Slices of each objective's surrogate through its best run: one continuous or integer parameter varied over
   * its range (25 points; infeasible points left out), the others held at the best run's values.
   */
  slices: Record<string, SurrogateSlice[]> | null;
  warnings: string[];
}

/** One slice of a surrogate: mean and sd along one parameter, the others held fixed. */
export interface SurrogateSlice {
  parameter: string;
  values: number[];
  mean: number[];
  sd: number[];
}

/** Slices of a surrogate through `at` along every continuous and integer parameter (see {@link CampaignStatus.slices}). */
export function surrogateSlices(space: SearchSpace, gp: GaussianProcess, at: ParameterValues, points = 25): SurrogateSlice[] {
  const out: SurrogateSlice[] = [];
  for (const p of space.parameters) {
    if (p.type === 'categorical') continue;
    const values: number[] = [];
    const pts: ParameterValues[] = [];
    const n = p.type === 'integer' ? Math.min(points, p.high - p.low + 1) : points;
    for (let k = 0; k < n; k++) {
      const t = n === 1 ? 0 : k / (n - 1);
      const v =
        p.type === 'integer' ? Math.round(p.low + t * (p.high - p.low)) : p.scale === 'log' ? p.low * (p.high / p.low) ** t : p.low + t * (p.high - p.low);
      const q = { ...at, [p.name]: v };
      if (!satisfiesConstraints(space, q)) continue;
      values.push(v);
      pts.push(q);
    }
    const pred = gp.predict(pts.map((q) => encodePoint(space, q)));
    out.push({ parameter: p.name, values, mean: pred.mean, sd: pred.variance.map(Math.sqrt) });
  }
  return out;
}

/** Whether run a is at least as good as b in every objective and better in one. */
function dominates(space: SearchSpace, a: Run, b: Run): boolean {
  let better = false;
  for (const o of space.objectives) {
    const s = o.goal === 'maximize' ? 1 : -1;
    const d = s * (a.objectives[o.name]! - b.objectives[o.name]!);
    if (d < 0) return false;
    if (d > 0) better = true;
  }
  return better;
}

/** Non-dominated runs (Pareto front), in file order. */
export function paretoFront(space: SearchSpace, runs: readonly Run[]): Run[] {
  return runs.filter((r) => !runs.some((o) => o !== r && dominates(space, o, r)));
}

/**
 * State of a campaign: best runs, the Pareto front (two objectives), and each objective's surrogate with its
 * leave-one-out diagnostics and parity data.
 */
export function campaignStatus(space: SearchSpace, campaign: Campaign, options: { seed?: number; kernel?: KernelName } = {}): CampaignStatus {
  const { completed, pending } = campaign;
  const best: Record<string, Run> = {};
  for (const o of space.objectives) {
    const s = signOf(space, o.name);
    for (const r of completed) if (!best[o.name] || s * r.objectives[o.name]! > s * best[o.name]!.objectives[o.name]!) best[o.name] = r;
  }
  const warnings: string[] = [];
  let diagnostics: Record<string, GaussianProcessDiagnostics> | null = null;
  let parity: Record<string, ParityPoint[]> | null = null;
  let slices: Record<string, SurrogateSlice[]> | null = null;
  if (completed.length >= 3) {
    diagnostics = {};
    parity = {};
    slices = {};
    for (const o of space.objectives) {
      const gp = fitSurrogate(
        space,
        completed,
        completed.map((r) => r.objectives[o.name]!),
        options,
      );
      const d = gp.diagnostics();
      diagnostics[o.name] = d;
      d.warnings.forEach((w) => warnings.push(`${o.name}: ${w}`));
      const loo = gp.leaveOneOut();
      parity[o.name] = completed.map((r, i) => ({ line: r.line, observed: r.objectives[o.name]!, predicted: loo.mean[i]!, sd: Math.sqrt(loo.variance[i]!) }));
      slices[o.name] = surrogateSlices(space, gp, best[o.name]!.parameters);
    }
  } else warnings.push(`${completed.length} finished run(s): at least 3 are needed for a surrogate and its diagnostics`);
  return {
    completedRuns: completed.length,
    pendingRuns: pending.length,
    best,
    paretoFront: space.objectives.length === 2 ? paretoFront(space, completed) : [],
    diagnostics,
    parity,
    slices,
    warnings,
  };
}
