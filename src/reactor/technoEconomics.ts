import { assertFiniteInRange } from '../chem/index.js';
import { energyPerKgJ, scaleUp } from './cellVoltage.js';

const ZHANG =
  'Z. Zhang, E. W. Lees, S. Ren, B. A. W. Mowbray, A. Huang, C. P. Berlinguette, ACS Cent. Sci. 8, 749 (2022), doi:10.1021/acscentsci.2c00329, Table 1';

/** Installed capital cost (electrolyzer + balance of plant) printed in {@link ZHANG}, USD per kW. */
const INSTALLED_CAPEX_USD_PER_KW = 450;
/** The design point of that table: 500 mA cm⁻² and the 3 V of its AEM|CO2 electrolyzer. */
const DESIGN_CURRENT_A_PER_M2 = 5000;
const DESIGN_CELL_VOLTAGE_V = 3;

/** A default with its source; every one can be overridden. */
export interface CitedDefault {
  value: number;
  unit: string;
  source: string;
}

/** Default economic parameters, each with its source (values as printed, or derived from printed values as stated). */
export const TEA_DEFAULTS: Record<string, CitedDefault> = {
  electrolyzerCostUsdPerM2: {
    value: (INSTALLED_CAPEX_USD_PER_KW * DESIGN_CURRENT_A_PER_M2 * DESIGN_CELL_VOLTAGE_V) / 1000,
    unit: 'USD m⁻² (installed, incl. balance of plant)',
    source: `derived: installed capex ${INSTALLED_CAPEX_USD_PER_KW} USD/kW × 500 mA cm⁻² × 3 V (AEM|CO2 case) of ${ZHANG}`,
  },
  balanceOfPlantFraction: { value: 0, unit: 'fraction of electrolyzer cost', source: `0: the installed capex of ${ZHANG} already includes the balance of plant; set it when you give a bare stack cost` },
  electricityUsdPerKWh: { value: 0.03, unit: 'USD kWh⁻¹', source: ZHANG },
  discountRate: { value: 0.1, unit: 'per year', source: `${ZHANG} (10 % interest rate)` },
  lifetimeYears: { value: 20, unit: 'years', source: `${ZHANG} (20 year plant life)` },
  capacityFactor: {
    value: 0.65,
    unit: 'fraction of the year',
    source: `derived: annual electricity cost / (0.03 USD/kWh × installed kW = capex / 450 USD/kW) gives 5,696 h per year for each of the three electrolyzers of ${ZHANG} (5.24, 10.48, 6.29 M$/yr; 13.8, 27.6, 16.56 M$)`,
  },
  fixedOpexFraction: { value: 0.025, unit: 'of capital per year', source: `${ZHANG} (2.5 % fixed operating cost)` },
  feedstockUsdPerKg: { value: 0, unit: 'USD per kg product', source: 'excluded unless set: feed prices are specific to your nitrogen and carbon sources' },
  separationUsdPerKg: { value: 0, unit: 'USD per kg product', source: 'excluded unless set: separation depends on your product and its concentration' },
};

/** Inputs of {@link levelizedCost}: process numbers plus any overridden defaults. */
export interface TeaInput {
  productionTonnesPerDay: number;
  electrons: number;
  molarMassGPerMol: number;
  faradaicEfficiency: number;
  currentDensityAPerM2: number;
  cellVoltageV: number;
  overrides?: Partial<Record<keyof typeof TEA_DEFAULTS, number>>;
}

/** Levelized cost and its parts, USD per kg of product. */
export interface TeaResult {
  costUsdPerKg: number;
  breakdownUsdPerKg: { capital: number; fixedOpex: number; electricity: number; feedstock: number; separation: number };
  capitalUsd: number;
  electrodeAreaM2: number;
  annualProductionKg: number;
  energyKWhPerKg: number;
  capitalRecoveryFactor: number;
  parameters: Record<string, number>;
}

/** Capital recovery factor r(1+r)^n / ((1+r)^n − 1). */
export function capitalRecoveryFactor(rate: number, years: number): number {
  if (rate === 0) return 1 / years;
  const g = (1 + rate) ** years;
  return (rate * g) / (g - 1);
}

/**
 * Levelized product cost: annualized capital (electrolyzer area × cost × (1 + balance of plant) × CRF) and
 * fixed O&M over the annual production, plus electricity (n·F·V/(FE·M) × price), feedstock and separation.
 */
