/**
 * Response shapes for the OpenAPI document, taken from real results: every study's `example` input is run once
 * (`npx tsx scripts/responseExamples.ts` writes `data/api/responseExamples.json`; a test re-runs them and
 * checks the file is current), its result described as a JSON Schema and kept, arrays cut short, as the example.
 * A study's `responseVariants` are run too and their schemas merged, so that an output field the example happens
 * to produce but other inputs do not is documented as optional. The records a study lists in `responseMaps` (keyed
 * by species, adsorbate, step or descriptor, so their keys depend on the input) are documented as maps
 * (`additionalProperties`: the merged schema of their values), never as objects requiring the example's keys.
 */
import { readFileSync } from 'node:fs';
import type { Study } from '../studies/study.js';

/** A JSON Schema (draft 2020-12 subset) inferred from values. */
export type InferredSchema = {
  type?: string;
  properties?: Record<string, InferredSchema>;
  required?: string[];
  /** A map's value schema (any key allowed, none required). */
  additionalProperties?: InferredSchema;
  items?: InferredSchema;
  anyOf?: InferredSchema[];
};

/** Array elements inspected when inferring an array's item schema. */
const ITEMS_INSPECTED = 50;
/** Array elements kept in an example. */
const ITEMS_KEPT = 2;

/** The JSON Schema of a JSON value (objects: their keys, all required; arrays: the merged schema of their first elements). */
export function inferSchema(value: unknown): InferredSchema {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) {
    const items = value.slice(0, ITEMS_INSPECTED).map(inferSchema);
    return items.length ? { type: 'array', items: items.reduce(mergeSchemas) } : { type: 'array' };
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return { type: 'object', properties: Object.fromEntries(entries.map(([k, v]) => [k, inferSchema(v)])), required: entries.map(([k]) => k) };
  }
  return { type: typeof value === 'number' ? 'number' : typeof value };
}

/** The schema both values satisfy: objects merge their properties (required: the keys both have); other differences become anyOf. */
export function mergeSchemas(a: InferredSchema, b: InferredSchema): InferredSchema {
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  if (a.type === 'object' && b.type === 'object') {
    const properties: Record<string, InferredSchema> = { ...a.properties };
    for (const [k, s] of Object.entries(b.properties ?? {})) properties[k] = properties[k] ? mergeSchemas(properties[k]!, s) : s;
    return { type: 'object', properties, required: (a.required ?? []).filter((k) => b.required?.includes(k)) };
  }
  if (a.type === 'array' && b.type === 'array')
    return a.items && b.items
      ? { type: 'array', items: mergeSchemas(a.items, b.items) }
      : { type: 'array', ...((a.items ?? b.items) ? { items: a.items ?? b.items } : {}) };
  const options = [...(a.anyOf ?? [a]), ...(b.anyOf ?? [b])];
  const distinct = options.filter((o, i) => options.findIndex((p) => JSON.stringify(p) === JSON.stringify(o)) === i);
  return { anyOf: distinct };
}

/**
 * The schema with the objects at `paths` described as maps: `{type: 'object', additionalProperties}`, the value
 * schema being all their properties' schemas merged. A path names properties separated by `.`, with `[]` after a
 * name (or alone, for a top-level array) stepping into the array's items, e.g. `results[].surface`. An `anyOf`
 * on the way is searched in each option that is an object (or array). A path that finds no object throws an
 * Error naming it, so that a renamed field cannot silently leave a map documented as fixed keys.
 */
export function withMaps(schema: InferredSchema, paths: readonly string[]): InferredSchema {
  let result = schema;
  for (const path of paths) {
    const steps = path.split('.').flatMap((part) => (part === '[]' ? ['[]'] : part.endsWith('[]') ? [part.slice(0, -2), '[]'] : [part]));
    let found = 0;
    const rewrite = (s: InferredSchema, rest: readonly string[]): InferredSchema => {
      if (s.anyOf) return { ...s, anyOf: s.anyOf.map((option) => rewrite(option, rest)) };
      if (rest.length === 0) {
        if (s.type !== 'object' || !s.properties) return s;
        found++;
        const values = Object.values(s.properties);
        return { type: 'object', additionalProperties: values.length ? values.reduce(mergeSchemas) : {} };
      }
      const [step, ...next] = rest as [string, ...string[]];
      if (step === '[]') return s.type === 'array' && s.items ? { ...s, items: rewrite(s.items, next) } : s;
      const child = s.type === 'object' ? s.properties?.[step] : undefined;
      return child ? { ...s, properties: { ...s.properties, [step]: rewrite(child, next) } } : s;
    };
    result = rewrite(result, steps);
    if (!found) throw new Error(`responseMaps: '${path}' names no object in the result`);
  }
  return result;
}

/** A JSON value with every array cut to its first {@link ITEMS_KEPT} elements (an example, not the full result). */
export function shortened(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, ITEMS_KEPT).map(shortened);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shortened(v)]));
  return value;
}

/** The documented response of one study: the schema of its example's result and that result shortened. */
export interface ResponseExample {
  schema: InferredSchema;
  example: unknown;
}

/**
 * Runs a study on its example input and on its `responseVariants`, and describes the results (what
 * `responseExamples.json` holds per study): the schema all results satisfy (a key absent from any is not
 * required; the records named in `responseMaps` are maps) and the example's result shortened.
 */
export function describeStudyResult(study: Study): ResponseExample {
  const [result, ...variants] = [study.example, ...(study.responseVariants ?? [])].map(
    (input) => JSON.parse(JSON.stringify(study.run(study.input.parse(input)))) as unknown,
  );
  const schema = variants.map(inferSchema).reduce(mergeSchemas, inferSchema(result));
  return { schema: withMaps(schema, study.responseMaps ?? []), example: shortened(result) };
}

/** The stored response examples by study name (data/api/responseExamples.json), read once. */
export function storedResponseExamples(): Readonly<Record<string, ResponseExample>> {
  stored ??= JSON.parse(readFileSync(new URL('../../data/api/responseExamples.json', import.meta.url), 'utf8')) as Record<string, ResponseExample>;
  return stored;
}
let stored: Record<string, ResponseExample> | undefined;
