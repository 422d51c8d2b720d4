/**
 * Distributed sweeps on BullMQ + Redis: a real `redis-server` on loopback, two `cncouple worker` processes, one
 * killed with SIGKILL while it holds a chunk; the sweep still completes (BullMQ's stalled-job recovery gives
 * the chunk to the other worker) with exactly the grid the in-process pool computes. Completion is awaited (the
 * sweep's promise, the API job's end event), bounded by a generous deadline whose error says what had not finished.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../scripts/redisServer.js';
import { QueueEvents } from 'bullmq';
import { SWEEP_QUEUE, queueChunkRunner, redisConnection } from '../../src/jobs/queue/sweepQueue.js';
import { decodeTyped, encodeTyped } from '../../src/jobs/queue/chunkCodec.js';
import { runParallelSweep } from '../../src/jobs/runParallelSweep.js';
import { closeWorkerPools } from '../../src/jobs/workerPool.js';
import type { SweepResult } from '../../src/kinetics/mapper/descriptorSweep.js';
import { builtinModelText } from '../../src/store/builtinModels.js';
import { startServer } from '../../src/server/startServer.js';
import { sweepJson } from '../../src/studies/sweepOutput.js';
import { finishWithin, waitForJobEnd } from '../support/jobs.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How long a sweep may take on a loaded machine before the test says what had not finished (below the tests' own timeouts). */
const SWEEP_DEADLINE_MS = 240_000;
const TEST_TIMEOUT_MS = 300_000;

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
let redis: RedisServer;
const workers: ChildProcess[] = [];

/** Starts `cncouple worker` from the sources; resolves when it says it listens. */
function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', tsx, 'src/cli/main.ts', 'worker', '--redis', url, '--lock-ms', '2000'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('cncouple worker')) resolve(child);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`worker exited ${code}: ${out}`)));
  });
}

beforeAll(async () => {
  redis = await startRedisServer();
}, 30_000);
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await redis?.stop();
  await closeWorkerPools();
});

describe('typed-array codec for queues and shard files', () => {
  it('round-trips Float64Array with NaN, Uint8Array and nested records', () => {
    const value = { a: Float64Array.of(1.5, Number.NaN, -2e-300), b: Uint8Array.of(0, 1, 255), c: { d: [Float64Array.of(3)] }, e: 'x', f: null };
    const back = decodeTyped<typeof value>(JSON.parse(JSON.stringify(encodeTyped(value))));
    expect(back.a).toBeInstanceOf(Float64Array);
    expect(Array.from(back.a)).toEqual([1.5, Number.NaN, -2e-300]);
    expect(back.b).toEqual(Uint8Array.of(0, 1, 255));
    expect(back.c.d[0]).toEqual(Float64Array.of(3));
    expect(back.e).toBe('x');
    expect(back.f).toBeNull();
  });
});

describe('distributed sweeps (BullMQ on redis-server)', () => {
  it(
    'completes a sweep after a worker is SIGKILLed mid-chunk, with the in-process answer',
    async () => {
      const modelText = builtinModelText('urea-cu4-ceo2');
      const spec = { x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 40 }, y: { name: 'dG_CO', from: -0.5, to: 1, points: 24 } };
      const reference = await runParallelSweep({ modelText, spec, chunkRows: 4 });

      const [first] = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
      const queue = queueChunkRunner(redis.url);
      const events = new QueueEvents(SWEEP_QUEUE, { connection: redisConnection(redis.url) });
      await events.waitUntilReady();
      const stalled: string[] = [];
      events.on('stalled', ({ jobId }) => stalled.push(jobId));
      let killed = false;
      let lastDone = 0;
      try {
        const result: SweepResult = await finishWithin(
          runParallelSweep({
            modelText,
            spec,
            chunkRows: 4,
            runChunk: queue.run,
            onProgress: (done) => {
              lastDone = done;
              // kill a worker as soon as work is under way: it holds a chunk that must be recovered
              if (!killed && done > 0) {
                killed = true;
                first!.kill('SIGKILL');
              }
            },
          }),
          SWEEP_DEADLINE_MS,
          'the queued 40 × 24 sweep (two workers, one SIGKILLed)',
          () => `${lastDone} of ${40 * 24} points done; worker killed: ${killed}; stalled chunks seen: ${stalled.length}`,
        );
        expect(killed).toBe(true);
        // the killed worker held a chunk: BullMQ saw it stall and gave it to the other worker
        expect(stalled.length).toBeGreaterThanOrEqual(1);
        expect(lastDone).toBe(40 * 24);
        expect(Array.from(result.converged)).toEqual(Array.from(reference.converged));
        for (const p of Object.keys(reference.log10Tof)) {
          expect(Array.from(result.log10Tof[p]!)).toEqual(Array.from(reference.log10Tof[p]!));
          expect(Array.from(result.faradaicEfficiency[p]!)).toEqual(Array.from(reference.faradaicEfficiency[p]!));
        }
      } finally {
        await Promise.all([queue.close(), events.close()]);
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'runs an API sweep on the queue when the server has a Redis URL',
    async () => {
      if (!workers.some((w) => w.exitCode === null && w.signalCode === null)) await startWorker(redis.url);
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-redis-api-'));
      const server = await startServer({ port: 0, dataDir, webRoot: '/nonexistent', redisUrl: redis.url });
      try {
        expect(await (await fetch(server.url + '/api/health')).json()).toMatchObject({ jobs: 'redis' });
        const x = { name: 'dG_NH2OH', from: -1, to: 0, points: 12 };
        const body = { model: 'oxime-fe', x };
        const started = await fetch(server.url + '/api/kinetics/sweeps', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const startedJson = (await started.json()) as { id: string };
        expect(started.status, JSON.stringify(startedJson)).toBe(202);
        // the job's end event, pushed by the server when the last chunk is back from the queue
        const ended = await waitForJobEnd(server.url, startedJson.id, 'the API sweep on the Redis queue', SWEEP_DEADLINE_MS);
        expect(ended, ended.error).toMatchObject({ kind: 'sweep', status: 'done', progress: { done: 12, total: 12 } });
        // and its grid is the one the in-process pool computes for the same model and axis
        const result = (await (await fetch(`${server.url}/api/kinetics/sweeps/${startedJson.id}/result`)).json()) as Record<string, unknown>;
        const reference = await runParallelSweep({ modelText: builtinModelText('oxime-fe'), spec: { x } });
        const { wallTimeS: _apiWall, spec: _spec, ...grid } = result;
        const { wallTimeS: _refWall, ...expected } = JSON.parse(JSON.stringify(sweepJson(reference, 0))) as Record<string, unknown>;
        expect(grid).toEqual(expected);
        expect(grid.points).toBe(12);
      } finally {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    TEST_TIMEOUT_MS,
  );
});
