import { z } from 'zod';
import { hasModel, modelRef, needModel } from '../kinetics/parser/modelReference.js';
import { quoteDiffusionCoefficients } from '../transport/diffusionCoefficients.js';
import { DEFAULT_RATE_CONSTANT_SET, RATE_CONSTANT_SET_IDS } from '../transport/transportData.js';
import { TEA_PRESET_IDS, TEA_PROCESS_DEFAULTS } from './teaPresets.js';

export { TEA_PROCESS_DEFAULTS };
import { MICROENV_DEFAULTS as MD, PULSE_DEFAULTS as PD, REACTOR_DEFAULTS as RD } from './inputDefaults.js';

/**
 * Inputs of the process models as zod schemas: the single source for API bodies, `cncouple study <kind> file`
 * (JSON or YAML) and the flag commands (`microenv`, `couple`, `reactor` map their flags onto these fields);
 * defaults from `inputDefaults.ts`.
 */
/** Homogeneous rate-constant set (docs/microenvironment.md). */
const rateConstants = z
  .enum(RATE_CONSTANT_SET_IDS)
  .default(DEFAULT_RATE_CONSTANT_SET)
  .describe(`homogeneous rate-constant set: ${RATE_CONSTANT_SET_IDS.join(' or ')} (default ${DEFAULT_RATE_CONSTANT_SET})`);

const electrodeProduct = z.object({ to: z.string().max(200), from: z.array(z.string().max(200)).min(1).max(10), faradaicEfficiency: z.number().min(0).max(1) });

/**
 * What `co2Saturated` means (the API docs of every study with the field): the bulk equilibrated with 1 bar CO2 (an H-cell with CO2 bubbled through it), so a
 * KOH bulk becomes bicarbonate (0.1 M KOH → pH 6.82); false for a flow cell whose gas-diffusion electrode feeds
 * CO2 without equilibrating the bulk (0.1 M KOH keeps pH 13).
 */
export const CO2_SATURATED_DESCRIPTION =
  'bulk equilibrated with 1 bar CO2 (H-cell with CO2 bubbled through: 0.1 M KOH becomes bicarbonate, pH 6.82); false for a flow cell whose gas-diffusion electrode feeds CO2 without equilibrating the bulk (0.1 M KOH: pH 13)';

/** Microenvironment study (POST /api/microenv, `microenv`, `study microenv`). */
export const microenvRequestSchema = z.object({
  electrolyte: z.string().min(1).max(1000).describe('printed electrolyte, e.g. "0.1 M KHCO3 + 0.05 M KNO3"'),
  co2Saturated: z.boolean().default(MD.co2Saturated).describe(CO2_SATURATED_DESCRIPTION),
  currentDensitiesMAPerCm2: z
    .array(z.number().min(0).max(2000))
    .min(1)
    .max(60)
    .describe('current densities, mA cm⁻², positive cathodic magnitudes (CLI --j-ma-cm2)'),
  products: z.array(electrodeProduct).min(1).max(20).describe('electrode products with their FE (a fraction) and sources (CLI --fe "product:FE:src+src")'),
  boundaryLayerUm: z.number().min(0.1).max(10000).default(MD.boundaryLayerUm).describe('boundary-layer thickness, µm'),
  migration: z.boolean().default(MD.migration).describe('Nernst–Planck migration with electroneutrality (default: excess supporting electrolyte)'),
  rateConstants,
});

