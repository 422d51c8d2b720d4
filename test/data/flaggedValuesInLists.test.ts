/**
 * Issue 16 item 7: a value a flag declares to be something else drives no sort, filter or plot. Before,
 * LC-Cu NC's 95 % (the FE of NO2− → NH3) ranked #2 by FE and passed `--min-fe 90` as a C–N result, and
 * Fe's "~100%" (row 18, a yield per the text) ranked #1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as run } from '../support/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-flagged-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = async (...argv: string[]) => JSON.parse((await run(...argv, '--json', '--data-dir', dir)).out);

describe('flagged values in lists', () => {
  it('`db list --min-fe 90` returns no C–N record: only LC-Cu NC\'s NO2− → NH3, as an ammonia record', async () => {
    const list = await cli('db', 'list', '--min-fe', '90');
    expect(list.records.map((r: { id: string }) => r.id)).toEqual(['lc-cu-nc-ammonia-text']);
    expect(list.records[0].products).toEqual(['ammonia']);
  });

  it('sorted by FE: the order of the printed FEs with the excluded ones last', async () => {
    const list = await cli('db', 'list', '--sort', 'fe', '--limit', '100');
    const top = list.records.slice(0, 11).map((r: { id: string; normalized: { faradaicEfficiency: { value: number } } }) => [r.id, r.normalized.faradaicEfficiency.value]);
    expect(top).toEqual([
      ['lc-cu-nc-ammonia-text', 0.95],
      ['ag-50-cyclohexanone-oxime', 0.838],
      ['adfe-tio2-ti-glycine', 0.805],
      ['ns-cns-alanine-table', 0.795],
      ['ns-cns-alanine-text', 0.795],
      ['zif-7-cgf-oxime', 0.759],
      ['e-od-cu-hmta', 0.749],
      ['od-cu-phenol-oxime', 0.691],
      ['cu-bi-c-cf-glycine', 0.659],
      ['mgo-scm-4-cboe', 0.651],
      ['znmn-n-cl-urea', 0.635],
    ]);
    const ids = list.records.map((r: { id: string }) => r.id);
    for (const id of ['lc-cu-nc-arylamines', 'fe-cyclohexanone-oxime']) {
      const r = list.records.find((x: { id: string }) => x.id === id);
      expect(r.normalized.faradaicEfficiency, id).toBeNull();
      expect(ids.indexOf(id), id).toBeGreaterThan(ids.indexOf('fe-based-benzaldoxime')); // after the lowest printed FE (1.52 %)
    }
  });

  it("ReMn-NC's ammonia yield is not among the urea yields", async () => {
    const urea = await cli('db', 'list', '--product', 'urea', '--sort', 'yield', '--limit', '100');
    const withYield = urea.records.filter((r: { normalized: { yield: unknown } }) => r.normalized.yield !== null).map((r: { id: string }) => r.id);
    expect(withYield).not.toContain('remn-nc-urea-table');
    expect(withYield).toEqual(expect.arrayContaining(['cu1-ceo2-urea', 'cu30in70-c-urea-text', 'cupc-urea-text'])); // assumed and derived readings are in
  });
});
