import { z } from 'zod';
import { InputError, REFERENCE_ELECTRODES, SPECIES_REGISTRY } from '../chem/index.js';
import { parseImportText, recordsToCsv } from '../data/recordCsv.js';
import { recordInputSchema } from '../data/recordSchema.js';
import { feVsPotentialSpec, yieldByStrategySpec } from '../plot/literatureSpecs.js';
import { renderSvg } from '../plot/renderSpec.js';
import { listRecordsQuerySchema, type RecordStore } from '../store/RecordStore.js';
import type { Actor } from '../store/ApiTokens.js';
import { type JobManager, JobNotFoundError } from '../jobs/JobManager.js';
import { runStudyOnPool } from '../jobs/runStudyOnPool.js';
import { runParallelSweep } from '../jobs/runParallelSweep.js';
import type { SweepResult } from '../kinetics/mapper/descriptorSweep.js';
import { sweepJson } from '../studies/sweepOutput.js';
import { volcanoSpec } from '../plot/volcanoSpec.js';
import { builtinModelText, listBuiltinModels, loadModel } from '../store/builtinModels.js';
import { balanceStudy, convertStudy, e0Study, faradaicEfficiencyStudy, formulaStudy, potentialStudy } from '../studies/chemistry.js';
import { diagramStudy, limitingStudy, pulseStudy, rampStudy, steadyStudy } from '../studies/kinetics.js';
import { microenvStudy, reactorStudy, teaStudy } from '../studies/process.js';
import type { Study } from '../studies/study.js';
import { doubleLayerStudy } from '../studies/doubleLayer.js';
import { exportQuerySchema, forkRequestSchema, importRequestSchema, sweepRequestSchema, sweepResultQuerySchema, yieldPlotQuerySchema } from './apiSchemas.js';
import { ML_ROUTES } from './mlRoutes.js';
import { optimizeStudy, screenStudy } from '../studies/ml.js';
import { coupleStudy, transientStudy } from '../studies/transport.js';
import { CAMPAIGN_ROUTES } from './campaignRoutes.js';
import { jobRoutes } from './jobRoutes.js';
import type { RecordListCache } from './recordListCache.js';
import { type ResponseExample, storedResponseExamples } from './responseExamples.js';
import { LITERATURE_SCREEN_ROUTES } from './literatureScreenRoutes.js';

/** Solves one sweep chunk elsewhere (the Redis queue's workers); absent: the in-process worker pool. */
export type SweepChunkRunner = NonNullable<Parameters<typeof runParallelSweep>[0]['runChunk']>;

/** What a handler returns: JSON (default) or a text body with its content type. */
export type RouteResult = unknown | { contentType: string; body: string; status?: number } | EventStreamResult;

/** One HTTP route: the single source for the handler, its validation and its OpenAPI entry. */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify path, e.g. `/api/records/:id`. */
  url: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Status on success (default 200). */
  status?: number;
  /** Response content type for the docs (default application/json). */
  produces?: string;
  /** For the docs: a valid request body. */
  example?: unknown;
  /** For the docs: the success response's schema and an example (from a real result). */
  response?: ResponseExample;
  handler: (input: {
    body: unknown;
    query: unknown;
    params: Record<string, string>;
    store: RecordStore;
    jobs: JobManager;
    client?: string;
    actor?: Actor;
    runChunk?: SweepChunkRunner;
    /** The record-list cache (absent: disabled) and the request headers it negotiates with. */
    listCache?: RecordListCache;
    headers?: { acceptEncoding?: string; ifNoneMatch?: string };
  }) => Promise<RouteResult> | RouteResult;
}

/**
 * A server-sent-events response: `eventStream` gets a `send(event, data)` and an `end()`, and returns the
 * function that stops its work when the client goes away.
 */
export interface EventStreamResult {
  eventStream: (send: (event: string, data: unknown) => void, end: () => void) => () => void;
}

/** Marks a non-JSON response. */
export function textResponse(contentType: string, body: string, status?: number): { contentType: string; body: string; status?: number } {
  return { contentType, body, ...(status ? { status } : {}) };
}

/** Wall-clock budget of one pooled compute request, ms: past it the worker is stopped and the client told to use a job. */
export const COMPUTE_BUDGET_MS = 60_000;

