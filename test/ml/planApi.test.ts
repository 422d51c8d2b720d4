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
    const obj = await post('/api/plan/ask', { space: { parameters: [{ name: 'a', type: 'continuous', low: 0, high: 1 }], objectives: [{ name: 'y', goal: 'maximize' }] }, runs, batch: 2, seed: 4 });
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

  it('bad runs: 400 naming line and field', async () => {
    const r = await post('/api/plan/ask', { space, runs: 'a,y\n1.5,0.2\n' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.json)).toContain('line 2, a');
  });
});
