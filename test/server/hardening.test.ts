/** Hardened inputs (issue 14): limits, bounded error responses, finite outputs, CSV neutralization, LIKE escaping. */
import { describe, expect, it } from 'vitest';
import { MAX_FORMULA_DEPTH, parseFormula } from '../../src/chem/formula.js';
import { parseRecordCsv, recordsToCsv } from '../../src/data/recordCsv.js';
import { recordInputSchema } from '../../src/data/recordSchema.js';
import { MAX_ISSUES } from '../../src/server/buildApp.js';
import { injectJson, useTestApp } from '../support/app.js';

const t = useTestApp();

const post = (url: string, body: unknown) => injectJson(t.app, url, body);
const user = {
  catalystPrinted: 'x',
  catalyst: 'x',
  strategy: 'interface engineering',
  productPrinted: 'urea',
  products: ['urea'],
  nitrogenSources: ['NO3-'],
  carbonSources: ['CO2'],
  sourceCitation: 'hardening test',
  sourceLocation: 'here',
};

describe('parser limits', () => {
  it('refuses brackets nested deeper than the limit with a FormulaError, not a stack overflow', () => {
    const nested = (depth: number) => '('.repeat(depth) + 'H' + ')'.repeat(depth);
    expect(parseFormula(nested(MAX_FORMULA_DEPTH)).counts).toEqual({ H: 1 });
    expect(() => parseFormula(nested(MAX_FORMULA_DEPTH + 1))).toThrow(/nested more than 16 deep at position 16/);
    expect(() => parseFormula(nested(10_000))).toThrow(/formula of 20001 characters/);
    // 99999^4 = 9.996e19 H atoms is beyond 2^53: refused, not rounded
    expect(() => parseFormula('((((H)99999)99999)99999)99999')).toThrow(/too large to represent exactly/);
  });

  it('answers a formula nested 10 000 deep with 400 on every calculator', async () => {
    const deep = '('.repeat(10_000) + 'H' + ')'.repeat(10_000);
    for (const [url, body] of [
      ['/api/formula', { formula: deep }],
      ['/api/balance', { from: [deep], to: 'urea' }],
      ['/api/e0', { from: [deep], to: 'urea' }],
      ['/api/fe', { to: [deep], electrons: 2, chargeC: 1, amountMol: 1e-6 }],
      ['/api/convert', { value: 1, fromUnit: 'mmol h-1 cm-2', toUnit: 'mg h-1 cm-2', species: deep }],
    ] as const) {
      const r = await post(url, body);
      expect([url, r.statusCode]).toEqual([url, 400]);
      expect(r.body.length).toBeLessThan(1000);
    }
  });
});

describe('bounded error responses and body limits', () => {
  it('lists at most MAX_ISSUES issues and counts the rest', async () => {
    const expected = recordInputSchema.safeParse({}).error!.issues.length; // every required field missing
    expect(expected).toBeGreaterThan(MAX_ISSUES);
    const r = await post('/api/records', {});
    expect(r.statusCode).toBe(400);
    expect(r.json().error.issues).toHaveLength(MAX_ISSUES);
    expect(r.json().error.moreIssues).toBe(expected - MAX_ISSUES);
  });

  it('refuses a body with a 10⁶-element array before parsing it: 413 and a small response', async () => {
    const body = JSON.stringify({ ...user, elements: Array.from({ length: 1e6 }, (_, i) => i) });
    const r = await post('/api/records', body);
    expect(r.statusCode).toBe(413);
    expect(r.body.length).toBeLessThan(200);
  });

  it('refuses arrays over their .max() with one issue, not one per element', async () => {
    const r = await post('/api/records', { ...user, flags: Array.from({ length: 5000 }, () => 'junk') });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ field: 'flags', issues: [{ field: 'flags' }] });
    expect(r.json().error.moreIssues).toBeUndefined();
  });
});

describe('submit-time checks', () => {
  it('refuses a transient longer than the solver can run with 400 instead of a job that fails later', async () => {
    const h2 = [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }];
    // 200 periods of 2·10⁶ s = 4·10⁸ s: the solver's largest step would be 4·10⁶ s, above its 10⁶ s limit
    const long = await post('/api/microenv/transient', {
      electrolyte: '0.5 M K2SO4',
      products: h2,
      pulse: { highMAPerCm2: 1, tHighS: 1e6, lowMAPerCm2: 0, tLowS: 1e6, periods: 200 },
    });
    expect([long.statusCode, long.json().error.field]).toEqual([400, 'pulse']);
    expect(long.json().error.message).toContain('4.000e+8 s');
    const steps = (n: number) => Array.from({ length: n }, () => ({ currentDensityMAPerCm2: 1, durationS: 1e6 }));
    expect((await post('/api/microenv/transient', { electrolyte: '0.5 M K2SO4', products: h2, steps: steps(101) })).statusCode).toBe(400);
    const atLimit = await post('/api/microenv/transient', { electrolyte: '0.5 M K2SO4', products: h2, steps: steps(100) }); // exactly 10⁸ s
    expect(atLimit.statusCode).toBe(202);
    t.jobs.cancel(atLimit.json().id);
  });
});

describe('finite outputs', () => {
  it('answers an overflowing conversion with 400 naming the output field', async () => {
    const r = await post('/api/convert', { value: 1e308, fromUnit: 'mmol h-1 cm-2', toUnit: 'umol h-1 cm-2' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ field: 'value', message: expect.stringContaining('Infinity') });
    // 1e300 mmol → 1e303 μmol stays finite: the check does not refuse large finite numbers
    expect((await post('/api/convert', { value: 1e300, fromUnit: 'mmol h-1 cm-2', toUnit: 'umol h-1 cm-2' })).json().value).toBeCloseTo(1e303, -290);
  });
});

describe('CSV export cells', () => {
  it('neutralizes cells a spreadsheet would run (= + - @ tab CR) and reads them back exactly', () => {
    const risky = ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx', "'=already", 'plain'];
    const inputs = risky.map((notes, i) => recordInputSchema.parse({ ...user, id: `r${i}`, notes }));
    const csv = recordsToCsv(inputs);
    const cells = parseRecordCsvCells(csv, 'notes');
    expect(cells).toEqual(['\'=HYPERLINK("http://x")', "'+1+2", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "''=already", 'plain']);
    const back = parseRecordCsv(csv).map((r) => recordInputSchema.parse(r.data));
    expect(back.map((r) => r.notes)).toEqual(risky);
  });
});

/** The raw text of one column of CSV, read with a minimal reader independent of the code under test. */
function parseRecordCsvCells(csv: string, column: string): string[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') {
      row.push(cell);
      cell = '';
      if (c === '\n') {
        rows.push(row);
        row = [];
      }
    } else cell += c;
  }
  const index = rows[0]!.indexOf(column);
  return rows.slice(1).map((r) => r[index]!);
}

describe('q search', () => {
  it('takes % and _ literally', async () => {
    for (const [id, catalyst] of [
      ['q1', 'Cu_Zn 5%'],
      ['q2', 'CuXZn 50'],
      ['q3', 'Cu-Zn'],
    ])
      expect((await post('/api/records', { ...user, id, catalyst, catalystPrinted: catalyst })).statusCode).toBe(201);
    const ids = async (q: string) =>
      (await t.app.inject({ url: `/api/records?origin=user&q=${encodeURIComponent(q)}` })).json().records.map((r: { id: string }) => r.id);
    expect(await ids('_')).toEqual(['q1']);
    expect(await ids('5%')).toEqual(['q1']);
    expect(await ids('cu')).toEqual(['q1', 'q2', 'q3']);
  });
});
