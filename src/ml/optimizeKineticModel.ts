import { InputError } from '../chem/index.js';
import { type SteadyStateObservables, SteadyStateSolver } from '../kinetics/analyze/steadyState.js';
import { runPulse } from '../kinetics/analyze/pulse.js';
import type { CompiledModel } from '../kinetics/parser/compileModel.js';
import type { GaussianProcessDiagnostics, GaussianProcessHyperparameters } from './gaussianProcess.js';
import { normalScores } from './outputWarp.js';
import { askNext, fitSurrogate } from './planExperiments.js';
import type { Run } from './runs.js';
import { OPTIMIZE_DEFAULTS, defaultLocalBudget } from './optimizeDefaults.js';
import { DEFAULT_SEED } from './random.js';
import { refineLocally } from './refineLocally.js';
import { type SearchSpace, fromUnitCoordinates, parseSearchSpace, unitCoordinates } from './searchSpace.js';

/**
 * A model input to vary: a descriptor of the model (eV), `potential` (V vs RHE), or the four parameters of a
 * square-wave pulse program together: `E1`, `E2` (V vs RHE) and `t1`, `t2` (s, searched on a log scale).
 */
export interface VariedInput {
  name: string;
  low: number;
  high: number;
}

/** What to maximize: FE (fraction) or log10 of the production TOF (s⁻¹ per site) of one product. */
export interface KineticObjective {
  quantity: 'fe' | 'log10Tof';
  product: string;
}

/** Options of {@link optimizeKineticModel}. */
export interface OptimizeKineticModelOptions {
  vary: VariedInput[];
  objective: KineticObjective;
  /** Steady-state evaluations in all (default {@link OPTIMIZE_DEFAULTS}.budget = 20, from 3 to 500). */
  budget?: number;
  /** Seed (default 0). */
  seed?: number;
  /** Grid points per axis of the belief map for one or two varied inputs (default 21; 0 = none). */
  beliefGrid?: number;
  /** Periods simulated per pulse-program evaluation (default {@link OPTIMIZE_DEFAULTS}.periods = 10); no periodic state by then = failure. */
  pulsePeriods?: number;
  /**
   * Output warp of the objective for the surrogate (default `normalScores`): the GP sees the normal scores of
   * the successful values ({@link normalScores}); `none` fits the raw values. The belief map is always in the
   * objective's own units.
   */
  outputWarp?: 'normalScores' | 'none';
  /**
   * Evaluations reserved for the local phase at the end ({@link refineLocally}: coordinate line searches from
   * the best point, for tops narrower than the GP can resolve). Default {@link defaultLocalBudget}: ⌊0.3 × budget⌋
   * when the budget is at least 10 per varied input, else 0 (no local phase); at most budget − 3. Evaluations the local phase does
   * not need (every line search converged) go back to the Bayesian optimization.
   */
  localBudget?: number;
  /** Called after every evaluation (progress). */
  onEvaluation?: (evaluation: KineticEvaluation, index: number) => void;
}

/** One evaluation of the model. */
export interface KineticEvaluation {
  inputs: Record<string, number>;
  /** `global`: suggested by the Bayesian optimization; `local`: a step of the local phase's line searches. */
  phase: 'global' | 'local';
  /** `ok`: a verified steady state with a resolved objective; otherwise the evaluation is not used as a number. */
  status: 'ok' | 'unconverged' | 'unresolved';
  /** Objective value when `ok`, else null. */
  value: number | null;
  /** Why the evaluation failed. */
  message?: string;
  /** Best objective so far after this evaluation (null before the first success). */
  bestSoFar: number | null;
}

/** Result of {@link optimizeKineticModel}. */
export interface OptimizeKineticModelResult {
  objective: KineticObjective;
  best: { inputs: Record<string, number>; value: number } | null;
  trace: KineticEvaluation[];
  failures: number;
  /** Surrogate diagnostics at the end (null below 3 successes). */
  diagnostics: GaussianProcessDiagnostics | null;
  /** The surrogate's mean and sd over a grid of the varied inputs (one or two of them), row-major x fastest. */
  beliefMap: { x: { name: string; values: number[] }; y?: { name: string; values: number[] }; mean: number[]; sd: number[] } | null;
}

