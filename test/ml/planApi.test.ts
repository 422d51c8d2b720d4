/** The planning routes over a real server on loopback. */
import { describe, expect, it } from 'vitest';
import { type Json, useLoopbackServer } from '../support/server.js';

const server = useLoopbackServer('cncouple-plan-api-');
const post = (url: string, body: unknown) => server.call('POST', url, body);

const space = 'parameters:\n  - { name: a, type: continuous, low: 0, high: 1 }\nobjectives: [{ name: y, goal: maximize }]\n';
const runs = 'a,y\n0.1,0.19\n0.3,0.51\n0.5,0.75\n0.7,0.91\n0.9,0.99\n0.95,\n';

describe('POST /api/plan/ask and /api/plan/status', () => {
  it('asks with YAML text or an object, the same answer for the same seed', async () => {
    const r = await post('/api/plan/ask', { space, runs, batch: 2, seed: 4 });
    expect(r.status).toBe(200);
    expect(r.json.method).toBe('log-ei');
    expect(r.json.pendingRuns).toBe(1);
    expect(r.json.suggestions).toHaveLength(2);
    const obj = await post('/api/plan/ask', {
      space: { parameters: [{ name: 'a', type: 'continuous', low: 0, high: 1 }], objectives: [{ name: 'y', goal: 'maximize' }] },
      runs,
      batch: 2,
      seed: 4,
    });
    expect(obj.json.suggestions).toEqual(r.json.suggestions);
  });

  it('status: best run and a parity spec', async () => {
    const r = await post('/api/plan/status', { space, runs });
    expect(r.status).toBe(200);
    expect(r.json.best.y.line).toBe(6);
    expect(r.json.parity.y).toHaveLength(5);
    expect(r.json.paritySpec.hconcat).toHaveLength(1);
  });

  it('appears in the OpenAPI document with its body schema', async () => {
    const doc = (await (await fetch(server.url + '/api/openapi.json')).json()) as Json;
    expect(doc.paths['/api/plan/ask'].post.requestBody.content['application/json'].schema.properties.batch.maximum).toBe(50);
    expect(doc.paths['/api/plan/status'].post.tags).toEqual(['planning']);
  });

  it('asks by expected hypervolume improvement for two objectives (acquisition ehvi); refuses it for one, naming the field', async () => {
    const two = 'parameters:\n  - { name: x, type: continuous, low: 0, high: 1 }\nobjectives: [{ name: y1, goal: maximize }, { name: y2, goal: minimize }]\n';
    // y1 = x, y2 = x (minimized): every run is on the front, with a gap between 0.2 and 0.8
    const twoRuns = 'x,y1,y2\n' + [0, 0.1, 0.2, 0.8, 0.9, 1].map((x) => `${x},${x},${x}`).join('\n') + '\n';
    const r = await post('/api/plan/ask', { space: two, runs: twoRuns, seed: 1, acquisition: 'ehvi' });
    expect([r.status, r.json.method]).toEqual([200, 'ehvi']);
    expect(r.json.suggestions[0].parameters.x).toBeGreaterThan(0.35);
    expect(r.json.suggestions[0].parameters.x).toBeLessThan(0.65);
    expect((await post('/api/plan/ask', { space: two, runs: twoRuns, seed: 1 })).json.method).toBe('ehvi'); // the default
    // the OpenAPI summary names the same default
    const doc = (await server.call('GET', '/api/openapi.json')).json as { paths: Record<string, { post: { summary: string; requestBody: unknown } }> };
    expect(doc.paths['/api/plan/ask']!.post.summary).toMatch(/two objectives: expected hypervolume improvement, or ParEGO with acquisition parego/);
    expect((await post('/api/plan/ask', { space: two, runs: twoRuns, seed: 1, acquisition: 'parego' })).json.method).toBe('parego');
    const one = await post('/api/plan/ask', { space, runs, acquisition: 'ehvi' });
    expect([one.status, one.json.error.field]).toEqual([400, 'acquisition']);
    // parego with one objective is not refused: log-EI, as the request schema says
    expect((await post('/api/plan/ask', { space, runs, acquisition: 'parego' })).json.method).toBe('log-ei');
    expect(JSON.stringify(doc.paths['/api/plan/ask']!.post.requestBody)).toMatch(/ehvi is then refused, parego ignored \(method log-ei\)/);
    const unknown = await post('/api/plan/ask', { space: two, runs: twoRuns, acquisition: 'qnehvi' });
    expect([unknown.status, unknown.json.error.field]).toEqual([400, 'acquisition']);
  });

  it('bad runs: 400 naming line and field', async () => {
    const r = await post('/api/plan/ask', { space, runs: 'a,y\n1.5,0.2\n' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toContain('line 2, a');
  });
});
