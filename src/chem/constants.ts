/**
 * Physical constants, SI units. Exact values of the 2019 SI redefinition
 * (CODATA 2018, Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021), doi:10.1103/RevModPhys.93.025010).
 */

/** Elementary charge, C (exact). */
export const ELEMENTARY_CHARGE_C = 1.602176634e-19;
/** Avogadro constant, mol⁻¹ (exact). */
export const AVOGADRO_PER_MOL = 6.02214076e23;
/** Faraday constant F = e·N_A, C mol⁻¹ (exact, 96485.33212…). */
export const FARADAY_C_PER_MOL = ELEMENTARY_CHARGE_C * AVOGADRO_PER_MOL;
/** Boltzmann constant, J K⁻¹ (exact). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;
/** Molar gas constant R = k·N_A, J mol⁻¹ K⁻¹ (exact, 8.314462618…). */
export const GAS_CONSTANT_J_PER_MOL_K = BOLTZMANN_J_PER_K * AVOGADRO_PER_MOL;
/** Standard temperature for tabulated thermodynamic data, K. */
export const STANDARD_TEMPERATURE_K = 298.15;

/** Nernst slope (ln 10)·R·T/F in V per decade, at temperature `temperatureK` (0.05916 V at 298.15 K). */
export function nernstSlopeV(temperatureK: number = STANDARD_TEMPERATURE_K): number {
  return (Math.LN10 * GAS_CONSTANT_J_PER_MOL_K * temperatureK) / FARADAY_C_PER_MOL;
}
