import { InputError, assertFiniteInRange } from '../chem/index.js';
import { type SteadyStateObservables, steadyState } from '../kinetics/analyze/steadyState.js';
import { type CompiledModel, compileModel } from '../kinetics/parser/compileModel.js';
import { type MicroenvironmentResult, solveMicroenvironment } from './solveMicroenvironment.js';
import { DEFAULT_RATE_CONSTANT_SET, type RateConstantSetId } from './transportData.js';

/** Inputs of {@link coupleToKinetics}. */
export interface CoupledInput {
  model: CompiledModel;
  /** Bulk concentrations of the solutes, mol m⁻³. */
  bulk: Record<string, number>;
  /** Target cathodic current density, A m⁻². */
  currentDensityAPerM2: number;
  /** For each model product: its sources, for the electrode stoichiometry (e.g. { urea: ['CO2', 'NO3-'], H2: ['H2O'] }). */
  productSources: Record<string, string[]>;
  /** Model species → microenvironment solute (default: same name), for the aqueous reactants. */
  speciesToSolute?: Record<string, string>;
  boundaryLayerM?: number;
  /** Homogeneous rate-constant set (default `schulz2006`). */
  rateConstants?: RateConstantSetId;
  /** Potential search window, V vs RHE (default −2 … 0.3). */
  potentialWindowV?: [number, number];
  /**
   * pH the kinetics run at: `surface` (default) — the self-consistent surface pH, iterated with the
   * concentrations; `model` — the model file's pH throughout (the behaviour before the kinetics saw the local
   * pH; for comparison only).
   */
  kineticsPH?: 'surface' | 'model';
}

/** Result of {@link coupleToKinetics}. */
export interface CoupledResult {
  converged: boolean;
  iterations: number;
  /** Potential that gives the target current at the surface conditions, V vs RHE. */
  potentialVvsRHE: number;
  /** FE with transport (local concentrations) and without (bulk concentrations). */
  faradaicEfficiency: Record<string, number>;
  faradaicEfficiencyBulk: Record<string, number>;
  /**
   * pH the kinetics were evaluated at for `faradaicEfficiency` (the under-relaxed surface pH of the last
   * iteration; equals `microenvironment.surfacePH` to < 1e-3 when converged), and for `faradaicEfficiencyBulk`
   * (the bulk electrolyte's pH, −log10([H⁺]/M); the model's pH when the bulk has no H⁺ or with `kineticsPH: 'model'`).
   */
  kineticsPH: number;
  kineticsPHBulk: number;
  microenvironment: MicroenvironmentResult;
  message?: string;
}

/** The model with its aqueous species set to `concentrationsMolPerM3` (those mapped), recompiled. */
function withActivities(model: CompiledModel, map: Record<string, string>, concentrationsMolPerM3: Record<string, number>): CompiledModel {
  const species = { ...model.file.species };
  for (const [name, sp] of Object.entries(species)) {
    const solute = map[name] ?? name;
    if (sp.phase === 'aq' && !sp.product && concentrationsMolPerM3[solute] !== undefined)
      species[name] = { ...sp, concentrationM: concentrationsMolPerM3[solute]! / 1000 };
  }
  return compileModel({ ...model.file, species });
}

/**
 * The least negative potential giving |j| = target: scan from the positive end in 25 mV steps to the first
 * potential that reaches the target (currents of real models are not monotonic: poisoning, HER), then bisect.
 * With `near` (the answer of a previous, slightly different model), the scan starts there instead: 10 mV
 * steps towards the crossing in whichever direction it lies, falling back to the full scan.
 */
