import { BOLTZMANN_J_PER_K, ELEMENTARY_CHARGE_C } from '../../chem/index.js';

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
