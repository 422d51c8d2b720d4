import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { descriptorSweep } from '../../src/kinetics/mapper/descriptorSweep.js';
import { evaluatePulseObjective, optimizeKineticModel, parseKineticObjective } from '../../src/ml/optimizeKineticModel.js';
import { defaultLocalBudget } from '../../src/ml/optimizeDefaults.js';
import { quantile, screenCandidates, screeningSettings } from '../../src/ml/screenCandidates.js';
import { InputError } from '../../src/chem/index.js';
import { loadModel } from '../../src/store/builtinModels.js';
import { cli } from '../support/cli.js';

const model = loadModel({ name: 'urea-cu4-ceo2' });

describe('kinetics optimize (BO through the steady-state solver)', () => {
  it('finds the 1-D volcano top of a dense sweep; failures are never numbers', () => {
    const sweep = descriptorSweep(model, { x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 401 } });
    const top = Math.max(...Array.from(sweep.log10Tof.urea!).filter(Number.isFinite));
    const r = optimizeKineticModel(model, {
      vary: [{ name: 'dG_NO', low: -1.5, high: 0.5 }],
      objective: { quantity: 'log10Tof', product: 'urea' },
      budget: 15,
      seed: 2,
    });
    expect(r.best!.value).toBeGreaterThan(top - 0.01);
    expect(r.best!.value).toBeLessThan(top + 0.01); // the grid's 0.005 eV spacing bounds how far above it the optimum can be
    // the best is a real steady state
    expect(Math.log10(steadyState(model, { descriptors: r.best!.inputs }).tofPerS.urea!)).toBeCloseTo(r.best!.value, 8);
    for (const t of r.trace) {
      if (t.status === 'ok') expect(Number.isFinite(t.value)).toBe(true);
      else expect(t.value).toBeNull();
    }
    expect(r.failures).toBe(r.trace.filter((t) => t.status !== 'ok').length);
    expect(r.beliefMap!.mean).toHaveLength(21);
    // same seed, same trace
    expect(
      optimizeKineticModel(model, { vary: [{ name: 'dG_NO', low: -1.5, high: 0.5 }], objective: { quantity: 'log10Tof', product: 'urea' }, budget: 6, seed: 2 })
        .trace,
    ).toEqual(r.trace.slice(0, 6));
  });

  it('2-D volcano: the local phase puts the best point on the dG_NO kink of a fine sweep at its dG_CO', () => {
    const vary = [
      { name: 'dG_NO', low: -1.5, high: 0.5 },
      { name: 'dG_CO', low: -1, high: 0.5 },
    ];
    const objective = { quantity: 'log10Tof' as const, product: 'urea' };
    const r = optimizeKineticModel(model, { vary, objective, budget: 40, seed: 0, beliefGrid: 0 });
    // budget 40 ≥ 10 per input: the last ⌊0.3 × 40⌋ = 12 evaluations are the local phase (none handed back here)
    expect(r.trace.map((t) => t.phase)).toEqual([...Array<string>(28).fill('global'), ...Array<string>(12).fill('local')]);
    // each local step moves one coordinate of the best point so far
    for (let i = 28; i < 40; i++) {
      const best = r.trace.slice(0, i).reduce((p, t) => (t.value !== null && t.value > p.value! ? t : p));
      const moved = vary.filter((v) => r.trace[i]!.inputs[v.name] !== best.inputs[v.name]);
      expect(moved.length).toBeLessThanOrEqual(1);
    }
    // the kink (~20 decades/eV either side) on a 0.0005 eV line through the best dG_CO: within 1 % of its top
    const dgCo = r.best!.inputs.dG_CO!;
    const line = descriptorSweep(model, { x: { name: 'dG_NO', from: -1.17, to: -1.15, points: 41 }, descriptors: { dG_CO: dgCo } });
    const lineTop = Math.max(...Array.from(line.log10Tof.urea!).filter(Number.isFinite));
    expect(r.best!.value).toBeGreaterThan(lineTop - Math.log10(1.01));
    // without the local phase the same seed stops short of it (log10 TOF 3.4708)
    const globalOnly = optimizeKineticModel(model, { vary, objective, budget: 40, seed: 0, beliefGrid: 0, localBudget: 0 });
    expect(globalOnly.trace.every((t) => t.phase === 'global')).toBe(true);
    // localBudget 0 is the pure Bayesian optimization: the default run is that trace up to where its local phase starts
    expect(r.trace.slice(0, 28)).toEqual(globalOnly.trace.slice(0, 28));
    expect(globalOnly.trace.slice(28)).not.toEqual(r.trace.slice(28));
    expect(globalOnly.best!.value).toBeLessThan(r.best!.value);
    // same seed, same trace, local phase included
    expect(optimizeKineticModel(model, { vary, objective, budget: 40, seed: 0, beliefGrid: 0 }).trace).toEqual(r.trace);
    expect(() => optimizeKineticModel(model, { vary, objective, budget: 10, localBudget: 8 })).toThrow(/localBudget/);
  });

  it('the default local phase is the documented rule: ⌊0.3 × budget⌋ when the budget is at least 10 per varied input, else none', () => {
    expect([defaultLocalBudget(40, 2), defaultLocalBudget(20, 1), defaultLocalBudget(10, 1), defaultLocalBudget(19, 2), defaultLocalBudget(9, 1)]).toEqual([
      12, 6, 3, 0, 0,
    ]);
    expect([defaultLocalBudget(20, 2), defaultLocalBudget(33, 1), defaultLocalBudget(200, 8)]).toEqual([6, 9, 60]);
    const vary = [{ name: 'dG_NO', low: -1.5, high: 0.5 }];
    const objective = { quantity: 'log10Tof' as const, product: 'urea' };
    // budget 10, one input: 3 local evaluations at most, after 7 asked of the GP; the same as asking for 3
    const ten = optimizeKineticModel(model, { vary, objective, budget: 10, seed: 1, beliefGrid: 0 });
    expect(ten.trace.slice(0, 7).every((t) => t.phase === 'global')).toBe(true);
    expect(ten.trace.filter((t) => t.phase === 'local').length).toBeGreaterThan(0);
    expect(ten.trace.filter((t) => t.phase === 'local').length).toBeLessThanOrEqual(3);
    expect(optimizeKineticModel(model, { vary, objective, budget: 10, seed: 1, beliefGrid: 0, localBudget: 3 }).trace).toEqual(ten.trace);
    // budget 9: below 10 per input, no local phase — the localBudget 0 trace
    const nine = optimizeKineticModel(model, { vary, objective, budget: 9, seed: 1, beliefGrid: 0 });
    expect(nine.trace.every((t) => t.phase === 'global')).toBe(true);
    expect(optimizeKineticModel(model, { vary, objective, budget: 9, seed: 1, beliefGrid: 0, localBudget: 0 }).trace).toEqual(nine.trace);
  });

  it('pulse programs: E1 = E2 reproduces the steady state; all four inputs required', () => {
    // a "pulse" between equal potentials is a constant potential: its periodic state is the steady state
    const r = evaluatePulseObjective(model, { quantity: 'fe', product: 'urea' }, { E1: -0.4, t1: 5, E2: -0.4, t2: 5 }, 6);
    expect(r.status).toBe('ok');
    expect(r.value).toBeCloseTo(steadyState(model, { potentialVvsRHE: -0.4 }).faradaicEfficiency.urea!, 3);
    expect(() => optimizeKineticModel(model, { vary: [{ name: 'E1', low: -0.6, high: -0.2 }], objective: { quantity: 'fe', product: 'urea' } })).toThrow(
      /all four pulse inputs/,
    );
    const o = optimizeKineticModel(model, {
      vary: [
        { name: 'E1', low: -0.6, high: -0.2 },
        { name: 't1', low: 0.1, high: 10 },
        { name: 'E2', low: -0.3, high: 0 },
        { name: 't2', low: 0.1, high: 10 },
      ],
      objective: { quantity: 'fe', product: 'urea' },
      budget: 3,
      pulsePeriods: 4,
      seed: 1,
    });
    expect(o.trace).toHaveLength(3);
    for (const t of o.trace) expect(t.status === 'ok' ? t.value! >= 0 && t.value! <= 1 : t.value === null).toBe(true);
  });

  it('refuses unknown inputs and objectives', () => {
    expect(() => parseKineticObjective(model, 'fe:glycine')).toThrow(/^objective: "glycine" is not a product/);
    expect(() => parseKineticObjective(model, 'tof:urea')).toThrow(/fe:PRODUCT or log10Tof:PRODUCT/);
    expect(() => optimizeKineticModel(model, { vary: [{ name: 'dG_XX', low: 0, high: 1 }], objective: { quantity: 'fe', product: 'urea' } })).toThrow(
      /unknown input "dG_XX"/,
    );
  });

  it('library errors name the input field, not a CLI flag (the CLI maps fields to its flags)', () => {
    const fieldOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).message;
      }
      throw new Error('no error');
    };
    const objective = { quantity: 'fe' as const, product: 'urea' };
    const dgNo = { name: 'dG_NO', low: -1.5, high: 0.5 };
    expect(fieldOf(() => parseKineticObjective(model, 'tof:urea'))).toMatch(/^objective: got "tof:urea"/);
    expect(fieldOf(() => optimizeKineticModel(model, { vary: [dgNo], objective, budget: 2 }))).toBe('budget: got 2 (allowed: an integer from 3 to 500)');
    expect(fieldOf(() => optimizeKineticModel(model, { vary: [dgNo], objective, pulsePeriods: 1 }))).toBe(
      'pulsePeriods: got 1 (allowed: an integer from 2 to 1000)',
    );
    expect(fieldOf(() => optimizeKineticModel(model, { vary: [], objective }))).toBe('vary: none given (allowed: at least one NAME:low:high)');
    expect(fieldOf(() => optimizeKineticModel(model, { vary: [dgNo, { name: 'dG_CO', low: -30, high: 0 }], objective }))).toBe(
      'vary.1: got -30:0 (allowed: bounds from -20 to 20 eV for dG_CO)',
    );
    expect(fieldOf(() => optimizeKineticModel(model, { vary: [dgNo, dgNo], objective }))).toBe('vary.1.name: "dG_NO" repeated (allowed: each input once)');
    const one = [{ name: 'a', descriptors: { dG_NO: -1, dG_CO: 0 } }];
    expect(fieldOf(() => screeningSettings(model, one, { samples: 5 }))).toBe('samples: got 5 (allowed: an integer from 10 to 100000)');
    expect(fieldOf(() => screeningSettings(model, one, { topK: 0 }))).toBe('topK: got 0 (allowed: a positive integer)');
    expect(fieldOf(() => screeningSettings(model, one, { sigmaEv: 3 }))).toBe('sigmaEv: got 3 (allowed: a number from 0 to 2 eV)');
    expect(fieldOf(() => screeningSettings(model, one, { correlation: 1 }))).toBe('correlation: got 1 (allowed: a number from 0 to below 1)');
    expect(fieldOf(() => screeningSettings(model, one, { product: 'glycine' }))).toBe(
      'product: got "glycine" (allowed: a product of the model (urea, NH3, NO, CO, H2))',
    );
  });
});