/** Transient microenvironment under a current program (POST /api/microenv/transient, `study transient`). */
export const transientRequestSchema = z
  .object({
    electrolyte: z.string().min(1).max(1000).describe('printed electrolyte, e.g. "0.5 M K2SO4"'),
    co2Saturated: z.boolean().default(MD.co2Saturated).describe(CO2_SATURATED_DESCRIPTION),
    products: z.array(electrodeProduct).min(1).max(20),
    boundaryLayerUm: z.number().min(0.1).max(10000).default(MD.boundaryLayerUm).describe('boundary-layer thickness, µm'),
    migration: z.boolean().default(MD.migration).describe('Nernst–Planck migration with electroneutrality'),
    rateConstants,
    rtol: z.number().min(1e-8).max(0.1).default(1e-3).describe('relative tolerance of the local error estimate of each BDF2 step'),
    steps: z
      .array(z.object({ durationS: z.number().min(1e-6).max(1e6), currentDensityMAPerCm2: z.number().min(0).max(2000) }))
      .min(1)
      .max(2000)
      .optional()
      .describe('piecewise-constant current program, applied in order from the bulk composition'),
    pulse: z
      .object({
        highMAPerCm2: z.number().min(0).max(2000),
        tHighS: z.number().min(1e-6).max(1e6),
        lowMAPerCm2: z.number().min(0).max(2000),
        tLowS: z.number().min(1e-6).max(1e6),
        periods: z
          .union([z.number().int().min(1).max(10000), z.literal('auto')])
          .default(PD.periods)
          .describe('number of periods, or "auto": repeat until the period-averaged surface concentrations settle'),
        periodicTolerance: z.number().min(0).max(0.1).default(PD.periodicTolerance).describe('relative change of the period averages that counts as periodic'),
        maxPeriods: z.number().int().min(1).max(10000).default(PD.maxPeriods).describe('cap on the periods with "auto" (the result says when it was hit)'),
      })
      .optional()
      .describe('square current pulses (alternative to steps)'),
  })
  .refine((v) => (v.steps === undefined) !== (v.pulse === undefined), { message: 'give exactly one of "steps" or "pulse"', path: ['steps'] })
  // checked at submission: the solver's largest step is a hundredth of the total and at most 10⁶ s, so a longer
  // program was accepted (202) and then failed as a job (issue 14)
  .superRefine((v, ctx) => {
    const totalS = transientTotalS(v);
    if (totalS > MAX_TRANSIENT_TOTAL_S)
      ctx.addIssue({
        code: 'custom',
        message: `the program lasts ${totalS.toExponential(3)} s; at most ${MAX_TRANSIENT_TOTAL_S.toExponential(0)} s in all`,
        path: [v.steps ? 'steps' : 'pulse'],
      });
  });

/** Longest current program of a transient run, s (default 1e8: the solver's largest step, total/100, is at most 10⁶ s). */
export const MAX_TRANSIENT_TOTAL_S = 1e8;

/** Longest duration of a transient's current program, s (0 when it has none; pulses until periodic: at their cap). */
function transientTotalS(v: {
  steps?: { durationS: number }[];
  pulse?: { tHighS: number; tLowS: number; periods: number | 'auto'; maxPeriods: number };
}): number {
  if (v.steps) return v.steps.reduce((s, step) => s + step.durationS, 0);
  return v.pulse ? (v.pulse.periods === 'auto' ? v.pulse.maxPeriods : v.pulse.periods) * (v.pulse.tHighS + v.pulse.tLowS) : 0;
}

/** FE vs current density with transport (POST /api/couple job, `couple`, `study couple`). */
export const coupleRequestSchema = z
  .object({
    ...modelRef,
    electrolyte: z.string().min(1).max(1000).describe('printed electrolyte, e.g. "0.1 M KHCO3 + 0.05 M KNO3"'),
    co2Saturated: z.boolean().default(MD.co2Saturated).describe(CO2_SATURATED_DESCRIPTION),
    currentDensitiesMAPerCm2: z
      .array(z.number().positive().max(2000))
      .min(1)
      .max(30)
      .describe('current densities, mA cm⁻², positive cathodic magnitudes (CLI --j-ma-cm2)'),
    productSources: z
      .record(z.string().max(200), z.array(z.string().max(200)).min(1).max(10))
      .describe('sources of every model product, e.g. {"urea": ["CO2", "NO3-"], "H2": ["H2O"]}'),
    boundaryLayerUm: z.number().min(0.1).max(10000).default(MD.boundaryLayerUm).describe('boundary-layer thickness, µm'),
    rateConstants,
  })
  .refine(hasModel, needModel);

