/**
 * The `screen` flag command maps its flags onto the `screen` study's input (src/studies/ml.ts; defaults written once
 * in src/ml/screeningDefaults.ts): `screen <csv> --json`, `study screen <file> --json` and the result of the
 * POST /api/screen job are one result for the same input — at the study's defaults, with every flag off them, and
 * with a model file; a bad value is reported under the flag that set it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinModelText } from '../../src/store/builtinModels.js';
import { cli, studyJson } from '../support/cli.js';
import { jobResult } from '../support/jobs.js';
import { useLoopbackServer } from '../support/server.js';

const server = useLoopbackServer('cncouple-screen-eq-');
const dataDir = server.dataDir;

// three candidates of the urea model, one with its own sigma for dG_NO
const csv = 'name,dG_NO,dG_CO,sigma_dG_NO\nA,-1.0,0.0,0.05\nB,-0.5,0.2,\nC,-0.8,0.1,\n';
const csvFile = path.join(dataDir, 'candidates.csv');
writeFileSync(csvFile, csv);

interface Screened {
  samples: number;
  topK: number;
  candidates: { name: string; pTopK: number; failedFraction: number }[];
}

/** The finished POST /api/screen job's result. */
const api = (body: object) => jobResult<Screened>(server, '/api/screen', body);

/** `study screen <file> --json` on `body`. */
const study = (body: object) => studyJson('screen', body, dataDir);

/** `screen <csv> --model … <argv> --json`. */
async function flags(model: string, ...argv: string[]): Promise<unknown> {
  const r = await cli('screen', csvFile, '--model', model, ...argv, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}

/** P(top k) sums to k over the candidates when no sample failed: each sample has exactly k winners. */
function expectTopKConserved(r: Screened) {
  for (const c of r.candidates) expect(c.failedFraction, c.name).toBe(0);
  expect(r.candidates.reduce((s, c) => s + c.pTopK, 0)).toBeCloseTo(r.topK, 12);
}

describe('screen: flags == study file == API', () => {
  it("at the study's defaults (500 samples, σ 0.1 eV, ρ 0, top 1, log10Tof, seed 0; the CLI used to take 1000 samples)", async () => {
    const body = { model: 'urea-cu4-ceo2', candidates: csv };
    const a = await api(body);
    expect(await flags('urea-cu4-ceo2')).toEqual(a);
    expect(await study(body)).toEqual(a);
    expect(a).toMatchObject({ product: 'urea', rankBy: 'log10Tof', topK: 1, samples: 500, sigmaEv: 0.1, correlation: 0 });
    expectTopKConserved(a);
  }, 120_000);

  it('with every flag off its default, and with a model file (modelText)', async () => {
    const argv = [
      '--sigma-eV',
      '0.05',
      '--correlation',
      '0.3',
      '--samples',
      '40',
      '--top',
      '2',
      '--product',
      'NH3',
      '--rank-by',
      'fe',
      '--potential',
      '-0.5',
      '--seed',
      '7',
    ];
    const fields = { sigmaEv: 0.05, correlation: 0.3, samples: 40, topK: 2, product: 'NH3', rankBy: 'fe', potentialVvsRHE: -0.5, seed: 7 };
    const body = { model: 'urea-cu4-ceo2', candidates: csv, ...fields };
    const a = await api(body);
    expect(await flags('urea-cu4-ceo2', ...argv)).toEqual(a);
    expect(await study(body)).toEqual(a);
    expect(a).toMatchObject({ product: 'NH3', rankBy: 'fe', topK: 2, samples: 40, sigmaEv: 0.05, correlation: 0.3 });
    expectTopKConserved(a);
    // the seed and potential reach the study: other values give other numbers
    expect(await flags('urea-cu4-ceo2', ...argv.slice(0, -2), '--seed', '8')).not.toEqual(a);
    expect(await flags('urea-cu4-ceo2', ...argv.slice(0, -4), '--seed', '7')).not.toEqual(a);
    // a model file is sent as modelText
    const modelFile = path.join(dataDir, 'urea.yaml');
    const modelText = builtinModelText('urea-cu4-ceo2');
    writeFileSync(modelFile, modelText);
    const small = { candidates: csv, samples: 20, seed: 3 };
    const fromText = await api({ modelText, ...small });
    expect(await flags(modelFile, '--samples', '20', '--seed', '3')).toEqual(fromText);
    expect(await study({ modelText, ...small })).toEqual(fromText);
  }, 120_000);

  it('reports a bad value under the flag that set it, with the bounds of the schema', async () => {
    const few = await cli('screen', csvFile, '--model', 'urea-cu4-ceo2', '--samples', '5');
    expect(few.code).toBe(2);
    expect(few.err).toMatch(/^error: --samples: .*10/m);
    const product = await cli('screen', csvFile, '--model', 'urea-cu4-ceo2', '--product', 'nope', '--samples', '10');
    expect(product.code).toBe(2);
    expect(product.err).toMatch(/--product: .*urea, NH3, NO, CO, H2/);
    const rho = await cli('screen', csvFile, '--model', 'urea-cu4-ceo2', '--correlation', '1');
    expect(rho.code).toBe(2);
    expect(rho.err).toMatch(/--correlation/);
    // σ above 2 eV: the schema's bound (it allowed 5, which the screening then refused as a failed job)
    const sigma = await cli('screen', csvFile, '--model', 'urea-cu4-ceo2', '--sigma-eV', '3');
    expect(sigma.code).toBe(2);
    expect(sigma.err).toMatch(/^error: --sigma-eV: .*2/m);
    const refused = await server.call('POST', '/api/screen', { model: 'urea-cu4-ceo2', candidates: csv, sigmaEv: 3 });
    expect([refused.status, refused.json.error.field]).toEqual([400, 'sigmaEv']);
    // the API names the input field, the CLI its flag (`--top` for topK)
    for (const [field, value, flag] of [
      ['samples', 5, '--samples'],
      ['topK', 0, '--top'],
      ['product', 'nope', '--product'],
    ] as const) {
      const api = await server.call('POST', '/api/screen', { model: 'urea-cu4-ceo2', candidates: csv, [field]: value });
      expect([api.status, api.json.error.field]).toEqual([400, field]);
      expect(api.text).not.toMatch(/--/);
      const r = await cli('screen', csvFile, '--model', 'urea-cu4-ceo2', flag, String(value), '--samples', field === 'samples' ? '5' : '10');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^error: ${flag}: `, 'm'));
    }
  });
});