describe('screening with uncertainty', () => {
  it('type-7 quantiles by hand', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.05)).toBeCloseTo(1.15, 12);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('σ = 0 reproduces the nominal steady state; the best nominal candidate is top with probability 1', () => {
    const candidates = [
      { name: 'a', descriptors: { dG_NO: -1.0, dG_CO: -0.1 } },
      { name: 'b', descriptors: { dG_NO: -0.6, dG_CO: 0.3 } },
    ];
    const r = screenCandidates(model, candidates, { sigmaEv: 0, samples: 10 });
    const direct = candidates.map((c) => steadyState(model, { descriptors: c.descriptors }));
    r.candidates.forEach((c, i) => {
      expect(c.log10Tof.median).toBeCloseTo(Math.log10(direct[i]!.tofPerS.urea!), 8);
      expect(c.log10Tof.p05).toBeCloseTo(c.log10Tof.p95, 8);
      expect(c.fe.median).toBeCloseTo(direct[i]!.faradaicEfficiency.urea!, 8);
    });
    const bestNominal = direct[0]!.tofPerS.urea! > direct[1]!.tofPerS.urea! ? 0 : 1;
    expect(r.candidates[bestNominal]!.pTopK).toBeCloseTo(1, 12);
    expect(r.candidates[1 - bestNominal]!.pTopK).toBeCloseTo(0, 12);
  });

  it('σ > 0 widens the interval and the probabilities sum to k', () => {
    const r = screenCandidates(
      model,
      [
        { name: 'a', descriptors: { dG_NO: -1.0, dG_CO: -0.1 } },
        { name: 'b', descriptors: { dG_NO: -0.6, dG_CO: 0.3 } },
        { name: 'c', descriptors: { dG_NO: -1.2, dG_CO: 0.2 } },
      ],
      { sigmaEv: 0.1, samples: 200, seed: 1, topK: 2 },
    );
    for (const c of r.candidates) expect(c.log10Tof.p95 - c.log10Tof.p05).toBeGreaterThan(0.01);
    expect(r.candidates.map((c) => c.failedFraction)).toEqual([0, 0, 0]);
    expect(r.candidates.reduce((a, c) => a + c.pTopK, 0)).toBeCloseTo(2, 9); // two places per sample
  });
});

