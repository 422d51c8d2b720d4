import { type MicroenvironmentInput, type MicroenvironmentResult, solveMicroenvironment, solveMicroenvironmentAtCurrents } from './solveMicroenvironment.js';
import { DEFAULT_RATE_CONSTANT_SET, RATE_CONSTANT_SETS, RATE_CONSTANT_SET_IDS, type RateConstantSetId } from './transportData.js';

/** Surface values of one set at one current. */
export interface SensitivityPoint {
  converged: boolean;
  /** Surface pH (NaN when not solved). */
  surfacePH: number;
  /** Surface concentrations, mol m⁻³ (NaN when not solved). */
  surface: Record<string, number>;
}

/** Result of {@link rateConstantSensitivity}. */
export interface RateConstantSensitivityResult {
  /** The set the changes are measured from. */
  reference: RateConstantSetId;
  /** Requested current densities, A m⁻². */
  currentsAPerM2: number[];
  sets: {
    rateConstants: RateConstantSetId;
    description: string;
    points: SensitivityPoint[];
    /** Current at which a consumed reactant runs out at the surface, A m⁻² (null: none below 1e5 A m⁻², or nothing consumed). */
    runOutCurrentAPerM2: number | null;
  }[];
  /**
   * Per current: the largest |ΔpH| of any set from the reference, and per solute the largest relative change
   * (c_set / c_reference − 1, signed, the one of largest magnitude); NaN where a set has no solution.
   */
  changes: { currentDensityAPerM2: number; surfacePHChange: number; relativeChange: Record<string, number> }[];
  /** Relative change of the run-out current from the reference (NaN when either has none). */
  runOutCurrentRelativeChange: number;
}

/** The current at which a consumed reactant runs out (continuation up to 1e5 A m⁻² and bisection to ~0.1 %), or null. */
function runOutCurrent(input: Omit<MicroenvironmentInput, 'currentDensityAPerM2'>, set: RateConstantSetId): number | null {
  const r: MicroenvironmentResult = solveMicroenvironment({ ...input, rateConstants: set, currentDensityAPerM2: 1e5 });
  return r.depletionCurrentAPerM2 ?? null;
}

/**
 * How the surface microenvironment moves between the rate-constant sets of `RATE_CONSTANT_SETS`: each set is
 * solved at every current (A m⁻²), and the changes from `reference` (default `schulz2006`) are reported with
 * the current at which a consumed reactant runs out under each set.
 */
export function rateConstantSensitivity(
  input: Omit<MicroenvironmentInput, 'currentDensityAPerM2' | 'rateConstants'>,
  currentsAPerM2: number[],
  reference: RateConstantSetId = DEFAULT_RATE_CONSTANT_SET,
): RateConstantSensitivityResult {
  const consumesSomething = Object.values(solveMicroenvironment({ ...input, currentDensityAPerM2: 0 }).limitingCurrentAPerM2).length > 0;
  const sets = RATE_CONSTANT_SET_IDS.map((id) => {
    const results = solveMicroenvironmentAtCurrents({ ...input, rateConstants: id }, currentsAPerM2);
    return {
      rateConstants: id,
      description: RATE_CONSTANT_SETS[id].description,
      points: results.map((r) => ({ converged: r.converged, surfacePH: r.surfacePH, surface: r.surface })),
      runOutCurrentAPerM2: consumesSomething ? runOutCurrent(input, id) : null,
    };
  });
  const ref = sets.find((s) => s.rateConstants === reference)!;
  const changes = currentsAPerM2.map((j, n) => {
    const base = ref.points[n]!;
    let surfacePHChange = 0;
    const relativeChange: Record<string, number> = {};
    for (const s of sets) {
      if (s === ref) continue;
      const p = s.points[n]!;
      const dpH = p.surfacePH - base.surfacePH;
      if (!(Math.abs(dpH) <= Math.abs(surfacePHChange))) surfacePHChange = dpH;
      for (const [name, c] of Object.entries(p.surface)) {
        const rel = c / base.surface[name]! - 1;
        if (!(Math.abs(rel) <= Math.abs(relativeChange[name] ?? 0))) relativeChange[name] = rel;
      }
    }
    return { currentDensityAPerM2: j, surfacePHChange, relativeChange };
  });
  const others = sets.filter((s) => s !== ref);
  const runOutCurrentRelativeChange = others.reduce((worst, s) => {
    const rel = ref.runOutCurrentAPerM2 && s.runOutCurrentAPerM2 ? s.runOutCurrentAPerM2 / ref.runOutCurrentAPerM2 - 1 : Number.NaN;
    return Math.abs(rel) > Math.abs(worst) || Number.isNaN(worst) ? rel : worst;
  }, Number.NaN);
  return { reference, currentsAPerM2, sets, changes, runOutCurrentRelativeChange };
}
