import { InputError } from '../../chem/index.js';
import { type PhysicalConstants, evPerKjPerMol, physicalConstants } from './physicalConstants.js';

/**
 * Shomate coefficients A…H of one temperature range (NIST WebBook convention, t = T/1000):
 * Cp° = A + B t + C t² + D t³ + E/t² (J mol⁻¹ K⁻¹), H° − H°(298.15 K) = A t + B t²/2 + C t³/3 + D t⁴/4 − E/t + F − H
 * (kJ mol⁻¹), S° = A ln t + B t + C t²/2 + D t³/3 − E/(2t²) + G (J mol⁻¹ K⁻¹).
 */
export interface ShomateRange {
  /** Lower end of the fitted range, K. */
  minK: number;
  /** Upper end of the fitted range, K. */
  maxK: number;
  /** [A, B, C, D, E, F, G, H]. */
  coefficients: readonly [number, number, number, number, number, number, number, number];
}

/** Shomate data of one gas: its ranges and where they come from. */
export interface ShomateData {
  ranges: readonly ShomateRange[];
  source: string;
}

const NIST = (cas: string) => `NIST Chemistry WebBook, SRD 69, gas-phase thermochemistry (Chase 1998, NIST-JANAF), ${cas}`;

/**
 * Shomate coefficients shipped with cncouple, one range per gas (the one around room temperature), copied from the
 * NIST Chemistry WebBook pages named in each `source`. CO is as printed in CatMAP's catmap/data/parameter_data.py
 * (labelled NIST there; its D could not be re-checked against the WebBook here). H₂O's lowest NIST range starts at
 * 500 K: below it the fit is extrapolated (and {@link shomateRange} says so).
 */
export const SHOMATE_GASES: Readonly<Record<string, ShomateData>> = {
  H2: {
    ranges: [{ minK: 298, maxK: 1000, coefficients: [33.066178, -11.363417, 11.432816, -2.772874, -0.158558, -9.980797, 172.707974, 0] }],
    source: NIST('H2, CAS 1333-74-0'),
  },
  O2: {
    ranges: [{ minK: 100, maxK: 700, coefficients: [31.32234, -20.23531, 57.86644, -36.50624, -0.007374, -8.903471, 246.7945, 0] }],
    source: NIST('O2, CAS 7782-44-7'),
  },
  H2O: {
    ranges: [{ minK: 500, maxK: 1700, coefficients: [30.092, 6.832514, 6.793435, -2.53448, 0.082139, -250.881, 223.3967, -241.8264] }],
    source: NIST('H2O, CAS 7732-18-5'),
  },
  CO2: {
    ranges: [{ minK: 298, maxK: 1200, coefficients: [24.99735, 55.18696, -33.69137, 7.948387, -0.136638, -403.6075, 228.2431, -393.5224] }],
    source: NIST('CO2, CAS 124-38-9'),
  },
  CO: {
    ranges: [{ minK: 298, maxK: 1300, coefficients: [25.56759, 6.09613, 4.054656, -2.671201, 0.131021, -118.0089, 227.3665, -110.5271] }],
    source: 'CatMAP catmap/data/parameter_data.py (labelled NIST; CO, CAS 630-08-0)',
  },
};

/** The range of `data` that covers `temperatureK`, else the nearest one (`extrapolated: true`). */
export function shomateRange(data: ShomateData, temperatureK: number): { range: ShomateRange; extrapolated: boolean } {
  if (data.ranges.length === 0) throw new InputError('shomate.ranges', 'at least one range', 'none given');
  const inside = data.ranges.find((r) => temperatureK >= r.minK && temperatureK <= r.maxK);
  if (inside) return { range: inside, extrapolated: false };
  const distance = (r: ShomateRange) => (temperatureK < r.minK ? r.minK - temperatureK : temperatureK - r.maxK);
  return { range: [...data.ranges].sort((a, b) => distance(a) - distance(b))[0]!, extrapolated: true };
}

/** Cp°, J mol⁻¹ K⁻¹. */
export function shomateHeatCapacity(range: ShomateRange, temperatureK: number): number {
  const [A, B, C, D, E] = range.coefficients;
  const t = temperatureK / 1000;
  return A + B * t + C * t * t + D * t ** 3 + E / (t * t);
}

/** H°(T) − H°(298.15 K), kJ mol⁻¹. */
export function shomateEnthalpy(range: ShomateRange, temperatureK: number): number {
  const [A, B, C, D, E, F, , H] = range.coefficients;
  const t = temperatureK / 1000;
  return A * t + (B * t * t) / 2 + (C * t ** 3) / 3 + (D * t ** 4) / 4 - E / t + F - H;
}

/** S°(T) at 1 bar, J mol⁻¹ K⁻¹. */
export function shomateEntropy(range: ShomateRange, temperatureK: number): number {
  const [A, B, C, D, E, , G] = range.coefficients;
  const t = temperatureK / 1000;
  return A * Math.log(t) + B * t + (C * t * t) / 2 + (D * t ** 3) / 3 - E / (2 * t * t) + G;
}

/**
 * Free-energy correction of an ideal gas from Shomate data, eV per molecule, in CatMAP's `shomate_gas` convention
 * (catmap/thermodynamics/enthalpy_entropy.py `_shomate_eq`): G_corr = ZPE + [H(T) − H(298.15) + 298.15·Cp(298.15)]
 * − T·S(T), where 298.15·Cp(298.15) stands in for H(298.15) − H(0). Added to an electronic formation energy.
 * @param zeroPointEv - zero-point energy, eV (Σ hν/2 of the gas; 0 if not known)
 */
export function shomateFreeEnergyCorrectionEv(
  data: ShomateData,
  temperatureK: number,
  zeroPointEv = 0,
  constants: PhysicalConstants = physicalConstants(),
): number {
  const { range } = shomateRange(data, temperatureK);
  const kj = evPerKjPerMol(constants);
  const dH = (shomateEnthalpy(range, temperatureK) - shomateEnthalpy(range, 298.15) + (298.15 * shomateHeatCapacity(range, 298.15)) / 1000) * kj;
  const S = (shomateEntropy(range, temperatureK) / 1000) * kj;
  return zeroPointEv + dH - temperatureK * S;
}