/**
 * The POST route of a registered study: the body is validated with the study's own schema, and the study runs
 * inline only when it is a calculator bounded by its schema — anything that solves equations runs on a worker
 * thread, so the event loop keeps answering other requests while it computes.
 */
function studyRoute<S extends z.ZodType, R>(url: string, tag: string, study: Study<S, R>): RouteDefinition {
  return {
    method: 'POST',
    url,
    tag,
    summary: study.summary,
    body: study.input,
    example: study.example,
    response: storedResponseExamples()[study.name],
    handler: async ({ body }) => {
      if (study.runsOn === 'inline') return study.run(body as z.output<S>);
      try {
        return await runStudyOnPool<R>(study.name, body, { signal: AbortSignal.timeout(COMPUTE_BUDGET_MS) });
      } catch (error) {
        if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
          throw new InputError(
            '(body)',
            `work that finishes within ${COMPUTE_BUDGET_MS / 1000} s (fewer points or periods)`,
            `${study.name} did not finish within its time budget`,
          );
        }
        throw error;
      }
    },
  };
}

/** Every API route. Handlers are thin adapters over the library and the store. */
export const ROUTES: RouteDefinition[] = [
  studyRoute('/api/formula', 'chemistry', formulaStudy),
  studyRoute('/api/balance', 'chemistry', balanceStudy),
  studyRoute('/api/fe', 'chemistry', faradaicEfficiencyStudy),
  studyRoute('/api/potential', 'chemistry', potentialStudy),
  studyRoute('/api/convert', 'chemistry', convertStudy),
  studyRoute('/api/e0', 'chemistry', e0Study),
  { method: 'GET', url: '/api/species', tag: 'chemistry', summary: 'The species registry', handler: () => SPECIES_REGISTRY },
  {
    method: 'GET',
    url: '/api/reference-electrodes',
    tag: 'chemistry',
    summary: 'Reference electrodes with their potential vs SHE at 25 °C (V) and its source; RHE is computed from the pH',
    handler: () => REFERENCE_ELECTRODES,
  },
  {
    method: 'GET',
    url: '/api/records',
    tag: 'records',
    summary: 'List records with filters, sort and pagination',
    query: listRecordsQuerySchema,
    handler: ({ query, store, listCache, headers }) =>
      listCache ? listCache.respond(store, query, headers ?? {}) : store.list(query as z.input<typeof listRecordsQuerySchema>),
  },
  {
    method: 'GET',
    url: '/api/records/facets',
    tag: 'records',
    summary: 'The products and N and C sources the records name, with record counts (the choices of the list filters)',
    handler: ({ store }) => store.facets(),
  },
  {
    method: 'GET',
    url: '/api/records/:id',
    tag: 'records',
    summary: 'One record, printed and normalized',
    handler: ({ params, store }) => store.get(params.id!),
  },
  {
    method: 'POST',
    url: '/api/records',
    tag: 'records',
    summary: 'Add a user record',
    body: recordInputSchema,
    status: 201,
    handler: ({ body, store, actor }) => store.create(body, actor),
  },
  {
    method: 'PUT',
    url: '/api/records/:id',
    tag: 'records',
    summary: 'Replace a user record',
    body: recordInputSchema,
    handler: ({ params, body, store, actor }) => store.update(params.id!, body, actor),
  },
  {
    method: 'DELETE',
    url: '/api/records/:id',
    tag: 'records',
    summary: 'Delete a user record',
    handler: async ({ params, store, actor }) => {
      await store.delete(params.id!, actor);
      return { deleted: params.id };
    },
  },
  {
    method: 'POST',
    url: '/api/records/:id/fork',
    tag: 'records',
    summary: 'Copy a literature record into an editable user record',
    body: forkRequestSchema,
    status: 201,
    handler: ({ params, body, store, actor }) => store.fork(params.id!, (body as z.infer<typeof forkRequestSchema>).newId, actor),
  },
  {
    method: 'POST',
    url: '/api/records/import',
    tag: 'records',
    summary: 'Import user records (CSV or JSON); one bad row imports nothing',
    body: importRequestSchema,
    handler: async ({ body, store, actor }) => {
      const b = body as z.infer<typeof importRequestSchema>;
      const ids = await store.importRows(parseImportText(b.format, b.content), actor);
      return { imported: ids.length, ids };
    },
  },
  {
    method: 'GET',
    url: '/api/records/export',
    tag: 'records',
    summary: 'Export records as entered (CSV or JSON)',
    query: exportQuerySchema,
    produces: 'text/csv or application/json',
    handler: async ({ query, store }) => {
      const q = query as z.infer<typeof exportQuerySchema>;
      const inputs = await store.exportInputs({ origin: q.origin });
      return q.format === 'csv' ? textResponse('text/csv; charset=utf-8', recordsToCsv(inputs)) : inputs;
    },
  },
  { method: 'GET', url: '/api/flags', tag: 'records', summary: 'Records with quality flags', handler: ({ store }) => store.flags() },
  {
    method: 'GET',
    url: '/api/check',
    tag: 'records',
    summary: 'FE–current–yield consistency of every checkable record',
    handler: async ({ store }) => (await store.check()).filter((c) => c.checked),
  },
  {
    method: 'GET',
    url: '/api/plots/fe-vs-potential.vl.json',
    tag: 'plots',
    summary: 'FE vs potential as a Vega-Lite spec with its data (for vega-embed)',
    query: listRecordsQuerySchema,
    handler: async ({ query, store }) => feVsPotentialSpec((await store.list({ ...(query as object), limit: 10000 })).records),
  },
  {
    method: 'GET',
    url: '/api/plots/yield-by-strategy.vl.json',
    tag: 'plots',
    summary: 'Yield rates by strategy as a Vega-Lite spec with its data',
    query: listRecordsQuerySchema.extend(yieldPlotQuerySchema.shape),
    handler: async ({ query, store }) => {
      const q = query as z.infer<typeof yieldPlotQuerySchema>;
      const { basis: _basis, ...filters } = q as z.infer<typeof yieldPlotQuerySchema> & Record<string, unknown>;
      return yieldByStrategySpec((await store.list({ ...filters, limit: 10000 })).records, q.basis);
    },
  },
  {
    method: 'GET',
    url: '/api/plots/fe-vs-potential.svg',
    tag: 'plots',
    summary: 'FE vs potential (V vs RHE) as SVG, same filters as /api/records',
    query: listRecordsQuerySchema,
    produces: 'image/svg+xml',
    handler: async ({ query, store }) => {
      const { records } = await store.list({ ...(query as object), limit: 10000 });
      return textResponse('image/svg+xml', await renderSvg(feVsPotentialSpec(records)));
    },
  },
  {
    method: 'GET',
    url: '/api/plots/yield-by-strategy.svg',
    tag: 'plots',
    summary: 'Yield rates by strategy as SVG',
    query: yieldPlotQuerySchema,
    produces: 'image/svg+xml',
    handler: async ({ query, store }) => {
      const { records } = await store.list({ limit: 10000 });
      return textResponse('image/svg+xml', await renderSvg(yieldByStrategySpec(records, (query as z.infer<typeof yieldPlotQuerySchema>).basis)));
    },
  },
];

