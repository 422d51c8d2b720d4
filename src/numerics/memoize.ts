/**
 * Memoizes a one-argument pure function by a string key, keeping at most `maxEntries` results (the cache is
 * cleared when full — simple, and enough for the few distinct reactions and units a dataset repeats).
 * Callers must treat the returned values as read-only.
 */
export function memoize<A, R>(fn: (arg: A) => R, key: (arg: A) => string, maxEntries = 2000): (arg: A) => R {
  const cache = new Map<string, R>();
  return (arg: A) => {
    const k = key(arg);
    const hit = cache.get(k);
    if (hit !== undefined) return hit;
    const value = fn(arg);
    if (cache.size >= maxEntries) cache.clear();
    cache.set(k, value);
    return value;
  };
}
