import { BOLTZMANN_J_PER_K, ELEMENTARY_CHARGE_C } from '../../chem/index.js';
import type { CompiledModel } from '../parser/compileModel.js';
import { stepEnergy } from '../scaler/stepEnergetics.js';

/** Planck constant, J s (exact, CODATA 2018). */
export const PLANCK_J_S = 6.62607015e-34;

/** kB·T in eV at temperature `temperatureK`. */
export function thermalEnergyEv(temperatureK: number): number {
  return (BOLTZMANN_J_PER_K * temperatureK) / ELEMENTARY_CHARGE_C;
}

/** Forward and reverse rate constants of every step (s⁻¹), with their energetics. */
export interface RateConstants {
  kf: Float64Array;
  kr: Float64Array;
  dG: Float64Array;
  Ea: Float64Array;
}

/** Rate-constant arrays for `steps` steps (zeros), to reuse with {@link rateConstants}. */
export function emptyRateConstants(steps: number): RateConstants {
  return { kf: new Float64Array(steps), kr: new Float64Array(steps), dG: new Float64Array(steps), Ea: new Float64Array(steps) };
}

/**
 * Transition-state-theory rate constants at potential U (V vs RHE): k_f = A·exp(−Ea/kT),
 * k_r = A·exp(−(Ea − ΔG)/kT), with A = kB·T/h unless the step gives a prefactor. Reverse barriers follow
 * from ΔG, so each step obeys detailed balance: k_f/k_r = exp(−ΔG/kT). Writes into `out` when given (sweeps
 * reuse one; nothing is allocated then).
 */
export function rateConstants(
  model: CompiledModel,
  potentialV: number,
  descriptors: Float64Array = model.defaultDescriptors,
  temperatureK = model.file.temperatureK,
  out: RateConstants = emptyRateConstants(model.steps.length),
): RateConstants {
  // the model's constant set (CODATA 2018 unless it chose another); kB·T/h = (kB in eV/K)·T/(h in eV s)
  const c = model.constants;
  const kT = c.boltzmannEvPerK * temperatureK;
  const tst = (c.boltzmannEvPerK * temperatureK) / c.planckEvS;
  for (let j = 0; j < model.steps.length; j++) {
    const step = model.steps[j]!;
    const e = stepEnergy(step, potentialV, descriptors);
    const A = step.prefactorPerS ?? tst;
    out.dG[j] = e.dG;
    out.Ea[j] = e.Ea;
    out.kf[j] = A * Math.exp(-e.Ea / kT);
    out.kr[j] = A * Math.exp(-(e.Ea - e.dG) / kT);
  }
  return out;
}