ROUTES.push(
  { method: 'GET', url: '/api/models', tag: 'kinetics', summary: 'Built-in mechanism models', handler: () => listBuiltinModels() },
  {
    method: 'GET',
    url: '/api/models/:name',
    tag: 'kinetics',
    summary: 'A built-in model file (YAML text) and its summary',
    handler: ({ params }) => ({ ...listBuiltinModels().find((m) => m.name === params.name), text: builtinModelText(params.name!) }),
  },
  studyRoute('/api/mechanism/diagram', 'kinetics', diagramStudy),
  studyRoute('/api/kinetics/steady', 'kinetics', steadyStudy),
  studyRoute('/api/kinetics/pulse', 'kinetics', pulseStudy),
  studyRoute('/api/mechanism/limiting', 'kinetics', limitingStudy),
  studyRoute('/api/kinetics/ramp', 'kinetics', rampStudy),
  {
    method: 'POST',
    url: '/api/kinetics/sweeps',
    tag: 'kinetics',
    summary: 'Start a descriptor sweep as a background job (worker threads); returns its id',
    body: sweepRequestSchema,
    status: 202,
    handler: ({ body, jobs, client, runChunk }) => {
      const b = body as z.infer<typeof sweepRequestSchema>;
      const modelText = b.modelText ?? builtinModelText(b.model!);
      const model = loadModel({ text: modelText }); // validate now: bad input is a 400, not a failed job
      for (const a of [b.x, ...(b.y ? [b.y] : [])])
        if (!model.descriptors.includes(a.name))
          throw new InputError(
            `${a === b.x ? 'x' : 'y'}.name`,
            `a descriptor of the model (${model.descriptors.join(', ')})`,
            `unknown descriptor "${a.name}"`,
          );
      const spec = {
        x: b.x,
        ...(b.y ? { y: b.y } : {}),
        potentialVvsRHE: b.potentialVvsRHE,
        descriptors: b.descriptors,
        ...(b.fields ? { fields: b.fields } : {}),
      };
      const completed = b.resumeFrom === undefined ? [] : stoppedSweepChunks(jobs, b.resumeFrom, modelText, spec);
      const id = jobs.start(
        'sweep',
        (report, signal, keep) => {
          const chunks = [...completed];
          const onChunk = (chunk: SweepResult) => (chunks.push(chunk), keep({ modelText, spec, chunks }));
          const t0 = performance.now();
          return runParallelSweep({ modelText, spec, completed, onProgress: report, onChunk, signal, ...(runChunk ? { runChunk } : {}) }).then((result) => ({
            result,
            spec,
            products: model.productIndices.map((p) => model.species[p]!),
            wallTimeS: (performance.now() - t0) / 1000,
          }));
        },
        { client },
      );
      return { id, status: 'running', ...(b.resumeFrom ? { resumedRows: completed.reduce((n, c) => n + c.rows[1] - c.rows[0], 0) } : {}) };
    },
  },
  {
    method: 'GET',
    url: '/api/jobs/:id/events',
    tag: 'jobs',
    produces: 'text/event-stream',
    summary:
      "Follow any background job (sweep, transient, couple) as server-sent events: `progress` with its state (at most 10 a second), then one `end` with the final status; fetch the result from the job's own URL",
    handler: ({ params, jobs }) => {
      jobs.get(params.id!); // unknown id: a 404 before the stream opens
      return followJob(jobs, params.id!);
    },
  },
  {
    method: 'GET',
    url: '/api/kinetics/sweeps/:id',
    tag: 'kinetics',
    summary: 'Progress of a sweep job',
    handler: ({ params, jobs }) => sweepJob(jobs, params.id!),
  },
  {
    method: 'DELETE',
    url: '/api/kinetics/sweeps/:id',
    tag: 'kinetics',
    summary: 'Cancel a sweep job (its starter or an admin token)',
    handler: ({ params, jobs, client, actor }) => (sweepJob(jobs, params.id!), jobs.cancel(params.id!, { client, admin: actor?.scope === 'admin' })),
  },
  {
    method: 'GET',
    url: '/api/kinetics/sweeps/:id/result',
    tag: 'kinetics',
    summary:
      'Result of a finished sweep: the JSON `kinetics sweep --json` prints (counts, wallTimeS of the job, per-point status, residual, TOF, log10 TOF, FE, resolved, failures, coverages/step rates with fields) plus a heat-map spec',
    query: sweepResultQuerySchema,
    handler: ({ params, query, jobs }) => sweepResultBody(jobs.result(params.id!), query as z.infer<typeof sweepResultQuerySchema>),
  },
);

