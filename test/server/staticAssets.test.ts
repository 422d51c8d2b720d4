/** Compression and caching of the web app's files (a fake built app in a temp folder; in-process requests). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE_CACHE, cacheControlFor } from '../../src/server/staticAssets.js';
import { useTestApp } from '../support/app.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-static-'));
const webRoot = path.join(dir, 'web');
const bundle = 'export const x = 1;\n'.repeat(5000); // 100 000 bytes, highly compressible

// registered before the app's hooks: the files exist when it opens, and the folder goes after it has closed
beforeAll(() => {
  mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>t</title><script src="/assets/index-abc123.js"></script>');
  writeFileSync(path.join(webRoot, 'assets', 'index-abc123.js'), bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const t = useTestApp({ dataDir: path.join(dir, 'db'), webRoot });

describe('static web app', () => {
  it('sends hashed bundles compressed, cached for a year as immutable', async () => {
    const br = await t.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(bundle);
    expect(br.rawPayload.length).toBeLessThan(bundle.length / 20);
    const gz = await t.app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(bundle);
    const identity = await t.app.inject({ url: '/assets/index-abc123.js' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body).toBe(bundle);
  });

  it('revalidates index.html, also as the answer to the app’s own routes', async () => {
    for (const url of ['/', '/index.html', '/no/such/page']) {
      const r = await t.app.inject({ url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-cache');
      expect(r.body).toContain('/assets/index-abc123.js');
    }
    const api = await t.app.inject({ url: '/api/no-such-route' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { message: 'no route GET /api/no-such-route' } });
  });

  it('compresses the JSON API too', async () => {
    const list = await t.app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(list.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(list.rawPayload).toString()).openapi).toMatch(/^3\./);
  });

  it('names only files under assets/ immutable', () => {
    expect(cacheControlFor('/w', '/w/assets/a-1.js')).toBe(IMMUTABLE_CACHE);
    expect(cacheControlFor('/w', '/w/index.html')).toBe('no-cache');
    expect(cacheControlFor('/w', '/w/assets')).toBe('no-cache');
  });
});
