import { BOLTZMANN_J_PER_K, ELEMENTARY_CHARGE_C, assertFiniteInRange } from '../../chem/index.js';
import type { CompiledModel, CompiledStep } from './compileModel.js';

/**
 * Free-energy shift of a step for the protons it consumes beyond its electrons, eV, at 0 V vs RHE:
 * (ν_H+ − n)·k_B·T·ln10·pH.
 *
 * Convention of model files (computational hydrogen electrode at the model's pH): each H⁺ + e⁻ pair is
 * referenced to ½H₂ at U vs RHE, so it contributes n·U and no pH term; a proton without an electron (charge
 * balanced by an anion such as NO₃⁻) is H⁺(aq) at activity 10^−pH, so it costs k_B·T·ln10·pH more than at
 * pH 0 (+0.414 eV at pH 7, 298.15 K). A step's `dG` in the file is therefore its value at 0 V vs RHE with the
 * extra protons at pH 0 (unit activity), and the compiler adds this shift at the model's pH and temperature.
 * It is what the Nernst equation gives for the overall reaction: E_RHE(pH) = E° − (ν_H+/n − 1)·(ln10·RT/F)·pH
 * (so −n·e·E_RHE(pH) = −n·e·E° + (ν_H+ − n)·k_B·T·ln10·pH).
 *
 * @param protons - H⁺ consumed by the step (negative when released)
 * @param electrons - electrons consumed by the step (negative when released)
 * @param pH - the model's pH
 * @param temperatureK - the model's temperature, K
 * @returns shift in eV (0 when protons = electrons or pH = 0)
 * @example extraProtonShiftEv(4, 3, 7, 298.15) // 0.4141 (NO3- + 4 H+ + 3 e- at pH 7)
 */
export function extraProtonShiftEv(protons: number, electrons: number, pH: number, temperatureK: number): number {
  const kTEv = (BOLTZMANN_J_PER_K * temperatureK) / ELEMENTARY_CHARGE_C;
  const extra = protons - electrons;
  return extra === 0 ? 0 : extra * kTEv * Math.LN10 * pH;
}

/**
 * The model with its extra-proton terms re-evaluated at `pH` instead of the file's pH, without recompiling:
 * each step's {@link CompiledStep.pHShiftEv} becomes (ν_H+ − n)·k_B·T·ln10·pH ({@link extraProtonShiftEv}, at
 * the model's temperature) and its ΔG intercept moves by the difference. Barriers follow as they do at compile
 * time (a BEP barrier through ΔG; an explicit barrier is not shifted, only clamped to ≥ ΔG). Everything else
 * (activities, stoichiometry, routes, the compile-time pathway check at the file's pH) is shared with `model`.
 *
 * @param model - a compiled model
 * @param pH - the pH to evaluate the kinetics at (−2 … 16)
 * @returns `model` itself when `pH` equals the file's pH, else a shallow copy with new steps and `file.pH`
 * @example modelAtPH(m, 9.5).steps[0].pHShiftEv // 9.5 × 0.05916 eV for a step with one extra proton
 */
export function modelAtPH(model: CompiledModel, pH: number): CompiledModel {
  assertFiniteInRange('pH', pH, -2, 16, '');
  if (pH === model.file.pH) return model;
  const steps = model.steps.map((step): CompiledStep => {
    if (step.protons === step.electrons) return step;
    const pHShiftEv = extraProtonShiftEv(step.protons, step.electrons, pH, model.file.temperatureK);
    return { ...step, pHShiftEv, dG: { intercept: step.dG.intercept - step.pHShiftEv + pHShiftEv, slopes: step.dG.slopes } };
  });
  return { ...model, file: { ...model.file, pH }, steps };
}
