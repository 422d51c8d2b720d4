/**
 * The virtual-lab optimization (`kinetics optimize`, `POST /api/kinetics/optimize`) and the descriptor-uncertainty
 * screening (`screen`, `POST /api/screen`): background jobs on the worker pool. Each is defined once here: request
 * schema, the checks made before a job starts (bad input → 400, not a failed job), `run`, and the result figure.
 */
import { z } from 'zod';
import { parseCandidatesCsv } from '../ml/campaignText.js';
import {
  type OptimizeKineticModelResult,
  checkLocalBudget,
  checkVariedInputs,
  optimizeKineticModel,
  parseKineticObjective,
} from '../ml/optimizeKineticModel.js';
import { OPTIMIZE_DEFAULTS as OD } from '../ml/optimizeDefaults.js';
import { type ScreenCandidatesOptions, type ScreenCandidatesResult, screenCandidates, screeningSettings } from '../ml/screenCandidates.js';
import { SCREENING_DEFAULTS as SD } from '../ml/screeningDefaults.js';
import { beliefMapSpec, screeningSpec } from '../plot/planSpecs.js';
import { modelRef, hasModel, needModel } from '../kinetics/parser/modelReference.js';
import { modelOf, seedField } from './requestFields.js';
import { defineStudy } from './study.js';

const seed = seedField('random seed (same input and seed → same result)');
/** Most evaluations one `kinetics.optimize` request may ask for (its `budget`). */
const MAX_OPTIMIZE_BUDGET = 200;

/** Body of `POST /api/kinetics/optimize` (the CLI's `kinetics optimize` maps its flags onto it); defaults {@link OD OPTIMIZE_DEFAULTS}. */
export const optimizeRequestSchema = z
  .object({
    ...modelRef,
    vary: z
      .array(z.object({ name: z.string().min(1).max(200), low: z.number(), high: z.number() }))
      .min(1)
      .max(8)
      .describe('inputs to vary: descriptors (eV), "potential" (V vs RHE), or the pulse program E1, E2 (V vs RHE), t1, t2 (s)'),
    objective: z.string().min(3).max(200).describe('fe:PRODUCT (faradaic efficiency) or log10Tof:PRODUCT (s⁻¹ per site)'),
    budget: z.number().int().min(3).max(MAX_OPTIMIZE_BUDGET).default(OD.budget).describe('steady-state evaluations'),
    seed,
    periods: z.number().int().min(2).max(1000).default(OD.periods).describe('periods per pulse-program evaluation'),
    localBudget: z
      .number()
      .int()
      .min(0)
      .max(MAX_OPTIMIZE_BUDGET - 3) // checkLocalBudget: the Bayesian optimization keeps at least 3
      .optional()
      .describe(
        `evaluations of the local phase at the end (coordinate line searches from the best point), at most budget − 3; absent: ⌊${OD.localShare} × budget⌋ when the budget is at least ${OD.localMinBudgetPerInput} per varied input, else 0`,
      ),
  })
  .refine(hasModel, needModel);

/** Body of `POST /api/screen` (the CLI's `screen` maps its flags onto it); defaults {@link SD SCREENING_DEFAULTS}. */
export const screenRequestSchema = z
  .object({
    ...modelRef,
    candidates: z.string().min(1).max(2_000_000).describe('CSV: name, descriptor columns (eV), optional sigma_<descriptor> columns (eV)'),
    sigmaEv: z.number().min(0).max(2).default(SD.sigmaEv).describe('standard deviation of every descriptor without its own sigma column, eV'),
    correlation: z.number().min(0).lt(1).default(SD.correlation).describe('correlation of a candidate’s descriptor errors (0 ≤ ρ < 1)'),
    samples: z.number().int().min(10).max(20_000).default(SD.samples).describe('Monte Carlo samples per candidate'),
    topK: z.number().int().min(1).max(10_000).default(SD.topK).describe('k of P(top k)'),
    product: z.string().max(200).optional().describe('product to report (default: the model’s first)'),
    rankBy: z.enum(['log10Tof', 'fe']).default(SD.rankBy),
    potentialVvsRHE: z.number().min(-5).max(5).optional().describe('potential, V vs RHE (default: the model’s)'),
    seed,
  })
  .refine(hasModel, needModel);

