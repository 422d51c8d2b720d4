/** `cncouple screen literature --json` and `POST /api/screen/literature` on the same database give the same answer. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/startServer.js';
import { cli } from '../support/cli.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-lit-screen-'));
// seven user records (made up for the test): FE rises with the Cu content of the catalyst
const catalysts: [string, string[], string][] = [
  ['Cu foam', ['Cu'], '60%'],
  ['CuO', ['Cu', 'O'], '45%'],
  ['Cu-N-C', ['Cu', 'N', 'C'], '30%'],
  ['Fe-N-C', ['Fe', 'N', 'C'], '12%'],
  ['PdCu', ['Pd', 'Cu'], '50%'],
  ['TiO2', ['Ti', 'O'], '8%'],
  ['Ag', ['Ag'], '20%'],
];
const records = catalysts.map(([name, elements, fe], i) => ({
  id: `test-${i}`,
  catalystPrinted: name,
  catalyst: name,
  elements,
  strategy: i % 2 ? 'defect engineering' : 'interface engineering',
  productPrinted: 'Urea',
  products: ['urea'],
  nitrogenSources: ['nitrate'],
  carbonSources: ['CO2'],
  pH: 7,
  conditionPrinted: `-0.${4 + (i % 3)} V vs. RHE`,
  faradaicEfficiencyPrinted: fe,
  sourceCitation: 'made-up test record',
  sourceLocation: 'test',
}));
const body = { target: 'fe', origin: 'user', folds: 3, trees: 20, seed: 2 };
let cliJson: unknown;
let server: RunningServer;

beforeAll(async () => {
  const file = path.join(dataDir, 'records.json');
  writeFileSync(file, JSON.stringify(records));
  const imported = await cli('db', '--data-dir', dataDir, 'import', file, '--json');
  expect(imported.code, imported.err).toBe(0);
  const r = await cli(
    'screen',
    'literature',
    '--target',
    'fe',
    '--origin',
    'user',
    '--folds',
    '3',
    '--trees',
    '20',
    '--seed',
    '2',
    '--data-dir',
    dataDir,
    '--json',
  );
  expect(r.code, r.err).toBe(0);
  cliJson = JSON.parse(r.out);
  server = await startServer({ port: 0, dataDir, webRoot: '/nonexistent' });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('screen literature', () => {
  it('the CLI --json equals the API result on the same records', async () => {
    const res = await fetch(`${server.url}/api/screen/literature`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(cliJson);
  }, 120_000);
  it('appears in the OpenAPI document with its body schema', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: { properties: Record<string, { enum?: string[]; default?: unknown }> } }> } } }
      >;
    };
    const props = doc.paths['/api/screen/literature']!.post.requestBody.content['application/json']!.schema.properties;
    expect(props.target!.enum).toEqual(['fe', 'yield']);
    expect(props.folds!.default).toBe(5);
    expect(props).not.toHaveProperty('records'); // read from the store, not sent
  });
  it('uses the user records only, with FE in %, and says plainly that they are few', () => {
    const r = cliJson as { n: number; recordsRead: number; records: { id: string; value: number }[]; warnings: string[]; scores: { model: string }[] };
    expect(r.n).toBe(7);
    expect(r.recordsRead).toBeGreaterThan(7); // the curated literature is read too, then filtered out
    expect(r.records.find((x) => x.id === 'test-0')!.value).toBeCloseTo(60, 10);
    expect(r.scores.map((s) => s.model)).toEqual(['gaussian-process', 'random-forest', 'mean']);
    expect(r.warnings.join(' ')).toMatch(/only 7 records for \d+ features/);
    expect(r.warnings[0]).toMatch(/few and heterogeneous/);
  });
  it('bad input: an unknown target names the field (CLI exit 2, API 400)', async () => {
    const bad = await cli('screen', 'literature', '--target', 'tof', '--data-dir', dataDir);
    expect(bad.code).toBe(2);
    const res = await fetch(`${server.url}/api/screen/literature`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ target: 'tof' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('target');
  });
  it('too few records with the target: exit 2 with the field', async () => {
    const r = await cli('screen', 'literature', '--target', 'yield', '--origin', 'user', '--data-dir', dataDir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/records.*at least 4 records/);
  });
});
