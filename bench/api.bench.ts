/**
 * HTTP API load: autocannon against a real server on loopback (127.0.0.1), for a record list query and a
 * steady-state kinetics call; bounded in time (BENCH_API_SECONDS, default 5 s each) and connections (10).
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../src/server/startServer.js';

/** One row of the API benchmark. */
export interface ApiBenchResult {
  request: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

export async function runApiBench(seconds = Number(process.env.BENCH_API_SECONDS ?? 5)): Promise<ApiBenchResult[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-apibench-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, webRoot: '/nonexistent' });
  const cases = [
    { request: 'GET /api/records?product=urea&sort=fe&limit=50', method: 'GET' as const, path: '/api/records?product=urea&sort=fe&limit=50' },
    {
      request: 'POST /api/kinetics/steady (urea-cu4-ceo2, one potential)',
      method: 'POST' as const,
      path: '/api/kinetics/steady',
      body: JSON.stringify({ model: 'urea-cu4-ceo2', potentialsVvsRHE: [-0.3] }),
      headers: { 'content-type': 'application/json' },
    },
  ];
  const results: ApiBenchResult[] = [];
  try {
    for (const c of cases) {
      const r = await autocannon({ url: server.url + c.path, method: c.method, body: c.body, headers: c.headers, connections: 10, duration: seconds });
      results.push({ request: c.request, requestsPerSecond: r.requests.average, latencyP50Ms: r.latency.p50, latencyP99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    }
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
