/**
 * The record-list cache (issue 14, load): every write shows in the next list (create, update, delete, import,
 * fork, another process's write), compressed bodies decompress to the identity body, strong ETags answer 304,
 * the cache-off baseline serves the same page, and the security hooks still run before the cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/buildApp.js';
import { RecordListCache, chooseEncoding } from '../../src/server/recordListCache.js';
import { type RunningServer, startServer } from '../../src/server/startServer.js';
import { RecordStore, type ListRecordsResult } from '../../src/store/RecordStore.js';
import { readLiteratureRecords } from '../../src/store/literature.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-listcache-'));
let server: RunningServer;
let app: FastifyInstance;

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir, webRoot: '/nonexistent' });
  app = server.app;
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const user = (catalyst: string, fe = '33%') => ({
  catalystPrinted: catalyst,
  catalyst,
  strategy: 'interface engineering',
  productPrinted: 'urea',
  products: ['urea'],
  nitrogenSources: ['NO3-'],
  carbonSources: ['CO2'],
  faradaicEfficiencyPrinted: fe,
  sourceCitation: 'cache test',
  sourceLocation: 'run 1',
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const ids = async (url = '/api/records?limit=10000') => (JSON.parse((await get(url)).body) as ListRecordsResult).records.map((r) => r.id);

describe('record-list cache over HTTP', () => {
  it('serves the page the store reads, with a strong ETag, and 304 for a current If-None-Match', async () => {
    const first = await get('/api/records');
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body)).toEqual(await server.store.list({})); // the store itself, uncached
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/); // strong: SHA-1 (20 bytes) in base64url, no W/
    expect(first.headers.vary).toBe('accept-encoding');
    const again = await get('/api/records');
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    const notModified = await get('/api/records', { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
    expect(notModified.headers.etag).toBe(etag);
    expect((await get('/api/records', { 'if-none-match': `W/${etag}` })).statusCode).toBe(304); // weak comparison (RFC 9110 §13.1.2)
    expect((await get('/api/records', { 'if-none-match': '"other", ' + etag })).statusCode).toBe(304);
    expect((await get('/api/records', { 'if-none-match': '"other"' })).statusCode).toBe(200);
    // another query is another page, with another tag
    const other = await get('/api/records?sort=fe');
    expect(other.headers.etag).not.toBe(etag);
    expect(JSON.parse(other.body)).toEqual(await server.store.list({ sort: 'fe' }));
  });

  it('sends br, gzip and deflate bodies that decompress to the identity body, each with its own ETag', async () => {
    const identity = await get('/api/records');
    const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync, deflate: zlib.inflateSync };
    const tags = new Set([identity.headers.etag]);
    for (const [accept, coding] of [
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['deflate', 'deflate'],
      ['gzip, deflate, br', 'br'],
      ['gzip;q=1, br;q=0.5', 'gzip'],
      ['br;q=0, *', 'gzip'],
    ] as const) {
      const r = await get('/api/records', { 'accept-encoding': accept });
      expect(r.headers['content-encoding'], accept).toBe(coding);
      expect(r.rawPayload.length).toBeLessThan(identity.rawPayload.length / 3); // 99 KB of JSON compresses well
      expect(decode[coding](r.rawPayload).equals(identity.rawPayload), accept).toBe(true);
      tags.add(r.headers.etag);
      expect((await get('/api/records', { 'accept-encoding': accept, 'if-none-match': r.headers.etag as string })).statusCode).toBe(304);
    }
    expect(tags.size).toBe(4); // identity, br, gzip, deflate
    const none = await get('/api/records', { 'accept-encoding': 'gzip;q=0, br;q=0, deflate;q=0' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.rawPayload.equals(identity.rawPayload)).toBe(true);
  });

  it('shows every write in the next list: create, update, delete, fork, import', async () => {
    const before = await get('/api/records?limit=10000');
    const tag = before.headers.etag as string;
    const created = await app.inject({ method: 'POST', url: '/api/records', payload: user('Cache-A') });
    expect(created.statusCode).toBe(201);
    const id = JSON.parse(created.body).id as string;
    expect(await ids()).toContain(id);
    const afterCreate = await get('/api/records?limit=10000', { 'if-none-match': tag });
    expect(afterCreate.statusCode).toBe(200); // the old tag no longer matches
    expect(JSON.parse(afterCreate.body).total).toBe(JSON.parse(before.body).total + 1);

    expect((await app.inject({ method: 'PUT', url: `/api/records/${id}`, payload: user('Cache-A', '71%') })).statusCode).toBe(200);
    const listed = (JSON.parse((await get('/api/records?limit=10000')).body) as ListRecordsResult).records.find((r) => r.id === id)!;
    expect(listed.normalized.faradaicEfficiency?.value).toBeCloseTo(0.71, 12);

    expect((await app.inject({ method: 'DELETE', url: `/api/records/${id}` })).statusCode).toBe(200);
    expect(await ids()).not.toContain(id);

    const literatureId = (await ids('/api/records?origin=literature&limit=1'))[0]!;
    expect((await app.inject({ method: 'POST', url: `/api/records/${literatureId}/fork`, payload: {} })).statusCode).toBe(201);
    expect(await ids('/api/records?origin=user&limit=10000')).toContain(`${literatureId}-fork`);

    const imported = await app.inject({
      method: 'POST',
      url: '/api/records/import',
      payload: {
        format: 'json',
        content: JSON.stringify([
          { ...user('Cache-I1'), id: 'cache-i1' },
          { ...user('Cache-I2'), id: 'cache-i2' },
        ]),
      },
    });
    expect(imported.statusCode).toBe(200);
    expect(await ids('/api/records?origin=user&limit=10000')).toEqual(expect.arrayContaining(['cache-i1', 'cache-i2']));
    // a refused import writes nothing and the list stays what it was
    const stable = await get('/api/records?origin=user&limit=10000');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/records/import',
          payload: {
            format: 'json',
            content: JSON.stringify([
              { ...user('Cache-I3'), id: 'cache-i3' },
              { ...user('Cache-I4'), products: ['unobtainium'] },
            ]),
          },
        })
      ).statusCode,
    ).toBe(400);
    expect((await get('/api/records?origin=user&limit=10000', { 'if-none-match': stable.headers.etag as string })).statusCode).toBe(304);
  });

  it('shows another process’s write to the same database file (SQLite data_version)', async () => {
    await ids('/api/records?origin=user&limit=10000'); // cached
    const cli = await RecordStore.open({ dataDir }); // what `cncouple import` beside the server opens
    try {
      await cli.create({ ...user('Cache-CLI'), id: 'cache-cli', origin: 'user' });
    } finally {
      await cli.close();
    }
    expect(await ids('/api/records?origin=user&limit=10000')).toContain('cache-cli');
  });

  it('a list read while a write commits is never served after it', async () => {
    // create while list requests are in flight, then every later list has the record
    const inFlight = Array.from({ length: 5 }, () => get('/api/records?origin=user&limit=10000'));
    const created = app.inject({ method: 'POST', url: '/api/records', payload: { ...user('Cache-Race'), id: 'cache-race' } });
    await Promise.all([...inFlight, created]);
    expect(await ids('/api/records?origin=user&limit=10000')).toContain('cache-race');
  });
});

describe('RecordListCache with a controlled store', () => {
  /** A store whose reads wait for the test, with a stamp the test moves. */
  function fakeStore(stamp: string | undefined) {
    const state = { stamp, total: 1, reads: 0, release: [] as (() => void)[] };
    const store = {
      changeStamp: () => state.stamp,
      list: async () => {
        state.reads++;
        const total = state.total; // the rows as they are when the read runs
        await new Promise<void>((resolve) => state.release.push(resolve));
        return { total, records: [] };
      },
    };
    return { state, store: store as unknown as RecordStore };
  }
  const flush = async () => new Promise((r) => setImmediate(r));

  it('drops a page read under a stamp that changed before it was served', async () => {
    const { state, store } = fakeStore('0:1');
    const cache = new RecordListCache();
    const stale = cache.respond(store, { limit: 100 }, {});
    await flush();
    state.total = 2; // a write commits while the first read is held …
    state.stamp = '1:1'; // … and its transaction ends
    state.release.shift()!();
    expect(JSON.parse((await stale).body.toString()).total).toBe(1); // the reader that started before gets what it read
    const fresh = cache.respond(store, { limit: 100 }, {});
    await flush();
    expect(state.reads).toBe(2); // not served from the entry of stamp 0:1
    state.release.shift()!();
    expect(JSON.parse((await fresh).body.toString()).total).toBe(2);
    expect(JSON.parse((await cache.respond(store, { limit: 100 }, {})).body.toString()).total).toBe(2);
    expect(state.reads).toBe(2); // now cached
  });

  it('shares one read among concurrent requests, and caches nothing without a stamp (PostgreSQL)', async () => {
    const { state, store } = fakeStore('0:1');
    const cache = new RecordListCache();
    const three = [1, 2, 3].map(() => cache.respond(store, { limit: 100 }, {}));
    await flush();
    expect(state.reads).toBe(1);
    state.release.shift()!();
    await Promise.all(three);
    const pg = fakeStore(undefined);
    const two = [cache.respond(pg.store, { limit: 5 }, {}), cache.respond(pg.store, { limit: 5 }, {})];
    await flush();
    expect(pg.state.reads).toBe(2);
    pg.state.release.splice(0).forEach((f) => f());
    await Promise.all(two);
    expect(cache.size).toBe(1);
  });

  it('keeps at most maxEntries queries, least recently used dropped first', async () => {
    const { state, store } = fakeStore('0:1');
    const cache = new RecordListCache({ maxEntries: 2 });
    const at = async (limit: number) => {
      const p = cache.respond(store, { limit }, {});
      await flush();
      state.release.splice(0).forEach((f) => f());
      return p;
    };
    await at(1);
    await at(2);
    await at(1); // 1 used last
    await at(3); // drops 2
    const reads = state.reads;
    await at(1);
    expect(state.reads).toBe(reads);
    await at(2);
    expect(state.reads).toBe(reads + 1);
  });
});

