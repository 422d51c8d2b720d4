import { z } from 'zod';
import { POTENTIAL_SCALE_NAMES } from '../chem/index.js';

/** A species list: an array of names/formulas, or one comma-separated string ("CO2, NO3-"). */
export const speciesListSchema = z
  .union([z.array(z.string().min(1)).min(1), z.string().min(1)])
  .transform((v) => (Array.isArray(v) ? v : v.split(',').map((s) => s.trim()).filter(Boolean)))
  .describe('species names or formulas, e.g. ["CO2", "NO3-"] or "CO2, NO3-"');

const finite = z.number().finite();

/** POST /api/formula */
export const formulaRequestSchema = z.object({ formula: z.string().min(1).max(200).describe('e.g. "CO(NH2)2", "NO3-", "CuSO4·5H2O"') });

/** POST /api/balance */
export const balanceRequestSchema = z.object({
  from: speciesListSchema,
  to: speciesListSchema,
  medium: z.enum(['acidic', 'alkaline']).default('acidic'),
});

/** POST /api/fe — either `electrons` or `from` (to count electrons by balancing). */
export const feRequestSchema = z.object({
  to: speciesListSchema,
  from: speciesListSchema.optional(),
  electrons: finite.optional().describe('electrons per product molecule (overrides balancing)'),
  chargeC: finite.describe('charge passed, C'),
  amountMol: finite.min(0).describe('product amount, mol'),
});

/** POST /api/potential */
export const potentialRequestSchema = z.object({
  potentialV: finite.describe('potential, V vs `from`'),
  from: z.string().describe(`reference: ${POTENTIAL_SCALE_NAMES.join(', ')}`),
  to: z.string(),
  pH: finite.optional(),
  temperatureK: finite.optional(),
  currentA: finite.optional(),
  resistanceOhm: finite.optional(),
});

/** POST /api/convert */
export const convertRequestSchema = z.object({
  value: finite,
  fromUnit: z.string().min(1).describe('e.g. "mmol h-1 cm-2"'),
  toUnit: z.string().min(1),
  species: z.string().optional().describe('product for its molar mass'),
  molarMassGPerMol: finite.positive().optional(),
});

/** POST /api/e0 */
export const e0RequestSchema = z.object({ from: speciesListSchema, to: speciesListSchema, pH: finite.optional() });

/** POST /api/records/import */
export const importRequestSchema = z.object({
  format: z.enum(['csv', 'json']),
  /** The file's text: CSV with the export header, or a JSON array of records. */
  content: z.string().max(50_000_000),
});

/** GET /api/records/export */
export const exportQuerySchema = z.object({ format: z.enum(['csv', 'json']).default('json'), origin: z.enum(['literature', 'user']).optional() });

/** POST /api/records/:id/fork */
export const forkRequestSchema = z.object({ newId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/).optional() });

/** GET /api/plots/yield-by-strategy.svg */
export const yieldPlotQuerySchema = z.object({ basis: z.enum(['catalyst-mass', 'area']).default('catalyst-mass') });

/** A model by built-in name or as YAML/JSON text. */
const modelRef = {
  model: z.string().optional().describe('built-in model name (GET /api/models)'),
  modelText: z.string().max(1_000_000).optional().describe('a model file as YAML or JSON text'),
};
const descriptorValues = z.record(z.string(), z.number().finite()).optional().describe('descriptor values, eV');
const requireModel = <T extends { model?: string; modelText?: string }>(v: T) => v.model !== undefined || v.modelText !== undefined;
const modelMessage = { message: 'give "model" (a built-in name) or "modelText"', path: ['model'] };

/** POST /api/mechanism/diagram */
export const diagramRequestSchema = z
  .object({ ...modelRef, potentialVvsRHE: z.number().min(-5).max(5).default(0), pathways: z.array(z.string()).optional(), descriptors: descriptorValues })
  .refine(requireModel, modelMessage);

/** POST /api/kinetics/steady */
export const steadyRequestSchema = z
  .object({ ...modelRef, potentialsVvsRHE: z.array(z.number().min(-5).max(5)).min(1).max(400).optional(), descriptors: descriptorValues })
  .refine(requireModel, modelMessage);

/** POST /api/kinetics/pulse */
export const pulseRequestSchema = z
  .object({ ...modelRef, e1V: z.number(), t1S: z.number(), e2V: z.number(), t2S: z.number(), periods: z.number().int().min(1).max(200), descriptors: descriptorValues })
  .refine(requireModel, modelMessage);

const axis = z.object({ name: z.string(), from: z.number(), to: z.number(), points: z.number().int().min(1).max(200) });

/** POST /api/kinetics/sweeps */
export const sweepRequestSchema = z
  .object({
    ...modelRef,
    x: axis,
    y: axis.optional(),
    potentialVvsRHE: z.number().min(-5).max(5).optional(),
    descriptors: descriptorValues,
    resumeFrom: z.string().optional().describe('id of a cancelled or failed sweep of the same model and grid: its finished rows are not solved again'),
    fields: z.array(z.enum(['coverages', 'rates', 'residual'])).optional().describe('extra per-point output: coverages (θ per adsorbate), rates (net step rates, s⁻¹ per site); the residual is always given'),
  })
  .refine(requireModel, modelMessage);

/** GET /api/kinetics/sweeps/:id/result */
export const sweepResultQuerySchema = z.object({ product: z.string().optional(), quantity: z.enum(['log10Tof', 'faradaicEfficiency']).default('log10Tof') });

export { coupleRequestSchema, microenvRequestSchema, reactorRequestSchema, teaRequestSchema, transientRequestSchema } from '../reactor/inputSchemas.js';
