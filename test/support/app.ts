/**
 * The in-process API app of the server tests (requests through `app.inject`, no socket): one definition of the
 * set-up the server, CLI-edge and fuzz tests share.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { JobManager } from '../../src/jobs/JobManager.js';
import { buildApp } from '../../src/server/buildApp.js';
import { RecordStore } from '../../src/store/RecordStore.js';

type BuildAppOptions = Parameters<typeof buildApp>[0];

/** Options of {@link openTestApp} and {@link useTestApp}. */
export interface TestAppOptions {
  /** Data directory of the store. Default ':memory:' (nothing on disk). */
  dataDir?: string;
  /** Web root served as static files. Default '/nonexistent' (API only). */
  webRoot?: string;
  /** The app's job manager. Default a new one. */
  jobs?: JobManager;
  /** Security options of `buildApp` (tokens, allowed hosts, …). Default none. */
  security?: BuildAppOptions['security'];
}

/** An open in-process app with its store and job manager. */
export interface TestApp {
  app: FastifyInstance;
  store: RecordStore;
  jobs: JobManager;
  /** Cancels running jobs, then closes the app and the store. */
  close(): Promise<void>;
}

/** Opens an app now (for tests that need several differently configured apps); the caller closes it. */
export async function openTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const jobs = options.jobs ?? new JobManager();
  const store = await RecordStore.open({ dataDir: options.dataDir ?? ':memory:' });
  const app = await buildApp({ store, webRoot: options.webRoot ?? '/nonexistent', jobs, ...(options.security ? { security: options.security } : {}) });
  return {
    app,
    store,
    jobs,
    close: async () => {
      for (const id of jobs.runningIds()) jobs.cancel(id);
      await app.close();
      await store.close();
    },
  };
}

/**
 * One app for the test file: opened in `beforeAll`, closed (running jobs cancelled) in `afterAll`. Call at the top
 * level of the file; read `app`/`store` inside tests (they are set once `beforeAll` has run). `jobs` is there at once.
 * @example const t = useTestApp(); it('…', async () => expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200));
 */
export function useTestApp(options: TestAppOptions = {}): Omit<TestApp, 'close'> {
  const jobs = options.jobs ?? new JobManager();
  let opened: TestApp | undefined;
  const handle = {
    jobs,
    get app(): FastifyInstance {
      if (!opened) throw new Error('useTestApp: the app is opened in beforeAll; use it inside a test or hook');
      return opened.app;
    },
    get store(): RecordStore {
      if (!opened) throw new Error('useTestApp: the store is opened in beforeAll; use it inside a test or hook');
      return opened.store;
    },
  };
  beforeAll(async () => {
    opened = await openTestApp({ ...options, jobs });
  });
  afterAll(async () => {
    await opened?.close();
  });
  return handle;
}

/** POSTs a JSON body (a string is sent as it is, for malformed-JSON tests) to the in-process app. */
export function injectJson(app: FastifyInstance, url: string, body: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}
