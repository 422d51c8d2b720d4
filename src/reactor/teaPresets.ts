import { BAGEMIHL_SETUP, EXPOSAN, JOUNY_2018, TEA_OF_CO2RR } from './teaSources.js';

/** Process defaults of the tea study, defined once (its schema describes them; presets may set others). */
export const TEA_PROCESS_DEFAULTS = { productionTonnesPerDay: 100 } as const;

/** Presets of the `tea` study. */
export const TEA_PRESET_IDS = ['jouny2018'] as const;
export type TeaPresetId = (typeof TEA_PRESET_IDS)[number];

/** One assumption of a preset: the study field it sets, its value as used, and where it is printed. */
export interface TeaPresetLine {
  field: string;
  value: number | string;
  unit: string;
  source: string;
}

/** A preset: study fields (the API body's names) that a request's own fields override, with a line per assumption. */
export interface TeaPreset {
  id: TeaPresetId;
  description: string;
  source: string;
  /** Fields of the tea study body. */
  input: Record<string, unknown>;
  lines: TeaPresetLine[];
  /** What differs from the paper's own method, said plainly. */
  caveats: string[];
}

/** US gallon, L (exact, 231 in³). */
const LITRES_PER_US_GALLON = 3.785411784;

const BOTH = `${EXPOSAN}; ${TEA_OF_CO2RR}`;

/**
 * Jouny, Luc & Jiao 2018's CO base case: 100 t/day CO at 200 mA cm⁻², 2.3 V, 90 % FE, 50 % single-pass conversion,
 * electrolyzer 920 USD m⁻² with balance of plant 35 % of the capital, PSA of the cathode gas, CO2 at 40 USD/t,
 * 0.03 USD/kWh, 350 days a year, 10 %, 20 years. Each number as transcribed in the public codes named on its line.
 */
