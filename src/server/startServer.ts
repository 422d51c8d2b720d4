import type { FastifyInstance } from 'fastify';
import { InputError } from '../chem/index.js';
import { LOOPBACK_HOSTS, type ServerSecurityOptions, isLoopbackHost } from './security.js';
import { readLiteratureRecords } from '../store/literature.js';
import { RecordStore } from '../store/RecordStore.js';
import { buildApp } from './buildApp.js';

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** Redis URL for distributed sweeps (default $CNCOUPLE_REDIS_URL; unset: the in-process worker pool). */
  redisUrl?: string;
  /** TCP port (0 = any free port). Default $PORT or 8480. */
  port?: number;
  /** Interface. Default $HOST or 127.0.0.1. */
  host?: string;
  /** Embedded database folder. */
  dataDir: string;
  /** PostgreSQL URL instead of the embedded database. */
  databaseUrl?: string;
  logger?: boolean;
  webRoot?: string;
  /**
   * Host names the server answers to when it listens beyond loopback (the Host header; against DNS rebinding).
   * Default $CNCOUPLE_ALLOWED_HOSTS (comma-separated); when none are given, an exposed server answers any name.
   */
  allowedHosts?: string[];
  /** Listen beyond loopback without requiring tokens for writes (default false: refused without a token). */
  insecureNoAuth?: boolean;
  /** Rate limit per client, requests per minute (default 600). */
  rateLimitPerMinute?: number;
  /** Cache serialized record-list pages between writes (default true; see `recordListCache` of {@link buildApp}). */
  recordListCache?: boolean;
}

/** A running server. */
export interface RunningServer {
  app: FastifyInstance;
  store: RecordStore;
  /** e.g. http://127.0.0.1:8480 */
  url: string;
  close: () => Promise<void>;
}

/** Opens (creating and seeding on first run) the database, builds the app and listens. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const store = await RecordStore.open({ dataDir: options.dataDir, url: options.databaseUrl });
  await store.seedLiterature(readLiteratureRecords());
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  let security: ServerSecurityOptions;
  try {
    security = await securityFor(host, store, options);
  } catch (error) {
    await store.close();
    throw error;
  }
  const app = await buildApp({
    store,
    logger: options.logger,
    webRoot: options.webRoot,
    security,
    redisUrl: options.redisUrl ?? process.env.CNCOUPLE_REDIS_URL,
    recordListCache: options.recordListCache,
  });
  const port = options.port ?? Number(process.env.PORT ?? 8480);
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    app,
    store,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/**
 * The security of a server listening on `host`: on loopback, loopback Host names and optional tokens; beyond
 * it, writes need a token (at least one must exist, unless `insecureNoAuth`) and the Host names are the
 * configured ones plus loopback (any, when none are configured).
 * @throws {InputError} (field `--host`) when exposed without any token and without `insecureNoAuth`
 */
async function securityFor(host: string, store: RecordStore, options: StartServerOptions): Promise<ServerSecurityOptions> {
  const limits = { rateLimitPerMinute: options.rateLimitPerMinute };
  if (isLoopbackHost(host)) return { ...limits, allowedHosts: LOOPBACK_HOSTS };
  const configured =
    options.allowedHosts ??
    (process.env.CNCOUPLE_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
  const allowedHosts = configured.length ? [...configured, ...LOOPBACK_HOSTS, ...(host === '0.0.0.0' || host === '::' ? [] : [host])] : ['*'];
  if (options.insecureNoAuth) return { ...limits, allowedHosts, requireToken: false };
  if ((await store.tokens.activeCount()) === 0) {
    throw new InputError(
      '--host',
      'a loopback address (127.0.0.1, ::1), or create a token first (cncouple token create --name NAME --scope admin), or pass --insecure-no-auth',
      `refusing to listen on ${host} with no API token: anyone on the network could write`,
    );
  }
  return { ...limits, allowedHosts, requireToken: true };
}
