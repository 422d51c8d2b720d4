/**
 * One sweep output for every edge (src/studies/sweepOutput.ts): the CLI's `kinetics sweep --json`/`--csv`, the
 * API's sweep result and the merge of a sharded run print the same JSON (the API adds only its heat-map spec;
 * `wallTimeS` is each run's own) and the same CSV.
 */
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobManager } from '../../src/jobs/JobManager.js';
import { closeWorkerPools } from '../../src/jobs/workerPool.js';
import { buildApp } from '../../src/server/buildApp.js';
import { RecordStore } from '../../src/store/RecordStore.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-sweep-output-'));
let store: RecordStore;
let app: FastifyInstance;
const jobs = new JobManager();

beforeAll(async () => {
  store = await RecordStore.open({ dataDir: ':memory:' });
  app = await buildApp({ store, webRoot: '/nonexistent', jobs });
});
afterAll(async () => {
  await app.close();
  await store.close();
  await closeWorkerPools();
  rmSync(dir, { recursive: true, force: true });
});

const without = (json: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(json).filter(([k]) => !keys.includes(k)));

describe('sweep output: CLI, API and merged shards', () => {
  it('the same 10 × 4 sweep (coverages and step rates too) gives identical JSON at all three edges, and identical CSV from the CLI and the merge', async () => {
    // 4 grid rows: one continuation band everywhere (the API's chunks are at least 4 rows; one shard; the
    // CLI's in-process run), so the values themselves are the same, not just close
    const args = ['urea-cu4-ceo2', '--x', 'dG_NO:-1.5:0.5', '--y', 'dG_CO:-0.5:1', '--grid', '10x4', '--fields', 'coverages,rates'];
    const cliCsv = path.join(dir, 'cli.csv');
    const local = await cli('kinetics', 'sweep', ...args, '--csv', cliCsv, '--json');
    expect(local.code, local.err).toBe(0);
    const part = path.join(dir, 'part-1.json');
    expect((await cli('kinetics', 'sweep', ...args, '--shard', '1/1', '--out', part)).code).toBe(0);
    const mergedCsv = path.join(dir, 'merged.csv');
    const merged = await cli('merge', part, '--csv', mergedCsv, '--json');
    expect(merged.code, merged.err).toBe(0);

    const started = await app.inject({
      method: 'POST',
      url: '/api/kinetics/sweeps',
      payload: {
        model: 'urea-cu4-ceo2',
        x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 10 },
        y: { name: 'dG_CO', from: -0.5, to: 1, points: 4 },
        fields: ['coverages', 'rates'],
      },
    });
    expect(started.statusCode).toBe(202);
    const id = started.json().id as string;
    while (jobs.get(id).status === 'running') await new Promise((r) => setTimeout(r, 20));
    const api = await app.inject({ method: 'GET', url: `/api/kinetics/sweeps/${id}/result` });
    expect(api.statusCode).toBe(200);
    const viaJobs = await app.inject({ method: 'GET', url: `/api/jobs/${id}/result` });

    const cliJson = JSON.parse(local.out) as Record<string, unknown>;
    expect(cliJson).toMatchObject({ points: 40, converged: 40 });
    expect(Object.keys(cliJson.coverages as object)).toContain('CO*');
    expect(Object.keys(cliJson.stepRatesPerS as object).length).toBeGreaterThan(5);
    for (const j of [cliJson, JSON.parse(merged.out), api.json(), viaJobs.json()] as Record<string, unknown>[]) expect(typeof j.wallTimeS).toBe('number');
    expect(without(JSON.parse(merged.out), 'wallTimeS')).toEqual(without(cliJson, 'wallTimeS'));
    expect(without(api.json(), 'wallTimeS', 'spec')).toEqual(without(cliJson, 'wallTimeS'));
    expect(without(viaJobs.json(), 'wallTimeS')).toEqual(without(api.json(), 'wallTimeS'));
    expect(api.json().spec.title.text).toContain('log10 TOF of urea');
    const csv = readFileSync(cliCsv, 'utf8');
    expect(csv.split('\n')).toHaveLength(42); // header, 40 points, final newline
    expect(readFileSync(mergedCsv, 'utf8')).toBe(csv);
  });
});
