import { FARADAY_C_PER_MOL, GAS_CONSTANT_J_PER_MOL_K, STANDARD_TEMPERATURE_K, assertFiniteInRange } from '../chem/index.js';
import { type BoundaryLayer, type BoundaryLayerInput, boundaryLayer } from './finiteVolume.js';
import type { RateConstantSetId } from './transportData.js';

export { type ElectrodeProduct, electrodeStoichiometry } from './electrodeStoichiometry.js';

/** Inputs of {@link solveMicroenvironment}. */
export interface MicroenvironmentInput extends BoundaryLayerInput {
  /** Cathodic current density magnitude, A m⁻² (100 mA cm⁻² = 1000 A m⁻²). */
  currentDensityAPerM2: number;
  /**
   * A nearby solution on the same grid (e.g. of the previous iteration of a coupled loop) to start Newton
   * from; the usual continuation from zero current is the fallback.
   */
  initialGuess?: Pick<MicroenvironmentResult, 'profiles' | 'potentialProfileV'>;
}

/** A converged state of the layer at one current density. */
export interface SolvedState {
  /** The current density of this state, A m⁻². */
  currentDensityAPerM2: number;
  /** Concentration profiles, mol m⁻³, of every active solute (nodes as `xM`). */
  profiles: Record<string, number[]>;
  pHProfile: number[];
  /** Solution potential relative to the bulk, V. */
  potentialProfileV: number[];
  /** Surface concentrations, mol m⁻³. */
  surface: Record<string, number>;
  surfacePH: number;
}

/**
 * Result of {@link solveMicroenvironment}. Every field refers to `currentDensityAPerM2`: when that current has
 * no solution the profiles and surface values are NaN (null in JSON) and the largest current that was solved
 * on the way, with its state, is in `largestSolved`.
 */
export interface MicroenvironmentResult {
  converged: boolean;
  /** Why not, when not converged (e.g. a reactant runs out at the surface). */
  message?: string;
  /** The requested cathodic current density, A m⁻². */
  currentDensityAPerM2: number;
  /** Homogeneous rate-constant set used (null: homogeneous reactions off). */
  rateConstants: RateConstantSetId | null;
  /** Node positions from the electrode (x = 0) to the bulk (x = δ), m. */
  xM: number[];
  /** Concentration profiles, mol m⁻³, of every active solute. */
  profiles: Record<string, number[]>;
  pHProfile: number[];
  /** Solution potential relative to the bulk across the layer, V (all zero without migration). */
  potentialProfileV: number[];
  surface: Record<string, number>;
  surfacePH: number;
  bulkPH: number;
  /** Net production of each solute at the electrode, mol m⁻² s⁻¹ (negative = consumed). */
  electrodeFluxMolPerM2S: Record<string, number>;
  /**
   * Limiting current density for each consumed solute, A m⁻², from diffusion alone:
   * j_lim = F·D·c_bulk / (δ·s), s = moles consumed per mole of electrons at these FEs.
   */
  limitingCurrentAPerM2: Record<string, number>;
  newtonIterations: number;
  continuationSteps: number;
  /** When a reactant runs out: the current density at which it does, A m⁻² (to ~0.1 %). */
  depletionCurrentAPerM2?: number;
  /** When not converged: the largest current solved on the way and its state (a different current from the fields above). */
  largestSolved?: SolvedState;
}

/** Where a continuation in the current ended. */
interface ContinuationOutcome {
  converged: boolean;
  message?: string;
  depletionCurrentAPerM2?: number;
  /** Current density at which the layer's state is a converged solution, A m⁻² (the target when converged). */
  solvedAtAPerM2: number;
  steps: number;
  /** Newton iterations spent outside this layer (the diffusion-only start of a migration solve). */
  extraNewtonIterations?: number;
}

/**
 * Continuation in the current on a discretized layer whose u holds the solution at `fromAPerM2`: steps of
 * 10^(1/8) up to the target (from 0: starting 3 decades below it). When Newton fails because a consumed
 * reactant is driven to its floor at the surface, the current at which it runs out is bisected (~0.1 %)
 * and u is left at the last converged current.
 */
