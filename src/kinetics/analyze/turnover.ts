import { luFactor, luSolve } from '../../numerics/denseLU.js';
import type { CompiledModel } from '../parser/compileModel.js';
import type { SteadyStateResult } from '../solver/solveSteadyState.js';

/**
 * Net step rates made exactly consistent with the steady state: the weighted least-squares combination of
 * reaction routes (the model's null space of adsorbate stoichiometry) closest to the computed rates, each
 * weighted by its round-off scale (its gross flux). Net rates of quasi-equilibrated steps are differences of
 * huge fluxes; this recovers them from the slow, accurately known steps of the same route.
 */
export function routeConsistentRates(
  model: CompiledModel,
  rates: Float64Array,
  grossRates: Float64Array,
  work: RouteWork = new RouteWork(model),
): Float64Array {
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
  work.factored = luFactor(A, q, piv);
  if (!work.factored) {
    out.set(rates);
    return out;
  }
  luSolve(A, q, piv, b);
  for (let a = 0; a < q; a++) for (let j = 0; j < m; j++) out[j]! += b[a]! * R[a]![j]!;
  return out;
}

/**
 * Error bound of each route-consistent rate of the last {@link routeConsistentRates} call on `work`, from
 * error bounds of the raw rates (s⁻¹ per site): |δout| ≤ |Rᵀ|·|A⁻¹|·|R|·W·|δr| with the same weights W and
 * normal matrix A. Writes into `work.err` and returns it (overwritten by the next call).
 */
export function routeConsistentRateErrors(model: CompiledModel, rateError: Float64Array, work: RouteWork): Float64Array {
  const R = model.routes;
  const q = R.length;
  const m = rateError.length;
  const { err, w, A, piv, h, col, g } = work;
  err.fill(0);
  if (q === 0) return err; // every net rate is exactly zero
  if (!work.factored) {
    err.set(rateError);
    return err;
  }
  h.fill(0);
  for (let a = 0; a < q; a++) for (let j = 0; j < m; j++) h[a]! += Math.abs(R[a]![j]!) * w[j]! * rateError[j]!;
  g.fill(0);
  for (let c = 0; c < q; c++) {
    col.fill(0);
    col[c] = 1;
    luSolve(A, q, piv, col); // column c of A⁻¹
    for (let a = 0; a < q; a++) g[a]! += Math.abs(col[a]!) * h[c]!;
  }
  for (let a = 0; a < q; a++) for (let j = 0; j < m; j++) err[j]! += Math.abs(R[a]![j]!) * g[a]!;
  for (let j = 0; j < m; j++) if (Number.isNaN(err[j]!)) err[j] = Number.POSITIVE_INFINITY;
  return err;
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
  /** Error bounds of the last rates ({@link routeConsistentRateErrors}) and their scratch. */
  readonly err: Float64Array;
  readonly h: Float64Array;
  readonly col: Float64Array;
  readonly g: Float64Array;
  /** True when the last call's normal matrix A was factored (else the raw rates were returned). */
  factored = false;
  constructor(model: CompiledModel) {
    const m = model.steps.length;
    const q = model.routes.length;
    this.err = new Float64Array(m);
    this.h = new Float64Array(q);
    this.col = new Float64Array(q);
    this.g = new Float64Array(q);
    this.out = new Float64Array(m);
    this.w = new Float64Array(m);
    this.A = new Float64Array(q * q);
    this.b = new Float64Array(q);
    this.piv = new Int32Array(q);
  }
}

/**
 * Work arrays and results of {@link turnoverOf} for one model, allocated once: a sweep or a polarization
 * curve reuses one, and each call overwrites what the last one wrote.
 */