/** Flow-cell study (POST /api/reactor, `reactor`, `study reactor`). */
export const reactorRequestSchema = z.object({
  product: z.string().max(200).describe('product, a registry name or formula, e.g. "urea"'),
  electrons: z.number().positive().describe('electrons per product molecule'),
  faradaicEfficiency: z.number().min(1e-6).max(1).describe('faradaic efficiency of the product, a fraction'),
  inletConcentrationMolPerM3: z.number().min(0).describe('inlet concentration of the limiting reactant, mol m⁻³'),
  limitingReactant: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'the reactant the inlet concentration is of, e.g. "NO3-": reactantPerProduct is then derived from the cathode reaction balanced from cathodeSources (urea: 2)',
    ),
  reactantPerProduct: z
    .number()
    .positive()
    .optional()
    .describe(
      `reactant molecules per product molecule; must equal the balanced value when limitingReactant is named; with neither, ${RD.reactantPerProduct} is assumed and the result warns`,
    ),
  diffusionM2PerS: z
    .number()
    .positive()
    .optional()
    .describe(
      `reactant diffusion coefficient, m² s⁻¹; default: the sourced value of limitingReactant (CRC Handbook, 25 °C: ${quoteDiffusionCoefficients(['CO2', 'NO3-'])}), refused for a reactant without one; with no reactant named, ${RD.assumedDiffusionReactant}'s is assumed and the result warns`,
    ),
  velocityMPerS: z.number().positive().default(RD.velocityMPerS).describe('mean electrolyte velocity, m s⁻¹'),
  lengthM: z.number().positive().default(RD.lengthM).describe('electrode length along the flow, m'),
  widthM: z.number().positive().default(RD.widthM).describe('electrode width, m'),
  gapM: z.number().positive().default(RD.gapM).describe('channel gap, m'),
  kineticCurrentDensityAPerM2: z
    .number()
    .positive()
    .optional()
    .describe('kinetic partial current density, A m⁻², a positive magnitude; omit for mass-transfer control'),
  cathodeEquilibriumVvsRHE: z
    .number()
    .optional()
    .describe('V vs RHE; default: from the chemistry core for the product from cathodeSources at pH (urea at pH 7: 0.7592 V)'),
  cathodeSources: z.array(z.string().min(1)).min(1).optional().describe('reactants of the cathode reaction (default CO2 + NO3- for urea, NO3- for NH3)'),
  pH: z.number().min(-2).max(16).default(RD.pH).describe('pH for the default cathode equilibrium potential'),
  conductivitySPerM: z.number().positive().default(RD.conductivitySPerM).describe('electrolyte conductivity, S m⁻¹'),
  targetTonnesPerDay: z.number().min(0).default(RD.targetTonnesPerDay).describe('production target of the scale-up, t day⁻¹'),
});

/** The fields a tea study needs from the request or its preset. */
const TEA_REQUIRED = ['product', 'electrons', 'faradaicEfficiency', 'cellVoltageV'] as const;

const teaFeed = z
  .object({
    species: z.string().min(1).max(200).describe('feed species name or formula, e.g. "CO2", "KNO3", "acetone"'),
    priceUsdPerKg: z.number().min(0).max(1e6).optional().describe('USD per kg of feed (default: CO2 0.05 USD/kg, Zhang 2022; other feeds excluded unless set)'),
    molPerMolProduct: z.number().min(0).max(1000).optional().describe('mol consumed per mol product (default: from the balanced half-reaction)'),
    molPerMolElectrons: z.number().min(0).max(1000).optional().describe('alternatively mol consumed per mol of electrons passed (e.g. anode water)'),
    selectivity: z.number().gt(0).max(1).optional().describe('fraction of the converted feed that ends in the product (default 1)'),
    singlePassConversion: z.number().gt(0).max(1).optional().describe("this feed's single-pass conversion (default: the study's)"),
    phase: z.enum(['gas', 'liquid']).optional().describe('gas feeds are recycled through the PSA (default: gas for CO2, CO, N2, …)'),
  })
  .strict();