function continueTo(layer: BoundaryLayer, fromAPerM2: number, target: number): ContinuationOutcome {
  const { u, solutes, stoich } = layer;
  const uSaved = new Float64Array(u);
  // with the line search Newton usually reaches the target in one go; continuation is the fallback
  if (target <= 0)
    return layer.newton(0)
      ? { converged: true, steps: 1, solvedAtAPerM2: 0 }
      : { converged: false, steps: 1, solvedAtAPerM2: fromAPerM2, message: 'no steady state at zero current' };
  if (layer.newton(target)) return { converged: true, steps: 1, solvedAtAPerM2: target };
  layer.load(uSaved);
  let steps = 1;
  let lastConverged = fromAPerM2;
  // adaptive steps in log j: from 10^(1/2) per step, square-rooted after a failure (down to 10^(1/64)) and
  // grown ×1.5 in the exponent after a success; a failure at ≤ 10^(1/8) with a starved reactant is a run-out
  const minLog = Math.log(10) / 64;
  let stepLog = Math.log(10) / 2;
  let j = lastConverged > 0 ? lastConverged : target * 1e-3;
  let first = lastConverged <= 0;
  for (;;) {
    const jA = first ? j : Math.min(target, j * Math.exp(stepLog));
    steps++;
    uSaved.set(u);
    if (layer.newton(jA)) {
      first = false;
      lastConverged = j = jA;
      if (jA >= target) return { converged: true, steps, solvedAtAPerM2: target };
      stepLog = Math.min(Math.log(10), stepLog * 1.5);
      continue;
    }
    // a consumed reactant that Newton drove to the floor, or > 150× below its surface value at the last
    // converged (nearby) current, is running out
    const starved = solutes.find((s, i) => (stoich[s.name] ?? 0) < 0 && (u[i]! < -60 || u[i]! < uSaved[i]! - 5));
    layer.load(uSaved);
    if (first) {
      // not even 1/1000 of the target from the zero-current state: try lower
      j /= 10;
      if (j < target * 1e-7) return { converged: false, steps, solvedAtAPerM2: 0, message: `no steady state even at ${jA.toPrecision(3)} A m⁻²` };
      continue;
    }
    if (stepLog > minLog && (!starved || stepLog > Math.log(10) / 8)) {
      stepLog /= 2;
      continue;
    }
    if (!starved)
      return {
        converged: false,
        steps,
        solvedAtAPerM2: lastConverged,
        message: `no steady state at ${jA.toPrecision(3)} A m⁻² (last converged: ${lastConverged.toPrecision(3)} A m⁻²)`,
      };
    // the current at which it runs out, by bisection (~0.03 % of the last step)
    let [lo, hi] = [lastConverged, jA];
    const uLo = new Float64Array(uSaved);
    for (let b = 0; b < 10; b++) {
      const mid = (lo + hi) / 2;
      layer.load(uLo);
      if (layer.newton(mid)) {
        lo = mid;
        uLo.set(u);
      } else hi = mid;
    }
    layer.load(uLo);
    const depletionCurrentAPerM2 = (lo + hi) / 2;
    return {
      converged: false,
      steps,
      depletionCurrentAPerM2,
      solvedAtAPerM2: lo,
      message: `${starved.name} runs out at the surface at ≈ ${depletionCurrentAPerM2.toPrecision(3)} A m⁻² (diffusion and homogeneous reactions cannot supply it)`,
    };
  }
}

/**
 * From the zero-current state to `target`. With migration, Newton first starts from the diffusion-only
 * solution at the target (φ = 0), which it usually finishes in a few iterations (0.5 M KHCO3, HER 100 mA cm⁻²:
 * 10 + 6 instead of 62); otherwise, and when that fails, {@link continueTo}.
 */
