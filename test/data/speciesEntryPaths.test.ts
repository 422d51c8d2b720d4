/**
 * Issue 15 item 1: a record whose carbon source is typed `CO2` (or `CO₂`, `carbon dioxide`, …) gets the
 * CO2-purged pH on every entry path. Hand numbers, independent of the code under test:
 *   0.1 M KHCO3 under 1 bar CO2: [CO2] = 0.034 M (Henry solubility, src/transport/transportData.ts:
 *   CO2_SATURATION_MOL_PER_M3 = 34), pKa1 = 6.35 → pH = 6.35 + log10(0.1/0.034) = 6.8185 → 6.82 (rounded
 *   as stored); unpurged (pKa1 + pKa2)/2 = (6.35 + 10.33)/2 = 8.34.
 *   −0.9 V vs Ag/AgCl (sat. KCl, +0.197 V vs SHE) → E_RHE = −0.9 + 0.197 + 0.0591597·pH:
 *   pH 6.82 → −0.29954 V; pH 8.34 → −0.20962 V.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalSpeciesId } from '../../src/data/canonicalSpecies.js';
import { normalizeRecord } from '../../src/data/normalizeRecord.js';
import { parseImportText, recordsToCsv } from '../../src/data/recordCsv.js';
import { type RecordInput, type RecordInputDraft, recordInputSchema } from '../../src/data/recordSchema.js';
import { RecordStore } from '../../src/store/RecordStore.js';
import { type RunningServer, startServer } from '../../src/server/startServer.js';
import { CO2_SATURATION_MOL_PER_M3 } from '../../src/transport/transportData.js';
import { cli } from '../support/cli.js';

const PKA1 = 6.35; // carbonic acid, 25 °C (CRC Handbook)
const AGCL_SAT_V_SHE = 0.197; // Ag/AgCl sat. KCl vs SHE, 25 °C (Bard & Faulkner)
const NERNST_V = (8.314462618 * 298.15 * Math.LN10) / 96485.33212; // 0.0591597 V per pH unit
const pHPurged = PKA1 + Math.log10(0.1 / (CO2_SATURATION_MOL_PER_M3 / 1000));
const expectedRhe = (pH: number) => -0.9 + AGCL_SAT_V_SHE + NERNST_V * pH;

const SPELLINGS = ['CO2', 'CO₂', 'carbon dioxide', 'Carbon Dioxide', 'carbon-dioxide', ' CO2 '];

const draft = (carbon: string, id: string): RecordInputDraft => ({
  id,
  catalystPrinted: 'Cu-lab',
  catalyst: 'Cu-lab',
  strategy: 'interface engineering',
  productPrinted: 'urea',
  products: ['urea'],
  nitrogenSources: ['NO₃⁻'],
  carbonSources: [carbon],
  electrolytePrinted: '0.1 M KHCO3 + 0.1 M KNO3',
  conditionPrinted: '−0.9 V vs. Ag/AgCl sat. KCl',
  faradaicEfficiencyPrinted: '20%',
  sourceCitation: 'lab notebook',
  sourceLocation: 'run 1',
});

/** Checks a stored or returned record: canonical species, purged pH, −0.300 V vs RHE. */
function expectPurged(r: { carbonSources: string[]; nitrogenSources: string[]; normalized: { pH: { value: number } | null; potentialVvsRHE: number | null } }) {
  expect(r.carbonSources).toEqual(['carbon-dioxide']);
  expect(r.nitrogenSources).toEqual(['nitrate']);
  expect(r.normalized.pH?.value).toBeCloseTo(pHPurged, 2);
  expect(r.normalized.pH?.value).toBe(6.82);
  expect(r.normalized.potentialVvsRHE).toBeCloseTo(expectedRhe(6.82), 6);
  expect(r.normalized.potentialVvsRHE).toBeCloseTo(-0.3, 3);
}

describe('hand numbers', () => {
  it('CO2-purged 0.1 M KHCO3 is pH 6.82 and moves −0.9 V vs Ag/AgCl to −0.300 V vs RHE (unpurged: 8.34, −0.210 V)', () => {
    expect(pHPurged).toBeCloseTo(6.8185, 4);
    expect(expectedRhe(6.82)).toBeCloseTo(-0.2995, 4);
    expect(expectedRhe((6.35 + 10.33) / 2)).toBeCloseTo(-0.2096, 4);
  });
});

