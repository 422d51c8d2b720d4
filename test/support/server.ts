/**
 * A real server on a loopback port over a throw-away data directory (requests with fetch over TCP): one definition
 * of the set-up the API, ML-jobs, planning and off-thread tests share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/startServer.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field in the tests
export type Json = any;

/** One response: status, parsed JSON (null when the body is not JSON), the text and the content type. */
export interface CallResult {
  status: number;
  json: Json;
  text: string;
  type: string;
}

/** The loopback server of a test file. */
export interface LoopbackServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (set once `beforeAll` has run). */
  readonly url: string;
  /** The data directory (kept across {@link restart}, removed after the file). */
  readonly dataDir: string;
  /** Sends a request; a body that is a string is sent as it is, anything else as JSON. */
  call(method: string, url: string, body?: unknown): Promise<CallResult>;
  /** Closes the server and starts it again on the same port and data directory. */
  restart(): Promise<void>;
}

/**
 * Starts a server on a free loopback port in `beforeAll` (data in a new temporary directory named after `prefix`)
 * and closes it and removes the directory in `afterAll`. Call at the top level of the file.
 * @example const server = useLoopbackServer('cncouple-api-'); … (await server.call('POST', '/api/formula', { formula: 'NO3-' })).json.charge
 */
export function useLoopbackServer(prefix: string): LoopbackServer {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  let running: RunningServer | undefined;
  const start = async (port: number) => {
    running = await startServer({ port, dataDir, webRoot: '/nonexistent' });
  };
  const url = () => {
    if (!running) throw new Error('useLoopbackServer: the server starts in beforeAll; use it inside a test or hook');
    return running.url;
  };
  beforeAll(() => start(0));
  afterAll(async () => {
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get url() {
      return url();
    },
    dataDir,
    async call(method, target, body) {
      const send = () =>
        fetch(url() + target, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        });
      // after a restart the client's pooled keep-alive socket is stale: retry once, as browsers do
      const response = await send().catch(() => send());
      const text = await response.text();
      let json: Json;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: response.status, json, text, type: response.headers.get('content-type') ?? '' };
    },
    async restart() {
      const port = Number(new URL(url()).port);
      await running!.close();
      await start(port);
    },
  };
}
