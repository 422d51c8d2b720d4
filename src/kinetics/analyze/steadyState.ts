import { AVOGADRO_PER_MOL, FARADAY_C_PER_MOL, InputError, assertFiniteInRange } from '../../chem/index.js';
import type { CompiledModel } from '../parser/compileModel.js';
import { modelAtPH } from '../parser/protonReference.js';
import { type RateConstants, emptyRateConstants, rateConstants } from '../thermodynamics/rateConstants.js';
import { KineticSystem } from '../solver/kineticSystem.js';
import { type SolverOptions, checkSolverOptions } from '../solver/solverOptions.js';
import { luFactor, luSolve } from '../../chem/denseLU.js';
import { SteadyStateWork, type SteadyStateResult, solveSteadyState } from '../solver/solveSteadyState.js';

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
  solver?: SolverOptions;
}

/** Observables at a steady state. Rates are per surface site. */
export interface SteadyStateObservables {
  potentialVvsRHE: number;
  converged: boolean;
  method: SteadyStateResult['method'];
  newtonIterations: number;
  /** Verified relative residual max_k |dθ_k/dt| / gross flux_k. */
  residual: number;
  /** Max |dθ/dt| relative to the largest net step rate: how well the net rates close. */
  netResidual: number;
  siteBalanceError: number;
  coverages: Record<string, number>;
  freeSites: Record<string, number>;
  /** Net rate of each step, s⁻¹ per site (route-consistent: they close every adsorbate balance exactly). */
  stepRatesPerS: Record<string, number>;
  /** Net production of each gas/solution species, s⁻¹ per site (turnover frequency; negative = consumed). */
  tofPerS: Record<string, number>;
  /** Electrons consumed per site per second, Σ n_j r_j. */
  electronRatePerS: number;
  /** Current density, A m⁻² (negative = cathodic), from the electron rate and the site density. */
  currentDensityAPerM2: number;
  /** Faradaic efficiency of each reported product (fraction). */
  faradaicEfficiency: Record<string, number>;
  /** Molar selectivity among the reported products (fraction). */
  selectivity: Record<string, number>;
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

/** Descriptor vector from names, checking every name. */
export function descriptorVector(model: CompiledModel, values: Record<string, number> | undefined): Float64Array {
  const d = Float64Array.from(model.defaultDescriptors);
  for (const [name, v] of Object.entries(values ?? {})) {
    const i = model.descriptors.indexOf(name);
    if (i < 0) throw new InputError(`descriptors.${name}`, `a descriptor of the model (${model.descriptors.join(', ') || 'none'})`, `unknown descriptor "${name}"`);
    d[i] = assertFiniteInRange(`descriptors.${name}`, v, -20, 20, 'eV');
  }
  return d;
}

/**
 * Net step rates made exactly consistent with the steady state: the weighted least-squares combination of
 * reaction routes (the model's null space of adsorbate stoichiometry) closest to the computed rates, each
 * weighted by its round-off scale (its gross flux). Net rates of quasi-equilibrated steps are differences of
 * huge fluxes; this recovers them from the slow, accurately known steps of the same route.
 */
export function routeConsistentRates(model: CompiledModel, rates: Float64Array, grossRates: Float64Array, work: RouteWork = new RouteWork(model)): Float64Array {
  const R = model.routes;
  const q = R.length;
  const m = rates.length;
  const { out, w, A, b, piv } = work;
  out.fill(0);
  if (q === 0) return out; // no route: every net rate is zero at steady state
  // weights (σ_min/σ_j)² with σ_j = max(1e-15·gross_j, 1e-300), in plain loops: this runs once per sweep point
  let minSigma = Number.POSITIVE_INFINITY;
  for (let j = 0; j < m; j++) {
    w[j] = Math.max(grossRates[j]! * 1e-15, 1e-300); // σ_j for now
    minSigma = Math.min(minSigma, w[j]!);
  }
  for (let j = 0; j < m; j++) w[j] = (minSigma / w[j]!) ** 2;
  A.fill(0);
  b.fill(0);
  for (let a = 0; a < q; a++) {
    for (let j = 0; j < m; j++) b[a]! += R[a]![j]! * w[j]! * rates[j]!;
    for (let c = 0; c < q; c++) for (let j = 0; j < m; j++) A[a * q + c]! += R[a]![j]! * w[j]! * R[c]![j]!;
  }
  if (!luFactor(A, q, piv)) {
    out.set(rates);
    return out;
  }
  luSolve(A, q, piv, b);
  for (let a = 0; a < q; a++) for (let j = 0; j < m; j++) out[j]! += b[a]! * R[a]![j]!;
  return out;
}

/**
 * Work arrays of {@link routeConsistentRates} for one model; a sweep reuses one, and then the rates it
 * returns are overwritten by the next call.
 */
export class RouteWork {
  readonly out: Float64Array;
  readonly w: Float64Array;
  readonly A: Float64Array;
  readonly b: Float64Array;
  readonly piv: Int32Array;
  constructor(model: CompiledModel) {
    const m = model.steps.length;
    const q = model.routes.length;
    this.out = new Float64Array(m);
    this.w = new Float64Array(m);
    this.A = new Float64Array(q * q);
    this.b = new Float64Array(q);
    this.piv = new Int32Array(q);
  }
}

/** Observables from a solved state (rates made route-consistent, see {@link routeConsistentRates}). */
export function observablesOf(model: CompiledModel, result: SteadyStateResult, potentialV: number): SteadyStateObservables {
  const tof = new Float64Array(model.species.length);
  let electrons = 0;
  const rates = routeConsistentRates(model, result.rates, result.grossRates);
  model.steps.forEach((s, j) => {
    const r = rates[j]!;
    electrons += s.electrons * r;
    for (const [sp, nu] of s.speciesNet) tof[sp]! += nu * r;
  });
  const faradaicEfficiency: Record<string, number> = {};
  const selectivity: Record<string, number> = {};
  let productTotal = 0;
  for (const p of model.productIndices) productTotal += Math.max(0, tof[p]!);
  for (const p of model.productIndices) {
    const name = model.species[p]!;
    const z = model.file.species[name]!.electronsPerMolecule!;
    faradaicEfficiency[name] = electrons !== 0 ? (z * tof[p]!) / electrons : 0;
    selectivity[name] = productTotal > 0 ? Math.max(0, tof[p]!) / productTotal : 0;
  }
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
    stepRatesPerS: record(model.steps.map((s) => s.id), rates),
    tofPerS: record(model.species, tof),
    electronRatePerS: electrons,
    currentDensityAPerM2: (-FARADAY_C_PER_MOL * model.file.siteDensityPerM2 * electrons) / AVOGADRO_PER_MOL,
    faradaicEfficiency,
    selectivity,
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

  constructor(model: CompiledModel) {
    this.model = model;
    this.system = new KineticSystem(model);
    this.work = new SteadyStateWork(this.system);
    this.constants = emptyRateConstants(model.steps.length);
  }

  /** Solves at the given conditions and returns the observables (converged or not: check `converged`). */
  solve(conditions: KineticConditions = {}): SteadyStateObservables {
    const U = conditions.potentialVvsRHE ?? this.model.file.potentialVvsRHE;
    assertFiniteInRange('potentialVvsRHE', U, -5, 5, 'V vs RHE');
    const options = checkSolverOptions(conditions.solver);
    const atPH = conditions.pH === undefined ? this.model : modelAtPH(this.model, conditions.pH);
    this.system.setRateConstants(rateConstants(atPH, U, descriptorVector(this.model, conditions.descriptors)));
    const result = solveSteadyState(this.system, options, conditions.guess, this.work);
    return observablesOf(this.model, result, U);
  }

  /**
   * Solves with descriptor values given as a vector (no name lookup), for sweeps; same as {@link solve}.
   */
  solveVector(potentialV: number, descriptors: Float64Array, options: ReturnType<typeof checkSolverOptions>, guess?: Float64Array, alternatives: Float64Array[] = []): SteadyStateResult {
    this.system.setRateConstants(rateConstants(this.model, potentialV, descriptors, this.model.file.temperatureK, this.constants));
    return solveSteadyState(this.system, options, guess, this.work, alternatives);
  }
}

/** Steady state of a model at one set of conditions. */
export function steadyState(model: CompiledModel, conditions: KineticConditions = {}): SteadyStateObservables {
  return new SteadyStateSolver(model).solve(conditions);
}

/**
 * Polarization curve: steady states over `potentialsV` (V vs RHE), each solve seeded from the previous
 * converged one (continuation).
 */
export function polarizationCurve(model: CompiledModel, potentialsV: number[], conditions: Omit<KineticConditions, 'potentialVvsRHE'> = {}): SteadyStateObservables[] {
  const solver = new SteadyStateSolver(model);
  let guess = conditions.guess;
  return potentialsV.map((U) => {
    const obs = solver.solve({ ...conditions, potentialVvsRHE: U, guess });
    if (obs.converged) guess = obs.state;
    return obs;
  });
}

/**
 * Degree of rate control of every step for the production rate of `target` (a species), by central
 * differences: X_j = ∂ln r / ∂ln k_j at constant K_j (k_f and k_r scaled together by 1 ± δ).
 */
export function degreeOfRateControl(model: CompiledModel, target: string, conditions: KineticConditions = {}, delta = 1e-3): Record<string, number> {
  const ti = model.species.indexOf(target);
  if (ti < 0) throw new InputError('target', `a species of the model (${model.species.join(', ')})`, `unknown species "${target}"`);
  const solver = new SteadyStateSolver(model);
  const U = conditions.potentialVvsRHE ?? model.file.potentialVvsRHE;
  const options = checkSolverOptions(conditions.solver);
  const base = rateConstants(model, U, descriptorVector(model, conditions.descriptors));
  const centre = solver.solve(conditions);
  if (!centre.converged) throw new InputError('conditions', 'conditions with a converged steady state', `no converged steady state at ${U} V (residual ${centre.residual.toExponential(2)})`);
  const rateOf = (r: Float64Array) => model.steps.reduce((acc, s, j) => acc + (s.speciesNet.get(ti) ?? 0) * r[j]!, 0);
  const out: Record<string, number> = {};
  model.steps.forEach((step, j) => {
    const values: number[] = [];
    for (const factor of [1 + delta, 1 / (1 + delta)]) {
      const k = { ...base, kf: Float64Array.from(base.kf), kr: Float64Array.from(base.kr) };
      k.kf[j]! *= factor;
      k.kr[j]! *= factor;
      solver.system.setRateConstants(k);
      const res = solveSteadyState(solver.system, options, centre.state);
      values.push(rateOf(routeConsistentRates(model, res.rates, res.grossRates)));
    }
    const [up, down] = values as [number, number];
    out[step.id] = up > 0 && down > 0 ? (Math.log(up) - Math.log(down)) / (2 * Math.log(1 + delta)) : Number.NaN;
  });
  return out;
}

/**
 * Apparent Tafel slope at U, mV per decade of |j| (of the total current, or of one product's partial
 * current): |dU / d log10|j|| by central differences over ±5 mV.
 */
export function tafelSlope(model: CompiledModel, conditions: KineticConditions = {}, product?: string, stepV = 0.005): number {
  const U = conditions.potentialVvsRHE ?? model.file.potentialVvsRHE;
  const [a, b] = polarizationCurve(model, [U + stepV, U - stepV], conditions) as [SteadyStateObservables, SteadyStateObservables];
  const current = (o: SteadyStateObservables) => Math.abs(product ? o.currentDensityAPerM2 * (o.faradaicEfficiency[product] ?? 0) : o.currentDensityAPerM2);
  const dlog = Math.log10(current(b)) - Math.log10(current(a));
  return Math.abs((2 * stepV * 1000) / dlog);
}
