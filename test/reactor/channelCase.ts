/**
 * The flow channel the reactor tests' hand cases share (SI units): 100 mol m⁻³ inlet, 5 cm s⁻¹, a 10 cm × 5 cm
 * electrode over a 2 mm gap, D = 1.9e-9 m² s⁻¹ given explicitly (so no reactant-default applies).
 */
export const CHANNEL = {
  inletConcentrationMolPerM3: 100,
  velocityMPerS: 0.05,
  lengthM: 0.1,
  widthM: 0.05,
  gapM: 0.002,
  diffusionM2PerS: 1.9e-9,
} as const;

/** Molar mass of urea, g mol⁻¹ (IUPAC 2021: 12.011 + 4 × 1.008 + 2 × 14.007 + 15.999). */
export const M_UREA_G_PER_MOL = 60.056;
