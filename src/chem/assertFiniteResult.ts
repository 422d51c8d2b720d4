import { InputError } from './InputError.js';

/**
 * The path (`value`, `products.0.coefficient`) of the first number in `result` that is not finite, walking
 * objects and arrays depth first (at most `maxDepth` levels, default 8); undefined when every number is finite.
 */
export function firstNonFinite(result: unknown, path = '', maxDepth = 8): { path: string; value: number } | undefined {
  if (typeof result === 'number') return Number.isFinite(result) ? undefined : { path: path || '(result)', value: result };
  if (maxDepth <= 0 || result === null || typeof result !== 'object') return undefined;
  for (const [key, value] of Object.entries(result)) {
    const found = firstNonFinite(value, path ? `${path}.${key}` : key, maxDepth - 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Throws an {@link InputError} naming the output field when a calculator's result holds a number that is not
 * finite (e.g. `convert 1e308 mmol… → μmol…` overflows to Infinity, which JSON would print as null).
 * Returns `result` otherwise.
 * @example assertFiniteResult({ value: Infinity }) // throws InputError, field "value"
 */
export function assertFiniteResult<T>(result: T): T {
  const found = firstNonFinite(result);
  if (found) throw new InputError(found.path, 'inputs whose result is a finite number (below ±1.8e308)', `the result is ${found.value}`);
  return result;
}