/**
 * Smallest resolved rate, s⁻¹ per site. The steady-state solver accepts a relative residual of 1e-10 against
 * each gross flux plus a flux floor of 1e-12 s⁻¹ (src/kinetics/solver/solveSteadyState.ts, solverOptions.ts),
 * so net rates below about 1e-22 s⁻¹ are indistinguishable from zero; we keep two decades of margin.
 */
export const RESOLVED_RATE_PER_S = 1e-20;

/** Parses `fe:urea` or `log10Tof:urea` against the model's products. @throws {InputError} on the field `objective` */
export function parseKineticObjective(model: CompiledModel, text: string): KineticObjective {
  const products = model.productIndices.map((p) => model.species[p]!);
  const allowed = `fe:PRODUCT or log10Tof:PRODUCT with PRODUCT one of ${products.join(', ')}`;
  const [q, product] = text.split(':');
  if ((q !== 'fe' && q !== 'log10Tof') || !product) throw new InputError('objective', allowed, `got "${text}"`);
  if (!products.includes(product)) throw new InputError('objective', allowed, `"${product}" is not a product of the model`);
  return { quantity: q, product };
}

/**
 * Checks the evaluations asked of the local phase: an integer from 0 to budget − 3 (the Bayesian optimization
 * keeps at least 3). @throws {InputError} on the field `localBudget`
 */
export function checkLocalBudget(localBudget: number, budget: number): void {
  if (!Number.isInteger(localBudget) || localBudget < 0 || localBudget > budget - 3)
    throw new InputError('localBudget', `an integer from 0 to budget − 3 (${budget - 3})`, `got ${localBudget}`);
}

/** Names of the pulse-program inputs. */
export const PULSE_INPUTS = ['E1', 't1', 'E2', 't2'] as const;

/**
 * Checks the varied inputs against the model; returns whether they describe a pulse program.
 * @throws {InputError} on the input field: `vary` (none, or an incomplete pulse program), `vary.i.name` (unknown or
 * repeated name, potential with a pulse program), `vary.i` (range not finite, reversed or outside its bounds)
 */
export function checkVariedInputs(model: CompiledModel, vary: readonly VariedInput[]): boolean {
  if (vary.length === 0) throw new InputError('vary', 'at least one NAME:low:high', 'none given');
  const allowed = `a descriptor of the model (${model.descriptors.join(', ')}), potential, or the pulse program E1, t1, E2, t2`;
  vary.forEach((v, i) => {
    const isPulse = (PULSE_INPUTS as readonly string[]).includes(v.name);
    if (v.name !== 'potential' && !isPulse && !model.descriptors.includes(v.name)) throw new InputError(`vary.${i}.name`, allowed, `unknown input "${v.name}"`);
    if (!(Number.isFinite(v.low) && Number.isFinite(v.high) && v.high > v.low))
      throw new InputError(`vary.${i}`, 'finite low < high', `got ${v.low}:${v.high}`);
    const [lo, hi, unit] = v.name === 't1' || v.name === 't2' ? [1e-6, 1e3, 's'] : v.name === 'potential' || isPulse ? [-5, 5, 'V'] : [-20, 20, 'eV'];
    if (v.low < lo || v.high > hi) throw new InputError(`vary.${i}`, `bounds from ${lo} to ${hi} ${unit} for ${v.name}`, `got ${v.low}:${v.high}`);
    if (vary.findIndex((w) => w.name === v.name) !== i) throw new InputError(`vary.${i}.name`, 'each input once', `"${v.name}" repeated`);
  });
  const pulse = vary.filter((v) => (PULSE_INPUTS as readonly string[]).includes(v.name)).map((v) => v.name);
  if (pulse.length > 0 && pulse.length < 4)
    throw new InputError('vary', 'all four pulse inputs E1, t1, E2, t2 together (a narrow range fixes one nearly)', `got only ${pulse.join(', ')}`);
  const potential = vary.findIndex((v) => v.name === 'potential');
  if (pulse.length === 4 && potential >= 0) throw new InputError(`vary.${potential}.name`, 'potential or a pulse program, not both', 'both given');
  return pulse.length === 4;
}

