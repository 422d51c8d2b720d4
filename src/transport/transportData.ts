/**
 * Transport and equilibrium data at 25 °C for the electrode microenvironment. SI units: diffusion
 * coefficients m² s⁻¹, concentrations mol m⁻³ (1 M = 1000 mol m⁻³), rate constants s⁻¹ or m³ mol⁻¹ s⁻¹.
 */
import { AQUEOUS_PK_25C, CO2_SATURATION_M } from '../chem/carbonateEquilibria.js';

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
  { name: 'Li+', charge: 1, diffusionM2PerS: 1.029e-9, source: CRC_DIFFUSION },
  { name: 'Na+', charge: 1, diffusionM2PerS: 1.334e-9, source: CRC_DIFFUSION },
  { name: 'K+', charge: 1, diffusionM2PerS: 1.957e-9, source: CRC_DIFFUSION },
  { name: 'Cs+', charge: 1, diffusionM2PerS: 2.056e-9, source: CRC_DIFFUSION },
  { name: 'NO3-', charge: -1, diffusionM2PerS: 1.902e-9, source: CRC_DIFFUSION },
  { name: 'NO2-', charge: -1, diffusionM2PerS: 1.912e-9, source: CRC_DIFFUSION },
  { name: 'NH3', charge: 0, diffusionM2PerS: 1.64e-9, source: CRC_DIFFUSION },
  { name: 'NH4+', charge: 1, diffusionM2PerS: 1.957e-9, source: CRC_DIFFUSION },
  { name: 'CO(NH2)2', charge: 0, diffusionM2PerS: 1.38e-9, source: CRC_DIFFUSION },
  { name: 'SO4^2-', charge: -2, diffusionM2PerS: 1.065e-9, source: CRC_DIFFUSION },
];

const SCHULZ =
  'K. G. Schulz, U. Riebesell, B. Rost, S. Thoms, R. E. Zeebe, Mar. Chem. 100, 53 (2006), doi:10.1016/j.marchem.2005.11.001 (25 °C; values as transcribed in LLNL/echemfem examples/carbonate.py)';
const GUPTA =
  'N. Gupta, M. Gattrell, B. MacDougall, J. Appl. Electrochem. 36, 161 (2006), doi:10.1007/s10800-005-9058-y (k1f = 5.93e3 M⁻¹ s⁻¹, k2f = 1e8 M⁻¹ s⁻¹; values as transcribed in LLNL/echemfem examples/gupta.py)';
const EIGEN = 'M. Eigen, Angew. Chem. Int. Ed. 3, 1 (1964) (diffusion-controlled proton transfer, 25 °C)';

/** A homogeneous reaction with finite forward and backward rates: Σ reactants ⇌ Σ products. */
export interface HomogeneousReaction {
  id: string;
  reactants: string[];
  products: string[];
  /** Forward rate constant, SI (s⁻¹ for first order, m³ mol⁻¹ s⁻¹ for second order, mol m⁻³ s⁻¹ for zero order). */
  kForward: number;
  /** Backward rate constant, SI: kForward / K with K from {@link EQUILIBRIUM_CONSTANTS} (detailed balance). */
  kBackward: number;
  source: string;
}

/**
 * Equilibrium constants at 25 °C, infinite dilution, shared by every rate-constant set and by
 * `bulkComposition`, so that the bulk is an equilibrium of the reactions and no set has a cycle out of
 * detailed balance. pKw 14.00, pKa1 (CO2(aq) + H2O ⇌ HCO3⁻ + H⁺) 6.35, pKa2 (HCO3⁻ ⇌ CO3²⁻ + H⁺) 10.33,
 * pKa(NH4⁺) 9.25 (CRC Handbook).
 */
export const EQUILIBRIUM_CONSTANTS = AQUEOUS_PK_25C;