function potentialForCurrent(
  model: CompiledModel,
  target: number,
  window: [number, number],
  near?: number,
  pH?: number,
): { U: number; obs: SteadyStateObservables } {
  const at = (U: number) => steadyState(model, { potentialVvsRHE: U, pH });
  const reaches = (o: SteadyStateObservables) => o.converged && Math.abs(o.currentDensityAPerM2) >= target;
  const bisect = (lo: number, obsLo: SteadyStateObservables, hi: number) => {
    let found = obsLo;
    for (let i = 0; i < 40 && hi - lo > 1e-6; i++) {
      const mid = (lo + hi) / 2;
      const o = at(mid);
      if (reaches(o)) [lo, found] = [mid, o];
      else hi = mid;
    }
    return { U: lo, obs: found };
  };
  if (near !== undefined) {
    const start = at(near);
    const step = 0.01;
    if (reaches(start)) {
      // move positive until it no longer reaches
      let [lo, obsLo] = [near, start];
      for (let U = near + step; U <= window[1] + 1e-9 && U <= near + 0.3; U += step) {
        const o = at(U);
        if (!reaches(o)) return bisect(lo, obsLo, U);
        [lo, obsLo] = [U, o];
      }
    } else {
      let hi = near;
      for (let U = near - step; U >= window[0] - 1e-9 && U >= near - 0.3; U -= step) {
        const o = at(U);
        if (reaches(o)) return bisect(U, o, hi);
        hi = U;
      }
    }
  }
  let hi = window[1];
  let best = 0;
  for (let U = window[1]; U >= window[0] - 1e-9; U -= 0.025) {
    const o = at(U);
    best = Math.max(best, o.converged ? Math.abs(o.currentDensityAPerM2) : 0);
    if (reaches(o)) return bisect(U, o, hi);
    hi = U;
  }
  throw new InputError(
    'currentDensityAPerM2',
    `a current the model reaches within ${window[0]} … ${window[1]} V vs RHE`,
    `${target} A m⁻² not reached (at most ${best.toPrecision(3)} A m⁻²)`,
  );
}

/**
 * Self-consistent transport–kinetics: the kinetic model runs at the surface concentrations from the
 * microenvironment model, whose electrode fluxes come from the kinetic FEs at the potential that gives the
 * target current; iterated (with under-relaxation) until the FEs change by less than 1e-4 and the pH by
 * less than 1e-3. The kinetics run at the local pH too (default `kineticsPH: 'surface'`): each step's
 * extra-proton term (ν_H+ − n)·kT·ln10·pH is evaluated at the surface pH of the iteration (bulk pH for the
 * bulk comparison), not at the model file's pH.
 */
export function coupleToKinetics(input: CoupledInput): CoupledResult {
  assertFiniteInRange('currentDensityAPerM2', input.currentDensityAPerM2, 1e-6, 1e5, 'A m⁻²');
  const map = input.speciesToSolute ?? {};
  const window = input.potentialWindowV ?? [-2, 0.3];
  const products = input.model.productIndices.map((p) => input.model.species[p]!);
  for (const p of products)
    if (!input.productSources[p]) throw new InputError(`productSources.${p}`, 'the sources of every model product', `missing for "${p}"`);
  const modelPH = input.model.file.pH;
  const surfaceKinetics = (input.kineticsPH ?? 'surface') === 'surface';
  /** pH of a concentration set (mol m⁻³), or the model's when it has no H⁺ or the kinetics stay at the model's pH. */
  const pHOf = (c: Record<string, number>) => (surfaceKinetics && c['H+'] !== undefined && c['H+'] > 0 ? -Math.log10(c['H+'] / 1000) : modelPH);
  const pHBulk = pHOf(input.bulk);
  const bulkRun = potentialForCurrent(withActivities(input.model, map, input.bulk), input.currentDensityAPerM2, window, undefined, pHBulk);
  let surface = { ...input.bulk };
  let fe = bulkRun.obs.faradaicEfficiency;
  let U = bulkRun.U;
  let pH = pHBulk;
  let micro: MicroenvironmentResult | undefined;
  const result = (converged: boolean, iterations: number, message?: string): CoupledResult => ({
    converged,
    iterations,
    potentialVvsRHE: U,
    faradaicEfficiency: fe,
    faradaicEfficiencyBulk: bulkRun.obs.faradaicEfficiency,
    kineticsPH: pH,
    kineticsPHBulk: pHBulk,
    microenvironment: micro!,
    ...(message ? { message } : {}),
  });
  for (let it = 1; it <= 30; it++) {
    micro = solveMicroenvironment({
      bulk: input.bulk,
      currentDensityAPerM2: input.currentDensityAPerM2,
      boundaryLayerM: input.boundaryLayerM,
      rateConstants: input.rateConstants,
      products: products.map((p) => ({
        to: input.model.file.species[p]!.formula ?? p,
        from: input.productSources[p]!,
        faradaicEfficiency: Math.max(0, Math.min(1, fe[p]!)),
      })),
      ...(micro?.converged ? { initialGuess: micro } : {}),
    });
    if (!micro.converged) return result(false, it, micro.message);
    // under-relaxed update of the surface concentrations (geometric mean; for H⁺ the mean of the pH values)
    const next: Record<string, number> = {};
    for (const [k, v] of Object.entries(micro.surface)) next[k] = Math.sqrt(Math.max(v, 1e-12) * Math.max(surface[k] ?? v, 1e-12));
    surface = { ...surface, ...next };
    const nextPH = pHOf(surface);
    const run = potentialForCurrent(withActivities(input.model, map, surface), input.currentDensityAPerM2, window, U, nextPH);
    const change = Math.max(...products.map((p) => Math.abs((run.obs.faradaicEfficiency[p] ?? 0) - (fe[p] ?? 0))));
    const pHChange = Math.abs(nextPH - pH);
    fe = run.obs.faradaicEfficiency;
    U = run.U;
    pH = nextPH;
    if (change < 1e-4 && pHChange < 1e-3) return result(true, it);
  }
  return result(false, 30, 'FE did not settle within 30 iterations');
}

