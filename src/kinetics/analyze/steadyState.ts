import { AVOGADRO_PER_MOL, FARADAY_C_PER_MOL, InputError, assertFiniteInRange } from '../../chem/index.js';
import type { CompiledModel } from '../parser/compileModel.js';
import { modelAtPH } from '../parser/protonReference.js';
import { type RateConstants, emptyRateConstants, rateConstants } from '../thermodynamics/rateConstants.js';
import { descriptorVector } from '../scaler/stepEnergetics.js';
import { KineticSystem } from '../solver/kineticSystem.js';
import { type FullSolverOptions, type SolverOptions, checkSolverOptions } from '../solver/solverOptions.js';
import { TurnoverWork, turnoverOf } from './turnover.js';
import { FULL_SEARCH, type SolvePlan, SteadyStateWork, type SteadyStateResult, solveSteadyState } from '../solver/solveSteadyState.js';

/** Conditions of one kinetic evaluation. */
export interface KineticConditions {
  /** Electrode potential, V vs RHE (default: the model's). */
  potentialVvsRHE?: number;
  /** Descriptor values by name (default: the model's). */
  descriptors?: Record<string, number>;
  /**
   * pH of the kinetics (default: the model's): each step's extra-proton term is re-evaluated there
   * ({@link modelAtPH}), e.g. the surface pH from a microenvironment model.
   */
  pH?: number;
  /**
   * Coverages to start Newton from (e.g. a neighbouring solution), by adsorbate order — or a neighbour's
   * whole state (coverages then free sites, {@link SteadyStateObservables.state}).
   */
  guess?: Float64Array;
  /** Solver tolerances and limits (default: {@link checkSolverOptions}'s defaults). */
  solver?: SolverOptions;
}

/** Observables at a steady state. Rates are per surface site. */
export interface SteadyStateObservables {
  /** Electrode potential of this point, V vs RHE. */
  potentialVvsRHE: number;
  /** True when the state passed verification (residual, net-rate closure, site balance). */
  converged: boolean;
  /** Which search found the state (`failed` when none converged). */
  method: SteadyStateResult['method'];
  /** Newton iterations of the solve that produced the state, summed over the starts it tried. */
  newtonIterations: number;
  /** Verified relative residual max_k |dθ_k/dt| / gross flux_k. */
  residual: number;
  /** Max |dθ/dt| relative to the largest net step rate: how well the net rates close. */
  netResidual: number;
  /** Max |(1 − Σθ) − free-site fraction carried by the solver| over site types (fraction of sites). */
  siteBalanceError: number;
  /** Coverage of each adsorbate, fraction of its site type. */
  coverages: Record<string, number>;
  /** Free fraction of each site type. */
  freeSites: Record<string, number>;
  /** Net rate of each step, s⁻¹ per site (route-consistent: they close every adsorbate balance exactly). */
  stepRatesPerS: Record<string, number>;
  /** Net production of each gas/solution species, s⁻¹ per site (turnover frequency; negative = consumed). */
  tofPerS: Record<string, number>;
  /** Electrons consumed per site per second, Σ n_j r_j. */
  electronRatePerS: number;
  /** Error bound of the electron rate (and so of the current density, relatively), s⁻¹ per site. */
  electronRateErrorPerS: number;
  /** Current density, A m⁻² (negative = cathodic), from the electron rate and the site density. */
  currentDensityAPerM2: number;
  /** Faradaic efficiency of each reported product (fraction); NaN (null in JSON) when no electrons flow. */
  faradaicEfficiency: Record<string, number>;
  /** Molar selectivity among the reported products (fraction); NaN (null in JSON) when none is formed. */
  selectivity: Record<string, number>;
  /**
   * True when the state converged and every product's TOF and FE is resolved to `rateTolerance` (relative):
   * their error bounds ({@link SteadyStateObservables.tofErrorPerS}) are at most rateTolerance × |value|.
   */
  resolved: boolean;
  /** Relative tolerance of the resolved flags (default 1e-6, solver option `rateTolerance`). */
  rateTolerance: number;
  /** Error bound of each species' TOF, s⁻¹ per site (Infinity when not converged). */
  tofErrorPerS: Record<string, number>;
  /** Whether each species' TOF is resolved to `rateTolerance` (an exact 0 with bound 0 is resolved). */
  tofResolved: Record<string, boolean>;
  /** Whether each product's FE is resolved to `rateTolerance` (its TOF's and the electron rate's bounds). */
  faradaicEfficiencyResolved: Record<string, boolean>;
  /** Error bound of each step's net rate, s⁻¹ per site. */
  stepRateErrorPerS: Record<string, number>;
  /** True when only the flux floor (1e-12 s⁻¹ per site) closed the balances: a dead surface (see docs). */
  floored: boolean;
  /** Raw coverages (e.g. the initial coverages of a pulse or ramp). */
  theta: Float64Array;
  /** Coverages then free sites, the start to continue from (see {@link SteadyStateResult.state}). */
  state: Float64Array;
  /**
   * Warnings about this point, when there are any (e.g. a reactant consumed faster than its diffusion limit:
   * `withTransportWarnings` in src/transport/diffusionLimitCheck.ts, added by the CLI and the API).
   */
  warnings?: string[];
}

