import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';

/**
 * Cache-Control of the web app's files: Vite's hashed bundles under `assets/` never change under their name,
 * so browsers may keep them a year without asking again; everything else (index.html, which names the
 * current bundles) is revalidated on every load.
 */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** Cache-Control for a file of the built web app at `filePath` under `webRoot` (see {@link IMMUTABLE_CACHE}). */
export function cacheControlFor(webRoot: string, filePath: string): string {
  const relative = path.relative(webRoot, filePath).split(path.sep);
  return relative[0] === 'assets' && relative.length > 1 ? IMMUTABLE_CACHE : 'no-cache';
}

/**
 * Compression (br, gzip or deflate as the client accepts, above 1 KiB) of every response: the JSON API and
 * the web app's files (the 1.15 MB bundle travels as about 0.3 MB). Register before the routes. Event
 * streams are written on the raw socket and stay uncompressed.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
}

/**
 * Serves the built web app from `webRoot` with {@link cacheControlFor} headers; any unknown path outside
 * /api answers index.html (the app's own router shows its not-found page), unknown /api paths a JSON 404.
 */
export async function serveWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const setCache = (res: { setHeader: (name: string, value: string) => unknown }, filePath: string) =>
    void res.setHeader('cache-control', cacheControlFor(webRoot, filePath));
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, cacheControl: false, setHeaders: setCache });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: { message: `no route ${request.method} ${request.url.split('?')[0]}` } });
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
