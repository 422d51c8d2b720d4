import { InputError, assertFiniteInRange } from '../chem/index.js';
import type { CompiledModel } from '../kinetics/parser/compileModel.js';
import { descriptorVector, stepEnergy } from '../kinetics/scaler/stepEnergetics.js';

/** One level of a free-energy diagram. */
export interface DiagramLevel {
  /** Position along the pathway (0 = initial state). */
  index: number;
  /** The state after the step: its product side, e.g. "OCNO* + *". */
  label: string;
  /** Free energy relative to the initial state, eV, at the diagram's potential (CHE). */
  freeEnergyEv: number;
  /** Step that leads to this level (absent for the initial state). */
  step?: string;
  /** Forward barrier of that step at the potential, eV (when the model gives one). */
  barrierEv?: number;
}

/** A pathway's diagram and thermodynamic analysis. */
export interface PathwayDiagram {
  pathway: string;
  potentialVvsRHE: number;
  levels: DiagramLevel[];
  /**
   * Limiting potential, V vs RHE: the most positive potential at which every electrochemical step is
   * downhill, U_L = min_j(−ΔG_j(0)/n_j) over reduction steps (max over oxidation steps); null without any.
   */
  limitingPotentialV: number | null;
  /** The step that sets U_L (potential-determining step). */
  potentialDeterminingStep: string | null;
  /**
   * What U_L is: `limiting` when the potential-determining step transfers one electron (an elementary CHE step),
   * `equilibrium` when it lumps several (|n| > 1): then −ΔG/n is that step's equilibrium potential, not a
   * limiting potential of elementary steps; null without electrochemical steps.
   */
  limitingPotentialKind: 'limiting' | 'equilibrium' | null;
  /** Chemical (non-electrochemical) steps that stay uphill at any potential, with ΔG, eV. */
  uphillChemicalSteps: { step: string; dGEv: number }[];
}

/**
 * Free-energy diagram of a model pathway at potential U (V vs RHE) with the computational hydrogen
 * electrode: ΔG_j(U) = ΔG_j(0) + n_j·U for n_j electrons consumed; levels are cumulative sums.
 */
export function freeEnergyDiagram(model: CompiledModel, pathwayName: string, potentialV: number, descriptors?: Record<string, number>): PathwayDiagram {
  assertFiniteInRange('potentialVvsRHE', potentialV, -5, 5, 'V vs RHE');
  const pathway = model.file.pathways.find((p) => p.name === pathwayName);
  if (!pathway)
    throw new InputError(
      'pathway',
      `a pathway of the model (${model.file.pathways.map((p) => p.name).join(', ') || 'none declared'})`,
      `unknown pathway "${pathwayName}"`,
    );
  const d = descriptorVector(model, descriptors);
  const steps = pathway.steps.map((id) => model.steps.find((s) => s.id === id)!);
  const first = steps[0]!.equation.split(/\s*(?:<->|->|→|⇌|=)\s*/)[0]!;
  const levels: DiagramLevel[] = [{ index: 0, label: first, freeEnergyEv: 0 }];
  let g = 0;
  let limiting: number | null = null;
  let pds: string | null = null;
  let pdsElectrons = 0;
  const uphill: { step: string; dGEv: number }[] = [];
  steps.forEach((s, i) => {
    const e = stepEnergy(s, potentialV, d);
    g += e.dG;
    levels.push({
      index: i + 1,
      label: s.equation.split(/\s*(?:<->|->|→|⇌|=)\s*/)[1]!,
      freeEnergyEv: g,
      step: s.id,
      ...(s.barrier.kind === 'none' ? {} : { barrierEv: e.Ea }),
    });
    const dG0 = stepEnergy(s, 0, d).dG;
    if (s.electrons > 0) {
      const u = -dG0 / s.electrons;
      if (limiting === null || u < limiting) [limiting, pds, pdsElectrons] = [u, s.id, s.electrons];
    } else if (s.electrons < 0) {
      const u = -dG0 / s.electrons;
      if (limiting === null || u > limiting) [limiting, pds, pdsElectrons] = [u, s.id, s.electrons];
    } else if (dG0 > 0) uphill.push({ step: s.id, dGEv: dG0 });
  });
  const limitingPotentialKind = pds === null ? null : Math.abs(pdsElectrons) > 1 ? 'equilibrium' : 'limiting';
  return {
    pathway: pathway.name,
    potentialVvsRHE: potentialV,
    levels,
    limitingPotentialV: limiting,
    potentialDeterminingStep: pds,
    limitingPotentialKind,
    uphillChemicalSteps: uphill,
  };
}

/** Competing steps that consume the same adsorbate, and which one wins thermodynamically and kinetically. */
export interface BranchPoint {
  adsorbate: string;
  steps: { step: string; dGEv: number; barrierEv: number }[];
  /** Step with the lowest ΔG(U). */
  thermodynamicChoice: string;
  /** Step with the lowest barrier at U. */
  kineticChoice: string;
}

/** Branch points of a model at potential U: every adsorbate consumed by two or more steps. */
export function branchSelectivity(model: CompiledModel, potentialV: number, descriptors?: Record<string, number>): BranchPoint[] {
  const d = descriptorVector(model, descriptors);
  return model.adsorbates.flatMap((name, a) => {
    const consumers = model.steps.filter((s) => s.reactAds.includes(a));
    if (consumers.length < 2) return [];
    const steps = consumers.map((s) => {
      const e = stepEnergy(s, potentialV, d);
      return { step: s.id, dGEv: e.dG, barrierEv: e.Ea };
    });
    const by = (key: 'dGEv' | 'barrierEv') => steps.reduce((best, s) => (s[key] < best[key] ? s : best)).step;
    return [{ adsorbate: name, steps, thermodynamicChoice: by('dGEv'), kineticChoice: by('barrierEv') }];
  });
}
