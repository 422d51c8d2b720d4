import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, ApiTokens } from '../store/ApiTokens.js';

/** Security settings of the HTTP app; the defaults suit a server on loopback. */
export interface ServerSecurityOptions {
  /**
   * Host names (without port) accepted in the Host header, against DNS rebinding: a page of another site whose
   * name resolves to 127.0.0.1 sends its own name. Default: the loopback names {@link LOOPBACK_HOSTS};
   * `['*']` accepts any (a server exposed without configured names).
   */
  allowedHosts?: string[];
  /** Requests per minute per client (token name, or address) before 429 with Retry-After (default 600). */
  rateLimitPerMinute?: number;
  /** Whether loopback clients count against the rate limit too (default false: local tools and benchmarks are not limited). */
  rateLimitLoopback?: boolean;
  /** Writes (records, jobs) need a write or admin token (default false; a server listening beyond loopback sets it). */
  requireToken?: boolean;
  /** Where tokens are checked; without it `Authorization` headers are refused (401). */
  tokens?: ApiTokens;
}

/** Host names of the loopback interface. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

/** Whether a listen address is loopback only (127.0.0.0/8, ::1, localhost). */
export const isLoopbackHost = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/**
 * Content-Security-Policy of the web app and API docs: scripts only from this origin (the web app's Vega charts
 * run with vega's expression interpreter, `ast: true`, so no eval); inline styles allowed (vega-embed and the docs
 * page set them; they cannot run code); images also as data:/blob: (chart export); no framing, plugins or <base>.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null, // a group server on plain HTTP in a lab must still load its own assets
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The token of the request, when it carried a valid one. */
    actor?: Actor;
  }
  interface FastifyContextConfig {
    /** The route writes (records, jobs): it needs a write or admin token when tokens are required. */
    writes?: boolean;
  }
}

/** An HTTP error with a status, mapped by the app's error handler. */
class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The client a quota counts: the token's name, else the address. */
export const clientOf = (request: FastifyRequest) => (request.actor ? `token:${request.actor.name}` : `ip:${request.ip}`);

/**
 * Registers the security layers, in the order a request meets them: Host allow-list (403), token check (401
 * for a bad token; 401/403 for a write without a good one when required), rate limit (429), then the headers
 * (@fastify/helmet: CSP, nosniff, frame-ancestors, Referrer-Policy no-referrer).
 */
export async function registerSecurity(app: FastifyInstance, options: ServerSecurityOptions = {}): Promise<void> {
  const allowed = new Set((options.allowedHosts ?? LOOPBACK_HOSTS).map((h) => h.toLowerCase()));
  app.addHook('onRequest', async (request) => {
    if (allowed.has('*')) return;
    const host = (request.hostname ?? '').toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (!allowed.has(host))
      throw new HttpError(
        403,
        `host "${host}" is not served here (allowed: ${[...allowed].join(', ')}); a server for other names is started with --allowed-host`,
      );
  });
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const actor = token && options.tokens ? await options.tokens.verify(token) : undefined;
      if (!actor) {
        reply.header('www-authenticate', 'Bearer');
        throw new HttpError(401, 'the Authorization header holds no valid token ("Bearer cnc_…", from cncouple token create; revoked tokens are refused)');
      }
      request.actor = actor;
    }
    if (!request.routeOptions.config?.writes) return;
    if (request.actor?.scope === 'read') throw new HttpError(403, `token "${request.actor.name}" has scope read; writes need a write or admin token`);
    if (options.requireToken && !request.actor) {
      reply.header('www-authenticate', 'Bearer');
      throw new HttpError(
        401,
        'this server takes writes only with a token: send "Authorization: Bearer <token>" (cncouple token create --name … --scope write)',
      );
    }
  });
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: 60_000,
    keyGenerator: clientOf,
    allowList: (request) => !options.rateLimitLoopback && isLoopbackHost(request.ip.replace(/^::ffff:/, '')),
  });
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY }, hsts: false });
}