describe('chooseEncoding', () => {
  it('follows the q-values of Accept-Encoding (RFC 9110 §12.5.3)', () => {
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('compress, zstd')).toBeNull();
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, br;q=0.5')).toBe('gzip');
    expect(chooseEncoding('BR;Q=0, GZIP')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('br;q=0, *;q=0.3')).toBe('gzip');
    expect(chooseEncoding('gzip;q=0, br;q=0, deflate;q=0')).toBeNull();
    expect(chooseEncoding('deflate')).toBe('deflate');
  });
});

describe('cache off (the benchmark baseline) and the security hooks', () => {
  it('serves the same page without an ETag when the cache is off', async () => {
    const store = await RecordStore.open({ dataDir: ':memory:' });
    await store.seedLiterature(readLiteratureRecords());
    const off = await buildApp({ store, webRoot: '/nonexistent', recordListCache: false });
    const on = await buildApp({ store, webRoot: '/nonexistent' });
    try {
      const a = await off.inject({ method: 'GET', url: '/api/records' });
      const b = await on.inject({ method: 'GET', url: '/api/records' });
      expect(a.headers.etag).toBeUndefined();
      expect(JSON.parse(a.body)).toEqual(JSON.parse(b.body));
    } finally {
      await off.close();
      await on.close();
      await store.close();
    }
  });

  it('still rate-limits cached pages (the limiter runs before the handler)', async () => {
    const store = await RecordStore.open({ dataDir: ':memory:' });
    await store.seedLiterature(readLiteratureRecords());
    const limited = await buildApp({ store, webRoot: '/nonexistent', security: { rateLimitPerMinute: 2, rateLimitLoopback: true } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.inject({ method: 'GET', url: '/api/records' })).statusCode);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
      await store.close();
    }
  });
});