/** One point of {@link couplingCurve}. */
export interface CouplingCurvePoint {
  /** Target current density, A m⁻². */
  currentDensityAPerM2: number;
  converged: boolean;
  /** Homogeneous rate-constant set of the microenvironment model. */
  rateConstants: RateConstantSetId;
  message?: string;
  potentialVvsRHE?: number;
  /** FE with transport (surface concentrations) and at bulk concentrations, fractions per product. */
  faradaicEfficiency?: Record<string, number>;
  faradaicEfficiencyBulk?: Record<string, number>;
  surfacePH?: number;
  /** pH the kinetics ran at, with transport and at bulk ({@link CoupledResult.kineticsPH}). */
  kineticsPH?: number;
  kineticsPHBulk?: number;
  iterations?: number;
}

/**
 * FE vs current density with and without mass transport and local pH: {@link coupleToKinetics} at each
 * current (A m⁻²). A current the model cannot reach, or where a reactant runs out, gives a point with
 * `converged: false` and the reason, not an error. `onPoint` reports progress after each current.
 */
export function couplingCurve(
  input: Omit<CoupledInput, 'currentDensityAPerM2'>,
  currentsAPerM2: number[],
  onPoint?: (done: number, total: number) => void,
): CouplingCurvePoint[] {
  return currentsAPerM2.map((j, n) => {
    let point: CouplingCurvePoint;
    try {
      const r = coupleToKinetics({ ...input, currentDensityAPerM2: j });
      point = {
        currentDensityAPerM2: j,
        converged: r.converged,
        rateConstants: input.rateConstants ?? DEFAULT_RATE_CONSTANT_SET,
        ...(r.message ? { message: r.message } : {}),
        potentialVvsRHE: r.potentialVvsRHE,
        faradaicEfficiency: r.faradaicEfficiency,
        faradaicEfficiencyBulk: r.faradaicEfficiencyBulk,
        surfacePH: r.microenvironment.surfacePH,
        kineticsPH: r.kineticsPH,
        kineticsPHBulk: r.kineticsPHBulk,
        iterations: r.iterations,
      };
    } catch (error) {
      if (!(error instanceof InputError) || error.field !== 'currentDensityAPerM2') throw error;
      point = { currentDensityAPerM2: j, converged: false, rateConstants: input.rateConstants ?? DEFAULT_RATE_CONSTANT_SET, message: error.message };
    }
    onPoint?.(n + 1, currentsAPerM2.length);
    return point;
  });
}
