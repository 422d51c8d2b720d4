import { z } from 'zod';
import { DEFAULT_RATE_CONSTANT_SET, RATE_CONSTANT_SET_IDS } from '../transport/transportData.js';
import { MICROENV_DEFAULTS as MD, REACTOR_DEFAULTS as RD } from './inputDefaults.js';

/**
 * Inputs of the process models as zod schemas: the single source for API bodies, `cncouple study <kind> file`
 * (JSON or YAML) and the flag commands (`microenv`, `couple`, `reactor` map their flags onto these fields);
 * defaults from `inputDefaults.ts`.
 */
/** Homogeneous rate-constant set (docs/microenvironment.md). */
const rateConstants = z.enum(RATE_CONSTANT_SET_IDS).default(DEFAULT_RATE_CONSTANT_SET).describe(`homogeneous rate-constant set: ${RATE_CONSTANT_SET_IDS.join(' or ')} (default ${DEFAULT_RATE_CONSTANT_SET})`);

const electrodeProduct = z.object({ to: z.string().max(200), from: z.array(z.string().max(200)).min(1).max(10), faradaicEfficiency: z.number().min(0).max(1) });

/** Microenvironment study (POST /api/microenv, `microenv`, `study microenv`). */
export const microenvRequestSchema = z.object({
  electrolyte: z.string().min(1).max(1000).describe('printed electrolyte, e.g. "0.1 M KHCO3 + 0.05 M KNO3"'),
  co2Saturated: z.boolean().default(MD.co2Saturated),
  currentDensitiesMAPerCm2: z.array(z.number().min(0).max(2000)).min(1).max(60).describe('current densities, mA cm⁻², positive cathodic magnitudes (CLI --j-ma-cm2)'),
  products: z.array(electrodeProduct).min(1).max(20).describe('electrode products with their FE (a fraction) and sources (CLI --fe "product:FE:src+src")'),
  boundaryLayerUm: z.number().min(0.1).max(10000).default(MD.boundaryLayerUm).describe('boundary-layer thickness, µm'),
  migration: z.boolean().default(MD.migration).describe('Nernst–Planck migration with electroneutrality (default: excess supporting electrolyte)'),
  rateConstants,
});

/** Transient microenvironment under a current program (POST /api/microenv/transient, `study transient`). */
export const transientRequestSchema = z
  .object({
    electrolyte: z.string().min(1).max(1000).describe('printed electrolyte, e.g. "0.5 M K2SO4"'),
    co2Saturated: z.boolean().default(MD.co2Saturated),
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
          .default('auto')
          .describe('number of periods, or "auto": repeat until the period-averaged surface concentrations settle'),
        periodicTolerance: z.number().min(0).max(0.1).default(1e-3).describe('relative change of the period averages that counts as periodic'),
        maxPeriods: z.number().int().min(1).max(10000).default(1000).describe('cap on the periods with "auto" (the result says when it was hit)'),
      })
      .optional()
      .describe('square current pulses (alternative to steps)'),
  })
  .refine((v) => (v.steps === undefined) !== (v.pulse === undefined), { message: 'give exactly one of "steps" or "pulse"', path: ['steps'] })
  // checked at submission: the solver's largest step is a hundredth of the total and at most 10⁶ s, so a longer
  // program was accepted (202) and then failed as a job (issue 14)
  .superRefine((v, ctx) => {
    const totalS = transientTotalS(v);
    if (totalS > MAX_TRANSIENT_TOTAL_S) ctx.addIssue({ code: 'custom', message: `the program lasts ${totalS.toExponential(3)} s; at most ${MAX_TRANSIENT_TOTAL_S.toExponential(0)} s in all`, path: [v.steps ? 'steps' : 'pulse'] });
  });

/** Longest current program of a transient run, s (default 1e8: the solver's largest step, total/100, is at most 10⁶ s). */
export const MAX_TRANSIENT_TOTAL_S = 1e8;

