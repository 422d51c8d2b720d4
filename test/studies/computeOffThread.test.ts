/**
 * The use-case layer: each compute route gives exactly what its study's `run` gives in-process, and a
 * request that solves equations never blocks the event loop (it runs on a worker thread).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../src/server/startServer.js';
import { STUDIES } from '../../src/studies/index.js';
import { cli } from '../support/cli.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-studies-'));
let server: RunningServer;

async function post(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(server.url + url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir, webRoot: '/nonexistent' });
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** One valid input per study and its route. */
const CASES: [string, string, unknown][] = [
  ['formula', '/api/formula', { formula: 'CO(NH2)2' }],
  ['balance', '/api/balance', { from: 'CO2, NO3-', to: 'urea' }],
  ['fe', '/api/fe', { from: 'CO2, NO3-', to: 'urea', chargeC: 12.5, amountMol: 6.1e-6 }],
  ['potential', '/api/potential', { potentialV: -0.9, from: 'Ag/AgCl sat. KCl', to: 'RHE', pH: 7 }],
  ['convert', '/api/convert', { value: 0.78, fromUnit: 'mmol h-1 cm-2', toUnit: 'mg h-1 cm-2', species: 'cyclohexanone oxime' }],
  ['e0', '/api/e0', { from: 'CO2, NO3-', to: 'urea', pH: 7 }],
  ['mechanism.diagram', '/api/mechanism/diagram', { model: 'oxime-fe', potentialVvsRHE: -0.3 }],
  ['kinetics.steady', '/api/kinetics/steady', { model: 'urea-cu4-ceo2', potentialsVvsRHE: [-0.2, -0.4] }],
  ['kinetics.pulse', '/api/kinetics/pulse', { model: 'oxime-fe', e1V: -0.5, t1S: 0.1, e2V: -0.1, t2S: 0.1, periods: 3 }],
  ['microenv', '/api/microenv', { electrolyte: '0.5 M KHCO3', co2Saturated: true, currentDensitiesMAPerCm2: [5], products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }], boundaryLayerUm: 100 }],
  ['reactor', '/api/reactor', { product: 'urea', electrons: 16, faradaicEfficiency: 0.5, inletConcentrationMolPerM3: 50, reactantPerProduct: 2 }],
  ['transport.doubleLayer', '/api/double-layer', { electrolyte: '0.1 M KHCO3', potentialVvsPzc: -0.5 }],
  ['tea', '/api/tea', { product: 'urea', electrons: 16, faradaicEfficiency: 0.5, currentDensityAPerM2: 3000, cellVoltageV: 3.2 }],
];

/** Studies whose route reads its input's records from the store: test/studies/literatureScreen.test.ts compares route and CLI. */
const STORE_STUDIES = ['screen.literature'];

describe('studies: one definition per operation', () => {
  it('registers every study once, each with a route case here', () => {
    expect(Object.keys(STUDIES).sort()).toEqual([...CASES.map(([name]) => name), ...STORE_STUDIES].sort());
  });

  for (const [name, url, input] of CASES) {
    it(`${url} returns what ${name}.run returns in-process`, async () => {
      const study = STUDIES[name]!;
      const expected = JSON.parse(JSON.stringify(study.run(study.input.parse(input))));
      const { status, json } = await post(url, input);
      expect(status, JSON.stringify(json).slice(0, 300)).toBe(200);
      expect(json).toEqual(expected);
      // and the CLI's `study <name> <file> --json` prints the same result
      const file = path.join(dataDir, `${name}.json`);
      writeFileSync(file, JSON.stringify(input));
      const printed = await cli('study', name, file, '--json');
      expect(printed.code, printed.err).toBe(0);
      expect(JSON.parse(printed.out)).toEqual(expected);
    });
  }

  it('answers health while a long pulse runs on a worker thread', async () => {
    let pulseDone = false;
    const pulse = post('/api/kinetics/pulse', { model: 'urea-cu4-ceo2', e1V: -0.6, t1S: 1, e2V: -0.1, t2S: 1, periods: 20 }).then((r) => ((pulseDone = true), r));
    await new Promise((resolve) => setTimeout(resolve, 100)); // the pulse request is in the server's hands
    const health = await fetch(server.url + '/api/health');
    expect(health.status).toBe(200);
    // answered while the pulse was still computing: on the request thread it would have waited for it
    expect(pulseDone).toBe(false);
    expect((await pulse).status).toBe(200);
  }, 120_000);

  it('turns bad input found inside the worker into a 400 naming the field', async () => {
    const { status, json } = await post('/api/kinetics/steady', { model: 'urea-cu4-ceo2', descriptors: { nope: 1 } });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { field: 'descriptors.nope', allowed: expect.stringContaining('dG_NO') } });
  });
});