function solveFromZero(layer: BoundaryLayer, input: BoundaryLayerInput, target: number): ContinuationOutcome {
  if (layer.migration && target > 0) {
    const plain = boundaryLayer({ ...input, migration: false });
    const extraNewtonIterations = plain.newtonIterations();
    const ok = plain.newton(target) && plain.solutes.length === layer.S && plain.solutes.every((s, i) => s.name === layer.solutes[i]!.name);
    const spent = plain.newtonIterations() - extraNewtonIterations;
    if (ok) {
      const { u, K, NV, S } = layer;
      u.fill(0);
      for (let k = 0; k < K; k++) for (let i = 0; i < S; i++) u[k * NV + i] = plain.u[k * plain.NV + i]!;
      layer.sync();
      if (layer.newton(target)) return { converged: true, steps: 1, solvedAtAPerM2: target, extraNewtonIterations: spent };
    }
    layer.reset();
    return { ...continueTo(layer, 0, target), extraNewtonIterations: spent };
  }
  return continueTo(layer, 0, target);
}

/** The result object for the layer's current state at `target` A m⁻². */
function resultOf(layer: BoundaryLayer, target: number, outcome: ContinuationOutcome, newtonIterationsBefore: number): MicroenvironmentResult {
  const { c, K, solutes, stoich, index, bulk } = layer;
  let { converged, message } = outcome;
  const limitingCurrentAPerM2 = layer.limitingCurrents();
  for (const [name, jl] of Object.entries(limitingCurrentAPerM2)) {
    const i = index.get(name)!;
    if (converged && c(0, i) < 1e-9 * bulk[i]!) {
      converged = false;
      message = `${name} runs out at the surface: ${target} A m⁻² exceeds its diffusion-limited current (≈ ${jl.toPrecision(3)} A m⁻² without homogeneous supply)`;
    }
  }
  if (!converged && !message) message = 'Newton did not converge';
  const electrodeFluxMolPerM2S: Record<string, number> = {};
  solutes.forEach((s) => (electrodeFluxMolPerM2S[s.name] = ((stoich[s.name] ?? 0) * target) / FARADAY_C_PER_MOL));
  const state: SolvedState = {
    currentDensityAPerM2: outcome.solvedAtAPerM2,
    profiles: layer.profiles(),
    pHProfile: Array.from({ length: K + 1 }, (_, k) => layer.pHAt(k)),
    potentialProfileV: layer.potentialProfileV(),
    surface: Object.fromEntries(solutes.map((s, i) => [s.name, c(0, i)])),
    surfacePH: layer.pHAt(0),
  };
  // every field refers to `target`: unsolved → NaN (null in JSON); the last solved state goes separately
  const own = converged ? state : unsolvedState(state, target);
  const largest = !converged && outcome.solvedAtAPerM2 < target && outcome.solvedAtAPerM2 > 0 ? { largestSolved: state } : {};
  return {
    converged,
    ...(message && !converged ? { message } : {}),
    currentDensityAPerM2: target,
    rateConstants: layer.rateConstants,
    xM: layer.x,
    profiles: own.profiles,
    pHProfile: own.pHProfile,
    potentialProfileV: own.potentialProfileV,
    surface: own.surface,
    surfacePH: own.surfacePH,
    bulkPH: layer.pHAt(K),
    electrodeFluxMolPerM2S,
    limitingCurrentAPerM2,
    newtonIterations: layer.newtonIterations() - newtonIterationsBefore + (outcome.extraNewtonIterations ?? 0),
    continuationSteps: outcome.steps,
    ...(outcome.depletionCurrentAPerM2 === undefined ? {} : { depletionCurrentAPerM2: outcome.depletionCurrentAPerM2 }),
    ...largest,
  };
}

/** The same layout with every value NaN: the state at a current that has no solution. */
function unsolvedState(state: SolvedState, target: number): SolvedState {
  const nan = (a: number[]) => a.map(() => Number.NaN);
  return {
    currentDensityAPerM2: target,
    profiles: Object.fromEntries(Object.entries(state.profiles).map(([k, v]) => [k, nan(v)])),
    pHProfile: nan(state.pHProfile),
    potentialProfileV: nan(state.potentialProfileV),
    surface: Object.fromEntries(Object.keys(state.surface).map((k) => [k, Number.NaN])),
    surfacePH: Number.NaN,
  };
}

