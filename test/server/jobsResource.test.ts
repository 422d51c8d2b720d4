/** Issue 12: one jobs resource for every kind — state, result (409 while running, 404 unknown) and cancel. */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/server/routes.js';
import { useTestApp } from '../support/app.js';
import { pollJob } from '../support/jobs.js';

const t = useTestApp();
const jobs = t.jobs;

const get = (url: string) => t.app.inject({ method: 'GET', url });

/** A job of `kind` that runs until `finish` is called (deterministic: no timers). */
function heldJob(kind: string) {
  let finish!: (value: unknown) => void;
  let fail!: (error: Error) => void;
  const id = jobs.start(kind, (report) => {
    report(1, 4);
    return new Promise((resolve, reject) => ((finish = resolve), (fail = reject)));
  });
  return { id, finish, fail };
}
const settle = () => new Promise((r) => setImmediate(r));

describe('/api/jobs/:id', () => {
  it('state, then 409 job-not-finished while running, then 200 with the result when done', async () => {
    const job = heldJob('transient');
    const state = await get(`/api/jobs/${job.id}`);
    expect(state.statusCode).toBe(200);
    expect(state.json()).toMatchObject({ id: job.id, kind: 'transient', status: 'running', progress: { done: 1, total: 4 } });
    expect(state.json().result).toBeUndefined();
    const early = await get(`/api/jobs/${job.id}/result`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'job-not-finished', field: 'id', id: job.id });
    job.finish({ surfacePH: [7, 9.5] });
    await settle();
    const done = await get(`/api/jobs/${job.id}/result`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ surfacePH: [7, 9.5] });
    expect((await get(`/api/jobs/${job.id}`)).json().status).toBe('done');
  });

  it('unknown id: 404 not-found on every jobs route (not a 400: JobNotFoundError is no InputError)', async () => {
    for (const [method, url] of [
      ['GET', '/api/jobs/nope'],
      ['GET', '/api/jobs/nope/result'],
      ['DELETE', '/api/jobs/nope'],
      ['GET', '/api/couple/nope'],
      ['GET', '/api/kinetics/sweeps/nope/result'],
    ] as const) {
      const r = await t.app.inject({ method, url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error, url).toMatchObject({ code: 'not-found', field: 'id', id: 'nope' });
    }
  });

  it('DELETE cancels a job of any kind; its result is then 409 and the per-kind route sees it cancelled', async () => {
    const job = heldJob('couple');
    const cancelled = await t.app.inject({ method: 'DELETE', url: `/api/jobs/${job.id}` });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ id: job.id, status: 'cancelled' });
    job.finish([{ converged: true }]); // a late result of a cancelled job is dropped
    await settle();
    expect((await get(`/api/couple/${job.id}`)).json().status).toBe('cancelled');
    const result = await get(`/api/jobs/${job.id}/result`);
    expect(result.statusCode).toBe(409);
    expect(result.json().error.message).toContain('cancelled');
  });

  it('a failed job: 409 naming the failure', async () => {
    const job = heldJob('transient');
    job.fail(new Error('Newton failed at t = 3 s'));
    await settle();
    const r = await get(`/api/jobs/${job.id}/result`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe(`job "${job.id}" is failed (Newton failed at t = 3 s); its result exists once its status is "done"`);
  });

  it('the per-kind sweep result route answers 409 (was 400) for an unfinished sweep', async () => {
    const job = heldJob('sweep');
    const r = await get(`/api/kinetics/sweeps/${job.id}/result`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('job-not-finished');
    jobs.cancel(job.id);
  });

  it('a sweep through the jobs resource gives the same JSON as its own result route', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/kinetics/sweeps',
      payload: { model: 'urea-cu4-ceo2', x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 3 } },
    });
    expect(started.statusCode).toBe(202);
    const id = started.json().id as string;
    const { status } = await pollJob(async () => (await get(`/api/jobs/${id}`)).json() as { status: string }, { intervalMs: 50 });
    expect(status).toBe('done');
    const generic = await get(`/api/jobs/${id}/result`);
    const own = await get(`/api/kinetics/sweeps/${id}/result`);
    expect(generic.statusCode).toBe(200);
    expect(generic.json()).toEqual(own.json());
    expect(generic.json().xValues).toEqual([-1.5, -0.5, 0.5]);
  });

  it('is in the OpenAPI document with its 404 and 409', () => {
    const paths = openApiDocument('test').paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths['/api/jobs/{id}']!).sort()).toEqual(['delete', 'get']);
    expect(Object.keys(paths['/api/jobs/{id}/result']!.get!.responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
  });
});
