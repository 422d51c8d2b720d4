import type { FastifyInstance } from 'fastify';
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
  const app = await buildApp({ store, logger: options.logger, webRoot: options.webRoot, redisUrl: options.redisUrl ?? process.env.CNCOUPLE_REDIS_URL });
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
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