export { RouteWork, routeConsistentRateErrors, routeConsistentRates } from './turnover.js';

/**
 * Observables from a solved state: TOF, FE and their resolution from {@link turnoverOf} (rates made
 * route-consistent, see {@link routeConsistentRates}), selectivity, current density and the state's own
 * verification. `work` (default: allocated here) is reused across calls by {@link SteadyStateSolver}.
 */
export function observablesOf(
  model: CompiledModel,
  result: SteadyStateResult,
  potentialV: number,
  rateTolerance = 1e-6,
  work: TurnoverWork = new TurnoverWork(model),
): SteadyStateObservables {
  const t = turnoverOf(model, result, rateTolerance, work);
  const { tof, tofError } = t;
  const rates = t.rates;
  const rateError = t.rateError;
  const electrons = t.electrons;
  const isResolved = (value: number, error: number) => result.converged && error <= rateTolerance * Math.abs(value);
  const faradaicEfficiencyResolved: Record<string, boolean> = {};
  const faradaicEfficiency: Record<string, number> = {};
  const selectivity: Record<string, number> = {};
  let productTotal = 0;
  for (const p of model.productIndices) productTotal += Math.max(0, tof[p]!);
  model.productIndices.forEach((p, i) => {
    const name = model.species[p]!;
    faradaicEfficiencyResolved[name] = t.faradaicEfficiencyResolved[i] === 1;
    // undefined (NaN, null in JSON), not 0: no electrons transferred, or no product formed
    faradaicEfficiency[name] = t.faradaicEfficiency[i]!;
    selectivity[name] = productTotal > 0 ? Math.max(0, tof[p]!) / productTotal : Number.NaN;
  });
  const record = (names: string[], values: ArrayLike<number>) => Object.fromEntries(names.map((n, i) => [n, values[i]!]));
  return {
    potentialVvsRHE: potentialV,
    converged: result.converged,
    method: result.method,
    newtonIterations: result.newtonIterations,
    residual: result.residual,
    netResidual: result.netResidual,
    siteBalanceError: result.siteBalanceError,
    coverages: record(model.adsorbates, result.theta),
    freeSites: record(model.sites, result.free),
    stepRatesPerS: record(
      model.steps.map((s) => s.id),
      rates,
    ),
    tofPerS: record(model.species, tof),
    electronRatePerS: electrons,
    electronRateErrorPerS: result.converged ? t.electronError : Number.POSITIVE_INFINITY,
    currentDensityAPerM2: (-FARADAY_C_PER_MOL * model.file.siteDensityPerM2 * electrons) / AVOGADRO_PER_MOL,
    faradaicEfficiency,
    selectivity,
    resolved: t.allResolved,
    rateTolerance,
    tofErrorPerS: record(model.species, tofError),
    tofResolved: Object.fromEntries(model.species.map((n, i) => [n, isResolved(tof[i]!, tofError[i]!)])),
    faradaicEfficiencyResolved,
    stepRateErrorPerS: record(
      model.steps.map((s) => s.id),
      rateError,
    ),
    floored: result.floored,
    theta: result.theta,
    state: result.state,
  };
}

/** A reusable solver bound to one model (rate equations and work arrays allocated once). */
export class SteadyStateSolver {
  readonly model: CompiledModel;
  readonly system: KineticSystem;
  private readonly work: SteadyStateWork;
  private readonly constants: RateConstants;
  private readonly turnover: TurnoverWork;

  constructor(model: CompiledModel) {
    this.model = model;
    this.system = new KineticSystem(model);
    this.work = new SteadyStateWork(this.system);
    this.turnover = new TurnoverWork(model);
    this.constants = emptyRateConstants(model.steps.length);
  }

