import { FARADAY_C_PER_MOL, assertFiniteInRange } from '../chem/index.js';
import { type BoundaryLayerInput, boundaryLayer } from './finiteVolume.js';

export { type ElectrodeProduct, electrodeStoichiometry } from './electrodeStoichiometry.js';

/** Inputs of {@link solveMicroenvironment}. */
export interface MicroenvironmentInput extends BoundaryLayerInput {
  /** Cathodic current density magnitude, A m⁻² (100 mA cm⁻² = 1000 A m⁻²). */
  currentDensityAPerM2: number;
}

/** Result of {@link solveMicroenvironment}. */
export interface MicroenvironmentResult {
  converged: boolean;
  /** Why not, when not converged (e.g. a reactant runs out at the surface). */
  message?: string;
  /** Node positions from the electrode (x = 0) to the bulk (x = δ), m. */
  xM: number[];
  /** Concentration profiles, mol m⁻³, of every active solute. */
  profiles: Record<string, number[]>;
  pHProfile: number[];
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
}

/**
 * Steady 1-D diffusion–reaction across a boundary layer of thickness δ at a planar electrode: finite-volume
 * discretization on a grid refined at the surface, every homogeneous reaction with finite forward and
 * backward rates, electrode fluxes from the current and FEs, bulk concentrations at x = δ. Newton on the
 * logarithms of the concentrations with a block-tridiagonal solve, and continuation in the current from 0.
 * Migration is neglected (supporting electrolyte); the result says when a reactant runs out instead of
 * returning a wrong profile.
 */
export function solveMicroenvironment(input: MicroenvironmentInput): MicroenvironmentResult {
  assertFiniteInRange('currentDensityAPerM2', input.currentDensityAPerM2, 0, 1e5, 'A m⁻²');
  const layer = boundaryLayer(input);
  const { u, c, K, solutes, stoich, index, bulk } = layer;

  const target = input.currentDensityAPerM2;
  let steps = 0;
  let message: string | undefined;
  let converged = false;
  let lastConverged = 0;
  // continuation in the current: from 0, up to the target in steps of 10^(1/8); a failed step is halved
  const levels = target === 0 ? [0] : [0, ...Array.from({ length: 25 }, (_, i) => target * 10 ** (-(24 - i) / 8))];
  const uSaved = new Float64Array(u);
  let depletionCurrentAPerM2: number | undefined;
  for (const jA of levels) {
    steps++;
    uSaved.set(u);
    converged = layer.newton(jA);
    if (!converged) {
      // a consumed reactant driven to the floor at the surface: it runs out (diffusion plus homogeneous
      // reactions cannot supply it) — locate that current by bisection; otherwise a plain failure
      const starved = solutes.find((s, i) => (stoich[s.name] ?? 0) < 0 && u[i]! < -60);
      u.set(uSaved);
      if (starved) {
        let [lo, hi] = [lastConverged, jA];
        const uLo = new Float64Array(uSaved);
        for (let b = 0; b < 10; b++) {
          const mid = (lo + hi) / 2;
          u.set(uLo);
          if (layer.newton(mid)) {
            lo = mid;
            uLo.set(u);
          } else hi = mid;
        }
        u.set(uLo);
        depletionCurrentAPerM2 = (lo + hi) / 2;
        message = `${starved.name} runs out at the surface at ≈ ${depletionCurrentAPerM2.toPrecision(3)} A m⁻² (diffusion and homogeneous reactions cannot supply it); the profile shown is at ${lo.toPrecision(3)} A m⁻²`;
      } else {
        message = `no steady state at ${jA.toPrecision(3)} A m⁻² (last converged: ${lastConverged.toPrecision(3)} A m⁻²)`;
      }
      break;
    }
    lastConverged = jA;
  }
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
  return {
    converged,
    ...(message && !converged ? { message } : {}),
    xM: layer.x,
    profiles: layer.profiles(),
    pHProfile: Array.from({ length: K + 1 }, (_, k) => layer.pHAt(k)),
    surface: Object.fromEntries(solutes.map((s, i) => [s.name, c(0, i)])),
    surfacePH: layer.pHAt(0),
    bulkPH: layer.pHAt(K),
    electrodeFluxMolPerM2S,
    limitingCurrentAPerM2,
    newtonIterations: layer.newtonIterations(),
    continuationSteps: steps,
    ...(depletionCurrentAPerM2 === undefined ? {} : { depletionCurrentAPerM2 }),
  };
}
