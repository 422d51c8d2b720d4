import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { limitingStudy, rampStudy } from '../../src/studies/kinetics.js';
import { optimizeStudy } from '../../src/studies/ml.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-kin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cncouple mech and kinetics', () => {
  it('lists built-in models and limiting potentials', async () => {
    expect((await cli('models')).out).toContain('urea-cu4-ceo2');
    const limiting = JSON.parse((await cli('mech', 'limiting', 'urea-cu4-ceo2', '--json')).out);
    expect(limiting.find((r: { pathway: string }) => r.pathway === 'urea')).toMatchObject({ potentialDeterminingStep: 'co2_to_co' });
  });
  it('mech limiting and kinetics ramp print what their studies (and so the API) return', async () => {
    const limiting = JSON.parse((await cli('mech', 'limiting', 'oxime-fe', '--json')).out);
    expect(limiting).toEqual(JSON.parse(JSON.stringify(limitingStudy.run(limitingStudy.input.parse({ model: 'oxime-fe' })))));
    const ramp = await cli(
      'kinetics',
      'ramp',
      'oxime-fe',
      '--start',
      '0',
      '--vertex',
      '-0.2',
      '--scan-rate',
      '0.1',
      '--step',
      '0.01',
      '--cycles',
      '0',
      '--json',
    );
    expect(ramp.code, ramp.err).toBe(0);
    const expected = rampStudy.run(
      rampStudy.input.parse({ model: 'oxime-fe', startVvsRHE: 0, vertexVvsRHE: -0.2, scanRateVPerS: 0.1, stepV: 0.01, cycles: 0 }),
    );
    expect(JSON.parse(ramp.out)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(expected.points).toHaveLength(20); // 0.2 V in 0.01 V steps, one leg
    // a ramp beyond the work bound is refused naming the field
    const big = await cli('kinetics', 'ramp', 'oxime-fe', '--start', '0', '--vertex', '-1', '--step', '0.00001', '--json');
    expect(big.code).toBe(2);
    expect(JSON.parse(big.out).error.field).toBe('stepV');
  });
  it('kinetics optimize prints what the kinetics.optimize study (and so POST /api/kinetics/optimize) returns', async () => {
    const r = await cli(
      'kinetics',
      'optimize',
      'urea-cu4-ceo2',
      '--vary',
      'dG_NO:-1.5:0.5',
      '--objective',
      'log10Tof:urea',
      '--budget',
      '4',
      '--seed',
      '3',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const printed = JSON.parse(r.out);
    const expected = optimizeStudy.run(
      optimizeStudy.input.parse({ model: 'urea-cu4-ceo2', vary: [{ name: 'dG_NO', low: -1.5, high: 0.5 }], objective: 'log10Tof:urea', budget: 4, seed: 3 }),
    );
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected)));
    // the schema's bounds hold on the command line too (the API refuses a budget above 200)
    const big = await cli('kinetics', 'optimize', 'urea-cu4-ceo2', '--vary', 'dG_NO:-1.5:0.5', '--objective', 'log10Tof:urea', '--budget', '500', '--json');
    expect(big.code).toBe(2);
    expect(JSON.parse(big.out).error.field).toBe('--budget');
  });
  it('draws a diagram SVG', async () => {
    const out = path.join(dir, 'fed.svg');
    expect((await cli('mech', 'diagram', 'urea-cu4-ceo2', '--potential', '-0.4', '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('ΔG (eV)');
  });
  it('solves a polarization curve from a range', async () => {
    const curve = JSON.parse((await cli('kinetics', 'steady', 'urea-cu4-ceo2', '--potential', '-0.5:-0.3:0.1', '--json')).out);
    expect(curve.map((c: { potentialVvsRHE: number }) => c.potentialVvsRHE)).toEqual([-0.5, -0.4, -0.3]);
    expect(curve.every((c: { converged: boolean }) => c.converged)).toBe(true);
  });
  it('sweeps on worker threads with a checkpoint, and resumes from it', async () => {
    const checkpoint = path.join(dir, 'ck.json');
    const svg = path.join(dir, 'v.svg');
    const first = await cli(
      'kinetics',
      'sweep',
      'urea-cu4-ceo2',
      '--x',
      'dG_NO:-1.5:0.5',
      '--y',
      'dG_CO:-0.5:1',
      '--grid',
      '16x16',
      '--workers',
      '2',
      '--checkpoint',
      checkpoint,
      '--out',
      svg,
      '--json',
    );
    expect(JSON.parse(first.out)).toMatchObject({ points: 256, converged: 256 });
    expect(existsSync(checkpoint)).toBe(true);
    const resumed = JSON.parse(
      (await cli('kinetics', 'sweep', 'urea-cu4-ceo2', '--x', 'dG_NO:-1.5:0.5', '--y', 'dG_CO:-0.5:1', '--grid', '16x16', '--checkpoint', checkpoint, '--json'))
        .out,
    );
    expect(resumed.log10Tof.urea).toEqual(JSON.parse(first.out).log10Tof.urea);
    expect(readFileSync(svg, 'utf8')).toContain('log10 TOF of urea');
  });
  it('refuses bad input with one line', async () => {
    const r = await cli('kinetics', 'steady', 'no-such-model');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: model: no model file "no-such-model"/);
    expect((await cli('kinetics', 'steady', 'urea-cu4-ceo2', '--potential', '-0.5:0:-1')).err).toMatch(/--potential: got -1 \(allowed: a positive step\)/);
  });
});
