import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { assertFiniteResult } from '../chem/assertFiniteResult.js';
import { InputError } from '../chem/index.js';
import { JobManager, JobNotFoundError } from '../jobs/JobManager.js';
import { ConflictError, DatabaseError, ForbiddenError, ImportError, NotFoundError, ReadOnlyError } from '../store/errors.js';
import { JobQuotaError } from '../jobs/JobManager.js';
import type { RecordStore } from '../store/RecordStore.js';
import { VERSION } from '../version.js';
import { DEFAULT_BODY_LIMIT_BYTES, bodyLimitOf } from './bodyLimits.js';
import { docsPage } from './docsPage.js';
import { type ServerSecurityOptions, clientOf, registerSecurity } from './security.js';
import { registerCompression, serveWebApp } from './staticAssets.js';
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
}

/**
 * Validation issues listed in a 400 response (default 5); the rest are counted in `moreIssues`. A body with
 * a 10⁶-element array got every issue serialized before: an 88 MB response in 4.8 s (issue 14).
 */
export const MAX_ISSUES = 5;
/** Bad import rows listed in a 400 response (default 100); the rest are counted in `moreProblems`. */
export const MAX_PROBLEMS = 100;
const more = (key: string, total: number, shown: number) => (total > shown ? { [key]: total - shown } : {});

/** The one mapping from errors to HTTP statuses: bad input 400, unknown id 404, read-only/conflict 409. */
function sendError(reply: FastifyReply, error: unknown): FastifyReply {
  if (error instanceof JobNotFoundError) return reply.code(404).send({ error: { field: error.field, message: error.message } });
  if (error instanceof InputError) return reply.code(400).send({ error: { field: error.field, allowed: error.allowed, message: error.message.split('\n')[0] } });
  if (error instanceof z.ZodError) {
    const issue = error.issues[0]!;
    const field = issue.path.join('.') || '(body)';
    const issues = error.issues.slice(0, MAX_ISSUES).map((i) => ({ field: i.path.join('.'), message: i.message }));
    return reply.code(400).send({ error: { field, message: `${field}: ${issue.message}`, issues, ...more('moreIssues', error.issues.length, MAX_ISSUES) } });
  }
  if (error instanceof ImportError) {
    return reply.code(400).send({ error: { message: error.message, problems: error.problems.slice(0, MAX_PROBLEMS), ...more('moreProblems', error.problems.length, MAX_PROBLEMS) } });
  }
  if (error instanceof NotFoundError) return reply.code(404).send({ error: { message: error.message, id: error.id } });
  if (error instanceof ReadOnlyError || error instanceof ConflictError) return reply.code(409).send({ error: { message: error.message, id: error.id } });
  if (error instanceof ForbiddenError) return reply.code(403).send({ error: { message: error.message, id: error.id } });
  if (error instanceof DatabaseError) return reply.code(503).send({ error: { message: error.message, kind: error.name } });
  if (error instanceof JobQuotaError) return reply.code(error.statusCode).header('retry-after', String(error.retryAfterS)).send({ error: { message: error.message } });
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) return reply.code(status).send({ error: { message: (error as Error).message } });
  reply.log.error(error);
  return reply.code(500).send({ error: { message: 'internal error' } });
}

const isText = (r: RouteResult): r is { contentType: string; body: string; status?: number } =>
  typeof r === 'object' && r !== null && 'contentType' in r && 'body' in r && typeof (r as { body: unknown }).body === 'string';

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
      // record writes, job starts and cancels: a token's business when the server requires tokens
      config: { writes: route.method !== 'GET' && (route.url.startsWith('/api/records') || route.status === 202 || route.method === 'DELETE') },
      handler: async (request, reply) => {
        const body = route.body ? route.body.parse(request.body ?? {}) : undefined;
        const query = route.query ? route.query.parse(request.query ?? {}) : request.query;
        const result = await route.handler({ body, query, params: request.params as Record<string, string>, store: options.store, jobs, client: clientOf(request), actor: request.actor, ...(queue ? { runChunk: queue.run } : {}) });
        if (isEventStream(result)) return streamEvents(reply, result);
        if (isText(result)) return reply.code(result.status ?? route.status ?? 200).type(result.contentType).send(result.body);
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
    return reply.code(integrity.ok ? 200 : 503).send({ ok: integrity.ok, version: VERSION, database: options.store.dialect, integrity, jobs: queue ? 'redis' : 'in-process' });
  });

  const webRoot = options.webRoot ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
  if (existsSync(webRoot)) {
    await serveWebApp(app, webRoot);
  } else {
    app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: { message: `no route ${request.method} ${request.url.split('?')[0]}` } }));
  }
  return app;
}
