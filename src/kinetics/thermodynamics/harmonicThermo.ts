import { InputError } from '../../chem/index.js';
import { type PhysicalConstants, physicalConstants } from './physicalConstants.js';

/** Harmonic thermochemistry of an adsorbate at one temperature, eV and eV/K. */
export interface HarmonicThermoResult {
  /** Zero-point energy Σ hν/2, eV. */
  zeroPointEv: number;
  /** Thermal vibrational energy Σ hν/(e^{hν/kT} − 1) (without the ZPE), eV. */
  thermalEnergyEv: number;
  /** Vibrational entropy Σ k[x/(eˣ − 1) − ln(1 − e⁻ˣ)], x = hν/kT, eV/K. */
  entropyEvPerK: number;
  /** Helmholtz free-energy correction ZPE + U_vib − T·S = Σ [hν/2 + kT·ln(1 − e⁻ˣ)], eV. */
  freeEnergyEv: number;
}

/**
 * Harmonic-oscillator free-energy correction of an adsorbate from its vibrational energies (all modes treated as
 * harmonic vibrations, as ASE's `HarmonicThermo` that CatMAP's `harmonic_adsorbate` mode calls). Modes with zero
 * or negative energy are refused (a transition state's imaginary mode must be left out by the caller).
 * @param vibrationEnergiesEv - hν of each mode, eV (from cm⁻¹: {@link wavenumberToEv})
 * @param temperatureK - temperature, K (> 0)
 * @example harmonicThermo([0.1], 300).freeEnergyEv // 0.05 + kT·ln(1 − e^(−0.1/kT)) ≈ 0.04788 eV
 */
export function harmonicThermo(
  vibrationEnergiesEv: readonly number[],
  temperatureK: number,
  constants: PhysicalConstants = physicalConstants(),
): HarmonicThermoResult {
  if (!(temperatureK > 0) || !Number.isFinite(temperatureK)) throw new InputError('temperatureK', 'a positive temperature, K', `got ${temperatureK}`);
  const kT = constants.boltzmannEvPerK * temperatureK;
  let zpe = 0;
  let u = 0;
  let s = 0;
  let f = 0;
  vibrationEnergiesEv.forEach((e, i) => {
    if (!(e > 0) || !Number.isFinite(e)) throw new InputError(`frequencies[${i}]`, 'a positive, finite vibrational energy', `got ${e}`);
    const x = e / kT;
    const em1 = Math.expm1(x); // e^x − 1
    const log1mExp = Math.log(-Math.expm1(-x)); // ln(1 − e^−x), precise for small and large x
    zpe += e / 2;
    u += e / em1;
    s += constants.boltzmannEvPerK * (x / em1 - log1mExp);
    f += e / 2 + kT * log1mExp;
  });
  return { zeroPointEv: zpe, thermalEnergyEv: u, entropyEvPerK: s, freeEnergyEv: f };
}