/** Water autoionization constant, (mol m⁻³)², from Kw = 1.0e-14 M² at 25 °C. */
export const KW_MOL2_PER_M6 = 10 ** -EQUILIBRIUM_CONSTANTS.pKw * 1e6;
/** Ka1 of CO2(aq)/HCO3⁻, mol m⁻³. */
export const KA1_MOL_PER_M3 = 10 ** -EQUILIBRIUM_CONSTANTS.pKa1 * 1000;
/** Ka2 of HCO3⁻/CO3²⁻, mol m⁻³. */
export const KA2_MOL_PER_M3 = 10 ** -EQUILIBRIUM_CONSTANTS.pKa2 * 1000;
/** Ka of NH4⁺/NH3, mol m⁻³. */
export const KA_NH4_MOL_PER_M3 = 10 ** -EQUILIBRIUM_CONSTANTS.pKaNH4 * 1000;
/** Henry solubility of CO2 at 1 bar, 25 °C: 0.034 M = 34 mol m⁻³ (R. Sander, Atmos. Chem. Phys. 15, 4399 (2015); {@link CO2_SATURATION_M}). */
export const CO2_SATURATION_MOL_PER_M3 = CO2_SATURATION_M * 1000;

/** M⁻¹ s⁻¹ → m³ mol⁻¹ s⁻¹. */
const perM = (kPerMPerS: number) => kPerMPerS / 1000;

/** Names of the selectable rate-constant sets. */
export const RATE_CONSTANT_SET_IDS = ['schulz2006', 'gupta2006'] as const;
/** A rate-constant set name: `schulz2006` (default) or `gupta2006`. */
export type RateConstantSetId = (typeof RATE_CONSTANT_SET_IDS)[number];

/** A named, cited set of homogeneous reactions. */
export interface RateConstantSet {
  id: RateConstantSetId;
  /** One line saying where the two set-specific constants come from. */
  description: string;
  reactions: readonly HomogeneousReaction[];
}

/**
 * Reactions common to every set (water is implicit, activity 1): CO2 hydration (slow, the rate-limiting step of
 * CO2(aq) + H2O ⇌ HCO3⁻ + H⁺; H2CO3 is lumped into CO2(aq)), water autoionization and the fast proton transfers
 * that keep [H⁺][OH⁻] = Kw and each buffer at its pKa: CO3²⁻ + H⁺ ⇌ HCO3⁻, NH3 + H⁺ ⇌ NH4⁺, NH4⁺ + OH⁻ ⇌ NH3.
 * HCO3⁻ + H⁺ ⇌ CO2 + H2O has no fast path (H2CO3 dehydration is slow): it is the reverse of the hydration.
 */
function commonReactions(): HomogeneousReaction[] {
  const kCo2Hydration = 3.71e-2; // s⁻¹, Schulz et al. 2006 (k+1)
  const kWaterRecombination = perM(1.4e11); // H⁺ + OH⁻, Eigen 1964
  const kCo3Protonation = perM(5.0e10); // CO3²⁻ + H⁺, Schulz et al. 2006 (k+5^H)
  const kNh3Protonation = perM(4.3e10); // NH3 + H⁺, Eigen 1964
  const kNh4Hydroxide = perM(3.4e10); // NH4⁺ + OH⁻, Eigen 1964
  return [
    {
      id: 'co2-h2o',
      reactants: ['CO2'],
      products: ['HCO3-', 'H+'],
      kForward: kCo2Hydration,
      kBackward: kCo2Hydration / KA1_MOL_PER_M3,
      source: `${SCHULZ}; pKa1 6.35`,
    },
    {
      id: 'water',
      reactants: [],
      products: ['H+', 'OH-'],
      kForward: kWaterRecombination * KW_MOL2_PER_M6,
      kBackward: kWaterRecombination,
      source: `H⁺ + OH⁻ 1.4e11 M⁻¹ s⁻¹, ${EIGEN}; Kw = 1e−14 M²`,
    },
    {
      id: 'co3-h',
      reactants: ['CO3^2-', 'H+'],
      products: ['HCO3-'],
      kForward: kCo3Protonation,
      kBackward: kCo3Protonation * KA2_MOL_PER_M3,
      source: `CO3²⁻ + H⁺ 5.0e10 M⁻¹ s⁻¹, ${SCHULZ}; pKa2 10.33`,
    },
    {
      id: 'nh4',
      reactants: ['NH4+'],
      products: ['NH3', 'H+'],
      kForward: kNh3Protonation * KA_NH4_MOL_PER_M3,
      kBackward: kNh3Protonation,
      source: `NH3 + H⁺ 4.3e10 M⁻¹ s⁻¹, ${EIGEN}; pKa(NH4⁺) 9.25`,
    },
    {
      id: 'nh4-oh',
      reactants: ['NH4+', 'OH-'],
      products: ['NH3'],
      kForward: kNh4Hydroxide,
      kBackward: (kNh4Hydroxide * KW_MOL2_PER_M6) / KA_NH4_MOL_PER_M3,
      source: `NH4⁺ + OH⁻ 3.4e10 M⁻¹ s⁻¹, ${EIGEN}; pKa(NH4⁺) 9.25`,
    },
  ];
}