export function levelizedCost(input: TeaInput): TeaResult {
  const p: Record<string, number> = Object.fromEntries(Object.entries(TEA_DEFAULTS).map(([k, v]) => [k, v.value]));
  for (const [k, v] of Object.entries(input.overrides ?? {})) {
    if (!(k in TEA_DEFAULTS)) continue;
    p[k] = assertFiniteInRange(k, v as number, 0, 1e9, TEA_DEFAULTS[k]!.unit);
  }
  assertFiniteInRange('capacityFactor', p.capacityFactor!, 0.01, 1, '(fraction)');
  const plant = scaleUp({ productionTonnesPerDay: input.productionTonnesPerDay, electrons: input.electrons, molarMassGPerMol: input.molarMassGPerMol, faradaicEfficiency: input.faradaicEfficiency, currentDensityAPerM2: input.currentDensityAPerM2, cellVoltageV: input.cellVoltageV, cellAreaM2: 1 });
  const capitalUsd = plant.electrodeAreaM2 * p.electrolyzerCostUsdPerM2! * (1 + p.balanceOfPlantFraction!);
  const crf = capitalRecoveryFactor(p.discountRate!, p.lifetimeYears!);
  const annualProductionKg = input.productionTonnesPerDay * 1000 * 365 * p.capacityFactor!;
  const energyKWhPerKg = energyPerKgJ({ electrons: input.electrons, cellVoltageV: input.cellVoltageV, faradaicEfficiency: input.faradaicEfficiency, molarMassGPerMol: input.molarMassGPerMol }) / 3.6e6;
  const breakdownUsdPerKg = {
    capital: (capitalUsd * crf) / annualProductionKg,
    fixedOpex: (capitalUsd * p.fixedOpexFraction!) / annualProductionKg,
    electricity: energyKWhPerKg * p.electricityUsdPerKWh!,
    feedstock: p.feedstockUsdPerKg!,
    separation: p.separationUsdPerKg!,
  };
  const costUsdPerKg = Object.values(breakdownUsdPerKg).reduce((a, b) => a + b, 0);
  return { costUsdPerKg, breakdownUsdPerKg, capitalUsd, electrodeAreaM2: plant.electrodeAreaM2, annualProductionKg, energyKWhPerKg, capitalRecoveryFactor: crf, parameters: p };
}

/** One bar of a tornado chart: the cost at the low and high value of one parameter (±`fraction`). */
export interface TornadoBar {
  parameter: string;
  lowValue: number;
  highValue: number;
  costAtLowUsdPerKg: number;
  costAtHighUsdPerKg: number;
}

/** Sensitivity of the levelized cost to each parameter varied by ±fraction (FE and capacity capped at 1), largest swing first. */
export function tornado(input: TeaInput, fraction = 0.2): TornadoBar[] {
  const base = levelizedCost(input);
  const processKeys = ['faradaicEfficiency', 'currentDensityAPerM2', 'cellVoltageV'] as const;
  const bars: TornadoBar[] = [];
  const vary = (value: number, f: number, cap?: number) => (cap === undefined ? value * f : Math.min(cap, value * f));
  for (const key of processKeys) {
    const v = input[key];
    const cap = key === 'faradaicEfficiency' ? 1 : undefined;
    const [lo, hi] = [vary(v, 1 - fraction, cap), vary(v, 1 + fraction, cap)];
    bars.push({ parameter: key, lowValue: lo, highValue: hi, costAtLowUsdPerKg: levelizedCost({ ...input, [key]: lo }).costUsdPerKg, costAtHighUsdPerKg: levelizedCost({ ...input, [key]: hi }).costUsdPerKg });
  }
  for (const key of Object.keys(TEA_DEFAULTS)) {
    const v = base.parameters[key]!;
    if (v === 0) continue;
    const cap = key === 'capacityFactor' ? 1 : undefined;
    const [lo, hi] = [vary(v, 1 - fraction, cap), vary(v, 1 + fraction, cap)];
    const at = (x: number) => levelizedCost({ ...input, overrides: { ...input.overrides, [key]: key === 'lifetimeYears' ? Math.max(1, Math.round(x)) : x } }).costUsdPerKg;
    bars.push({ parameter: key, lowValue: lo, highValue: hi, costAtLowUsdPerKg: at(lo), costAtHighUsdPerKg: at(hi) });
  }
  return bars.sort((a, b) => Math.abs(b.costAtHighUsdPerKg - b.costAtLowUsdPerKg) - Math.abs(a.costAtHighUsdPerKg - a.costAtLowUsdPerKg));
}

/** Levelized cost as a function of one process variable (break-even curves), at the given values. */
export function costCurve(input: TeaInput, variable: 'faradaicEfficiency' | 'currentDensityAPerM2', values: number[]): { value: number; costUsdPerKg: number }[] {
  return values.map((value) => ({ value, costUsdPerKg: levelizedCost({ ...input, [variable]: value }).costUsdPerKg }));
}
