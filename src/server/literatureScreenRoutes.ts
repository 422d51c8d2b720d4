import type { z } from 'zod';
import { InputError } from '../chem/index.js';
import { runStudyOnPool } from '../jobs/runStudyOnPool.js';
import { type LiteratureScreenResult, literatureScreenRequestSchema, literatureScreenStudy, readAllRecords } from '../studies/literatureScreen.js';
import type { RouteDefinition } from './routes.js';

/** Wall-clock budget of one literature screen, ms (the whole knowledge base takes ~20 s on one idle core). */
const LITERATURE_SCREEN_BUDGET_MS = 180_000;

/** `POST /api/screen/literature`: the study `screen.literature` on every record of the store, on a worker thread. */
export const LITERATURE_SCREEN_ROUTES: RouteDefinition[] = [
  {
    method: 'POST',
    url: '/api/screen/literature',
    tag: 'screening',
    summary: literatureScreenStudy.summary,
    body: literatureScreenRequestSchema,
    handler: async ({ body, store }) => {
      const records = await readAllRecords(store);
      try {
        return await runStudyOnPool<LiteratureScreenResult>(
          literatureScreenStudy.name,
          { ...(body as z.output<typeof literatureScreenRequestSchema>), records },
          { signal: AbortSignal.timeout(LITERATURE_SCREEN_BUDGET_MS) },
        );
      } catch (error) {
        if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
          throw new InputError(
            '(body)',
            `work that finishes within ${LITERATURE_SCREEN_BUDGET_MS / 1000} s (fewer folds or trees, or the origin filter)`,
            `${literatureScreenStudy.name} did not finish within its time budget`,
          );
        }
        throw error;
      }
    },
  },
];