  /** Solves at the given conditions and returns the observables (converged or not: check `converged`). */
  solve(conditions: KineticConditions = {}): SteadyStateObservables {
    const U = conditions.potentialVvsRHE ?? this.model.file.potentialVvsRHE;
    assertFiniteInRange('potentialVvsRHE', U, -5, 5, 'V vs RHE');
    const options = checkSolverOptions(conditions.solver);
    const target = descriptorVector(this.model, conditions.descriptors);
    const atPH = conditions.pH === undefined ? this.model : modelAtPH(this.model, conditions.pH);
    const result = this.solveAt(atPH, U, target, options, conditions.guess);
    return observablesOf(this.model, result, U, options.rateTolerance, this.turnover);
  }

  /**
   * The one robust path of a point, shared by single solves, polarization curves and sweeps: the direct solve
   * from `guess` and `alternatives` (then every other start, integration and, last, the flux floor); when
   * that does not converge without the flux floor, the {@link homotopy} in the energies, whose answer replaces
   * the direct one when it converges without the floor. `model` carries the pH (see {@link modelAtPH}).
   */
  solveAt(
    model: CompiledModel,
    potentialV: number,
    descriptors: Float64Array,
    options: FullSolverOptions,
    guess?: Float64Array,
    alternatives: Float64Array[] = [],
  ): SteadyStateResult {
    this.system.setRateConstants(rateConstants(model, potentialV, descriptors, model.file.temperatureK, this.constants));
    const direct = solveSteadyState(this.system, options, guess, this.work, alternatives);
    if (direct.converged && !direct.floored) return direct;
    return this.homotopy(model, potentialV, descriptors, options) ?? direct;
  }

  /**
   * Homotopy in the energies for a point no start solves: from the model's own potential and descriptors to
   * the target in {@link HOMOTOPY_STEPS} equal steps, each started from the previous state (continuation enters the poisoned
   * region the way a sweep does). Returns the target's state when it converges without the flux floor.
   * Runs only after the direct solve at the target failed, so the target step tries only what that did not:
   * Newton from the continued state, and integration from it then Newton — not the other starts, the
   * clean-surface integration or the floored pass again (the same rate constants give the same answers,
   * and a floored answer is discarded here anyway). A target at the model's own energies has no path: skipped.
   * A step after one that only the flux floor closed (the path is crossing a dead region) continues from that
   * state alone — Newton, integration from it, the floored pass — without the fresh and poisoned starts and the
   * clean-surface integration: those dominated the cost of dead points (urea-cu4-ceo2 at dG_NO −1, dG_CO −6 eV:
   * ten floored steps of ~25 ms each) and, on every probe grid measured (bench/singleSolveCompare.ts and the
   * note of this change), never turned a failed homotopy into a rescued one.
   */
  private homotopy(model: CompiledModel, U: number, target: Float64Array, options: FullSolverOptions): SteadyStateResult | undefined {
    const U0 = model.file.potentialVvsRHE;
    const d0 = model.defaultDescriptors;
    if (U === U0 && target.every((x, k) => x === d0[k])) return undefined;
    const d = new Float64Array(target.length);
    let guess: Float64Array | undefined;
    let flooredBefore = false;
    const steps = HOMOTOPY_STEPS;
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      for (let k = 0; k < d.length; k++) d[k] = i === steps ? target[k]! : d0[k]! + t * (target[k]! - d0[k]!);
      this.system.setRateConstants(rateConstants(model, i === steps ? U : U0 + t * (U - U0), d, model.file.temperatureK, this.constants));
      const r = solveSteadyState(this.system, options, guess, this.work, [], i === steps ? TARGET_STEP : flooredBefore ? AFTER_FLOORED_STEP : FULL_SEARCH);
      if (!r.converged) return undefined;
      flooredBefore = r.floored;
      guess = r.state;
      if (i === steps) return r.floored ? undefined : r;
    }
    return undefined;
  }

  /**
   * Solves with descriptor values given as a vector (no name lookup), for sweeps: the same robust path as
   * {@link solve} ({@link solveAt} at the model's pH), from a neighbour's state and alternatives.
   */
  solveVector(
    potentialV: number,
    descriptors: Float64Array,
    options: FullSolverOptions,
    guess?: Float64Array,
    alternatives: Float64Array[] = [],
  ): SteadyStateResult {
    return this.solveAt(this.model, potentialV, descriptors, options, guess, alternatives);
  }
}

