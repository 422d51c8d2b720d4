import type { RouteDefinition } from './routes.js';

/** Largest request body of a calculator (formula, balance, fe, potential, convert, e0), bytes (default 64 KiB: room for a 20 000-character formula, refused by its own 400). */
export const CALCULATOR_BODY_LIMIT_BYTES = 64 * 1024;
/** Largest body of a route that may carry a model file (`modelText`, up to 1 MB of text), bytes (default 2 MiB). */
export const MODEL_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
/** Largest body of a record import (`content`, up to 50 MB of CSV or JSON), bytes (default 60 MiB). */
export const IMPORT_BODY_LIMIT_BYTES = 60 * 1024 * 1024;
/** Largest body of every other route (one record, a study input), bytes (default 256 KiB). */
export const DEFAULT_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * The body limit of a route: small for the calculators, large only for the import (before issue 14 every
 * route accepted 60 MB). A larger body is answered 413 before it is parsed.
 */
export function bodyLimitOf(route: Pick<RouteDefinition, 'url' | 'tag'>): number {
  if (route.url === '/api/records/import') return IMPORT_BODY_LIMIT_BYTES;
  if (route.tag === 'chemistry') return CALCULATOR_BODY_LIMIT_BYTES;
  if (route.tag === 'kinetics' || route.url === '/api/couple') return MODEL_BODY_LIMIT_BYTES;
  return DEFAULT_BODY_LIMIT_BYTES;
}
