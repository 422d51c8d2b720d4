import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPulse } from '../../src/kinetics/analyze/pulse.js';
import { SteadyStateSolver, steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { descriptorVector } from '../../src/kinetics/scaler/stepEnergetics.js';
import { descriptorSweep } from '../../src/kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText, validateModel } from '../../src/kinetics/parser/compileModel.js';
import type { ModelFileInput } from '../../src/kinetics/parser/modelSchema.js';
import { rateConstants } from '../../src/kinetics/thermodynamics/rateConstants.js';
import { integrateCoverages } from '../../src/kinetics/solver/integrateCoverages.js';
import { KineticSystem } from '../../src/kinetics/solver/kineticSystem.js';
import { checkSolverOptions } from '../../src/kinetics/solver/solverOptions.js';
import { FARADAY_C_PER_MOL as FARADAY } from '../../src/chem/index.js';

const units = { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' } as const;
const urea = compileModel(parseModelText(readFileSync(new URL('../../data/models/urea-cu4-ceo2.yaml', import.meta.url), 'utf8')));
const base: ModelFileInput = {
  name: 'bad',
  units,
  species: { NO3: { phase: 'aq', formula: 'NO3-', concentrationM: 0.1 }, H2O: { phase: 'l' } },
  adsorbates: { 'NO*': { formula: 'NO' } },
  steps: [{ id: 'r1', equation: 'NO3 + * + 4 H+ + 3 e- -> NO* + 2 H2O', dG: -0.5 }],
};

describe('model files', () => {
  it('accept a balanced model and count electrons from the equation', () => {
    expect(compileModel(validateModel(base)).steps[0]!.electrons).toBe(3);
  });
  it.each([
    [
      'unbalanced atoms',
      { steps: [{ id: 'r1', equation: 'NO3 + * + 4 H+ + 3 e- -> NO* + H2O', dG: -0.5 }] },
      /steps\[0\] \(r1\)\.equation: unbalanced atoms \(products − reactants\): O -1, H -2/,
    ],
    ['unbalanced charge', { steps: [{ id: 'r1', equation: 'NO3 + * + 4 H+ + 2 e- -> NO* + 2 H2O', dG: -0.5 }] }, /charge changes by -1/],
    ['unbalanced sites', { steps: [{ id: 'r1', equation: 'NO3 + 2 * + 4 H+ + 3 e- -> NO* + 2 H2O', dG: -0.5 }] }, /site "s" changes by -1/],
    ['unknown species', { steps: [{ id: 'r1', equation: 'NO2 + * -> NO*', dG: -0.5 }] }, /unknown species "NO2"/],
    [
      'negative concentration',
      { species: { NO3: { phase: 'aq', formula: 'NO3-', concentrationM: -1 }, H2O: { phase: 'l' } } },
      /^species\.NO3\.concentrationM: /,
    ],
    ['missing units', { units: undefined }, /^units: /],
    ['wrong energy unit', { units: { ...units, energy: 'kJ/mol' } }, /^units\.energy: /],
    [
      'unknown descriptor',
      { steps: [{ id: 'r1', equation: 'NO3 + * + 4 H+ + 3 e- -> NO* + 2 H2O', dG: { slopes: { dG_X: 1 } } }] },
      /unknown descriptor "dG_X"/,
    ],
  ])('refuse %s with the field and the reason', (_name, patch, message) => {
    expect(() => compileModel(validateModel({ ...base, ...(patch as object) } as ModelFileInput))).toThrow(message);
  });
  it('read YAML and report its syntax errors', () => {
    expect(() => parseModelText('name: [unclosed')).toThrow(/^model: /);
  });
});

describe('transient integration', () => {
  it('reaches the Newton steady state in the long-time limit (ROS2 from a clean surface)', () => {
    const sys = new KineticSystem(urea);
    sys.setRateConstants(rateConstants(urea, -0.3));
    const integrated = integrateCoverages(sys, new Float64Array(sys.n), 1e6, checkSolverOptions());
    expect(integrated.completed).toBe(true);
    const ss = steadyState(urea, { potentialVvsRHE: -0.3 });
    urea.adsorbates.forEach((a, k) => {
      const expected = ss.coverages[a]!;
      if (expected > 1e-8) expect(integrated.theta[k]! / expected).toBeCloseTo(1, 3);
    });
  });

  it('pulses reach a periodic steady state; with E1 = E2 the period averages equal the steady state', () => {
    const ss = steadyState(urea, { potentialVvsRHE: -0.3 });
    const flat = runPulse(urea, { e1V: -0.3, t1S: 1, e2V: -0.3, t2S: 1, periods: 3, initialCoverages: ss.theta });
    const last = flat.periods.at(-1)!;
    expect(last.faradaicEfficiency.urea! / ss.faradaicEfficiency.urea!).toBeCloseTo(1, 3);
    expect(last.tofPerS.urea! / ss.tofPerS.urea!).toBeCloseTo(1, 3);
    const pulsed = runPulse(urea, { e1V: -0.5, t1S: 0.5, e2V: -0.1, t2S: 0.5, periods: 20 });
    expect(pulsed.completed).toBe(true);
    expect(pulsed.periodicFromPeriod).not.toBeNull();
    const p = pulsed.periods.at(-1)!;
    expect(Object.values(p.faradaicEfficiency).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3); // charge conservation over a period
  });

  it('refuses impossible programs', () => {
    expect(() => runPulse(urea, { e1V: -0.3, t1S: 0, e2V: 0, t2S: 1, periods: 1 })).toThrow(/^t1S: /);
    expect(() => runPulse(urea, { e1V: -0.3, t1S: 1, e2V: 0, t2S: 1, periods: 0 })).toThrow(/^periods: /);
  });
});

describe('descriptor sweep', () => {
  it('converges at every point of a 20 × 20 grid with verified residuals', () => {
    const r = descriptorSweep(urea, { x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 20 }, y: { name: 'dG_CO', from: -0.5, to: 1, points: 20 } });
    expect(r.converged.every((c) => c === 1)).toBe(true);
    expect(Math.max(...r.residual)).toBeLessThan(1e-9);
    expect(r.log10Tof.urea!.some(Number.isFinite)).toBe(true);
  });

  it("continues from a poisoned neighbour's whole state: its free sites and trace coverages, not 1 − Σθ", () => {
    // CO* covers the surface when CO(g) adsorbs with ΔG = −1.6 eV; the free sites (~1e-18) are below the round-off of 1 − Σθ
    const solver = new SteadyStateSolver(urea);
    const options = checkSolverOptions(undefined);
    const at = (dGNO: number) => descriptorVector(urea, { dG_NO: dGNO, dG_CO: -1.6 });
    const neighbour = solver.solveVector(urea.file.potentialVvsRHE, at(-1.02), options);
    expect(neighbour.converged).toBe(true);
    expect(Array.from(neighbour.state)).toEqual([...neighbour.theta, ...neighbour.free]);
    const free = neighbour.free[0]!;
    expect(free).toBeGreaterThan(0);
    expect(free).toBeLessThan(1e-15);
    expect(1 - neighbour.theta.reduce((a, b) => a + b, 0)).not.toBeCloseTo(free, 20); // lost to round-off
    const fromState = solver.solveVector(urea.file.potentialVvsRHE, at(-1.0), options, neighbour.state);
    const fromCoverages = solver.solveVector(urea.file.potentialVvsRHE, at(-1.0), options, Float64Array.from(neighbour.theta));
    expect(fromState.converged && fromCoverages.converged).toBe(true);
    expect(fromState.newtonIterations).toBeLessThanOrEqual(5);
    expect(fromCoverages.newtonIterations).toBeGreaterThan(fromState.newtonIterations); // the free site and the trace adsorbates climb or fall by bounded steps
    fromState.theta.forEach((t, k) => expect(t).toBeCloseTo(fromCoverages.theta[k]!, 12));
    expect(fromState.free[0]! / fromCoverages.free[0]!).toBeCloseTo(1, 8);
  });
});

describe('potential ramps (linear sweep, cyclic voltammetry)', () => {
  it('a slow linear sweep follows the steady-state polarization curve', async () => {
    const { runRamp } = await import('../../src/kinetics/analyze/ramp.js');
    const { polarizationCurve } = await import('../../src/kinetics/analyze/steadyState.js');
    const ss = steadyState(urea, { potentialVvsRHE: -0.1 });
    const ramp = runRamp(urea, { startV: -0.1, vertexV: -0.4, scanRateVPerS: 1e-4, cycles: 0, stepV: 0.005, initialCoverages: ss.theta });
    expect(ramp.completed).toBe(true);
    const last = ramp.points.at(-1)!;
    const steady = polarizationCurve(urea, [last.potentialVvsRHE])[0]!;
    expect(last.currentDensityAPerM2 / steady.currentDensityAPerM2).toBeCloseTo(1, 2);
  });

  it('the charge under a surface-redox CV peak is one monolayer (e per site), and it comes back on the return sweep', async () => {
    const { runRamp } = await import('../../src/kinetics/analyze/ramp.js');
    const m = compileModel(
      validateModel({
        name: 'upd',
        units,
        species: {},
        adsorbates: { 'H*': { formula: 'H' } },
        steps: [{ id: 'upd', equation: 'H+ + e- + * -> H*', dG: 0.2 }],
      }),
    );
    const cv = runRamp(m, { startV: 0.6, vertexV: -0.5, scanRateVPerS: 0.05, cycles: 1, stepV: 0.002 }); // θ: 0 at 0.6 V, 1 − 1e-5 at −0.5 V
    expect(cv.completed).toBe(true);
    const half = cv.points.length / 2;
    const dt = 0.002 / 0.05;
    const cathodic = cv.points.slice(0, half).reduce((q, p) => q + p.currentDensityAPerM2 * dt, 0);
    const anodic = cv.points.slice(half).reduce((q, p) => q + p.currentDensityAPerM2 * dt, 0);
    const monolayer = (FARADAY * 1e19) / 6.02214076e23; // C m⁻², site density 1e19 m⁻²
    expect(-cathodic / monolayer).toBeCloseTo(1, 3);
    expect(anodic / -cathodic).toBeCloseTo(1, 3);
  });
});

describe('sparse stoichiometry of the kinetic system', () => {
  it('holds, by step and by adsorbate, exactly the net ν of every step (reactants negative)', () => {
    const sys = new KineticSystem(urea);
    const dense = (start: Int32Array, index: Int32Array, nu: Float64Array, byStep: boolean) => {
      const out = new Float64Array(sys.m * sys.n);
      for (let row = 0; row + 1 < start.length; row++)
        for (let p = start[row]!; p < start[row + 1]!; p++) out[byStep ? row * sys.n + index[p]! : index[p]! * sys.n + row] = nu[p]!;
      return Array.from(out);
    };
    const expected = new Float64Array(sys.m * sys.n);
    urea.steps.forEach((s, j) => {
      s.reactAds.forEach((a, i) => (expected[j * sys.n + a]! -= s.reactAdsNu[i]!));
      s.prodAds.forEach((a, i) => (expected[j * sys.n + a]! += s.prodAdsNu[i]!));
    });
    expect(dense(sys.stepStart, sys.stepAds, sys.stepNu, true)).toEqual(Array.from(expected));
    expect(dense(sys.adsStart, sys.adsSteps, sys.adsNu, false)).toEqual(Array.from(expected));
    expect(sys.stepNu.every((v) => v !== 0)).toBe(true);
    expect(sys.stepNu.length).toBeLessThan(sys.m * sys.n); // sparse: fewer entries than the dense matrix
  });
});
