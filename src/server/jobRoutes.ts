import type { RouteDefinition } from './routes.js';

/**
 * The one jobs resource, for every kind of background job (sweep, transient, couple): its state, its result
 * and its cancel. The per-kind routes (`/api/kinetics/sweeps/:id`, `/api/microenv/transient/:id`,
 * `/api/couple/:id`) stay and add kind-specific views (plot specs, sweep grids); `/api/jobs/:id/events`
 * follows any job. `views` turns a kind's raw result into its JSON (e.g. the sweep's typed arrays). Errors: unknown id 404 `not-found`, result of an unfinished job 409 `job-not-finished`.
 */
export function jobRoutes(views: Record<string, (result: unknown) => unknown> = {}): RouteDefinition[] {
  return [
    {
      method: 'GET',
      url: '/api/jobs/:id',
      tag: 'jobs',
      summary:
        'State of any background job: {id, kind, status (running|done|failed|cancelled), progress: {done, total}, createdAt, finishedAt?, error?} (without its result)',
      handler: ({ params, jobs }) => jobs.get(params.id!),
    },
    {
      method: 'GET',
      url: '/api/jobs/:id/result',
      tag: 'jobs',
      summary:
        'Result of a finished job as its work returned it (a sweep: its grids and heat map as GET /api/kinetics/sweeps/{id}/result with default query; a transient run: its result; a coupling job: its FE-vs-j points); 409 job-not-finished while it runs or when it failed or was cancelled',
      handler: ({ params, jobs }) => {
        const result = jobs.result(params.id!);
        const view = views[jobs.get(params.id!).kind];
        return view ? view(result) : result;
      },
    },
    {
      method: 'DELETE',
      url: '/api/jobs/:id',
      tag: 'jobs',
      summary: 'Cancel any running job (its starter or an admin token); a finished job is left as it is. Returns its state',
      handler: ({ params, jobs, client, actor }) => jobs.cancel(params.id!, { client, admin: actor?.scope === 'admin' }),
    },
  ];
}