/**
 * Equal steps of the homotopy from the model's own energies to the target (a tuning choice of this solver, not
 * a published value): each step moves the descriptors and the potential by 1/16 of their shift, e.g. 0.375 eV
 * of a −6 eV descriptor shift.
 */
const HOMOTOPY_STEPS = 16;
/** The homotopy's last step: only the searches the failed direct solve at the same constants did not run. */
const TARGET_STEP: Readonly<SolvePlan> = { otherStarts: false, integrateFromClean: false, flooredPass: false };
/** A homotopy step after a floored one: continuation from that state only (see {@link SteadyStateSolver}). */
const AFTER_FLOORED_STEP: Readonly<SolvePlan> = { otherStarts: false, integrateFromClean: false, flooredPass: true };

/** Steady state of a model at one set of conditions. */
export function steadyState(model: CompiledModel, conditions: KineticConditions = {}): SteadyStateObservables {
  return new SteadyStateSolver(model).solve(conditions);
}

/**
 * Polarization curve: steady states over `potentialsV` (V vs RHE), each solve seeded from the previous
 * converged one (continuation).
 */
export function polarizationCurve(
  model: CompiledModel,
  potentialsV: number[],
  conditions: Omit<KineticConditions, 'potentialVvsRHE'> = {},
): SteadyStateObservables[] {
  const solver = new SteadyStateSolver(model);
  let guess = conditions.guess;
  return potentialsV.map((U) => {
    const obs = solver.solve({ ...conditions, potentialVvsRHE: U, guess });
    if (obs.converged) guess = obs.state;
    return obs;
  });
}

/** A sensitivity that may be undefined: its value, or null with the reason. */
export interface CheckedValue {
  /** The value, or null when a solve it needs did not converge or is not resolved (see `reason`). */
  value: number | null;
  /** Why the value is null (absent when it is not). */
  reason?: string;
  /** Bound of the value's numerical error from the rate error bounds of the solves it uses (absent when null). */
  errorBound?: number;
}

/** Degrees of rate control by step id, each checked ({@link degreeOfRateControlChecked}). */
export type DegreeOfRateControlResult = Record<string, CheckedValue>;

/**
 * Degree of rate control of every step for the production rate of `target` (a species), by central
 * differences: X_j = ∂ln r / ∂ln k_j at constant K_j (k_f and k_r scaled together by 1 ± δ, default δ = 1e-3).
 * Every perturbed solve must converge and resolve the target's rate (its error bound ≤ the rate tolerance);
 * otherwise that step's value is null with the reason. The error bound of X_j is
 * (ε₊ + ε₋)/(2 ln(1 + δ)) from the relative rate errors ε± of the two solves.
 * @throws {InputError} for an unknown target or conditions without a converged steady state
 */
export function degreeOfRateControlChecked(model: CompiledModel, target: string, conditions: KineticConditions = {}, delta = 1e-3): DegreeOfRateControlResult {
  const ti = model.species.indexOf(target);
  if (ti < 0) throw new InputError('target', `a species of the model (${model.species.join(', ')})`, `unknown species "${target}"`);
  const solver = new SteadyStateSolver(model);
  const U = conditions.potentialVvsRHE ?? model.file.potentialVvsRHE;
  const options = checkSolverOptions(conditions.solver);
  // the perturbed solves start from the centre's rate constants, at the same pH as the centre
  const base = rateConstants(conditions.pH === undefined ? model : modelAtPH(model, conditions.pH), U, descriptorVector(model, conditions.descriptors));
  const centre = solver.solve(conditions);
  if (!centre.converged)
    throw new InputError(
      'conditions',
      'conditions with a converged steady state',
      `no converged steady state at ${U} V (residual ${centre.residual.toExponential(2)})`,
    );
  const work = new TurnoverWork(model);
  // the target's TOF and its error bound, as every steady state reports them
  const rateOf = (res: SteadyStateResult) => {
    const t = turnoverOf(model, res, options.rateTolerance, work);
    return { rate: t.tof[ti]!, error: t.tofError[ti]! };
  };
  const out: DegreeOfRateControlResult = {};
  model.steps.forEach((step, j) => {
    const values: { rate: number; error: number }[] = [];
    let reason: string | undefined;
    for (const factor of [1 + delta, 1 / (1 + delta)]) {
      const k = { ...base, kf: Float64Array.from(base.kf), kr: Float64Array.from(base.kr) };
      k.kf[j]! *= factor;
      k.kr[j]! *= factor;
      solver.system.setRateConstants(k);
      const res = solveSteadyState(solver.system, options, centre.state);
      const v = rateOf(res);
      const which = factor > 1 ? `k×(1+${delta})` : `k/(1+${delta})`;
      if (!res.converged) reason ??= `the solve with ${which} did not converge (residual ${res.residual.toExponential(2)})`;
      else if (!(v.rate > 0)) reason ??= `the rate of ${target} with ${which} is ${v.rate.toExponential(2)} s⁻¹ (not positive: no logarithm)`;
      else if (!(v.error <= options.rateTolerance * v.rate))
        reason ??= `the rate of ${target} with ${which} is not resolved (error bound ${v.error.toExponential(2)} of ${v.rate.toExponential(2)} s⁻¹)`;
      values.push(v);
    }
    if (reason) {
      out[step.id] = { value: null, reason };
      return;
    }
    const [up, down] = values as [{ rate: number; error: number }, { rate: number; error: number }];
    const twoLog = 2 * Math.log(1 + delta);
    out[step.id] = { value: (Math.log(up.rate) - Math.log(down.rate)) / twoLog, errorBound: (up.error / up.rate + down.error / down.rate) / twoLog };
  });
  return out;
}

