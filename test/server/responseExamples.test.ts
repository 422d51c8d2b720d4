import { describe, expect, it } from 'vitest';
import {
  type InferredSchema,
  describeStudyResult,
  inferSchema,
  mergeSchemas,
  shortened,
  storedResponseExamples,
  withMaps,
} from '../../src/server/responseExamples.js';
import { STUDIES } from '../../src/studies/index.js';

/** The microenv study's result for an input (the fields these tests read). */
function microenvResult(input: unknown): { results: { surface: Record<string, number | null> }[] } {
  const study = STUDIES.microenv!;
  return study.run(study.input.parse(input)) as { results: { surface: Record<string, number | null> }[] };
}

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
  it('documents an output field that only some inputs produce as optional (reactor: no limitingReactant named)', () => {
    const fresh = describeStudyResult(STUDIES.reactor!).schema;
    for (const schema of [fresh, storedResponseExamples().reactor!.schema]) {
      const field = (name: string): InferredSchema => schema.properties![name]!;
      // present in the example's result, so documented; absent from the variant's, so not required
      expect(Object.keys(field('diffusion').properties!)).toEqual(['diffusionM2PerS', 'species', 'from', 'assumed']);
      expect(field('diffusion').required).toEqual(['diffusionM2PerS', 'from', 'assumed']);
      expect(Object.keys(field('stoichiometry').properties!)).toEqual(['reactantPerProduct', 'limitingReactant', 'from', 'assumed']);
      expect(field('stoichiometry').required).toEqual(['reactantPerProduct', 'from', 'assumed']);
    }
    // the example shown is still the example input's result
    expect((describeStudyResult(STUDIES.reactor!).example as { diffusion: { species: string } }).diffusion.species).toBe('NO3-');
  });
  it('documents the equation of fe and the molar mass of convert as optional (absent when electrons are given, or nothing is weighed)', () => {
    for (const stored of [storedResponseExamples(), { fe: describeStudyResult(STUDIES.fe!), convert: describeStudyResult(STUDIES.convert!) }]) {
      expect(stored.fe!.schema.properties!.equation).toEqual({ type: 'string' });
      expect(stored.fe!.schema.required).toEqual(['faradaicEfficiency', 'electrons', 'amountMol', 'chargeC', 'warnings']);
      expect(stored.convert!.schema.properties!.molarMass).toEqual({ type: 'number' });
      expect(stored.convert!.schema.required).toEqual(['value', 'unit', 'from']);
    }
  });
  it('documents the preset of tea, which only a request naming one gets, as an optional property', () => {
    for (const stored of [storedResponseExamples(), { tea: describeStudyResult(STUDIES.tea!) }]) {
      const schema = stored.tea!.schema;
      expect(schema.properties!.preset!.required).toEqual(['id', 'description', 'source', 'lines', 'caveats']);
      expect(schema.required).not.toContain('preset');
      expect(schema.required).toEqual(expect.arrayContaining(['input', 'result', 'tornado', 'tornadoSpec', 'defaults']));
    }
    // the example shown names no preset
    expect(storedResponseExamples().tea!.example).not.toHaveProperty('preset');
  });
  it('documents what only pulses (periodic) or a depleted reactant (message, depletionTimeS) add to a transient result, as optional', () => {
    // the stored file only: the transient runs take seconds, and test/studies/computeOffThread.test.ts checks it is current
    const schema = storedResponseExamples().transient!.schema;
    expect(schema.properties!.message).toEqual({ type: 'string' });
    expect(schema.properties!.depletionTimeS).toEqual({ type: 'number' });
    const periodic = schema.properties!.periodic!;
    expect(periodic.required).toEqual(['periods', 'converged', 'tolerance', 'lastRelativeChange', 'periodAverageSurface', 'periodAverageSurfacePH']);
    expect(periodic.properties!.converged).toEqual({ type: 'boolean' });
    expect(periodic.properties!.lastRelativeChange).toEqual({ type: 'number' });
    for (const field of ['message', 'depletionTimeS', 'periodic']) expect(schema.required).not.toContain(field);
    expect(schema.required).toEqual(expect.arrayContaining(['completed', 'timesS', 'surface', 'surfacePH', 'steps', 'newtonIterations']));
    // the example shown is a completed current step
    expect(storedResponseExamples().transient!.example).toMatchObject({ completed: true });
    expect(storedResponseExamples().transient!.example).not.toHaveProperty('periodic');
  });
  it('documents what a current past a limiting one adds to a microenv result (message, depletionCurrentAPerM2, largestSolved), as optional', () => {
    for (const stored of [storedResponseExamples(), { microenv: describeStudyResult(STUDIES.microenv!) }]) {
      const item = stored.microenv!.schema.properties!.results!.items!;
      expect(item.properties!.message).toEqual({ type: 'string' });
      expect(item.properties!.depletionCurrentAPerM2).toEqual({ type: 'number' });
      expect(item.properties!.largestSolved!.required).toEqual(['currentDensityAPerM2', 'profiles', 'pHProfile', 'potentialProfileV', 'surface', 'surfacePH']);
      for (const field of ['message', 'depletionCurrentAPerM2', 'largestSolved']) expect(item.required).not.toContain(field);
      // an unsolved current reports null, never a number that was not solved for
      expect(item.properties!.surfacePH).toEqual({ anyOf: [{ type: 'number' }, { type: 'null' }] });
      expect(item.required).toEqual(expect.arrayContaining(['converged', 'currentDensityAPerM2', 'surface', 'surfacePH']));
    }
  });
  it('documents what a pulse run until periodic adds to kinetics.pulse (periodic, estimatedDistance…), as optional', () => {
    for (const stored of [storedResponseExamples(), { 'kinetics.pulse': describeStudyResult(STUDIES['kinetics.pulse']!) }]) {
      const schema = stored['kinetics.pulse']!.schema;
      const added = ['periodic', 'tolerance', 'maxPeriods', 'estimatedDistance', 'decayPerPeriod'];
      expect(Object.keys(schema.properties!)).toEqual(['periods', 'periodicFromPeriod', 'steps', 'rejectedSteps', 'completed', ...added]);
      expect(schema.properties!.periodic).toEqual({ type: 'boolean' });
      expect(schema.required).toEqual(['periods', 'periodicFromPeriod', 'steps', 'rejectedSteps', 'completed']);
    }
  });
  it('describes the objects at the given paths as maps: their values merged, no key required', () => {
    const schema = inferSchema({ rows: [{ byIon: { 'K+': 1, 'OH-': null }, n: 2 }], totals: { a: [1], b: [] } });
    expect(withMaps(schema, ['rows[].byIon', 'totals'])).toEqual({
      type: 'object',
      properties: {
        rows: {
          type: 'array',
          items: {
            type: 'object',
            properties: { byIon: { type: 'object', additionalProperties: { anyOf: [{ type: 'number' }, { type: 'null' }] } }, n: { type: 'number' } },
            required: ['byIon', 'n'],
          },
        },
        // an empty array's schema has no items: merged with [number], the items stay number
        totals: { type: 'object', additionalProperties: { type: 'array', items: { type: 'number' } } },
      },
      required: ['rows', 'totals'],
    });
    // a top-level array, and an object inside an anyOf (a value that may be null)
    expect(withMaps(inferSchema([{ x: { a: 1 } }, { x: null }]), ['[].x'])).toEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: { x: { anyOf: [{ type: 'object', additionalProperties: { type: 'number' } }, { type: 'null' }] } },
        required: ['x'],
      },
    });
    // a path that names no object is an error, not a silently fixed-key record
    expect(() => withMaps(schema, ['rows[].byIons'])).toThrow("responseMaps: 'rows[].byIons' names no object in the result");
    expect(() => withMaps(schema, ['rows[].n'])).toThrow(/rows\[\]\.n/);
  });
  it("documents microenv's per-species records as maps, so a Na electrolyte's result (no K+) fits", () => {
    const fresh = describeStudyResult(STUDIES.microenv!);
    for (const stored of [storedResponseExamples().microenv!, fresh]) {
      const item = stored.schema.properties!.results!.items!;
      // before: { properties: { CO2, HCO3-, …, K+, … }, required: [… 'K+' …] }
      expect(item.properties!.surface).toEqual({ type: 'object', additionalProperties: { anyOf: [{ type: 'number' }, { type: 'null' }] } });
      expect(item.properties!.surface).not.toHaveProperty('required');
      // an unsolved current's profiles hold nulls
      expect(item.properties!.profiles!.additionalProperties).toEqual({ type: 'array', items: { anyOf: [{ type: 'number' }, { type: 'null' }] } });
      expect(item.properties!.largestSolved!.properties!.surface).toEqual({ type: 'object', additionalProperties: { type: 'number' } });
      // the record field itself is still required
      expect(item.required).toContain('surface');
      // the example shown keeps the example's species
      expect(Object.keys((stored.example as { results: { surface: object }[] }).results[0]!.surface)).toContain('K+');
    }
    // a sodium electrolyte has no K+ at all: the old schema's required K+ was wrong for it
    const na = microenvResult({ ...(STUDIES.microenv!.example as object), electrolyte: '0.5 M NaHCO3' });
    expect(Object.keys(na.results[0]!.surface)).toContain('Na+');
    expect(Object.keys(na.results[0]!.surface)).not.toContain('K+');
  });
  it('documents every path a study lists in responseMaps as a map in the stored file', () => {
    let maps = 0;
    for (const study of Object.values(STUDIES)) {
      for (const path of study.responseMaps ?? []) {
        let schemas: InferredSchema[] = [storedResponseExamples()[study.name]!.schema];
        const steps = path.split('.').flatMap((part) => (part === '[]' ? ['[]'] : part.endsWith('[]') ? [part.slice(0, -2), '[]'] : [part]));
        for (const step of steps) {
          schemas = schemas
            .flatMap((s) => s.anyOf ?? [s])
            .flatMap((s) => (step === '[]' ? (s.items ? [s.items] : []) : s.properties?.[step] ? [s.properties[step]!] : []));
        }
        const objects = schemas.flatMap((s) => s.anyOf ?? [s]).filter((s) => s.type === 'object');
        expect(objects.length, `${study.name} ${path}`).toBeGreaterThan(0);
        for (const s of objects) {
          expect(s.additionalProperties, `${study.name} ${path}`).toBeDefined();
          expect(s.properties, `${study.name} ${path}`).toBeUndefined();
          expect(s.required, `${study.name} ${path}`).toBeUndefined();
          maps++;
        }
      }
    }
    expect(maps).toBe(40);
  });
});