/** The result for a current above the one of `depleted` (where a reactant already ran out): unsolved at `target`. */
function depletedAt(depleted: MicroenvironmentResult, target: number): MicroenvironmentResult {
  const electrodeFluxMolPerM2S = Object.fromEntries(
    Object.entries(depleted.electrodeFluxMolPerM2S).map(([k, v]) => [k, (v * target) / depleted.currentDensityAPerM2]),
  );
  return { ...depleted, currentDensityAPerM2: target, electrodeFluxMolPerM2S, newtonIterations: 0, continuationSteps: 0 };
}

/**
 * Steady 1-D diffusion–reaction across a boundary layer of thickness δ at a planar electrode: finite-volume
 * discretization on a grid refined at the surface, every homogeneous reaction with finite forward and
 * backward rates, electrode fluxes from the current and FEs, bulk concentrations at x = δ. Newton on the
 * logarithms of the concentrations with a block-tridiagonal solve, and continuation in the current from 0.
 * Migration is included on request (Nernst–Planck with electroneutrality), otherwise neglected (excess
 * supporting electrolyte); the result says when a reactant runs out instead of returning a wrong profile.
 */
export function solveMicroenvironment(input: MicroenvironmentInput): MicroenvironmentResult {
  assertFiniteInRange('currentDensityAPerM2', input.currentDensityAPerM2, 0, 1e5, 'A m⁻²');
  const layer = boundaryLayer(input);
  if (input.initialGuess && seed(layer, input.initialGuess) && layer.newton(input.currentDensityAPerM2)) {
    return resultOf(layer, input.currentDensityAPerM2, { converged: true, steps: 1, solvedAtAPerM2: input.currentDensityAPerM2 }, 0);
  }
  layer.reset();
  return resultOf(layer, input.currentDensityAPerM2, solveFromZero(layer, input, input.currentDensityAPerM2), 0);
}

/** Loads a previous solution into the layer's unknowns; false when it does not fit this layer. */
function seed(layer: BoundaryLayer, guess: Pick<MicroenvironmentResult, 'profiles' | 'potentialProfileV'>): boolean {
  const { u, K, NV, S, solutes } = layer;
  const columns = solutes.map((s) => guess.profiles[s.name]);
  if (columns.some((col) => !col || col.length !== K + 1)) return false;
  if (layer.migration && guess.potentialProfileV.length !== K + 1) return false;
  const perVolt = FARADAY_C_PER_MOL / (GAS_CONSTANT_J_PER_MOL_K * STANDARD_TEMPERATURE_K);
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < S; i++) u[k * NV + i] = Math.log(Math.max(columns[i]![k]!, 1e-30));
    if (layer.migration) u[k * NV + S] = guess.potentialProfileV[k]! * perVolt;
  }
  layer.sync();
  return true;
}

/**
 * The microenvironment at several current densities (A m⁻²) on one layer: solved in ascending order, each
 * continuing from the previous solution. Once a reactant has run out, every higher current reuses that
 * answer (it runs out there too). Results come back in the order given.
 */
export function solveMicroenvironmentAtCurrents(
  input: Omit<MicroenvironmentInput, 'currentDensityAPerM2'>,
  currentsAPerM2: number[],
): MicroenvironmentResult[] {
  currentsAPerM2.forEach((j, i) => assertFiniteInRange(`currentDensityAPerM2[${i}]`, j, 0, 1e5, 'A m⁻²'));
  const layer = boundaryLayer(input);
  const order = currentsAPerM2.map((j, i) => [j, i] as const).sort((a, b) => a[0] - b[0]);
  const out: MicroenvironmentResult[] = new Array(currentsAPerM2.length);
  let at = 0;
  let depleted: MicroenvironmentResult | undefined;
  for (const [j, i] of order) {
    if (depleted) {
      out[i] = depletedAt(depleted, j);
      continue;
    }
    const before = layer.newtonIterations();
    const outcome = at === 0 ? solveFromZero(layer, input, j) : continueTo(layer, at, j);
    const r = resultOf(layer, j, outcome, before);
    out[i] = r;
    if (outcome.depletionCurrentAPerM2 !== undefined) depleted = r;
    else if (outcome.converged) at = j;
    else break;
  }
  for (const [j, i] of order) out[i] ??= solveMicroenvironment({ ...input, currentDensityAPerM2: j });
  return out;
}