const JOUNY_2018_PRESET: TeaPreset = {
  id: 'jouny2018',
  description: 'Jouny, Luc & Jiao 2018 CO base case (100 t/day CO)',
  source: JOUNY_2018,
  input: {
    product: 'CO',
    electrons: 2,
    faradaicEfficiency: 0.9,
    currentDensityMAPerCm2: 200,
    cellVoltageV: 2.3,
    productionTonnesPerDay: 100,
    singlePassConversion: 0.5,
    feeds: [
      { species: 'CO2', priceUsdPerKg: 0.04, molPerMolProduct: 1 },
      { species: 'H2O', priceUsdPerKg: 0.0054 / LITRES_PER_US_GALLON, molPerMolElectrons: 0.25, singlePassConversion: 1 },
    ],
    separation: { method: 'psa' },
    gasDensitiesKgPerM3: { CO2: 1.98, CO: 1.14, H2: 0.08375 },
    overrides: {
      electrolyzerCostUsdPerM2: 920,
      balanceOfPlantFraction: 0.35 / 0.65,
      electricityUsdPerKWh: 0.03,
      discountRate: 0.1,
      lifetimeYears: 20,
      capacityFactor: 350 / 365,
      fixedOpexFraction: 0.025,
    },
  },
  lines: [
    { field: 'product, electrons', value: 'CO, 2', unit: 'e⁻ per CO', source: `${EXPOSAN} (product_info: carbon monoxide, elec_number 2, mole_ratio 1)` },
    { field: 'productionTonnesPerDay', value: 100, unit: 't/day', source: `${TEA_OF_CO2RR} (ScaleMassRate_productCath = 100000/24/3600 kg/s)` },
    { field: 'currentDensityMAPerCm2', value: 200, unit: 'mA cm⁻²', source: `${EXPOSAN} (current_density 0.2 A/cm2); ${TEA_OF_CO2RR} (200 mA/cm^2)` },
    { field: 'faradaicEfficiency', value: 0.9, unit: 'fraction', source: `${EXPOSAN} (product_selectivity 0.9); ${TEA_OF_CO2RR} (Selectivity 90)` },
    { field: 'cellVoltageV', value: 2.3, unit: 'V', source: `${EXPOSAN} (cell_voltage 2.3 V; power = current × cell_voltage)` },
    {
      field: 'singlePassConversion',
      value: 0.5,
      unit: 'fraction',
      source: `${EXPOSAN} (converstion 0.5, unconverted CO2 to the PSA); ${TEA_OF_CO2RR} (Conversion 50)`,
    },
    { field: 'feeds[CO2].priceUsdPerKg', value: 0.04, unit: 'USD kg⁻¹', source: `${BAGEMIHL_SETUP} (Price.CO2 = 0.04 $/kg); ${TEA_OF_CO2RR} (40/1000)` },
    {
      field: 'feeds[H2O]',
      value: '0.0054 USD/gal, I/(4F) mol s⁻¹',
      unit: 'USD gal⁻¹; mol per mol e⁻',
      source: `${TEA_OF_CO2RR} (0.0054/3.785, NumElectron_H2O 4); ${EXPOSAN} (current_needed/4/96485*18)`,
    },
    {
      field: 'overrides.electrolyzerCostUsdPerM2',
      value: 920,
      unit: 'USD m⁻²',
      source: `${BAGEMIHL_SETUP} (Price.A = 920 $/m^2); ${EXPOSAN} (250.25 $/kW × 1.75 V × 175 mA/cm² × 1.2 installation = 919.67)`,
    },
    {
      field: 'overrides.balanceOfPlantFraction',
      value: 0.35 / 0.65,
      unit: 'of electrolyzer cost (35 % of the total)',
      source: `${EXPOSAN} ((1+1/0.65*0.35)); ${TEA_OF_CO2RR} (CapExRatio_BoP 0.35, BoP = electrolyzer × 0.35/(1 − 0.35))`,
    },
    { field: 'overrides.electricityUsdPerKWh', value: 0.03, unit: 'USD kWh⁻¹', source: `${BAGEMIHL_SETUP} (Price.Elec = 0.03 $/kWh)` },
    {
      field: 'overrides.discountRate, lifetimeYears',
      value: '0.1, 20',
      unit: 'per year, years',
      source: `${TEA_OF_CO2RR} (InterestRate 0.1, Year_Lifetime 20)`,
    },
    {
      field: 'overrides.capacityFactor',
      value: 350 / 365,
      unit: 'fraction (350 operating days)',
      source: `${EXPOSAN} (operating_days_per_year 350); ${TEA_OF_CO2RR} (AnnualWorkDays 350)`,
    },
    {
      field: 'overrides.fixedOpexFraction',
      value: 0.025,
      unit: 'of the electrolyzer cost per year',
      source: `${TEA_OF_CO2RR} (OpEx_maintenance = 0.025 * CapEx_electrolyzer)`,
    },
    { field: 'separation (PSA)', value: '1,989,043 USD at 1000 m³/h, ^0.7; 0.25 kWh/m³', unit: 'USD; kWh m⁻³', source: BOTH },
    {
      field: 'gasDensitiesKgPerM3',
      value: 'CO2 1.98, CO 1.14, H2 0.08375',
      unit: 'kg m⁻³',
      source: `${EXPOSAN} ("the density of CO2 is 1.98 kg/m3", CO 1.14, "hydrogen density: 0.08375 kg/m3")`,
    },
  ],
  caveats: [
    "Capital is levelized with the capital recovery factor (10 %, 20 years), not the paper's net present value with 38.9 % income tax, MACRS depreciation and salvage.",
    "The paper and its SI workbook were not readable here: every number is as transcribed by the public codes named on its line, and the paper's own result table could not be compared.",
    `TEAofCO2RR.py uses 0.454 V + 1.736 V + (2.3 − 2) V = 2.49 V for CO where EXPOsan uses 2.3 V; the preset follows EXPOsan (set cellVoltageV to use the other).`,
    'No O2 credit: none of the transcriptions credits the anode O2.',
  ],
};

/** The presets by id. */
export const TEA_PRESETS: Record<TeaPresetId, TeaPreset> = { jouny2018: JOUNY_2018_PRESET };