/**
 * One pulse-program evaluation: `periods` periods from a clean surface; the objective is the last period's
 * average, and only once the coverages repeat period to period (a periodic steady state, {@link runPulse}).
 */
export function evaluatePulseObjective(
  model: CompiledModel,
  objective: KineticObjective,
  inputs: Record<string, number>,
  periods: number,
): { status: KineticEvaluation['status']; value: number | null; message?: string } {
  const descriptors = Object.fromEntries(Object.entries(inputs).filter(([k]) => !(PULSE_INPUTS as readonly string[]).includes(k)));
  const r = runPulse(model, { e1V: inputs.E1!, t1S: inputs.t1!, e2V: inputs.E2!, t2S: inputs.t2!, periods, descriptors });
  if (!r.completed) return { status: 'unconverged', value: null, message: 'the time integration stopped before the last period' };
  if (r.periodicFromPeriod === null) return { status: 'unconverged', value: null, message: `no periodic steady state within ${periods} periods` };
  const last = r.periods.at(-1)!;
  const tof = last.tofPerS[objective.product]!;
  if (objective.quantity === 'log10Tof') {
    return tof > RESOLVED_RATE_PER_S
      ? { status: 'ok', value: Math.log10(tof) }
      : { status: 'unresolved', value: null, message: `period-averaged TOF of ${objective.product} ${tof.toExponential(2)} s-1 is below the resolution` };
  }
  if (!(last.electronRatePerS > RESOLVED_RATE_PER_S))
    return {
      status: 'unresolved',
      value: null,
      message: `period-averaged net reduction rate ${last.electronRatePerS.toExponential(2)} e- s-1 per site: FE undefined`,
    };
  const fe = last.faradaicEfficiency[objective.product]!;
  return Number.isFinite(fe) ? { status: 'ok', value: fe } : { status: 'unresolved', value: null, message: 'FE not finite' };
}

/** The steady state at inputs (`potential` and descriptor names), retried from the default start if the guess fails. */
export function solveAt(solver: SteadyStateSolver, inputs: Record<string, number>, guess?: Float64Array): SteadyStateObservables {
  const descriptors: Record<string, number> = {};
  let potentialVvsRHE: number | undefined;
  for (const [k, v] of Object.entries(inputs)) {
    if (k === 'potential') potentialVvsRHE = v;
    else descriptors[k] = v;
  }
  const obs = solver.solve({ potentialVvsRHE, descriptors, guess });
  return !obs.converged && guess ? solver.solve({ potentialVvsRHE, descriptors }) : obs;
}

/**
 * The objective of a steady state. Unconverged states and objectives below the solver's resolution
 * ({@link RESOLVED_RATE_PER_S}) are failures, never numbers.
 */
export function kineticObjectiveValue(
  obs: SteadyStateObservables,
  objective: KineticObjective,
): { status: KineticEvaluation['status']; value: number | null; message?: string } {
  if (!obs.converged) return { status: 'unconverged', value: null, message: `steady state not verified (residual ${obs.residual.toExponential(1)})` };
  const tof = obs.tofPerS[objective.product]!;
  if (objective.quantity === 'log10Tof') {
    if (!(tof > RESOLVED_RATE_PER_S))
      return {
        status: 'unresolved',
        value: null,
        message: `production TOF of ${objective.product} ${tof.toExponential(2)} s-1 is below the solver's resolution`,
      };
    return { status: 'ok', value: Math.log10(tof) };
  }
  if (!(obs.electronRatePerS > RESOLVED_RATE_PER_S))
    return {
      status: 'unresolved',
      value: null,
      message: `net reduction rate ${obs.electronRatePerS.toExponential(2)} e- s-1 per site is below the solver's resolution: FE undefined`,
    };
  const fe = obs.faradaicEfficiency[objective.product]!;
  return Number.isFinite(fe) ? { status: 'ok', value: fe } : { status: 'unresolved', value: null, message: 'FE not finite' };
}

