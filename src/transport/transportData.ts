/**
 * Transport and equilibrium data at 25 °C for the electrode microenvironment. SI units: diffusion
 * coefficients m² s⁻¹, concentrations mol m⁻³ (1 M = 1000 mol m⁻³), rate constants s⁻¹ or m³ mol⁻¹ s⁻¹.
 */

const CRC_DIFFUSION =
  'CRC Handbook of Chemistry and Physics, 97th ed. (2016): "Ionic conductivity and diffusion at infinite dilution" and "Diffusion coefficients in liquids at infinite dilution", 25 °C';

/** A solute of the microenvironment model. */
export interface Solute {
  /** Name as used in the model and in formulas, e.g. "HCO3-". */
  name: string;
  /** Charge number. */
  charge: number;
  /** Diffusion coefficient at infinite dilution, m² s⁻¹ (25 °C). */
  diffusionM2PerS: number;
  source: string;
}

/** The solutes of the model, each with its cited diffusion coefficient. */
export const SOLUTES: readonly Solute[] = [
  { name: 'CO2', charge: 0, diffusionM2PerS: 1.91e-9, source: CRC_DIFFUSION },
  { name: 'HCO3-', charge: -1, diffusionM2PerS: 1.185e-9, source: CRC_DIFFUSION },
  { name: 'CO3^2-', charge: -2, diffusionM2PerS: 0.923e-9, source: CRC_DIFFUSION },
  { name: 'OH-', charge: -1, diffusionM2PerS: 5.273e-9, source: CRC_DIFFUSION },
  { name: 'H+', charge: 1, diffusionM2PerS: 9.311e-9, source: CRC_DIFFUSION },
  { name: 'K+', charge: 1, diffusionM2PerS: 1.957e-9, source: CRC_DIFFUSION },
  { name: 'NO3-', charge: -1, diffusionM2PerS: 1.902e-9, source: CRC_DIFFUSION },
  { name: 'NO2-', charge: -1, diffusionM2PerS: 1.912e-9, source: CRC_DIFFUSION },
  { name: 'NH3', charge: 0, diffusionM2PerS: 1.64e-9, source: CRC_DIFFUSION },
  { name: 'NH4+', charge: 1, diffusionM2PerS: 1.957e-9, source: CRC_DIFFUSION },
  { name: 'CO(NH2)2', charge: 0, diffusionM2PerS: 1.38e-9, source: CRC_DIFFUSION },
  { name: 'SO4^2-', charge: -2, diffusionM2PerS: 1.065e-9, source: CRC_DIFFUSION },
];

const SCHULZ =
  'K. G. Schulz et al., Mar. Chem. 100, 53 (2006), doi:10.1016/j.marchem.2005.11.001 (rate constants at 25 °C, as used by Gupta et al., J. Appl. Electrochem. 36, 161 (2006))';

/** A homogeneous reaction with finite forward and backward rates: Σ reactants ⇌ Σ products. */
export interface HomogeneousReaction {
  id: string;
  reactants: string[];
  products: string[];
  /** Forward rate constant, SI (s⁻¹ for first order, m³ mol⁻¹ s⁻¹ for second order, mol m⁻³ s⁻¹ for zero order). */
  kForward: number;
  /** Backward rate constant, SI. */
  kBackward: number;
  source: string;
}

/** Water autoionization constant, (mol m⁻³)², from Kw = 1.0e-14 M² at 25 °C. */
export const KW_MOL2_PER_M6 = 1.0e-14 * 1e6;
/** Henry solubility of CO2 at 1 bar, 25 °C: 0.034 M (R. Sander, Atmos. Chem. Phys. 15, 4399 (2015)). */
export const CO2_SATURATION_MOL_PER_M3 = 34;

/**
 * Homogeneous reactions (water is implicit, activity 1). Equilibrium constants: K1 = 4.44e7 M⁻¹ (CO2 + OH⁻),
 * K2 = 4.66e3 M⁻¹ (HCO3⁻ + OH⁻), K3 = 10^−6.35 M (CO2 + H2O), Kw = 1e−14 M², Ka(NH4⁺) = 10^−9.25 M.
 */
export const HOMOGENEOUS_REACTIONS: readonly HomogeneousReaction[] = [
  { id: 'co2-oh', reactants: ['CO2', 'OH-'], products: ['HCO3-'], kForward: 2.23e3 / 1000, kBackward: 2.23e3 / 4.44e7, source: SCHULZ },
  { id: 'hco3-oh', reactants: ['HCO3-', 'OH-'], products: ['CO3^2-'], kForward: 6.0e9 / 1000, kBackward: 6.0e9 / 4.66e3, source: SCHULZ },
  { id: 'co2-h2o', reactants: ['CO2'], products: ['HCO3-', 'H+'], kForward: 3.71e-2, kBackward: 3.71e-2 / (10 ** -6.35 * 1000), source: SCHULZ },
  { id: 'water', reactants: [], products: ['H+', 'OH-'], kForward: 1.4e11 / 1000 * KW_MOL2_PER_M6, kBackward: 1.4e11 / 1000, source: `${SCHULZ}; Kw = 1e−14 M²` },
  {
    id: 'nh4',
    reactants: ['NH4+'],
    products: ['NH3', 'H+'],
    kForward: 4.3e10 * 10 ** -9.25,
    kBackward: 4.3e10 / 1000,
    source: 'Ka(NH4+) = 10^−9.25 M (CRC Handbook); NH3 + H+ recombination 4.3e10 M⁻¹ s⁻¹ (M. Eigen, Angew. Chem. Int. Ed. 3, 1 (1964))',
  },
];
