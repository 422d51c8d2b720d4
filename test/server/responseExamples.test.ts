import { describe, expect, it } from 'vitest';
import { inferSchema, mergeSchemas, shortened } from '../../src/server/responseExamples.js';

describe('response shapes inferred from real results', () => {
  it('describes scalars, objects (all keys required) and arrays (merged items)', () => {
    expect(inferSchema({ a: 1, b: 'x', c: null, d: true })).toEqual({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'string' }, c: { type: 'null' }, d: { type: 'boolean' } },
      required: ['a', 'b', 'c', 'd'],
    });
    // items with different keys: properties united, only the shared key required
    expect(inferSchema([{ x: 1, y: 2 }, { x: 3 }])).toEqual({
      type: 'array',
      items: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } }, required: ['x'] },
    });
    expect(inferSchema([])).toEqual({ type: 'array' });
  });
  it('merges different types into anyOf without repeats', () => {
    expect(inferSchema([1, 'a', 2, null])).toEqual({ type: 'array', items: { anyOf: [{ type: 'number' }, { type: 'string' }, { type: 'null' }] } });
    expect(mergeSchemas({ type: 'number' }, { type: 'number' })).toEqual({ type: 'number' });
  });
  it('cuts every array of an example to two elements, at any depth', () => {
    expect(shortened({ a: [1, 2, 3, 4], b: { c: [[1, 2, 3], [4], [5]] }, s: 'x' })).toEqual({ a: [1, 2], b: { c: [[1, 2], [4]] }, s: 'x' });
  });
});
