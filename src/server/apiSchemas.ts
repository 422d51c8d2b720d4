import { z } from 'zod';
import { SWEEP_FIELDS } from '../kinetics/mapper/descriptorSweep.js';
import { modelRef, hasModel, needModel } from '../kinetics/parser/modelReference.js';

/** POST /api/records/import */
export const importRequestSchema = z.object({
  format: z.enum(['csv', 'json']),
  /** The file's text: CSV with the export header, or a JSON array of records. */
  content: z.string().max(50_000_000),
});

/** GET /api/records/export */
export const exportQuerySchema = z.object({ format: z.enum(['csv', 'json']).default('json'), origin: z.enum(['literature', 'user']).optional() });

/** POST /api/records/:id/fork */
export const forkRequestSchema = z.object({
  newId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/)
    .optional(),
});

/** GET /api/plots/yield-by-strategy.svg */
export const yieldPlotQuerySchema = z.object({ basis: z.enum(['catalyst-mass', 'area']).default('catalyst-mass') });

const descriptorValues = z.record(z.string().max(200), z.number().finite()).optional().describe('descriptor values, eV');

const axis = z.object({ name: z.string().max(200), from: z.number(), to: z.number(), points: z.number().int().min(1).max(200) });

/** POST /api/kinetics/sweeps */
export const sweepRequestSchema = z
  .object({
    ...modelRef,
    x: axis,
    y: axis.optional(),
    potentialVvsRHE: z.number().min(-5).max(5).optional(),
    descriptors: descriptorValues,
    resumeFrom: z.string().max(100).optional().describe('id of a cancelled or failed sweep of the same model and grid: its finished rows are not solved again'),
    fields: z
      .array(z.enum(SWEEP_FIELDS))
      .max(3)
      .optional()
      .describe('extra per-point output: coverages (θ per adsorbate), rates (net step rates, s⁻¹ per site); the residual is always given'),
  })
  .refine(hasModel, needModel);

/** GET /api/kinetics/sweeps/:id/result */
export const sweepResultQuerySchema = z.object({
  product: z.string().max(200).optional(),
  quantity: z.enum(['log10Tof', 'faradaicEfficiency']).default('log10Tof'),
});

export { coupleRequestSchema, microenvRequestSchema, reactorRequestSchema, teaRequestSchema, transientRequestSchema } from '../reactor/inputSchemas.js';
export {
  balanceRequestSchema,
  convertRequestSchema,
  e0RequestSchema,
  feRequestSchema,
  formulaRequestSchema,
  potentialRequestSchema,
  MAX_SPECIES,
  speciesListSchema,
} from '../studies/chemistry.js';
export { diagramRequestSchema, pulseRequestSchema, steadyRequestSchema } from '../studies/kinetics.js';

/** Response types of the API for the web app's type-only imports (web → the API's types, eslint.config.js). */
export type { BuiltinModelInfo } from '../store/builtinModels.js';
export type { CatalyticRecord } from '../data/normalizeRecord.js';
export type { RecordInputDraft } from '../data/recordSchema.js';
