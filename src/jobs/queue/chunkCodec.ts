/**
 * JSON form of sweep chunks (and any result holding typed arrays) for queues and shard files: typed arrays
 * become tagged plain arrays (NaN as null, so no value is lost to JSON), and come back as the same types.
 */
type Tagged = { $f64: (number | null)[] } | { $u8: number[] } | { $i32: number[] };

/** Encodes `value` for JSON: Float64Array, Uint8Array and Int32Array become tagged arrays, recursively. */
export function encodeTyped(value: unknown): unknown {
  if (value instanceof Float64Array) return { $f64: Array.from(value, (x) => (Number.isNaN(x) ? null : x)) } satisfies Tagged;
  if (value instanceof Uint8Array) return { $u8: Array.from(value) } satisfies Tagged;
  if (value instanceof Int32Array) return { $i32: Array.from(value) } satisfies Tagged;
  if (Array.isArray(value)) return value.map(encodeTyped);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeTyped(v)]));
  return value;
}

/** Inverse of {@link encodeTyped}. */
export function decodeTyped<T>(value: unknown): T {
  return decode(value) as T;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1) {
    if (Array.isArray(o.$f64)) return Float64Array.from(o.$f64 as (number | null)[], (x) => (x === null ? Number.NaN : x));
    if (Array.isArray(o.$u8)) return Uint8Array.from(o.$u8 as number[]);
    if (Array.isArray(o.$i32)) return Int32Array.from(o.$i32 as number[]);
  }
  return Object.fromEntries(keys.map((k) => [k, decode(o[k])]));
}
