/** The virtual-lab optimization and the screening as background jobs, over a real server on loopback. */
import { describe, expect, it } from 'vitest';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { loadModel } from '../../src/store/builtinModels.js';
import { pollJob } from '../support/jobs.js';
import { type Json, useLoopbackServer } from '../support/server.js';

const server = useLoopbackServer('cncouple-ml-jobs-');
const call = server.call;
/** Polls a job until it is no longer running (bounded by a count of polls, not by time). */
const finish = (url: string): Promise<Json> => pollJob(async () => (await call('GET', url)).json, { maxPolls: 1200 });

const model = loadModel({ name: 'urea-cu4-ceo2' });

describe('POST /api/kinetics/optimize', () => {
  it('runs a small optimization to done; its best point is a real steady state', async () => {
    const started = await call('POST', '/api/kinetics/optimize', {
      model: 'urea-cu4-ceo2',
      vary: [{ name: 'dG_NO', low: -1.5, high: 0.5 }],
      objective: 'log10Tof:urea',
      budget: 7,
      seed: 1,
    });
    expect(started.status).toBe(202);
    const state = await finish(`/api/kinetics/optimize/${started.json.id}`);
    expect(state).toMatchObject({ status: 'done', progress: { done: 7, total: 7 } });
    const r = state.result;
    expect(r.trace).toHaveLength(7);
    const ok = r.trace.filter((t: Json) => t.status === 'ok').map((t: Json) => t.value as number);
    expect(r.best.value).toBe(Math.max(...ok));
    // best-so-far is the running maximum of the successful values
    let run = -Infinity;
    for (const t of r.trace) {
      if (t.status === 'ok') run = Math.max(run, t.value);
      expect(t.bestSoFar).toBe(run === -Infinity ? null : run);
    }
    // the same solver in-process at the best inputs: the job reports what it computed (a consistency check of the
    // job path; the solver itself is checked against 60-digit solutions in test/kinetics/exactSteadyState.test.ts)
    expect(Math.log10(steadyState(model, { descriptors: r.best.inputs }).tofPerS.urea!)).toBeCloseTo(r.best.value, 8);
    expect(state.spec.layer ?? state.spec.vconcat ?? state.spec.mark).toBeDefined();
  });

  it('refuses bad input with the field before any job starts, and cancels a running job', async () => {
    const unknown = await call('POST', '/api/kinetics/optimize', {
      model: 'urea-cu4-ceo2',
      vary: [{ name: 'dG_XX', low: 0, high: 1 }],
      objective: 'log10Tof:urea',
    });
    expect([unknown.status, unknown.json.error.field]).toEqual([400, 'vary.0.name']);
    const reversed = await call('POST', '/api/kinetics/optimize', {
      model: 'urea-cu4-ceo2',
      vary: [{ name: 'dG_NO', low: 1, high: 0 }],
      objective: 'log10Tof:urea',
    });
    expect([reversed.status, reversed.json.error.field]).toEqual([400, 'vary.0']);
    const noModel = await call('POST', '/api/kinetics/optimize', { vary: [{ name: 'dG_NO', low: 0, high: 1 }], objective: 'log10Tof:urea' });
    expect([noModel.status, noModel.json.error.field]).toEqual([400, 'model']);
    const long = await call('POST', '/api/kinetics/optimize', {
      model: 'urea-cu4-ceo2',
      vary: [
        { name: 'dG_NO', low: -1.5, high: 0.5 },
        { name: 'dG_CO', low: -0.5, high: 1 },
      ],
      objective: 'log10Tof:urea',
      budget: 200,
    });
    expect(long.status).toBe(202);
    expect((await call('DELETE', `/api/kinetics/optimize/${long.json.id}`)).json.status).toBe('cancelled');
    expect((await call('GET', `/api/kinetics/optimize/${long.json.id}`)).json.status).toBe('cancelled');
    expect((await call('GET', '/api/kinetics/optimize/nope')).status).toBe(404);
  });
});