describe('one species canonicalization', () => {
  it('reads every spelling of CO2, nitrate and urea as the registry id, and nothing else as a species', () => {
    for (const s of SPELLINGS) expect(canonicalSpeciesId(s)).toBe('carbon-dioxide');
    expect(canonicalSpeciesId('NO₃⁻')).toBe('nitrate');
    expect(canonicalSpeciesId('NO3 -')).toBe('nitrate');
    expect(canonicalSpeciesId('CO(NH2)2')).toBe('urea');
    expect(canonicalSpeciesId('unobtainium')).toBeUndefined();
    expect(canonicalSpeciesId('')).toBeUndefined();
  });

  it('library: normalizeRecord on a schema-parsed input and on a hand-built one (no schema) gives the purged pH', () => {
    for (const s of SPELLINGS) expectPurged(normalizeRecord(recordInputSchema.parse(draft(s, 'lib'))));
    const handBuilt = { ...recordInputSchema.parse(draft('CO2', 'lib')), carbonSources: ['CO₂'], nitrogenSources: ['NO3-'] } as RecordInput;
    expectPurged(normalizeRecord(handBuilt));
  });

  it('the schema refuses a duplicate however it is spelled', () => {
    const r = recordInputSchema.safeParse({ ...draft('CO2', 'dup'), carbonSources: ['CO2', 'carbon dioxide'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/already in the list \(carbon-dioxide\)/);
  });
});

describe('store entry paths (SQLite)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-species-'));
  let store: RecordStore;
  beforeAll(async () => {
    store = await RecordStore.open({ dataDir: dir });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('create, CSV import and JSON import store the canonical species and the purged potential', async () => {
    expectPurged(await store.create(draft('CO₂', 'created')));
    const csvRows = SPELLINGS.map((s, i) => ({ ...draft(s, `csv-${i}`) }));
    // the CSV as a person writes it: species typed, not registry ids
    const csv = recordsToCsv(csvRows.map((d) => ({ ...recordInputSchema.parse(d), carbonSources: d.carbonSources as string[], nitrogenSources: ['NO₃⁻'] })));
    expect(csv).toContain('CO₂');
    const ids = await store.importRows(parseImportText('csv', csv));
    expect(ids).toHaveLength(SPELLINGS.length);
    for (const id of ids) expectPurged(await store.get(id));
    const jsonIds = await store.importRows(parseImportText('json', JSON.stringify([draft('carbon dioxide', 'json-1')])));
    expectPurged(await store.get(jsonIds[0]!));
    expect((await store.getInput('json-1')).carbonSources).toEqual(['carbon-dioxide']);
    // the list filter finds them whichever spelling it is given
    expect((await store.list({ cSource: 'CO₂', origin: 'user', limit: 100 })).total).toBe(SPELLINGS.length + 2);
  });
});

describe('HTTP API (the web form posts here) and CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-species-api-'));
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, dataDir: path.join(dir, 'api'), webRoot: '/nonexistent' });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const post = async (url: string, body: unknown) => {
    const r = await fetch(server.url + url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, json: (await r.json()) as never };
  };

  it('POST /api/records (the My data form sends carbonSources "CO2") and POST /api/records/import (CSV, JSON)', async () => {
    const created = await post('/api/records', draft('CO2', 'api-1'));
    expect(created.status).toBe(201);
    expectPurged(created.json);
    const fromCsv = await post('/api/records/import', {
      format: 'csv',
      content: recordsToCsv([{ ...recordInputSchema.parse(draft('CO2', 'api-csv')), carbonSources: ['CO₂'] }]),
    });
    expect(fromCsv.status).toBeLessThan(300);
    const fromJson = await post('/api/records/import', { format: 'json', content: JSON.stringify([draft('carbon dioxide', 'api-json')]) });
    expect(fromJson.status).toBeLessThan(300);
    for (const id of ['api-1', 'api-csv', 'api-json']) expectPurged((await (await fetch(`${server.url}/api/records/${id}`)).json()) as never);
  });

  it('cncouple db add and db import (CSV and JSON)', async () => {
    const db = ['--data-dir', path.join(dir, 'cli')];
    const one = path.join(dir, 'one.json');
    writeFileSync(one, JSON.stringify(draft('CO₂', 'cli-add')));
    const added = await cli('db', 'add', one, '--json', ...db);
    expect(added.code).toBe(0);
    expectPurged(JSON.parse(added.out));
    const csvFile = path.join(dir, 'in.csv');
    writeFileSync(csvFile, recordsToCsv([{ ...recordInputSchema.parse(draft('CO2', 'cli-csv')), carbonSources: ['CO2'] }]));
    expect((await cli('db', 'import', csvFile, ...db)).code).toBe(0);
    const jsonFile = path.join(dir, 'in.json');
    writeFileSync(jsonFile, JSON.stringify([draft('carbon dioxide', 'cli-json')]));
    expect((await cli('db', 'import', jsonFile, ...db)).code).toBe(0);
    for (const id of ['cli-add', 'cli-csv', 'cli-json']) expectPurged(JSON.parse((await cli('db', 'show', id, '--json', ...db)).out));
  });
});