/**
 * The JSON of a finished sweep job: exactly what `kinetics sweep --json` prints for the same sweep
 * ({@link sweepJson}; `wallTimeS` of the job), plus the heat-map spec of `q.product` (default the first).
 */
function sweepResultBody(raw: unknown, q: z.infer<typeof sweepResultQuerySchema>) {
  const { result, spec, products, wallTimeS } = raw as {
    result: SweepResult;
    spec: { x: { name: string }; y?: { name: string } };
    products: string[];
    wallTimeS: number;
  };
  const product = q.product ?? products[0]!;
  if (!products.includes(product)) throw new InputError('product', `a product of the model (${products.join(', ')})`, `got "${product}"`);
  return { ...sweepJson(result, wallTimeS), spec: volcanoSpec(result, product, q.quantity, spec.x.name, spec.y?.name ?? '') };
}

/** A sweep job's state; another kind's id under the sweeps URL is unknown there (404), as on the process routes. */
function sweepJob(jobs: JobManager, id: string) {
  const job = jobs.get(id);
  if (job.kind !== 'sweep') throw new JobNotFoundError(id);
  return job;
}

/** What a sweep job keeps as it goes: its input and the chunks finished so far. */
interface SweepPartial {
  modelText: string;
  spec: object;
  chunks: SweepResult[];
}

