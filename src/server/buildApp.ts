import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertFiniteResult } from '../chem/assertFiniteResult.js';
import { errorBody, toErrorReport } from '../errors/errorReport.js';
import { JobManager } from '../jobs/JobManager.js';
import type { RecordStore } from '../store/RecordStore.js';
import { VERSION } from '../version.js';
import { DEFAULT_BODY_LIMIT_BYTES, bodyLimitOf } from './bodyLimits.js';
import { docsPage } from './docsPage.js';
import { type ServerSecurityOptions, clientOf, registerSecurity } from './security.js';
import { registerCompression, serveWebApp } from './staticAssets.js';
import { type PreparedResponse, RecordListCache } from './recordListCache.js';
import { type EventStreamResult, ROUTES, type RouteResult, openApiDocument } from './routes.js';

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  store: RecordStore;
  /** Folder of the built web app (default web/dist beside the package); not served when missing. */
  webRoot?: string;
  /** Fastify logger on (default false). */
  logger?: boolean;
  /** Redis URL: sweeps go to the BullMQ queue for `cncouple worker` processes (default: the in-process pool). */
  redisUrl?: string;
  /** The background jobs (default a new {@link JobManager}); tests pass their own to watch or cancel them. */
  jobs?: JobManager;
  /** Host allow-list, rate limit, tokens (default: a loopback server, tokens optional). */
  security?: ServerSecurityOptions;
  /**
   * Keep serialized record-list pages (and their gzip/Brotli forms) between writes, with ETags and 304s
   * ({@link RecordListCache}; default true; false reads and serializes every request, the benchmark's baseline).
   */
  recordListCache?: boolean;
}

export { MAX_ISSUES, MAX_PROBLEMS } from '../errors/errorReport.js';

/** Sends an error as `{error: …}` with the status of its {@link toErrorReport} (the one mapping shared with the CLI). */
function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  const report = toErrorReport(error);
  if (report.code === 'internal') reply.log.error(error);
  if (report.retryAfterS !== undefined) reply.header('retry-after', String(report.retryAfterS));
  return reply.code(report.status).send({ error: errorBody(report) });
}

const isText = (r: RouteResult): r is { contentType: string; body: string; status?: number } =>
  typeof r === 'object' && r !== null && 'contentType' in r && 'body' in r && typeof (r as { body: unknown }).body === 'string';

const isPrepared = (r: RouteResult): r is PreparedResponse => typeof r === 'object' && r !== null && (r as { prepared?: unknown }).prepared === true;

const isEventStream = (r: RouteResult): r is EventStreamResult => typeof r === 'object' && r !== null && 'eventStream' in r;

/** Sends server-sent events until the stream ends or the client leaves; a comment every 15 s keeps proxies from closing it. */
function streamEvents(reply: FastifyReply, result: EventStreamResult): FastifyReply {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  let open = true;
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
  const end = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    raw.end();
  };
  raw.on('close', end); // the client left (or the server closes its connections)
  const stop = result.eventStream((event, data) => open && raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`), end);
  if (open) raw.on('close', stop);
  else stop();
  return reply;
}

/**
 * The HTTP app: JSON API under /api (routes from {@link ROUTES}, OpenAPI at /api/openapi.json, docs at
 * /api/docs) and the web front end at /. Routes validate with the library's zod schemas.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  // forceCloseConnections: a restart (or Ctrl+C) must not wait for browsers' idle keep-alive sockets
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: DEFAULT_BODY_LIMIT_BYTES, forceCloseConnections: true });
  const jobs = options.jobs ?? new JobManager();
  const listCache = options.recordListCache === false ? undefined : new RecordListCache();
  const queue = options.redisUrl ? (await import('../jobs/queue/sweepQueue.js')).queueChunkRunner(options.redisUrl) : undefined;
  if (queue) app.addHook('onClose', async () => queue.close());
  app.setErrorHandler((error, _request, reply) => sendError(reply, error));
  await registerSecurity(app, { tokens: options.store.tokens, ...options.security });
  await registerCompression(app);
  for (const route of ROUTES) {
    app.route({
      method: route.method,
      url: route.url,
      bodyLimit: bodyLimitOf(route),
      // record and campaign writes, job starts and cancels: a token's business when the server requires tokens
      config: {
        writes:
          route.method !== 'GET' &&
          (route.url.startsWith('/api/records') || route.url.startsWith('/api/campaigns') || route.status === 202 || route.method === 'DELETE'),
      },
      handler: async (request, reply) => {
        const body = route.body ? route.body.parse(request.body ?? {}) : undefined;
        const query = route.query ? route.query.parse(request.query ?? {}) : request.query;
        const headers = { acceptEncoding: request.headers['accept-encoding'], ifNoneMatch: request.headers['if-none-match'] };
        const result = await route.handler({
          body,
          query,
          params: request.params as Record<string, string>,
          store: options.store,
          jobs,
          client: clientOf(request),
          actor: request.actor,
          ...(queue ? { runChunk: queue.run } : {}),
          ...(listCache ? { listCache, headers } : {}),
        });
        if (isEventStream(result)) return streamEvents(reply, result);
        // already serialized (and compressed): sent as it is; @fastify/compress leaves an encoded body alone
        if (isPrepared(result)) return reply.code(result.status).headers(result.headers).send(result.body);
        if (isText(result))
          return reply
            .code(result.status ?? route.status ?? 200)
            .type(result.contentType)
            .send(result.body);
        // calculators: an overflow is a 400 naming the output field, not a silent null in the JSON
        if (route.tag === 'chemistry') assertFiniteResult(result);
        return reply.code(route.status ?? 200).send(result);
      },
    });
  }
  const openapi = openApiDocument(VERSION);
  app.get('/api/openapi.json', async () => openapi);
  app.get('/api/docs', async (_request, reply) => reply.type('text/html; charset=utf-8').send(docsPage(openapi)));
  // 503 when the start-up integrity check failed, so that a monitor sees it
  app.get('/api/health', async (_request, reply) => {
    const integrity = options.store.integrity;
    return reply
      .code(integrity.ok ? 200 : 503)
      .send({ ok: integrity.ok, version: VERSION, database: options.store.dialect, integrity, jobs: queue ? 'redis' : 'in-process' });
  });

  const webRoot = options.webRoot ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
  if (existsSync(webRoot)) {
    await serveWebApp(app, webRoot);
  } else {
    app.setNotFoundHandler((request, reply) =>
      reply.code(404).send({ error: { code: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
    );
  }
  return app;
}
