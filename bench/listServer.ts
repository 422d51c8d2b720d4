/**
 * A server for the record-list load benchmark (`bench/api.bench.ts`), in its own process so that autocannon's
 * work does not share the server's event loop and the server's CPU time can be read from /proc: a fresh data
 * directory (the curated literature only), loopback, `CACHE=0` for the baseline without the record-list cache.
 * Prints its URL on the first line of stdout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../src/server/startServer.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-listbench-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, webRoot: '/nonexistent', recordListCache: process.env.CACHE !== '0' });
console.log(server.url);
const stop = async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