/**
 * The finished chunks of the stopped sweep `id`, for a new sweep of the same model and grid.
 * @throws {InputError} (field `resumeFrom`) when `id` is no stopped sweep or its model or grid differ
 */
function stoppedSweepChunks(jobs: JobManager, id: string, modelText: string, spec: object): SweepResult[] {
  const allowed = 'the id of a cancelled or failed sweep of the same model and grid';
  let job: ReturnType<JobManager['partial']>;
  try {
    job = jobs.partial(id);
  } catch (error) {
    // an unknown id here is bad input of this request (a 400 naming resumeFrom), not a missing resource
    if (error instanceof JobNotFoundError) throw new InputError('resumeFrom', allowed, `no job "${id}"`);
    throw error;
  }
  if (job.kind !== 'sweep') throw new InputError('resumeFrom', allowed, `job "${id}" is a ${job.kind} job`);
  if (job.status === 'running') throw new InputError('resumeFrom', allowed, `job "${id}" is still running`);
  const partial = job.partial as SweepPartial | undefined;
  if (!partial) return [];
  if (partial.modelText !== modelText || JSON.stringify(partial.spec) !== JSON.stringify(spec))
    throw new InputError('resumeFrom', allowed, `job "${id}" swept another model or grid`);
  return partial.chunks;
}

/** The event stream of one job: its state on every change, throttled to one `progress` event per 100 ms. */
function followJob(jobs: JobManager, id: string): EventStreamResult {
  return {
    eventStream: (send, end) => {
      let last = 0;
      let pending: ReturnType<typeof setTimeout> | undefined;
      const unsubscribe = jobs.subscribe(id, (state) => {
        clearTimeout(pending);
        if (state.status !== 'running') {
          send('end', state);
          end();
          return;
        }
        const wait = last + 100 - Date.now();
        const emit = () => ((last = Date.now()), send('progress', state));
        if (wait <= 0) emit();
        else pending = setTimeout(emit, wait);
      });
      return () => {
        clearTimeout(pending);
        unsubscribe();
      };
    },
  };
}

/** The documented body of a finished job: its state, with the study's result (schema and example from a real run). */
function jobResponse(kind: string, result: ResponseExample | undefined): ResponseExample | undefined {
  if (!result) return undefined;
  const state = {
    id: { type: 'string' },
    kind: { type: 'string' },
    status: { type: 'string' },
    progress: { type: 'object', properties: { done: { type: 'number' }, total: { type: 'number' } } },
  };
  return {
    schema: { type: 'object', properties: { ...state, result: result.schema, spec: { type: 'object' } }, required: ['id', 'kind', 'status'] },
    example: { id: 'j1', kind, status: 'done', result: result.example },
  };
}

/**
 * The three routes of a study run as a background job on a worker thread: POST (validate with the study's
 * schema and `check`, start, 202 with the id), GET `/:id` (progress; the result and its figure when done) and
 * DELETE `/:id` (cancel).
 */