/**
 * Degree of rate control of every step for the production rate of `target` (a species), by central
 * differences (see {@link degreeOfRateControlChecked}): NaN for a step whose perturbed solves did not converge
 * or do not resolve the rate.
 */
export function degreeOfRateControl(model: CompiledModel, target: string, conditions: KineticConditions = {}, delta = 1e-3): Record<string, number> {
  return Object.fromEntries(Object.entries(degreeOfRateControlChecked(model, target, conditions, delta)).map(([k, v]) => [k, v.value ?? Number.NaN]));
}

/**
 * Apparent Tafel slope at U, mV per decade of |j| (of the total current, or of one product's partial
 * current): |dU / d log10|j|| by central differences over ±`stepV` (default 5 mV). Both solves must converge
 * and resolve the current (its rate error bound ≤ the rate tolerance), else the value is null with the reason.
 */
export function tafelSlopeChecked(model: CompiledModel, conditions: KineticConditions = {}, product?: string, stepV = 0.005): CheckedValue {
  const U = conditions.potentialVvsRHE ?? model.file.potentialVvsRHE;
  if (product !== undefined && !model.productIndices.some((p) => model.species[p] === product))
    throw new InputError('product', `a product of the model (${model.productIndices.map((p) => model.species[p]).join(', ')})`, `got "${product}"`);
  const points = polarizationCurve(model, [U + stepV, U - stepV], conditions);
  const tolerance = checkSolverOptions(conditions.solver).rateTolerance;
  const rel: number[] = [];
  const currents: number[] = [];
  for (const o of points) {
    const at = `${o.potentialVvsRHE.toFixed(4)} V`;
    if (!o.converged) return { value: null, reason: `the steady state at ${at} did not converge (residual ${o.residual.toExponential(2)})` };
    const rate = product ? o.tofPerS[product]! : o.electronRatePerS;
    const error = product ? o.tofErrorPerS[product]! : o.electronRateErrorPerS;
    if (rate === 0) return { value: null, reason: `no ${product ? `${product} ` : ''}current at ${at}` };
    if (!(error <= tolerance * Math.abs(rate)))
      return {
        value: null,
        reason: `the ${product ? `partial current of ${product}` : 'current'} at ${at} is not resolved (error bound ${error.toExponential(2)} of ${Math.abs(rate).toExponential(2)} s⁻¹ per site)`,
      };
    currents.push(Math.abs(rate));
    rel.push(error / Math.abs(rate));
  }
  const dlog = Math.log10(currents[1]!) - Math.log10(currents[0]!);
  const value = Math.abs((2 * stepV * 1000) / dlog);
  // δ(dlog) ≤ (ε₁ + ε₂)/ln 10; the slope's relative error is that over |dlog|
  return { value, errorBound: (value * ((rel[0]! + rel[1]!) / Math.LN10)) / Math.abs(dlog) };
}

/**
 * Apparent Tafel slope at U, mV per decade of |j| (see {@link tafelSlopeChecked}); NaN where that is null.
 */
export function tafelSlope(model: CompiledModel, conditions: KineticConditions = {}, product?: string, stepV = 0.005): number {
  return tafelSlopeChecked(model, conditions, product, stepV).value ?? Number.NaN;
}