describe('POST /api/screen', () => {
  it('σ = 0: the nominal steady states, and the faster candidate is top with probability 1', async () => {
    const candidates = 'name,dG_NO,dG_CO\na,-1.0,-0.1\nb,-0.6,0.3\n';
    const started = await call('POST', '/api/screen', { model: 'urea-cu4-ceo2', candidates, sigmaEv: 0, samples: 10 });
    expect(started.status).toBe(202);
    const state = await finish(`/api/screen/${started.json.id}`);
    expect(state).toMatchObject({ status: 'done', progress: { done: 2, total: 2 } });
    const direct = [steadyState(model, { descriptors: { dG_NO: -1.0, dG_CO: -0.1 } }), steadyState(model, { descriptors: { dG_NO: -0.6, dG_CO: 0.3 } })];
    const rows: Json[] = state.result.candidates;
    rows.forEach((c, i) => {
      expect(c.log10Tof.median).toBeCloseTo(Math.log10(direct[i]!.tofPerS.urea!), 8);
      expect(c.fe.median).toBeCloseTo(direct[i]!.faradaicEfficiency.urea!, 8);
    });
    const top = direct[0]!.tofPerS.urea! > direct[1]!.tofPerS.urea! ? 0 : 1;
    expect(rows[top].pTopK).toBeCloseTo(1, 12); // a mean of 10 indicators: 1 up to rounding
    expect(rows[1 - top].pTopK).toBe(0);
    expect(state.spec).toBeTruthy();
  });

  it('names the CSV problem, and cancels', async () => {
    const bad = await call('POST', '/api/screen', { model: 'urea-cu4-ceo2', candidates: 'name,dG_NO,dG_CO\na,x,0\n' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.error)).toMatch(/dG_NO|line/);
    const rows = Array.from({ length: 200 }, (_, i) => `c${i},${(-1.5 + i / 100).toFixed(2)},0.2`).join('\n');
    const long = await call('POST', '/api/screen', { model: 'urea-cu4-ceo2', candidates: `name,dG_NO,dG_CO\n${rows}\n`, samples: 20_000 });
    expect(long.status).toBe(202);
    expect((await call('DELETE', `/api/screen/${long.json.id}`)).json.status).toBe('cancelled');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json')).json;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/kinetics/optimize', '/api/kinetics/optimize/{id}', '/api/screen', '/api/screen/{id}']),
    );
    expect(doc.paths['/api/kinetics/optimize'].post.requestBody.content['application/json'].schema.properties.budget.maximum).toBe(200);
  });
});

describe('POST /api/plan/status with two objectives', () => {
  it('returns a Pareto plot whose front is the hand-picked non-dominated runs', async () => {
    const space = 'parameters:\n  - { name: a, type: continuous, low: 0, high: 1 }\nobjectives: [{ name: y, goal: maximize }, { name: z, goal: maximize }]\n';
    // (y, z): (1, 5) (2, 4) (1.5, 3) (3, 1) (0.5, 0.5): (1.5, 3) is dominated by (2, 4), (0.5, 0.5) by every other
    const runs = 'a,y,z\n0.1,1,5\n0.3,2,4\n0.5,1.5,3\n0.7,3,1\n0.9,0.5,0.5\n';
    const r = await call('POST', '/api/plan/status', { space, runs });
    expect(r.status).toBe(200);
    const front = r.json.paretoSpec.layer[0].data.values as { y: number; z: number }[];
    expect(front.map((p) => [p.y, p.z])).toEqual([
      [1, 5],
      [2, 4],
      [3, 1],
    ]);
    expect(r.json.paretoSpec.layer[1].data.values).toHaveLength(5);
    const one = await call('POST', '/api/plan/status', {
      space: 'parameters:\n  - { name: a, type: continuous, low: 0, high: 1 }\nobjectives: [{ name: y, goal: maximize }]\n',
      runs: 'a,y\n0.1,1\n0.5,2\n0.9,3\n',
    });
    expect(one.json.paretoSpec).toBeNull();
  });
});