/** Longest duration of a transient's current program, s (0 when it has none; pulses until periodic: at their cap). */
function transientTotalS(v: { steps?: { durationS: number }[]; pulse?: { tHighS: number; tLowS: number; periods: number | 'auto'; maxPeriods: number } }): number {
  if (v.steps) return v.steps.reduce((s, step) => s + step.durationS, 0);
  return v.pulse ? (v.pulse.periods === 'auto' ? v.pulse.maxPeriods : v.pulse.periods) * (v.pulse.tHighS + v.pulse.tLowS) : 0;
}

/** FE vs current density with transport (POST /api/couple job, `couple`, `study couple`). */
export const coupleRequestSchema = z
  .object({
    model: z.string().max(200).optional().describe('built-in model name (GET /api/models)'),
    modelText: z.string().max(1_000_000).optional().describe('a model file as YAML or JSON text'),
    electrolyte: z.string().min(1).max(1000).describe('printed electrolyte, e.g. "0.1 M KHCO3 + 0.05 M KNO3"'),
    co2Saturated: z.boolean().default(MD.co2Saturated),
    currentDensitiesMAPerCm2: z.array(z.number().positive().max(2000)).min(1).max(30).describe('current densities, mA cm⁻², positive cathodic magnitudes (CLI --j-ma-cm2)'),
    productSources: z.record(z.string().max(200), z.array(z.string().max(200)).min(1).max(10)).describe('sources of every model product, e.g. {"urea": ["CO2", "NO3-"], "H2": ["H2O"]}'),
    boundaryLayerUm: z.number().min(0.1).max(10000).default(MD.boundaryLayerUm).describe('boundary-layer thickness, µm'),
    rateConstants,
  })
  .refine((v) => v.model !== undefined || v.modelText !== undefined, { message: 'give "model" (a built-in name) or "modelText"', path: ['model'] });

/** Flow-cell study (POST /api/reactor, `reactor`, `study reactor`). */
export const reactorRequestSchema = z.object({
  product: z.string().max(200).describe('product, a registry name or formula, e.g. "urea"'),
  electrons: z.number().positive().describe('electrons per product molecule'),
  faradaicEfficiency: z.number().min(1e-6).max(1).describe('faradaic efficiency of the product, a fraction'),
  inletConcentrationMolPerM3: z.number().min(0).describe('inlet concentration of the limiting reactant, mol m⁻³'),
  reactantPerProduct: z.number().positive().default(RD.reactantPerProduct).describe('reactant molecules per product molecule'),
  diffusionM2PerS: z.number().positive().default(RD.diffusionM2PerS).describe('reactant diffusion coefficient, m² s⁻¹'),
  velocityMPerS: z.number().positive().default(RD.velocityMPerS).describe('mean electrolyte velocity, m s⁻¹'),
  lengthM: z.number().positive().default(RD.lengthM).describe('electrode length along the flow, m'),
  widthM: z.number().positive().default(RD.widthM).describe('electrode width, m'),
  gapM: z.number().positive().default(RD.gapM).describe('channel gap, m'),
  kineticCurrentDensityAPerM2: z.number().positive().optional().describe('kinetic partial current density, A m⁻², a positive magnitude; omit for mass-transfer control'),
  cathodeEquilibriumVvsRHE: z.number().optional().describe('V vs RHE; default: from the chemistry core for the product from cathodeSources at pH (urea at pH 7: 0.7592 V)'),
  cathodeSources: z.array(z.string().min(1)).min(1).optional().describe('reactants of the cathode reaction (default CO2 + NO3- for urea, NO3- for NH3)'),
  pH: z.number().min(-2).max(16).default(RD.pH).describe('pH for the default cathode equilibrium potential'),
  conductivitySPerM: z.number().positive().default(RD.conductivitySPerM).describe('electrolyte conductivity, S m⁻¹'),
  targetTonnesPerDay: z.number().min(0).default(RD.targetTonnesPerDay).describe('production target of the scale-up, t day⁻¹'),
});

/** Techno-economic study (POST /api/tea, `tea --input`). */
export const teaRequestSchema = z.object({
  product: z.string().max(200),
  electrons: z.number().positive(),
  faradaicEfficiency: z.number().min(1e-6).max(1),
  currentDensityAPerM2: z.number().positive(),
  cellVoltageV: z.number().positive(),
  productionTonnesPerDay: z.number().positive().default(100),
  overrides: z.record(z.string().max(100), z.number()).optional(),
});