/**
 * The screening options of a validated `POST /api/screen` request: the one mapping from request fields to
 * {@link ScreenCandidatesOptions}, used by the single-thread study and by the pooled run (jobs/runParallelScreening.ts).
 * Units and defaults as in {@link screenRequestSchema} (sigmaEv eV, potentialVvsRHE V vs RHE).
 */
export function screeningOptionsOf(b: z.output<typeof screenRequestSchema>): ScreenCandidatesOptions {
  return {
    sigmaEv: b.sigmaEv,
    correlation: b.correlation,
    samples: b.samples,
    topK: b.topK,
    product: b.product,
    rankBy: b.rankBy,
    potentialVvsRHE: b.potentialVvsRHE,
    seed: b.seed,
  };
}

/** Bayesian optimization through a kinetic model (descriptors, potential or a pulse program): trace, best point, belief map. */
export const optimizeStudy = defineStudy({
  name: 'kinetics.optimize',
  summary: 'Virtual-lab Bayesian optimization through a kinetic model (progress: evaluations done)',
  input: optimizeRequestSchema,
  runsOn: 'job',
  example: { model: 'urea-cu4-ceo2', vary: [{ name: 'dG_NO', low: -1.5, high: 0.5 }], objective: 'log10Tof:urea', budget: 4, seed: 1 },
  // keyed by the varied descriptors
  responseMaps: ['best.inputs', 'trace[].inputs'],
  check: (input) => {
    const model = modelOf(input);
    parseKineticObjective(model, input.objective);
    checkVariedInputs(model, input.vary);
    if (input.localBudget !== undefined) checkLocalBudget(input.localBudget, input.budget);
  },
  run: (b, report): OptimizeKineticModelResult => {
    const model = modelOf(b);
    return optimizeKineticModel(model, {
      vary: b.vary,
      objective: parseKineticObjective(model, b.objective),
      budget: b.budget,
      seed: b.seed,
      pulsePeriods: b.periods,
      localBudget: b.localBudget,
      onEvaluation: (_, i) => report?.(i + 1, b.budget),
    });
  },
  /** Vega-Lite belief map of a finished optimization (one or two varied inputs), else null. */
  figure: (r) => {
    const label = r.objective.quantity === 'fe' ? `FE of ${r.objective.product}` : `log10 TOF of ${r.objective.product} (s⁻¹ per site)`;
    return r.beliefMap ? beliefMapSpec(r.beliefMap, r.trace, label) : null;
  },
});

/**
 * Monte Carlo screening of candidate surfaces under descriptor uncertainty: TOF/FE intervals and P(top k). On the
 * worker pool it runs in chunks of candidates over all workers (listed in src/jobs/parallelRunners.ts).
 */
export const screenStudy = defineStudy({
  name: 'screen',
  summary: 'Monte Carlo screening of candidate surfaces under descriptor uncertainty (progress: candidates done)',
  input: screenRequestSchema,
  runsOn: 'job',
  example: { model: 'urea-cu4-ceo2', candidates: 'name,dG_NO,dG_CO\na,-1,0\nb,-0.5,0.2\n', samples: 10, seed: 2 },
  // keyed by the model's descriptors
  responseMaps: ['candidates[].descriptors'],
  check: (input) => {
    // the run's own checks (product, each candidate's sigma ≤ 2 eV, …), before the job is queued
    const model = modelOf(input);
    screeningSettings(model, parseCandidatesCsv(model.descriptors, input.candidates), screeningOptionsOf(input));
  },
  run: (b, report): ScreenCandidatesResult => {
    const model = modelOf(b);
    return screenCandidates(model, parseCandidatesCsv(model.descriptors, b.candidates), { ...screeningOptionsOf(b), onCandidate: report });
  },
  /** Vega-Lite chart of the screened candidates with their 5–95 % intervals of the ranking quantity. */
  figure: (r) => {
    const q = r.rankBy;
    return screeningSpec(
      r.candidates.map((c) => ({ name: c.name, ...c[q], pTopK: c.pTopK })),
      q === 'fe' ? `FE of ${r.product}` : `log10 TOF of ${r.product} (s⁻¹ per site)`,
      r.topK,
    );
  },
});