describe('CLI: kinetics optimize and screen', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cncouple-screen-'));
  it('kinetics optimize --json and a belief map', async () => {
    const out = path.join(dir, 'belief.svg');
    const r = await cli(
      'kinetics',
      'optimize',
      'urea-cu4-ceo2',
      '--vary',
      'dG_NO:-1.5:0.5',
      'dG_CO:-0.5:1',
      '--objective',
      'fe:urea',
      '--budget',
      '8',
      '--out',
      out,
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.trace).toHaveLength(8);
    expect(j.best.value).toBeLessThanOrEqual(1);
    expect(j.file).toBe(out);
    const bad = await cli('kinetics', 'optimize', 'urea-cu4-ceo2', '--vary', 'dG_NO:0.5:-1', '--objective', 'fe:urea');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--vary dG_NO/);
  });

  it('screen: table, and bad rows exit 2 with line and column', async () => {
    const f = path.join(dir, 'c.csv');
    writeFileSync(f, 'name,dG_NO,dG_CO,sigma_dG_NO\nA,-1.0,-0.1,0.05\nB,-0.6,0.3,\n');
    const r = await cli('screen', f, '--model', 'urea-cu4-ceo2', '--samples', '20', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).candidates.map((c: { name: string }) => c.name)).toEqual(['A', 'B']);
    writeFileSync(f, 'name,dG_NO,dG_CO\nA,-1.0,-0.1\nB,abc,0.3\n');
    const bad = await cli('screen', f, '--model', 'urea-cu4-ceo2');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/line 3, dG_NO/);
    writeFileSync(f, 'name,dG_NO,dG_XX\nA,-1.0,-0.1\n');
    expect((await cli('screen', f, '--model', 'urea-cu4-ceo2')).err).toMatch(/line 1, column 3 "dG_XX": unknown column/);
  });
});
