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
  it('`db list --min-fe 90` returns no record: no C–N result reaches 90 %, and the NO2− → NH3 baseline is not a C–N result (audit D1)', async () => {
    expect((await cli('db', 'list', '--min-fe', '90')).records).toEqual([]);
    // asked for explicitly, the ammonia record is there
    const nh3 = await cli('db', 'list', '--min-fe', '90', '--product', 'NH3');
    expect(nh3.records.map((r: { id: string }) => r.id)).toEqual(['lc-cu-nc-ammonia-text']);
    expect(nh3.records[0].normalized.faradaicEfficiency.value).toBe(0.95);
    expect(nh3.records[0].normalized.cnCoupling).toBe(false);
  });

  it('sorted by FE: the printed C–N FEs in order, each measurement once, then the FEs left out, then the ammonia baselines (audit D1, D5)', async () => {
    const list = await cli('db', 'list', '--sort', 'fe', '--limit', '100');
    const top = list.records
      .slice(0, 11)
      .map((r: { id: string; normalized: { faradaicEfficiency: { value: number } } }) => [r.id, r.normalized.faradaicEfficiency.value]);
    expect(top).toEqual([
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
      ['al-nfm-pyridine-aldoxime-table', 0.498],
    ]);
    const ids = list.records.map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(47);
    for (const id of ['lc-cu-nc-arylamines', 'fe-cyclohexanone-oxime']) {
      const r = list.records.find((x: { id: string }) => x.id === id);
      expect(r.normalized.faradaicEfficiency, id).toBeNull();
      expect(ids.indexOf(id), id).toBeGreaterThan(ids.indexOf('fe-based-benzaldoxime')); // after the lowest printed FE (1.52 %)
    }
    // the 37.5 % of Pd/Cu-VCu is ranked once (the text record, with its −0.6 V); the table row links to it
    const fe375 = list.records
      .filter((r: { normalized: { faradaicEfficiency: { value: number } | null } }) => r.normalized.faradaicEfficiency?.value === 0.375)
      .map((r: { id: string }) => r.id);
    expect(fe375).toEqual(['pd-cu-vcu-dmf-text']);
    expect(list.records.find((r: { id: string }) => r.id === 'pd-cu-vcu-dmf').sameMeasurementAs).toBe('pd-cu-vcu-dmf-text');
    // the two records whose product is ammonia come last, after every C–N record, FE or not
    expect(ids.slice(-2).sort()).toEqual(['lc-cu-nc-ammonia-text', 'remn-nc-ammonia-text']);
    const yields = (await cli('db', 'list', '--sort', 'yield', '--limit', '100')).records.map((r: { id: string }) => r.id);
    expect(yields.slice(-2).sort()).toEqual(['lc-cu-nc-ammonia-text', 'remn-nc-ammonia-text']);
  });

  it("ReMn-NC's ammonia yield is not among the urea yields", async () => {
    const urea = await cli('db', 'list', '--product', 'urea', '--sort', 'yield', '--limit', '100');
    const withYield = urea.records.filter((r: { normalized: { yield: unknown } }) => r.normalized.yield !== null).map((r: { id: string }) => r.id);
    expect(withYield).not.toContain('remn-nc-urea-table');
    expect(withYield).toEqual(expect.arrayContaining(['cu1-ceo2-urea', 'cu30in70-c-urea-text', 'cupc-urea-text'])); // assumed and derived readings are in
  });
});
