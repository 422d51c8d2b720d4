import { z } from 'zod';
import { InputError } from '../chem/index.js';
import { inputErrorFromZod } from '../chem/zodIssues.js';
import { parseRunsCsv, parseSearchSpaceText } from './campaignText.js';
import type { Campaign } from './runs.js';
import { type SearchSpace, parseSearchSpace } from './searchSpace.js';

/** Longest campaign name, characters (default 100). */
export const MAX_CAMPAIGN_NAME_CHARS = 100;
/** Longest search-space text of a saved campaign, characters (default 100 000, as `POST /api/plan/ask`). */
export const MAX_CAMPAIGN_SPACE_CHARS = 100_000;
/** Longest runs CSV of a saved campaign, characters (default 200 000: a few thousand runs, within the API's 256 KiB body). */
export const MAX_CAMPAIGN_RUNS_CHARS = 200_000;

/**
 * A campaign as a user saves it (issue 13, the Plan & screen page): a name, the search space (YAML/JSON text,
 * or the object, as `POST /api/plan/ask` takes it) and the runs so far as CSV text (empty objective cells =
 * runs in flight). The single schema of the API body and the stored document.
 */
export const savedCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(MAX_CAMPAIGN_NAME_CHARS).describe('a name to find the campaign by, e.g. "CuPd nitrate series"'),
    space: z
      .union([z.string().min(1).max(MAX_CAMPAIGN_SPACE_CHARS), z.record(z.string(), z.unknown())])
      .describe('the search space: YAML/JSON text, or the object (docs/ml.md)'),
    runs: z
      .string()
      .max(MAX_CAMPAIGN_RUNS_CHARS)
      .default('')
      .describe('runs so far as CSV text: one column per parameter and objective; empty objectives = in flight'),
  })
  .strict();

/** A campaign as sent (runs may be left out). */
export type SavedCampaignInput = z.input<typeof savedCampaignSchema>;
/** A validated campaign document (the stored form). */
export type SavedCampaign = z.output<typeof savedCampaignSchema>;

/** A validated campaign with its parsed space and runs. */
export interface CheckedCampaign {
  document: SavedCampaign;
  space: SearchSpace;
  campaign: Campaign;
}

/** The same problem with `prefix` before its field (the message's field too). */
function prefixed(error: InputError, prefix: string): InputError {
  const head = `${error.field}: `;
  const tail = ` (allowed: ${error.allowed})`;
  const first = error.message.split('\n')[0]!;
  const problem = first.startsWith(head) && first.endsWith(tail) ? first.slice(head.length, first.length - tail.length) : first;
  return new InputError(`${prefix}${error.field}`, error.allowed, problem, { cause: error });
}

/**
 * Validates a campaign to save: the schema, then the space as {@link parseSearchSpace} does and the runs
 * against it as {@link parseRunsCsv} does — a saved campaign is always one the planner can read.
 * @throws {InputError} naming the field: `name`, `space.parameters.1.high`, `runs, line 4, potential` …
 */
export function checkSavedCampaign(raw: unknown): CheckedCampaign {
  const parsed = savedCampaignSchema.safeParse(raw);
  if (!parsed.success) throw inputErrorFromZod(parsed.error, '(campaign)', 'a campaign {name, space, runs} (docs/ml.md)');
  const document = parsed.data;
  let space: SearchSpace;
  try {
    space = typeof document.space === 'string' ? parseSearchSpaceText(document.space) : parseSearchSpace(document.space);
  } catch (error) {
    if (error instanceof InputError) throw error.field === 'space' ? error : prefixed(error, 'space.');
    throw error;
  }
  try {
    return { document, space, campaign: parseRunsCsv(space, document.runs) };
  } catch (error) {
    if (error instanceof InputError) throw prefixed(error, 'runs, ');
    throw error;
  }
}
