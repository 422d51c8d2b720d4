/**
 * /api/campaigns (issue 13): a campaign saved through the API survives a restart of the app on the same data
 * folder; token B cannot edit token A's campaign; bad bodies are 400 naming the field. In-process (app.inject).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/buildApp.js';
import type { ServerSecurityOptions } from '../../src/server/security.js';
import { RecordStore } from '../../src/store/RecordStore.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The app on the data folder `dataDir`, and how to stop it (app, then database). */
async function start(dataDir: string, security: ServerSecurityOptions = {}): Promise<{ app: FastifyInstance; store: RecordStore; stop: () => Promise<void> }> {
  const store = await RecordStore.open({ dataDir });
  const app = await buildApp({ store, webRoot: '/nonexistent', security });
  return { app, store, stop: async () => (await app.close(), await store.close()) };
}

const newDataDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'cncouple-campaign-api-'));
  dirs.push(d);
  return d;
};

const space = 'parameters:\n  - { name: a, type: continuous, low: 0, high: 1 }\nobjectives: [{ name: y, goal: maximize }]\n';
// y = a(2 − a): four finished runs, one in flight
const runs = 'a,y\n0.1,0.19\n0.3,0.51\n0.5,0.75\n0.7,0.91\n0.9,\n';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('/api/campaigns', () => {
  it('keeps a saved campaign across a restart of the app on the same data folder', async () => {
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const created = await first.app.inject({ method: 'POST', url: '/api/campaigns', payload: { name: 'nitrate series', space, runs } });
    expect(created.statusCode).toBe(201);
    const saved = created.json();
    expect(saved).toMatchObject({ name: 'nitrate series', owner: null, completedRuns: 4, pendingRuns: 1, space, runs });
    await first.stop();

    const second = await start(dataDir);
    try {
      const list = await second.app.inject({ url: '/api/campaigns' });
      expect(list.json()).toEqual([
        { id: saved.id, name: 'nitrate series', owner: null, completedRuns: 4, pendingRuns: 1, createdAt: saved.createdAt, updatedAt: saved.updatedAt },
      ]);
      const read = await second.app.inject({ url: `/api/campaigns/${saved.id}` });
      expect([read.statusCode, read.json()]).toEqual([200, saved]);
      // the restored campaign plans like the text it was saved from: the same suggestion for the same seed
      const fromSaved = await second.app.inject({
        method: 'POST',
        url: '/api/plan/ask',
        payload: { space: read.json().space, runs: read.json().runs, seed: 3 },
      });
      const fromText = await second.app.inject({ method: 'POST', url: '/api/plan/ask', payload: { space, runs, seed: 3 } });
      expect(fromSaved.statusCode).toBe(200);
      expect(fromSaved.json().suggestions).toEqual(fromText.json().suggestions);
      const put = await second.app.inject({
        method: 'PUT',
        url: `/api/campaigns/${saved.id}`,
        payload: { name: 'nitrate series', space, runs: runs.replace('0.9,\n', '0.9,0.99\n') },
      });
      expect(put.json()).toMatchObject({ id: saved.id, completedRuns: 5, pendingRuns: 0, createdAt: saved.createdAt });
      expect((await second.app.inject({ method: 'DELETE', url: `/api/campaigns/${saved.id}` })).json()).toEqual({ deleted: saved.id });
      const gone = await second.app.inject({ url: `/api/campaigns/${saved.id}` });
      expect([gone.statusCode, gone.json().error.code, gone.json().error.message]).toEqual([404, 'not-found', `no campaign with id "${saved.id}"`]);
    } finally {
      await second.stop();
    }
  });

  it("lets token B neither edit nor delete token A's campaign; an admin token may; writes need a token when required", async () => {
    const dataDir = newDataDir();
    const setup = await RecordStore.open({ dataDir });
    const a = (await setup.tokens.create('alice', 'write')).token;
    const b = (await setup.tokens.create('bob', 'write')).token;
    const reader = (await setup.tokens.create('reader', 'read')).token;
    const admin = (await setup.tokens.create('root', 'admin')).token;
    await setup.close();
    const { app, stop } = await start(dataDir, { requireToken: true });
    try {
      const anonymous = await app.inject({ method: 'POST', url: '/api/campaigns', payload: { name: 'x', space } });
      expect(anonymous.statusCode).toBe(401);
      expect((await app.inject({ method: 'POST', url: '/api/campaigns', payload: { name: 'x', space }, headers: bearer(reader) })).statusCode).toBe(403);
      const created = await app.inject({ method: 'POST', url: '/api/campaigns', payload: { name: 'mine', space, runs }, headers: bearer(a) });
      expect([created.statusCode, created.json().owner]).toEqual([201, 'alice']);
      const id = created.json().id as string;
      const edit = await app.inject({ method: 'PUT', url: `/api/campaigns/${id}`, payload: { name: 'taken over', space }, headers: bearer(b) });
      expect([edit.statusCode, edit.json().error.code]).toEqual([403, 'forbidden']);
      expect(edit.json().error.message).toContain('belongs to token "alice"');
      expect((await app.inject({ method: 'DELETE', url: `/api/campaigns/${id}`, headers: bearer(b) })).statusCode).toBe(403);
      // nothing changed; reads stay open
      expect((await app.inject({ url: `/api/campaigns/${id}` })).json()).toEqual(created.json());
      expect(
        (await app.inject({ method: 'PUT', url: `/api/campaigns/${id}`, payload: { name: 'renamed', space, runs }, headers: bearer(a) })).json().name,
      ).toBe('renamed');
      expect((await app.inject({ method: 'DELETE', url: `/api/campaigns/${id}`, headers: bearer(admin) })).statusCode).toBe(200);
    } finally {
      await stop();
    }
  });

  it('answers a bad campaign with 400 naming the field', async () => {
    const { app, stop } = await start(newDataDir());
    try {
      const post = (payload: object) => app.inject({ method: 'POST', url: '/api/campaigns', payload });
      const cases: [object, string | RegExp][] = [
        [{ space, runs }, 'name'],
        [{ name: '', space }, 'name'],
        [{ name: 'x', space: 7 }, 'space'],
        [{ name: 'x', space, runs: 'a,y\n2,0.5\n' }, /^runs, line 2\b.*\ba\b/],
        [
          {
            name: 'x',
            space: { parameters: [{ name: 'a', type: 'continuous', low: 0, high: 1, scale: 'cubic' }], objectives: [{ name: 'y', goal: 'maximize' }] },
          },
          'space.parameters.0',
        ],
        [
          { name: 'x', space: { parameters: [{ name: 'a', type: 'continuous', low: 0, high: 1 }], objectives: [{ name: 'y', goal: 'up' }] } },
          'space.objectives.0.goal',
        ],
      ];
      for (const [payload, field] of cases) {
        const r = await post(payload);
        expect([r.statusCode, r.json().error.code]).toEqual([400, 'bad-input']);
        expect(r.json().error.field).toMatch(typeof field === 'string' ? new RegExp(`^${field.replaceAll('.', '\\.')}`) : field);
      }
      expect((await app.inject({ url: '/api/campaigns' })).json()).toEqual([]);
      const put = await app.inject({ method: 'PUT', url: '/api/campaigns/cmp_nothing', payload: { name: 'x', space } });
      expect([put.statusCode, put.json().error.code]).toEqual([404, 'not-found']);
      // in the OpenAPI document with the body schema the routes validate with
      const doc = (await app.inject({ url: '/api/openapi.json' })).json();
      expect(doc.paths['/api/campaigns'].post.requestBody.content['application/json'].schema.required).toEqual(['name', 'space']);
      expect(Object.keys(doc.paths['/api/campaigns/{id}']).sort()).toEqual(['delete', 'get', 'put']);
    } finally {
      await stop();
    }
  });
});
