import { InputError, assertFiniteInRange } from '../../chem/index.js';
import type { CompiledLinear, CompiledModel, CompiledStep } from '../parser/compileModel.js';

/**
 * Descriptor vector from names, checking every name: the model's defaults (eV) with the given values (eV, each
 * finite in [-20, 20]) in the model's descriptor order — the scaler's input.
 */
export function descriptorVector(model: CompiledModel, values: Record<string, number> | undefined): Float64Array {
  const d = Float64Array.from(model.defaultDescriptors);
  for (const [name, v] of Object.entries(values ?? {})) {
    const i = model.descriptors.indexOf(name);
    if (i < 0)
      throw new InputError(`descriptors.${name}`, `a descriptor of the model (${model.descriptors.join(', ') || 'none'})`, `unknown descriptor "${name}"`);
    d[i] = assertFiniteInRange(`descriptors.${name}`, v, -20, 20, 'eV');
  }
  return d;
}

/** Evaluates intercept + slopes·descriptors, eV. */
export function evaluateLinear(l: CompiledLinear, descriptors: Float64Array): number {
  let v = l.intercept;
  for (let i = 0; i < l.slopes.length; i++) v += l.slopes[i]! * descriptors[i]!;
  return v;
}

/** Reaction free energy and forward barrier of one step at potential U (V vs RHE), eV. */
export interface StepEnergy {
  /** ΔG(U) = ΔG(0) + n·U (n electrons consumed; CHE). */
  dG: number;
  /** Forward barrier at U, clamped to ≥ max(0, ΔG(U)). */
  Ea: number;
}

/**
 * Energetics of a step at `potentialV` (V vs RHE) and descriptor values: the scaler stage (descriptors →
 * energies via linear scaling and BEP relations) plus the CHE potential shift. An electrochemical barrier
 * moves by β·n·U (symmetry factor β, default 0.5).
 */
export function stepEnergy(step: CompiledStep, potentialV: number, descriptors: Float64Array): StepEnergy {
  const dG0 = evaluateLinear(step.dG, descriptors);
  const dG = dG0 + step.electrons * potentialV;
  let Ea: number;
  switch (step.barrier.kind) {
    case 'none':
      Ea = 0;
      break;
    case 'bep':
      Ea = step.barrier.alpha * dG + step.barrier.beta;
      break;
    case 'linear':
      Ea = evaluateLinear(step.barrier.value, descriptors) + step.beta * step.electrons * potentialV;
      break;
  }
  return { dG, Ea: Math.max(Ea, 0, dG) };
}