function studyJobRoutes<S extends z.ZodType, R>(url: string, tag: string, study: Study<S, R>, o: { start: string; progress: string }): RouteDefinition[] {
  return [
    {
      method: 'POST',
      url,
      tag,
      status: 202,
      summary: o.start,
      body: study.input,
      example: study.example,
      response: {
        schema: { type: 'object', properties: { id: { type: 'string' }, status: { type: 'string' } }, required: ['id', 'status'] },
        example: { id: 'j1', status: 'running' },
      },
      handler: ({ body, jobs, client }) => {
        const input = body as z.output<S>; // validated against study.input by the route table
        study.check?.(input);
        const id = jobs.start(
          study.name,
          (report, signal) =>
            runStudyOnPool<R>(study.name, input, { signal, onProgress: report }).catch((error: unknown) => {
              throw signal.aborted ? new Error(`${study.name} job cancelled`) : error;
            }),
          { client },
        );
        return { id, status: 'running' };
      },
    },
    {
      method: 'GET',
      url: `${url}/:id`,
      tag,
      summary: o.progress,
      response: jobResponse(study.name, storedResponseExamples()[study.name]),
      handler: ({ params, jobs }) => {
        const job = jobs.get(params.id!, true);
        if (job.kind !== study.name) throw new JobNotFoundError(params.id!);
        return job.result === undefined || !study.figure ? job : { ...job, spec: study.figure(job.result as R) };
      },
    },
    {
      method: 'DELETE',
      url: `${url}/:id`,
      tag,
      summary: `Cancel a ${study.name} job (its starter or an admin token)`,
      handler: ({ params, jobs, client, actor }) => jobs.cancel(params.id!, { client, admin: actor?.scope === 'admin' }),
    },
  ];
}

ROUTES.push(
  studyRoute('/api/microenv', 'process', microenvStudy),
  studyRoute('/api/double-layer', 'process', doubleLayerStudy),
  ...studyJobRoutes('/api/microenv/transient', 'process', transientStudy, {
    start: 'Start a transient microenvironment run (current steps or square pulses) as a background job; returns its id',
    progress: 'Progress (simulated ms) of a transient run; with its result and a plot spec when done',
  }),
  ...studyJobRoutes('/api/couple', 'process', coupleStudy, {
    start: 'Start FE vs current density with transport–kinetics coupling as a background job; returns its id',
    progress: 'Progress (currents done) of a coupling job; with its FE-vs-j points and a plot spec when done',
  }),
  studyRoute('/api/reactor', 'process', reactorStudy),
  studyRoute('/api/tea', 'process', teaStudy),
);

ROUTES.push(
  ...ML_ROUTES,
  ...LITERATURE_SCREEN_ROUTES,
  ...CAMPAIGN_ROUTES,
  ...jobRoutes({ sweep: (raw) => sweepResultBody(raw, sweepResultQuerySchema.parse({})) }),
);
ROUTES.push(
  ...studyJobRoutes('/api/kinetics/optimize', 'planning', optimizeStudy, {
    start: 'Start a virtual-lab Bayesian optimization through a kinetic model as a background job; returns its id',
    progress: 'Progress (evaluations done) of an optimization; with its trace, best point and belief-map spec when done',
  }),
  ...studyJobRoutes('/api/screen', 'planning', screenStudy, {
    start: 'Start a Monte Carlo screening of candidate surfaces (descriptor uncertainty) as a background job; returns its id',
    progress: 'Progress (candidates done) of a screening; with the ranked candidates and a plot spec when done',
  }),
);

/** The OpenAPI 3.1 document, generated from {@link ROUTES} and their zod schemas. */
export function openApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [...r.url.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (r.query) {
      const schema = z.toJSONSchema(r.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(schema.properties ?? {}))
        parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: s });
    }
    paths[path] ??= {};
    paths[path]![r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }),
                  ...(r.example !== undefined ? { example: r.example } : {}),
                },
              },
            },
          }
        : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: r.response ? 'success (schema and example from a real result; arrays in the example cut to two elements)' : 'success',
          content: { [r.produces ?? 'application/json']: r.response ?? {} },
        },
        '400': {
          description: 'bad input: {"error": {"code": "bad-input", "field", "allowed", "message", "problems"?}} (every error body: src/errors/errorReport.ts)',
        },
        ...(r.url.includes(':id')
          ? {
              '404': { description: 'unknown id: {"error": {"code": "not-found", …}}' },
              '409': {
                description:
                  r.url.startsWith('/api/jobs/') || r.url.endsWith('/result')
                    ? 'the job has not finished (code job-not-finished)'
                    : 'literature record is read-only (code read-only; fork it), or id taken (code conflict)',
              },
            }
          : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'cncouple API', version, description: 'Electrocatalytic C–N coupling: chemistry core and knowledge base. Units are in the field names.' },
    paths,
  };
}