export class TurnoverWork {
  readonly route: RouteWork;
  /** Route-consistent net rate of every step, s⁻¹ per site (a view of `route.out`). */
  rates: Float64Array;
  /** Error bound of every step rate, s⁻¹ per site (Infinity for every step when the state is not converged). */
  rateError: Float64Array;
  /** Net production of every species (TOF), s⁻¹ per site, and its error bound. */
  readonly tof: Float64Array;
  readonly tofError: Float64Array;
  /** Electrons consumed per site per second, Σ n_j r_j, and its error bound (s⁻¹ per site). */
  electrons = 0;
  electronError = 0;
  /** FE of each product ({@link CompiledModel.productIndices} order), fraction; NaN when no electrons flow. */
  readonly faradaicEfficiency: Float64Array;
  /** 1 where the product's TOF is resolved to the rate tolerance, else 0 (product order). */
  readonly tofResolved: Uint8Array;
  /** 1 where the product's FE is resolved to the rate tolerance, else 0 (product order). */
  readonly faradaicEfficiencyResolved: Uint8Array;
  /** True when the state converged and every product's TOF and FE are resolved. */
  allResolved = false;
  /** Steps (index) and stoichiometry of each species, CSR: species s uses entries spStart[s] … spStart[s+1]. */
  readonly spStart: Int32Array;
  readonly spStep: Int32Array;
  readonly spNu: Float64Array;
  /** Electrons of each step and electrons per molecule of each product. */
  readonly stepElectrons: Float64Array;
  readonly productZ: Float64Array;
  private readonly infinite: Float64Array;
  constructor(model: CompiledModel) {
    const m = model.steps.length;
    const nSpecies = model.species.length;
    const products = model.productIndices.length;
    this.route = new RouteWork(model);
    this.rates = this.route.out;
    this.infinite = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
    this.rateError = this.infinite;
    this.tof = new Float64Array(nSpecies);
    this.tofError = new Float64Array(nSpecies);
    this.faradaicEfficiency = new Float64Array(products);
    this.tofResolved = new Uint8Array(products);
    this.faradaicEfficiencyResolved = new Uint8Array(products);
    // per species, its steps in step order (the sums below then add in the order the steps are listed)
    const entries: { step: number; nu: number }[][] = Array.from({ length: nSpecies }, () => []);
    model.steps.forEach((st, j) => {
      for (const [sp, nu] of st.speciesNet) entries[sp]!.push({ step: j, nu });
    });
    this.spStart = new Int32Array(nSpecies + 1);
    for (let s = 0; s < nSpecies; s++) this.spStart[s + 1] = this.spStart[s]! + entries[s]!.length;
    this.spStep = Int32Array.from(entries.flat(), (e) => e.step);
    this.spNu = Float64Array.from(entries.flat(), (e) => e.nu);
    this.stepElectrons = Float64Array.from(model.steps, (st) => st.electrons);
    this.productZ = Float64Array.from(model.productIndices, (p) => model.file.species[model.species[p]!]!.electronsPerMolecule!);
  }

  /** Points `rateError` at the all-Infinity bounds of a state that did not converge. */
  unbounded(): void {
    this.rateError = this.infinite;
  }
}

/**
 * TOF, FE and their resolution at a solved state — the one definition the single solve
 * ({@link observablesOf}) and the sweep share: net step rates made route-consistent
 * ({@link routeConsistentRates}) with their error bounds ({@link routeConsistentRateErrors}; Infinity when
 * the state did not converge), then per species TOF = Σ_j ν_sj·r_j and its bound Σ_j |ν_sj|·δr_j, the electron
 * rate Σ_j n_j·r_j and its bound, and per product FE = z·TOF / electrons (NaN when no electrons flow: undefined,
 * not 0). A product's TOF is resolved when converged and its bound ≤ `rateTolerance`·|TOF|; its FE when
 * converged and no electrons flow, or the TOF is an exact 0 with bound 0, or the relative bounds of TOF and
 * electron rate add up to ≤ `rateTolerance`. Writes into `work` (no allocation) and returns it.
 */
export function turnoverOf(model: CompiledModel, result: SteadyStateResult, rateTolerance: number, work: TurnoverWork): TurnoverWork {
  const rates = routeConsistentRates(model, result.rates, result.grossRates, work.route);
  work.rates = rates;
  if (result.converged) work.rateError = routeConsistentRateErrors(model, result.rateErrorPerS, work.route);
  else work.unbounded();
  const err = work.rateError;
  const { tof, tofError, spStart, spStep, spNu, stepElectrons } = work;
  let electrons = 0;
  let electronError = 0;
  for (let j = 0; j < rates.length; j++) {
    electrons += stepElectrons[j]! * rates[j]!;
    electronError += Math.abs(stepElectrons[j]!) * err[j]!;
  }
  work.electrons = electrons;
  work.electronError = electronError;
  for (let s = 0; s < tof.length; s++) {
    let t = 0;
    let e = 0;
    for (let p = spStart[s]!; p < spStart[s + 1]!; p++) {
      const j = spStep[p]!;
      t += spNu[p]! * rates[j]!;
      e += Math.abs(spNu[p]!) * err[j]!;
    }
    tof[s] = t;
    tofError[s] = e;
  }
  const converged = result.converged;
  let all = converged;
  const products = model.productIndices;
  for (let i = 0; i < products.length; i++) {
    const p = products[i]!;
    const t = tof[p]!;
    const e = tofError[p]!;
    work.faradaicEfficiency[i] = electrons !== 0 ? (work.productZ[i]! * t) / electrons : Number.NaN;
    const tofOk = converged && e <= rateTolerance * Math.abs(t);
    // no electrons: the FE is undefined (NaN), so there is nothing to resolve; an exact zero TOF has an exact zero FE
    const feOk = converged && (electrons === 0 || (t === 0 && e === 0) || e / Math.abs(t) + electronError / Math.abs(electrons) <= rateTolerance);
    work.tofResolved[i] = tofOk ? 1 : 0;
    work.faradaicEfficiencyResolved[i] = feOk ? 1 : 0;
    if (!tofOk || !feOk) all = false;
  }
  work.allResolved = all;
  return work;
}
