/**
 * Property-based fuzz of every API operation in-process (issue 14): valid-shaped bodies with one field
 * replaced, dropped or added, and junk bodies (any JSON, broken JSON, wrong types). The server never answers
 * 5xx (except 503 for a full job queue) and its error responses stay small.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/server/routes.js';
import { useTestApp } from '../support/app.js';

const t = useTestApp();
const jobs = t.jobs;

afterEach(() => {
  for (const id of jobs.runningIds()) jobs.cancel(id);
});

const h2 = [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }];
/** One valid body per POST/PUT route (the shapes of test/server/api.test.ts), kept small so that each runs fast. */
const VALID: Record<string, Record<string, unknown>> = {
  '/api/formula': { formula: 'CO(NH2)2' },
  '/api/balance': { from: 'CO2, NO3-', to: 'urea' },
  '/api/fe': { from: ['CO2', 'NO3-'], to: 'urea', chargeC: 12.5, amountMol: 6.1e-6 },
  '/api/potential': { potentialV: -0.9, from: 'Ag/AgCl sat. KCl', to: 'RHE', pH: 7 },
  '/api/convert': { value: 0.78, fromUnit: 'mmol h-1 cm-2', toUnit: 'mg h-1 cm-2', species: 'cyclohexanone oxime' },
  '/api/e0': { from: 'CO2, NO3-', to: 'urea', pH: 7 },
  '/api/records': {
    catalystPrinted: 'F',
    catalyst: 'F',
    strategy: 'interface engineering',
    productPrinted: 'urea',
    products: ['urea'],
    nitrogenSources: ['NO3-'],
    carbonSources: ['CO2'],
    sourceCitation: 'fuzz',
    sourceLocation: 'here',
  },
  '/api/records/:id': {
    catalystPrinted: 'F',
    catalyst: 'F',
    strategy: 'interface engineering',
    productPrinted: 'urea',
    sourceCitation: 'fuzz',
    sourceLocation: 'here',
  },
  '/api/records/:id/fork': { newId: 'fuzz-fork' },
  '/api/records/import': { format: 'json', content: '[]' },
  '/api/mechanism/diagram': { model: 'urea-cu4-ceo2', potentialVvsRHE: -0.4 },
  '/api/kinetics/steady': { model: 'urea-cu4-ceo2', potentialsVvsRHE: [-0.3] },
  '/api/kinetics/pulse': { model: 'urea-cu4-ceo2', e1V: -0.5, t1S: 0.01, e2V: -0.1, t2S: 0.01, periods: 1 },
  '/api/kinetics/sweeps': { model: 'urea-cu4-ceo2', x: { name: 'dG_NO', from: -1, to: 0, points: 2 } },
  '/api/microenv': { electrolyte: '0.5 M K2SO4', currentDensitiesMAPerCm2: [10], products: h2 },
  '/api/microenv/transient': { electrolyte: '0.5 M K2SO4', products: h2, steps: [{ currentDensityMAPerCm2: 10, durationS: 0.01 }] },
  '/api/couple': {
    model: 'urea-cu4-ceo2',
    electrolyte: '0.1 M KHCO3',
    currentDensitiesMAPerCm2: [3],
    productSources: { urea: ['CO2', 'NO3-'], NH3: ['NO3-'], H2: ['H2O'] },
  },
  '/api/reactor': { product: 'urea', electrons: 16, faradaicEfficiency: 0.5, inletConcentrationMolPerM3: 50 },
  '/api/tea': { product: 'urea', electrons: 16, faradaicEfficiency: 0.5, currentDensityAPerM2: 3000, cellVoltageV: 3.2 },
};
const QUERY_KEYS = [
  'product',
  'strategy',
  'nSource',
  'cSource',
  'minFePercent',
  'origin',
  'flagged',
  'q',
  'sort',
  'order',
  'limit',
  'offset',
  'format',
  'basis',
  'quantity',
];

/** Junk of every JSON type, with long strings, deep nesting and extreme numbers among them. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MIN_VALUE,
    -0,
    2 ** 53 + 1,
    '',
    '((((((((((((((((((H))))))))))))))))))',
    '('.repeat(10_000) + 'H' + ')'.repeat(10_000),
    ['('.repeat(10_000) + 'H' + ')'.repeat(10_000)],
    '%_%',
    '=1+1',
    '../../etc/passwd',
    '__proto__',
  ),
  fc.string({ maxLength: 3000 }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2000 }),
);

/** A valid body with one field replaced by junk, dropped, or joined by an unknown one. */
const mutated = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...Object.keys(valid)), junk).map(([key, value]) => ({ ...valid, [key]: value })),
    fc.constantFrom(...Object.keys(valid)).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    fc.tuple(fc.string({ maxLength: 20 }), junk).map(([key, value]) => ({ ...valid, [key]: value })),
  );

/** A payload: JSON of a mutated valid body or of junk, or text that is not JSON at all. */
const payloadFor = (url: string) =>
  fc.oneof(
    { weight: 3, arbitrary: VALID[url] ? mutated(VALID[url]).map((b) => JSON.stringify(b)) : junk.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: junk.map((b) => JSON.stringify(b) ?? 'null') },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );

const idArb = fc.oneof(fc.constantFrom('fuzz-fork', 'nope', 'urea-cu4-ceo2', '..%2F..%2Fetc', '%00'), fc.string({ maxLength: 40 }).map(encodeURIComponent));

describe('fuzzed API operations', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))(
    '%s: no 5xx, bounded response',
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(
          idArb,
          route.method === 'GET'
            ? fc.dictionary(
                fc.constantFrom(...QUERY_KEYS),
                fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-1', '1e309', 'NaN', '10001', 'true', 'urea')),
                { maxKeys: 4 },
              )
            : fc.constant({}),
          route.method === 'GET' ? fc.constant(undefined) : payloadFor(route.url),
          async (id, query, payload) => {
            const url = route.url.replace(/:(id|name)/g, id);
            const r = await t.app.inject({
              method: route.method,
              url,
              query,
              payload,
              headers: payload === undefined ? {} : { 'content-type': 'application/json' },
            });
            const tooMany = r.statusCode === 503 && r.headers['retry-after'] !== undefined; // the global job quota
            if (r.statusCode >= 500 && !tooMany)
              throw new Error(`${route.method} ${url} → ${r.statusCode}: ${r.body.slice(0, 300)}\npayload ${String(payload).slice(0, 300)}`);
            if (r.statusCode >= 400) expect(r.body.length).toBeLessThan(16_384);
            else expect(r.body.length).toBeLessThan(30_000_000);
          },
        ),
        { numRuns: 30, seed: 14 },
      );
    },
    120_000,
  );
});
