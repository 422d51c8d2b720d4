import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ListRecordsResult, RecordStore } from '../store/RecordStore.js';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
const deflate = promisify(zlib.deflate);

/** Content codings a cached list is kept in besides identity, in order of preference at equal q. */
export type ListEncoding = 'br' | 'gzip' | 'deflate';

/**
 * A response prepared outside Fastify's serializer: the exact bytes, their headers, and the status (200, or
 * 304 when the client's `If-None-Match` names the current ETag).
 */
export interface PreparedResponse {
  prepared: true;
  status: 200 | 304;
  headers: Record<string, string>;
  /** The body (empty for 304). */
  body: Buffer;
}

/** One cached list response: the serialized page under the change stamp it was read at. */
interface Entry {
  /** {@link RecordStore.changeStamp} taken before the read. */
  stamp: string;
  /** The JSON body, its strong ETag (SHA-1 of the body, base64url); settles once per entry. */
  ready: Promise<{ body: Buffer; etag: string }>;
  /** Compressed bodies, made on first demand (on zlib's thread pool, off the event loop). */
  encoded: Partial<Record<ListEncoding, Promise<Buffer>>>;
}

/** Options of {@link RecordListCache}. */
export interface RecordListCacheOptions {
  /** Most distinct queries kept (least recently used dropped first; default 64). */
  maxEntries?: number;
  /** Largest JSON body kept, bytes (default 2 MiB: a 10 000-record page is served, not kept). */
  maxBodyBytes?: number;
}

/**
 * Brotli quality of the cached bodies (0–11): each body is compressed once per change of the records, on
 * zlib's thread pool; 9 gives nearly quality 11's size at a fraction of its time on JSON of this kind
 * (the default page, 99 KB: measure with `npx vitest run --project api test/server/recordListCache.test.ts`).
 */
export const LIST_BROTLI_QUALITY = 9;

/**
 * The content coding for an `Accept-Encoding` header (RFC 9110 §12.5.3): br, gzip or deflate, whichever has the
 * highest q-value (in that order at a tie; the codings @fastify/compress offers elsewhere), `*` standing for those
 * not named; null for identity (no header, q=0 for all, or other codings only).
 */
export function chooseEncoding(acceptEncoding: string | undefined): ListEncoding | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const of = (coding: ListEncoding) => q.get(coding) ?? q.get('*') ?? 0;
  let best: ListEncoding | null = null;
  for (const coding of ['br', 'gzip', 'deflate'] as const) if (of(coding) > (best ? of(best) : 0)) best = coding;
  return best;
}

/** The entity tags of an `If-None-Match` header (weak ones compared by their opaque part, RFC 9110 §13.1.2); `*` matches any. */
function matchesAny(ifNoneMatch: string | undefined, tags: string[]): string | undefined {
  if (!ifNoneMatch) return undefined;
  if (ifNoneMatch.trim() === '*') return tags[0];
  const listed = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  return tags.find((t) => listed.includes(t));
}

/**
 * An in-memory cache of serialized record-list pages (the default page of the web app and API is read far more
 * often than records change), keyed by the validated query and valid for one {@link RecordStore.changeStamp}:
 * every committed write (create, update, delete, import, fork, literature seeding, re-normalization; on SQLite
 * also other processes' commits) changes the stamp, and an entry read under an older stamp is never served.
 * Each entry keeps its JSON body once, with a strong ETag, and its gzip and Brotli forms once asked for;
 * `If-None-Match` with a current tag answers 304. PostgreSQL stores (no stamp) are not cached.
 */
export class RecordListCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;

  constructor(options: RecordListCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 64;
    this.maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  }

  /** Number of queries held (tests). */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The list response for a validated `query`: from the cache when its stamp is current, else read (concurrent
   * readers of one query and stamp share the read), kept, and answered.
   */
  async respond(store: RecordStore, query: unknown, request: { acceptEncoding?: string; ifNoneMatch?: string }): Promise<PreparedResponse> {
    const stamp = store.changeStamp();
    const key = JSON.stringify(query);
    let entry = stamp === undefined ? undefined : this.entries.get(key);
    if (entry && entry.stamp === stamp) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, entry);
    } else {
      entry = { stamp: stamp ?? '', ready: store.list(query as Parameters<RecordStore['list']>[0]).then(serialize), encoded: {} };
      if (stamp !== undefined) this.keep(key, entry);
    }
    let ready: Awaited<Entry['ready']>;
    try {
      ready = await entry.ready;
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key); // a failed read is not kept
      throw error;
    }
    if (ready.body.length > this.maxBodyBytes && this.entries.get(key) === entry) this.entries.delete(key);
    const encoding = chooseEncoding(request.acceptEncoding);
    const tag = (coding: ListEncoding | null) => (coding ? `"${ready.etag}-${coding}"` : `"${ready.etag}"`);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache', vary: 'accept-encoding' };
    const matched = matchesAny(request.ifNoneMatch, [tag(encoding), tag(null), tag('br'), tag('gzip'), tag('deflate')]);
    if (matched) return { prepared: true, status: 304, headers: { ...headers, etag: matched }, body: Buffer.alloc(0) };
    if (!encoding) return { prepared: true, status: 200, headers: { ...headers, etag: tag(null) }, body: ready.body };
    entry.encoded[encoding] ??=
      encoding === 'br'
        ? brotli(ready.body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: LIST_BROTLI_QUALITY,
              [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: ready.body.length,
            },
          })
        : encoding === 'gzip'
          ? gzip(ready.body)
          : deflate(ready.body);
    const body = await entry.encoded[encoding]!;
    return { prepared: true, status: 200, headers: { ...headers, etag: tag(encoding), 'content-encoding': encoding }, body };
  }

  private keep(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** The JSON body of a page and its strong ETag. */
function serialize(result: ListRecordsResult): { body: Buffer; etag: string } {
  const body = Buffer.from(JSON.stringify(result));
  return { body, etag: createHash('sha1').update(body).digest('base64url') };
}
