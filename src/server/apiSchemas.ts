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
