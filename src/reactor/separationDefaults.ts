import { EXPOSAN, JOUNY_2018, TEA_OF_CO2RR } from './teaSources.js';

/** How the product is separated: pressure-swing adsorption (gas), distillation or crystallization (liquid), or not costed. */
export type SeparationMethod = 'psa' | 'distillation' | 'crystallization' | 'none';

/**
 * A separation unit costed by scaling from a reference plant: capital = referenceCapitalUsd × (capacity /
 * referenceCapacity)^scalingExponent; energy = energyKWhPerUnit × throughput; operating = operatingUsdPerYearAtReference
 * × capacity / referenceCapacity. The capacity unit depends on the method: m³ h⁻¹ of gas into the PSA; L min⁻¹ of
 * product-laden electrolyte into the column (distillation); kg h⁻¹ of product (crystallization).
 */
export interface SeparationUnit {
  method: SeparationMethod;
  /** Installed capital of the reference unit, USD. */
  referenceCapitalUsd?: number;
  /** Capacity of the reference unit, in the method's capacity unit. */
  referenceCapacity?: number;
  /** Exponent of the capacity scaling (dimensionless). */
  scalingExponent?: number;
  /** Electricity per capacity unit treated: kWh m⁻³ of gas (PSA) or kWh kg⁻¹ of product (crystallization). */
  energyKWhPerUnit?: number;
  /** Operating cost of the reference unit, USD per year at its capacity, scaled linearly (distillation). */
  operatingUsdPerYearAtReference?: number;
  /** Volume fraction of product in the electrolyte sent to distillation (dimensionless). */
  productVolumeFraction?: number;
  /** Liquid product density, kg m⁻³ (distillation: volume flow of product). */
  productDensityKgPerM3?: number;
}

/** Capacity unit of each method, for printing. */
export const SEPARATION_CAPACITY_UNIT: Record<SeparationMethod, string> = {
  psa: 'm³ h⁻¹ of gas into the PSA',
  distillation: 'L min⁻¹ of product-laden electrolyte',
  crystallization: 'kg h⁻¹ of product',
  none: '—',
};

/**
 * Pressure-swing adsorption of the cathode gas (unreacted gaseous feed, gaseous product and H2): 1,989,043 USD at
 * 1000 m³ h⁻¹, exponent 0.7, 0.25 kWh m⁻³ — Jouny 2018 as transcribed in EXPOsan (`cost=1989043, S=1000, n=0.7`;
 * "PSA operating power: 0.25 kWh/m3, Jouny et al. 2018") and in TEAofCO2RR.py (`1989043 * (flow / (1000/3600)) ** 0.7`,
 * `0.25 * ElectricityPrice * flow`).
 */
export const PSA_DEFAULTS = {
  unit: { method: 'psa', referenceCapitalUsd: 1_989_043, referenceCapacity: 1000, scalingExponent: 0.7, energyKWhPerUnit: 0.25 } satisfies SeparationUnit,
  source: `${JOUNY_2018} as transcribed in ${EXPOSAN} and ${TEA_OF_CO2RR}`,
};

/** One of Jouny's distillation references (capital and operating cost at 1000 L min⁻¹ of electrolyte, product density). */
interface DistillationReference {
  name: string;
  referenceCapitalUsd: number;
  operatingUsdPerYearAtReference: number;
  productDensityKgPerM3: number;
}

/**
 * Jouny 2018's distillation of liquid products from the electrolyte, recycled to 10 vol % product: capital at
 * 1000 L min⁻¹ scaled with exponent 0.7, operating cost linear in the flow; keyed by Hill formula. Transcribed in
 * EXPOsan (`@cost(… 'Distiller (ethanol)' cost=4162240, S=1000, n=0.7)`, `distillation_OPEX`, densities, "steady-state
 * volume concentration of 10%") and TEAofCO2RR.py (`PriceChart` RefCapCost/RefOperatCost, `TotalPassFlowRatio 0.1`).
 * No other liquid product has a cited reference here: urea and oximes stay "excluded unless set".
 */
export const JOUNY_DISTILLATION: Record<string, DistillationReference> = {
  C2H6O: { name: 'ethanol', referenceCapitalUsd: 4_162_240, operatingUsdPerYearAtReference: 3_463_310, productDensityKgPerM3: 789 },
  CH2O2: { name: 'formic acid', referenceCapitalUsd: 6_896_190, operatingUsdPerYearAtReference: 11_213_200, productDensityKgPerM3: 1221 },
  CH4O: { name: 'methanol', referenceCapitalUsd: 4_514_670, operatingUsdPerYearAtReference: 4_027_820, productDensityKgPerM3: 792 },
  C3H8O: { name: 'n-propanol', referenceCapitalUsd: 4_687_910, operatingUsdPerYearAtReference: 5_610_420, productDensityKgPerM3: 803 },
};

/** Shared parts of Jouny's distillation (1000 L min⁻¹ reference, exponent 0.7, 10 vol % product) and their source. */
export const JOUNY_DISTILLATION_COMMON = {
  referenceCapacity: 1000,
  scalingExponent: 0.7,
  productVolumeFraction: 0.1,
  source: `${JOUNY_2018} as transcribed in ${EXPOSAN} and ${TEA_OF_CO2RR}`,
};

/** Species taken as gases at the plant's conditions (the rest as liquids or solutes): the PSA treats these. */
export const GAS_SPECIES_HILL = new Set(['CO2', 'CO', 'H2', 'O2', 'N2', 'CH4', 'C2H4', 'C2H6', 'NO', 'N2O']);