/** One evaluation: {@link solveAt} then {@link kineticObjectiveValue}; `state` of converged solves for continuation. */
export function evaluateKineticObjective(
  solver: SteadyStateSolver,
  objective: KineticObjective,
  inputs: Record<string, number>,
  guess?: Float64Array,
): { status: KineticEvaluation['status']; value: number | null; message?: string; state?: Float64Array } {
  const obs = solveAt(solver, inputs, guess);
  return { ...kineticObjectiveValue(obs, objective), ...(obs.converged ? { state: obs.state } : {}) };
}

/**
 * Bayesian optimization through a microkinetic model (the virtual lab): every evaluation a verified steady
 * state of `model` at the varied descriptors/potential, maximizing FE or log10 TOF of one product by the
 * ask/tell planner of {@link askNext} (space-filling start, then log-EI on a GP). Failed evaluations stay in
 * the campaign as in-flight points that are never finished: the Kriging believer keeps later suggestions
 * away from them without inventing a value. Each solve starts from the converged state of the nearest
 * earlier success (then, if that fails, from the solver's default start). With `E1`, `t1`, `E2`, `t2` varied
 * (descriptors may be varied too) every evaluation is a pulse program instead ({@link evaluatePulseObjective}):
 * the period-averaged objective at a verified periodic steady state.
 */