const teaSeparation = z
  .object({
    method: z.enum(['psa', 'distillation', 'crystallization', 'none']).describe('psa (gas), distillation or crystallization (liquid), none'),
    referenceCapitalUsd: z.number().min(0).max(1e12).optional().describe('installed capital of the reference unit, USD (PSA default 1,989,043, Jouny 2018)'),
    referenceCapacity: z
      .number()
      .positive()
      .max(1e12)
      .optional()
      .describe('reference capacity: m³/h gas (psa), L/min electrolyte (distillation), kg/h product (crystallization)'),
    scalingExponent: z.number().min(0).max(2).optional().describe('capacity exponent (PSA and Jouny distillation default 0.7)'),
    energyKWhPerUnit: z.number().min(0).max(1e6).optional().describe('kWh per m³ gas (psa, default 0.25) or per kg product (crystallization, no default)'),
    operatingUsdPerYearAtReference: z
      .number()
      .min(0)
      .max(1e12)
      .optional()
      .describe('distillation operating cost at the reference capacity, USD per year (linear)'),
    productVolumeFraction: z.number().gt(0).max(1).optional().describe('product volume fraction in the electrolyte to distillation (default 0.1, Jouny 2018)'),
    productDensityKgPerM3: z.number().positive().max(1e5).optional().describe('liquid product density, kg m⁻³ (distillation)'),
  })
  .strict();

/** Techno-economic study (POST /api/tea, `tea --input`, `study tea`, the `tea` flags). */
export const teaRequestSchema = z
  .object({
    preset: z
      .enum(TEA_PRESET_IDS)
      .optional()
      .describe(`a published case whose assumptions fill every field you do not give: ${TEA_PRESET_IDS.join(', ')} (docs/tea.md)`),
    product: z.string().min(1).max(200).optional().describe('product name or formula (required unless a preset gives it)'),
    electrons: z.number().positive().max(1000).optional().describe('electrons per product molecule (required unless a preset gives it)'),
    faradaicEfficiency: z.number().min(1e-6).max(1).optional().describe('fraction (required unless a preset gives it)'),
    currentDensityMAPerCm2: z.number().positive().max(10000).optional().describe('total current density, mA cm⁻² (required unless a preset gives it)'),
    currentDensityAPerM2: z.number().positive().max(1e5).optional().describe('deprecated alias: total current density in A m⁻² (give currentDensityMAPerCm2)'),
    cellVoltageV: z.number().positive().max(100).optional().describe('cell voltage, V (required unless a preset gives it)'),
    productionTonnesPerDay: z
      .number()
      .positive()
      .max(1e6)
      .optional()
      .describe(`plant capacity, t/day (default ${TEA_PROCESS_DEFAULTS.productionTonnesPerDay})`),
    productPhase: z.enum(['gas', 'liquid']).optional().describe('default: gas for CO, H2, CH4, C2H4…, else liquid'),
    singlePassConversion: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe('fraction of the fed reactant converted per pass; the rest is recycled (default: not set, recycle excluded)'),
    feeds: z.array(teaFeed).max(10).optional().describe('reactants fed, each with its price (default: none, feedstock excluded)'),
    separation: teaSeparation
      .optional()
      .describe('product separation unit (default: PSA for a gas product, Jouny distillation for ethanol/formic acid/methanol/n-propanol, else excluded)'),
    oxygenPriceUsdPerKg: z.number().min(0).max(1e6).optional().describe('anode O2 credit, USD kg⁻¹ (default: no credit)'),
    gasDensitiesKgPerM3: z
      .record(z.string().max(100), z.number().positive().max(1e4))
      .optional()
      .describe('gas densities by species, kg m⁻³ (default: ideal gas at 0 °C, 1 atm)'),
    overrides: z.record(z.string().max(100), z.number()).optional().describe("economic parameters (GET the study's `defaults`)"),
  })
  .superRefine((v, ctx) => {
    if (v.currentDensityMAPerCm2 !== undefined && v.currentDensityAPerM2 !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'give one current density: currentDensityMAPerCm2 (or the deprecated currentDensityAPerM2)',
        path: ['currentDensityAPerM2'],
      });
    if (v.preset !== undefined) return;
    for (const field of TEA_REQUIRED)
      if (v[field] === undefined) ctx.addIssue({ code: 'custom', message: `${field} is required unless a preset gives it`, path: [field] });
    if (v.currentDensityMAPerCm2 === undefined && v.currentDensityAPerM2 === undefined)
      ctx.addIssue({ code: 'custom', message: 'currentDensityMAPerCm2 is required unless a preset gives it', path: ['currentDensityMAPerCm2'] });
  });
