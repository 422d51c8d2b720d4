/**
 * HTTP API load: autocannon against a real server on loopback (127.0.0.1), for a record list query and a
 * steady-state kinetics call; bounded in time (BENCH_API_SECONDS, default 5 s each) and connections (10).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
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
      results.push({
        request: c.request,
        requestsPerSecond: r.requests.average,
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        errors: r.errors,
        non2xx: r.non2xx,
      });
    }
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

/** One row of the record-list load benchmark. */
export interface ListLoadResult {
  cache: boolean;
  /** Accept-Encoding sent, or null for none (identity). */
  acceptEncoding: string | null;
  /** Requests per second asked of autocannon (its overallRate). */
  targetRate: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Server process CPU time (user + system, /proc/PID/stat) per answered request, ms; NaN off Linux. */
  serverCpuMsPerRequest: number;
  bytesPerRequest: number;
  errors: number;
  non2xx: number;
}

/** user + system CPU time of process `pid`, s, from /proc (NaN where there is none). */
function processCpuSeconds(pid: number): number {
  try {
    // fields after the command name "(…)": state is field 3, utime 14, stime 15 (proc(5)), in clock ticks (100 Hz on Linux)
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Starts bench/listServer.ts in a child process; resolves with its URL and pid. */
async function startListServer(cache: boolean): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const child = spawn(process.execPath, ['--import', tsx, new URL('./listServer.ts', import.meta.url).pathname], {
    env: { ...process.env, CACHE: cache ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!.trim());
    });
    child.on('exit', (code) => reject(new Error(`list server exited (${code})`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

/**
 * The records list under a fixed request rate (issue 14: 1 000 req/s with p99 ≤ 10 ms for the default page):
 * `GET /api/records` (100 records at most; the curated literature's 47, 99 KB) at autocannon's overallRate
 * `rate` over 10 connections, against a server in its own process with and without the record-list cache
 * (the baseline), without Accept-Encoding and with `gzip, br`, in `rounds` interleaved rounds of `seconds`
 * each (a change in the machine's load hits every case alike); rows sum the rounds' requests and CPU and take
 * the median round's latencies. The server's CPU time per request is the figure a busy machine distorts least.
 */
export async function runListLoadBench(
  seconds = Number(process.env.BENCH_API_SECONDS ?? 5),
  rate = 1000,
  rounds = Number(process.env.BENCH_LIST_ROUNDS ?? 2),
): Promise<ListLoadResult[]> {
  const servers = [await startListServer(false), await startListServer(true)];
  const cases = servers.flatMap((server, i) =>
    [null, 'gzip, br'].map((acceptEncoding) => ({
      server,
      cache: i === 1,
      acceptEncoding,
      runs: [] as { requests: number; cpuS: number; bytes: number; p50: number; p99: number; errors: number; non2xx: number; seconds: number }[],
    })),
  );
  try {
    for (const c of cases)
      await autocannon({
        url: `${c.server.url}/api/records`,
        connections: 2,
        amount: 200,
        headers: c.acceptEncoding ? { 'accept-encoding': c.acceptEncoding } : {},
      }); // warm-up
    for (let r = 0; r < rounds; r++) {
      for (const c of cases) {
        const cpu0 = processCpuSeconds(c.server.pid);
        const a = await autocannon({
          url: `${c.server.url}/api/records`,
          connections: 10,
          overallRate: rate,
          duration: seconds,
          headers: c.acceptEncoding ? { 'accept-encoding': c.acceptEncoding } : {},
        });
        const cpuS = processCpuSeconds(c.server.pid) - cpu0;
        c.runs.push({
          requests: a.requests.total,
          cpuS,
          bytes: a.throughput.total,
          p50: a.latency.p50,
          p99: a.latency.p99,
          errors: a.errors,
          non2xx: a.non2xx,
          seconds: a.duration,
        });
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return cases.map((c) => {
    const requests = sum(c.runs.map((x) => x.requests));
    return {
      cache: c.cache,
      acceptEncoding: c.acceptEncoding,
      targetRate: rate,
      requestsPerSecond: requests / sum(c.runs.map((x) => x.seconds)),
      latencyP50Ms: median(c.runs.map((x) => x.p50)),
      latencyP99Ms: median(c.runs.map((x) => x.p99)),
      serverCpuMsPerRequest: (1000 * sum(c.runs.map((x) => x.cpuS))) / requests,
      bytesPerRequest: sum(c.runs.map((x) => x.bytes)) / requests,
      errors: sum(c.runs.map((x) => x.errors)),
      non2xx: sum(c.runs.map((x) => x.non2xx)),
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await runListLoadBench();
  console.table(
    rows.map((r) => ({
      cache: r.cache,
      'accept-encoding': r.acceptEncoding ?? '(none)',
      'req/s': Math.round(r.requestsPerSecond),
      'p50 ms': r.latencyP50Ms,
      'p99 ms': r.latencyP99Ms,
      'server CPU ms/req': r.serverCpuMsPerRequest.toFixed(3),
      'bytes/req': Math.round(r.bytesPerRequest),
      errors: r.errors,
      non2xx: r.non2xx,
    })),
  );
  console.log(JSON.stringify(rows));
}