export function optimizeKineticModel(model: CompiledModel, options: OptimizeKineticModelOptions): OptimizeKineticModelResult {
  const pulse = checkVariedInputs(model, options.vary);
  const pulsePeriods = options.pulsePeriods ?? OPTIMIZE_DEFAULTS.periods;
  if (!Number.isInteger(pulsePeriods) || pulsePeriods < 2 || pulsePeriods > 1000)
    throw new InputError('pulsePeriods', 'an integer from 2 to 1000', `got ${pulsePeriods}`);
  const budget = options.budget ?? OPTIMIZE_DEFAULTS.budget;
  if (!Number.isInteger(budget) || budget < 3 || budget > 500) throw new InputError('budget', 'an integer from 3 to 500', `got ${budget}`);
  const seed = options.seed ?? DEFAULT_SEED;
  const { objective } = options;
  const space: SearchSpace = parseSearchSpace({
    parameters: options.vary.map((v) => ({
      name: v.name,
      type: 'continuous',
      low: v.low,
      high: v.high,
      ...(v.name === 't1' || v.name === 't2' ? { scale: 'log' } : {}),
    })),
    objectives: [{ name: 'objective', goal: 'maximize' }],
  });
  const solver = new SteadyStateSolver(model);
  const completed: Run[] = [];
  const failed: Run[] = [];
  const states: { u: number[]; state: Float64Array }[] = []; // converged states by their unit-cube position
  const trace: KineticEvaluation[] = [];
  let best: OptimizeKineticModelResult['best'] = null;
  let warm: GaussianProcessHyperparameters | undefined;
  let warmAsk: GaussianProcessHyperparameters | undefined;
  const warp = options.outputWarp ?? 'normalScores';
  if (warp !== 'normalScores' && warp !== 'none') throw new InputError('outputWarp', 'normalScores or none', `got "${String(warp)}"`);
  const localBudget = options.localBudget ?? defaultLocalBudget(budget, options.vary.length);
  checkLocalBudget(localBudget, budget);
  /** Evaluates the model at `inputs` and records the run; returns the objective or null. */
  const evaluate = (inputs: Record<string, number>, phase: KineticEvaluation['phase']): number | null => {
    const i = trace.length;
    // nearest converged neighbour as the Newton start (continuation, as the mapper does)
    let guess: Float64Array | undefined;
    let bd = Number.POSITIVE_INFINITY;
    const u = unitCoordinates(space, inputs);
    for (const s of states) {
      const d = s.u.reduce((acc, x, k) => acc + (x - u[k]!) ** 2, 0);
      if (d < bd) [bd, guess] = [d, s.state];
    }
    const r: ReturnType<typeof evaluateKineticObjective> = pulse
      ? evaluatePulseObjective(model, objective, inputs, pulsePeriods)
      : evaluateKineticObjective(solver, objective, inputs, guess);
    if (r.state) states.push({ u, state: Float64Array.from(r.state) });
    const run: Run = { line: i + 1, parameters: inputs, objectives: r.value === null ? {} : { objective: r.value } };
    if (r.status === 'ok') {
      completed.push(run);
      if (!best || r.value! > best.value) best = { inputs, value: r.value! };
    } else failed.push(run);
    const evaluation: KineticEvaluation = {
      inputs,
      phase,
      status: r.status,
      value: r.value,
      ...(r.message ? { message: r.message } : {}),
      bestSoFar: best?.value ?? null,
    };
    trace.push(evaluation);
    options.onEvaluation?.(evaluation, i);
    return r.status === 'ok' ? r.value : null;
  };
  /** One Bayesian-optimization step: ask the planner, evaluate its suggestion. */
  const askAndEvaluate = () => {
    const i = trace.length;
    const scores = warp === 'normalScores' ? normalScores(completed.map((r) => r.objectives.objective!)) : null;
    const seen = scores ? completed.map((r, k) => ({ ...r, objectives: { objective: scores[k]! } })) : completed;
    const ask = askNext(space, { completed: seen, pending: failed }, { seed: seed * 100003 + i, warmStart: warmAsk, restarts: 2 });
    warmAsk = ask.hyperparameters?.objective ?? warmAsk;
    if (!scores) warm = warmAsk; // hyperparameters of the raw objective, for the final belief map
    evaluate(ask.suggestions[0]!.parameters as Record<string, number>, 'global');
  };
  while (trace.length < budget - localBudget) askAndEvaluate();
  // local phase: coordinate line searches from the incumbent, shortest GP length-scale first (refineLocally.ts)
  const start = best as OptimizeKineticModelResult['best'];
  if (localBudget > 0 && start && warmAsk) {
    const ls = warmAsk.lengthScales;
    const order = ls.map((_, k) => k).sort((p, q) => ls[p]! - ls[q]! || p - q);
    refineLocally(
      (u) => evaluate(fromUnitCoordinates(space, u) as Record<string, number>, 'local') ?? Number.NEGATIVE_INFINITY,
      { u: unitCoordinates(space, start.inputs), value: start.value },
      { budget: localBudget, steps: ls.map((l) => Math.min(0.1, Math.max(1e-3, l / 4))), order },
    );
  }
  // a local phase that converged early hands the rest of the budget back to the planner
  while (trace.length < budget) askAndEvaluate();
  let diagnostics: GaussianProcessDiagnostics | null = null;
  let beliefMap: OptimizeKineticModelResult['beliefMap'] = null;
  if (completed.length >= 3) {
    const gp = fitSurrogate(
      space,
      completed,
      completed.map((r) => r.objectives.objective!),
      { seed, warmStart: warm, restarts: 2 },
    );
    diagnostics = gp.diagnostics();
    const n = options.beliefGrid ?? 21;
    if (n > 1 && options.vary.length <= 2) {
      const axis = (v: VariedInput) => Array.from({ length: n }, (_, k) => v.low + ((v.high - v.low) * k) / (n - 1));
      const xs = axis(options.vary[0]!);
      const ys = options.vary[1] ? axis(options.vary[1]) : [Number.NaN];
      const pts = ys.flatMap((y) => xs.map((x) => (options.vary[1] ? [x, y] : [x])));
      const p = gp.predict(pts);
      beliefMap = {
        x: { name: options.vary[0]!.name, values: xs },
        ...(options.vary[1] ? { y: { name: options.vary[1].name, values: ys } } : {}),
        mean: p.mean,
        sd: p.variance.map(Math.sqrt),
      };
    }
  }
  return { objective, best, trace, failures: failed.length, diagnostics, beliefMap };
}