/** CO2 + OH⁻ ⇌ HCO3⁻ and HCO3⁻ + OH⁻ ⇌ CO3²⁻ with the given forward constants (M⁻¹ s⁻¹), backward by detailed balance. */
function hydroxideReactions(kCo2OhPerMPerS: number, kHco3OhPerMPerS: number, source: string): HomogeneousReaction[] {
  const kCo2Oh = perM(kCo2OhPerMPerS);
  const kHco3Oh = perM(kHco3OhPerMPerS);
  return [
    {
      id: 'co2-oh',
      reactants: ['CO2', 'OH-'],
      products: ['HCO3-'],
      kForward: kCo2Oh,
      kBackward: (kCo2Oh * KW_MOL2_PER_M6) / KA1_MOL_PER_M3,
      source: `CO2 + OH⁻ ${kCo2OhPerMPerS.toExponential(2)} M⁻¹ s⁻¹, ${source}`,
    },
    {
      id: 'hco3-oh',
      reactants: ['HCO3-', 'OH-'],
      products: ['CO3^2-'],
      kForward: kHco3Oh,
      kBackward: (kHco3Oh * KW_MOL2_PER_M6) / KA2_MOL_PER_M3,
      source: `HCO3⁻ + OH⁻ ${kHco3OhPerMPerS.toExponential(2)} M⁻¹ s⁻¹, ${source}`,
    },
  ];
}

/**
 * The selectable rate-constant sets. They differ in the two hydroxide reactions, the ones the literature
 * disagrees on: Schulz et al. (2006), CO2 + OH⁻ 2.23e3 and HCO3⁻ + OH⁻ 6.0e9 M⁻¹ s⁻¹; Gupta et al. (2006),
 * 5.93e3 and 1.0e8 M⁻¹ s⁻¹. Everything else (hydration, water, proton transfers, equilibrium constants) is shared.
 */
export const RATE_CONSTANT_SETS: Readonly<Record<RateConstantSetId, RateConstantSet>> = {
  schulz2006: {
    id: 'schulz2006',
    description: `CO2 + OH⁻ 2.23e3, HCO3⁻ + OH⁻ 6.0e9 M⁻¹ s⁻¹ (${SCHULZ})`,
    reactions: [...hydroxideReactions(2.23e3, 6.0e9, SCHULZ), ...commonReactions()],
  },
  gupta2006: {
    id: 'gupta2006',
    description: `CO2 + OH⁻ 5.93e3, HCO3⁻ + OH⁻ 1.0e8 M⁻¹ s⁻¹ (${GUPTA})`,
    reactions: [...hydroxideReactions(5.93e3, 1.0e8, GUPTA), ...commonReactions()],
  },
};

/** The default rate-constant set. */
export const DEFAULT_RATE_CONSTANT_SET: RateConstantSetId = 'schulz2006';

/** The homogeneous reactions of the default set (`schulz2006`). */
export const HOMOGENEOUS_REACTIONS: readonly HomogeneousReaction[] = RATE_CONSTANT_SETS.schulz2006.reactions;
