/** Headers, Host allow-list, rate limit, job quotas, tokens and record ownership (issue 14), in-process. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JobManager } from '../../src/jobs/JobManager.js';
import { startServer } from '../../src/server/startServer.js';
import { RecordStore } from '../../src/store/RecordStore.js';
import { type TestApp, type TestAppOptions, openTestApp } from '../support/app.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

async function appWith(security: TestAppOptions['security'] = {}, jobs = new JobManager()): Promise<TestApp> {
  const opened = await openTestApp({ jobs, security });
  cleanup.push(opened.close);
  return opened;
}

const user = (id: string) => ({
  id,
  catalystPrinted: id,
  catalyst: id,
  strategy: 'interface engineering',
  productPrinted: 'urea',
  products: ['urea'],
  nitrogenSources: ['NO3-'],
  carbonSources: ['CO2'],
  sourceCitation: 'security test',
  sourceLocation: 'here',
});
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('headers and Host', () => {
  it('sends a CSP without eval, nosniff, no-referrer and no framing', async () => {
    const { app } = await appWith();
    const r = await app.inject({ url: '/api/health' });
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });

  it("answers only loopback Host names by default (DNS rebinding sends the attacker's name)", async () => {
    const { app } = await appWith();
    for (const host of ['localhost:8480', '127.0.0.1:8480', '[::1]:8480', 'LOCALHOST'])
      expect([host, (await app.inject({ url: '/api/health', headers: { host } })).statusCode]).toEqual([host, 200]);
    const evil = await app.inject({ url: '/api/records', headers: { host: 'rebind.attacker.example:8480' } });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.message).toContain('rebind.attacker.example');
    const { app: named } = await appWith({ allowedHosts: ['cncouple.lab.example', 'localhost'] });
    expect((await named.inject({ url: '/api/health', headers: { host: 'cncouple.lab.example' } })).statusCode).toBe(200);
    expect((await named.inject({ url: '/api/health', headers: { host: 'other.example' } })).statusCode).toBe(403);
  });
});

describe('limits', () => {
  it('rate-limits a client with 429 and Retry-After', async () => {
    const { app } = await appWith({ rateLimitPerMinute: 3, rateLimitLoopback: true });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject({ url: '/api/species' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await app.inject({ url: '/api/species' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.length).toBeLessThan(500);
  });

  it('never drops a running job, whatever the number', () => {
    const jobs = new JobManager({ maxRunning: 100, maxRunningPerClient: 100, maxKept: 50 });
    const ids = Array.from({ length: 60 }, () => jobs.start('test', () => new Promise<never>(() => {})));
    expect(ids.map((id) => jobs.get(id).status)).toEqual(Array(60).fill('running')); // before: the oldest running one was dropped at 51
    for (const id of ids) jobs.cancel(id);
    jobs.start('test', () => new Promise<never>(() => {}));
    expect(ids.filter((id) => jobs.runningIds().includes(id) || tryGet(jobs, id))).toHaveLength(49); // 11 oldest finished ones dropped: 50 kept with the new one
  });

  it('answers a client over its job quota with 429 and the server over its quota with 503, both with Retry-After', async () => {
    const jobs = new JobManager({ maxRunningPerClient: 1, maxRunning: 2, retryAfterS: 7 });
    const { app, store } = await appWith({}, jobs);
    const a = (await store.tokens.create('a', 'write')).token;
    const b = (await store.tokens.create('b', 'write')).token;
    const sweep = { model: 'urea-cu4-ceo2', x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 200 }, y: { name: 'dG_CO', from: -0.5, to: 1, points: 200 } };
    const start = (headers = {}) => app.inject({ method: 'POST', url: '/api/kinetics/sweeps', payload: sweep, headers });
    expect((await start(bearer(a))).statusCode).toBe(202);
    const again = await start(bearer(a));
    expect([again.statusCode, again.headers['retry-after']]).toEqual([429, '7']);
    expect((await start(bearer(b))).statusCode).toBe(202);
    const full = await start(); // a third client (this address): the server runs its two
    expect([full.statusCode, full.headers['retry-after']]).toEqual([503, '7']);
    const [ofA] = jobs.runningIds();
    const foreign = await app.inject({ method: 'DELETE', url: `/api/kinetics/sweeps/${ofA}`, headers: bearer(b) });
    expect([foreign.statusCode, foreign.json().error.message]).toEqual([403, expect.stringContaining('started by another client')]);
    const admin = (await store.tokens.create('boss', 'admin')).token;
    expect((await app.inject({ method: 'DELETE', url: `/api/kinetics/sweeps/${ofA}`, headers: bearer(admin) })).json().status).toBe('cancelled');
    expect((await start()).statusCode).toBe(202); // a slot is free again
  });
});

function tryGet(jobs: JobManager, id: string): boolean {
  try {
    jobs.get(id);
    return true;
  } catch {
    return false;
  }
}

describe('tokens and owners', () => {
  it('stores only the SHA-256 of a random 32-byte token; refuses bad and revoked tokens with 401', async () => {
    const { app, store } = await appWith();
    const created = await store.tokens.create('alice', 'write');
    expect(created.token).toMatch(/^cnc_[A-Za-z0-9_-]{43}$/); // 32 bytes in base64url
    const row = await store.db.selectFrom('api_tokens').selectAll().where('name', '=', 'alice').executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(created.token, 'utf8').digest('hex'));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(4));
    expect((await app.inject({ url: '/api/records', headers: bearer(created.token) })).statusCode).toBe(200);
    const bad = await app.inject({ url: '/api/records', headers: bearer(created.token.slice(0, -1) + 'x') });
    expect([bad.statusCode, bad.headers['www-authenticate']]).toEqual([401, 'Bearer']);
    await store.tokens.revoke('alice');
    expect((await app.inject({ url: '/api/records', headers: bearer(created.token) })).statusCode).toBe(401);
    expect((await store.tokens.list()).map((t) => [t.name, t.revokedAt !== null])).toEqual([['alice', true]]);
    await expect(store.tokens.create('alice', 'write')).rejects.toThrow(/exists/);
  });

  it('when tokens are required: writes need a write token, each edits only its own records, admin any; reads and calculators stay open', async () => {
    const { app, store } = await appWith({ requireToken: true });
    const [alice, bob, admin, reader] = await Promise.all([
      store.tokens.create('alice', 'write'),
      store.tokens.create('bob', 'write'),
      store.tokens.create('root', 'admin'),
      store.tokens.create('viewer', 'read'),
    ]).then((t) => t.map((x) => x.token));
    const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: object) =>
      app.inject({ method, url, payload, headers: token ? bearer(token) : {} });
    const anonymous = await send('POST', '/api/records', undefined, user('a1'));
    expect([anonymous.statusCode, anonymous.headers['www-authenticate']]).toEqual([401, 'Bearer']);
    expect((await send('POST', '/api/records', reader, user('a1'))).statusCode).toBe(403);
    expect((await send('POST', '/api/records', alice, user('a1'))).statusCode).toBe(201);
    expect(await store.ownerOf('a1')).toBe('alice');
    const foreign = await send('PUT', '/api/records/a1', bob, { ...user('a1'), catalyst: 'changed' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.message).toContain('belongs to token "alice"');
    expect((await send('DELETE', '/api/records/a1', bob)).statusCode).toBe(403);
    expect((await send('PUT', '/api/records/a1', alice, { ...user('a1'), catalyst: 'changed' })).statusCode).toBe(200);
    expect(await store.ownerOf('a1')).toBe('alice'); // an update keeps the owner
    const imported = await send('POST', '/api/records/import', bob, { format: 'json', content: JSON.stringify([user('b1'), user('b2')]) });
    expect(imported.statusCode).toBe(200);
    expect([await store.ownerOf('b1'), await store.ownerOf('b2')]).toEqual(['bob', 'bob']);
    expect((await send('DELETE', '/api/records/b1', admin)).statusCode).toBe(200);
    expect((await send('DELETE', '/api/records/a1', admin)).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/records?origin=user' })).json().total).toBe(1);
    expect((await send('POST', '/api/formula', undefined, { formula: 'NO3-' })).statusCode).toBe(200);
    expect(
      (await send('POST', '/api/kinetics/sweeps', undefined, { model: 'urea-cu4-ceo2', x: { name: 'dG_NO', from: -1, to: 0, points: 2 } })).statusCode,
    ).toBe(401);
  });

  it('refuses to listen beyond loopback without a token unless told --insecure-no-auth', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-exposed-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await expect(startServer({ host: '0.0.0.0', port: 0, dataDir, webRoot: '/nonexistent' })).rejects.toThrow(
      /refusing to listen on 0\.0\.0\.0 with no API token.*--insecure-no-auth/,
    );
    const open = await startServer({ host: '0.0.0.0', port: 0, dataDir, webRoot: '/nonexistent', insecureNoAuth: true });
    const port = new URL(open.url).port;
    expect(
      (
        await fetch(`http://127.0.0.1:${port}/api/records`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(user('open-1')),
        })
      ).status,
    ).toBe(201);
    await open.close();
    const store = await RecordStore.open({ dataDir });
    const { token } = await store.tokens.create('lab', 'write');
    await store.close();
    const guarded = await startServer({ host: '0.0.0.0', port: 0, dataDir, webRoot: '/nonexistent' });
    const url = `http://127.0.0.1:${new URL(guarded.url).port}/api/records`;
    const post = (headers: Record<string, string>) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(user('guarded-1')) });
    expect((await post({})).status).toBe(401);
    expect((await post(bearer(token))).status).toBe(201);
    await guarded.close();
  });
});
