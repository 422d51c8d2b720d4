import { FARADAY_C_PER_MOL, assertFiniteInRange } from '../chem/index.js';

/** Inputs of {@link cellVoltageBreakdown}; potentials in V, current density in A m⁻². */
export interface CellVoltageInput {
  /** Equilibrium potential of the cathode reaction, V vs RHE (e.g. from equilibriumPotential). */
  cathodeEquilibriumVvsRHE: number;
  /** Equilibrium potential of the anode reaction, V vs RHE (default OER, 1.229 V). */
  anodeEquilibriumVvsRHE?: number;
  currentDensityAPerM2: number;
  /** Cathode Tafel slope, V/decade, and exchange current density, A m⁻². */
  cathodeTafelVPerDecade: number;
  cathodeExchangeCurrentAPerM2: number;
  anodeTafelVPerDecade: number;
  anodeExchangeCurrentAPerM2: number;
  /** Electrolyte conductivity, S m⁻¹, and gap, m. */
  conductivitySPerM: number;
  gapM: number;
  /** Area-specific membrane resistance, Ω m² (default 0). */
  membraneOhmM2?: number;
}

/** Voltage breakdown, V. */
export interface CellVoltageResult {
  equilibriumV: number;
  cathodeOverpotentialV: number;
  anodeOverpotentialV: number;
  ohmicV: number;
  cellVoltageV: number;
}

/** Tafel overpotential b·log10(j/j0), V (0 below the exchange current). */
const tafel = (b: number, j: number, j0: number) => Math.max(0, b * Math.log10(j / j0));

/**
 * Cell voltage = (E_anode − E_cathode) + |η_c| + η_a + j·(gap/κ + R_membrane), all at current density j.
 * OER default 1.229 V vs RHE (Bard, Parsons & Jordan, Standard Potentials in Aqueous Solution, 1985).
 */
export function cellVoltageBreakdown(input: CellVoltageInput): CellVoltageResult {
  assertFiniteInRange('currentDensityAPerM2', input.currentDensityAPerM2, 0, 1e5, 'A m⁻²');
  assertFiniteInRange('conductivitySPerM', input.conductivitySPerM, 1e-4, 1e3, 'S m⁻¹');
  assertFiniteInRange('gapM', input.gapM, 0, 1, 'm');
  const equilibriumV = (input.anodeEquilibriumVvsRHE ?? 1.229) - input.cathodeEquilibriumVvsRHE;
  const j = input.currentDensityAPerM2;
  const cathodeOverpotentialV = tafel(input.cathodeTafelVPerDecade, j, input.cathodeExchangeCurrentAPerM2);
  const anodeOverpotentialV = tafel(input.anodeTafelVPerDecade, j, input.anodeExchangeCurrentAPerM2);
  const ohmicV = j * (input.gapM / input.conductivitySPerM + (input.membraneOhmM2 ?? 0));
  return {
    equilibriumV,
    cathodeOverpotentialV,
    anodeOverpotentialV,
    ohmicV,
    cellVoltageV: equilibriumV + cathodeOverpotentialV + anodeOverpotentialV + ohmicV,
  };
}

/** Electrical energy per kg of product, J/kg: n·F·V / (FE·M), with M in kg/mol. */
export function energyPerKgJ(options: { electrons: number; cellVoltageV: number; faradaicEfficiency: number; molarMassGPerMol: number }): number {
  assertFiniteInRange('faradaicEfficiency', options.faradaicEfficiency, 1e-6, 1, '(fraction)');
  return (Math.abs(options.electrons) * FARADAY_C_PER_MOL * options.cellVoltageV) / (options.faradaicEfficiency * (options.molarMassGPerMol / 1000));
}

/**
 * The operating numbers of an electrolysis process at its production target: what {@link scaleUp} sizes and what
 * the techno-economics (technoEconomics.ts `TeaInput`) start from.
 */
export interface ProcessNumbers {
  /** Production target, tonnes of product per day. */
  productionTonnesPerDay: number;
  /** Electrons per product molecule (sign ignored). */
  electrons: number;
  /** Molar mass of the product, g mol⁻¹. */
  molarMassGPerMol: number;
  /** Faradaic efficiency to the product (fraction). */
  faradaicEfficiency: number;
  /** Total current density, A m⁻² (positive magnitude). */
  currentDensityAPerM2: number;
  /** Cell voltage, V. */
  cellVoltageV: number;
}

/** Scale-up for a production target: current, electrode area, cells (of `cellAreaM2`, m², each) and electric power. */
export function scaleUp(options: ProcessNumbers & { cellAreaM2: number }): {
  productionMolPerS: number;
  currentA: number;
  electrodeAreaM2: number;
  cells: number;
  powerW: number;
} {
  assertFiniteInRange('productionTonnesPerDay', options.productionTonnesPerDay, 0, 1e6, 't/day');
  assertFiniteInRange('currentDensityAPerM2', options.currentDensityAPerM2, 1e-3, 1e5, 'A m⁻²');
  const productionMolPerS = (options.productionTonnesPerDay * 1e6) / options.molarMassGPerMol / 86400;
  const currentA = (productionMolPerS * Math.abs(options.electrons) * FARADAY_C_PER_MOL) / options.faradaicEfficiency;
  const electrodeAreaM2 = currentA / options.currentDensityAPerM2;
  return { productionMolPerS, currentA, electrodeAreaM2, cells: Math.ceil(electrodeAreaM2 / options.cellAreaM2), powerW: currentA * options.cellVoltageV };
}
