import { z } from 'zod';
import { parseRunsCsv, parseSearchSpaceText } from '../ml/campaignText.js';
import { askNext, campaignStatus } from '../ml/planExperiments.js';
import { DEFAULT_MULTI_OBJECTIVE_ACQUISITION, MULTI_OBJECTIVE_ACQUISITIONS } from '../ml/planDefaults.js';
import { type SearchSpace, parseSearchSpace } from '../ml/searchSpace.js';
import { paretoSpec, paritySpec } from '../plot/planSpecs.js';
import { seedField } from '../studies/requestFields.js';
import type { RouteDefinition } from './routes.js';

const spaceField = z
  .union([z.string().min(1).max(100_000), z.record(z.string(), z.unknown())])
  .describe('the search space: YAML/JSON text, or the object (docs/ml.md)');
const runsField = z
  .string()
  .max(5_000_000)
  .default('')
  .describe('runs so far as CSV text: one column per parameter and objective; empty objectives = in flight');

/** Body of `POST /api/plan/ask`. */
export const planAskRequestSchema = z.object({
  space: spaceField,
  runs: runsField,
  batch: z.number().int().min(1).max(50).default(1).describe('number of suggestions'),
  seed: seedField('random seed (same inputs and seed → same suggestions)'),
  acquisition: z
    .enum(MULTI_OBJECTIVE_ACQUISITIONS)
    .optional()
    .describe(
      `two objectives: ehvi (expected hypervolume improvement) or parego (Chebyshev scalarizations, log-EI); default ${DEFAULT_MULTI_OBJECTIVE_ACQUISITION}; one objective always uses log-EI: ehvi is then refused, parego ignored (method log-ei)`,
    ),
});

/** Body of `POST /api/plan/status`. */
export const planStatusRequestSchema = z.object({
  space: spaceField,
  runs: runsField,
  seed: seedField(),
});

const space = (s: string | Record<string, unknown>): SearchSpace => (typeof s === 'string' ? parseSearchSpaceText(s) : parseSearchSpace(s));

/** Experiment-planning routes (ask/tell over a search space and a runs table). */
export const ML_ROUTES: RouteDefinition[] = [
  {
    method: 'POST',
    url: '/api/plan/ask',
    tag: 'planning',
    summary:
      'Next runs of a campaign: space-filling, then log expected improvement (two objectives: expected hypervolume improvement, or ParEGO with acquisition parego)',
    body: planAskRequestSchema,
    handler: ({ body }) => {
      const b = body as z.infer<typeof planAskRequestSchema>;
      const s = space(b.space);
      return askNext(s, parseRunsCsv(s, b.runs), { batch: b.batch, seed: b.seed, acquisition: b.acquisition });
    },
  },
  {
    method: 'POST',
    url: '/api/plan/status',
    tag: 'planning',
    summary: 'Best runs, Pareto front, surrogate diagnostics, the leave-one-out parity plot and (two objectives) the Pareto plot (Vega-Lite)',
    body: planStatusRequestSchema,
    handler: ({ body }) => {
      const b = body as z.infer<typeof planStatusRequestSchema>;
      const s = space(b.space);
      const campaign = parseRunsCsv(s, b.runs);
      const status = campaignStatus(s, campaign, { seed: b.seed });
      const [a, c] = s.objectives.map((o) => o.name);
      const pareto =
        a !== undefined && c !== undefined && campaign.completed.length
          ? paretoSpec(
              [a, c],
              campaign.completed.map((r) => ({ line: r.line, a: r.objectives[a]!, b: r.objectives[c]!, front: status.paretoFront.includes(r) })),
            )
          : null;
      return { ...status, paritySpec: status.parity ? paritySpec(status.parity) : null, paretoSpec: pareto };
    },
  },
];
