import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { degreeOfRateControl, polarizationCurve, steadyState, tafelSlope } from '../../src/kinetics/analyze/steadyState.js';
import { compileModel, parseModelText, validateModel } from '../../src/kinetics/parser/compileModel.js';
import type { ModelFileInput } from '../../src/kinetics/parser/modelSchema.js';
import { thermalEnergyEv } from '../../src/kinetics/thermodynamics/rateConstants.js';

const units = { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' } as const;
const kT = thermalEnergyEv(298.15);
/** kB·T/h at 298.15 K, s⁻¹. */
const TST = (1.380649e-23 * 298.15) / 6.62607015e-34;
const model = (m: Omit<ModelFileInput, 'units' | 'name'>) => compileModel(validateModel({ name: 'test', units, ...m }));
const builtin = (name: string) => compileModel(parseModelText(readFileSync(new URL(`../../data/models/${name}.yaml`, import.meta.url), 'utf8')));

describe('steady state against analytic solutions', () => {
  it('single-step Langmuir adsorption: θ = Kp/(1 + Kp)', () => {
    for (const [dG, p] of [
      [-0.05, 0.5],
      [0.2, 1],
      [-0.4, 1e-3],
    ] as const) {
      const m = model({
        species: { A: { phase: 'g', formula: 'CO', pressureBar: p } },
        adsorbates: { 'A*': { formula: 'CO' } },
        steps: [{ id: 'ads', equation: 'A + * -> A*', dG }],
      });
      const K = Math.exp(-dG / kT);
      const o = steadyState(m);
      expect(o.converged).toBe(true);
      expect(o.coverages['A*']! / ((K * p) / (1 + K * p))).toBeCloseTo(1, 10);
      expect(o.freeSites.s! + o.coverages['A*']!).toBeCloseTo(1, 14); // site balance
    }
  });

  it('A + B Langmuir–Hinshelwood with quasi-equilibrated adsorption: θ_i = K_i p_i / (1 + Σ K p), r = k θ_A θ_B', () => {
    const m = model({
      species: {
        A: { phase: 'g', formula: 'CO', pressureBar: 0.3 },
        B: { phase: 'g', formula: 'O', pressureBar: 0.7 },
        C: { phase: 'g', formula: 'CO2', pressureBar: 0, product: true, electronsPerMolecule: 0 },
      },
      adsorbates: { 'A*': { formula: 'CO' }, 'B*': { formula: 'O' } },
      steps: [
        { id: 'a', equation: 'A + * -> A*', dG: -0.1 },
        { id: 'b', equation: 'B + * -> B*', dG: -0.05 },
        { id: 'rxn', equation: 'A* + B* -> C + 2 *', dG: -1.5, Ea: 1.3 },
      ],
    });
    const KA = Math.exp(0.1 / kT);
    const KB = Math.exp(0.05 / kT);
    const den = 1 + KA * 0.3 + KB * 0.7;
    const o = steadyState(m);
    expect(o.converged).toBe(true);
    expect(o.coverages['A*']! / ((KA * 0.3) / den)).toBeCloseTo(1, 6);
    expect(o.coverages['B*']! / ((KB * 0.7) / den)).toBeCloseTo(1, 6);
    const rate = TST * Math.exp(-1.3 / kT) * ((KA * 0.3) / den) * ((KB * 0.7) / den);
    expect(o.tofPerS.C! / rate).toBeCloseTo(1, 5);
    expect(o.tofPerS.A! / -o.tofPerS.C!).toBeCloseTo(1, 6); // atoms conserved: every A consumed becomes C
  });

  it('linear chain A → X1* → X2* → B: r = k1 p θ* = k2 θ1 = k3 θ2, θ* = 1 / (1 + k1 p/k2 + k1 p/k3)', () => {
    const m = model({
      species: { A: { phase: 'g', formula: 'CO', pressureBar: 1 }, B: { phase: 'g', formula: 'CO', pressureBar: 0, product: true, electronsPerMolecule: 0 } },
      adsorbates: { 'X1*': { formula: 'CO' }, 'X2*': { formula: 'CO' } },
      steps: [
        { id: 's1', equation: 'A + * -> X1*', dG: -2, Ea: 0.7 },
        { id: 's2', equation: 'X1* -> X2*', dG: -2, Ea: 0.75 },
        { id: 's3', equation: 'X2* -> B + *', dG: -2, Ea: 0.8 },
      ],
    });
    const [k1, k2, k3] = [0.7, 0.75, 0.8].map((Ea) => TST * Math.exp(-Ea / kT)) as [number, number, number];
    const free = 1 / (1 + k1 / k2 + k1 / k3);
    const o = steadyState(m);
    expect(o.freeSites.s! / free).toBeCloseTo(1, 8);
    expect(o.coverages['X1*']! / ((k1 * free) / k2)).toBeCloseTo(1, 8);
    expect(o.tofPerS.B! / (k1 * free)).toBeCloseTo(1, 8);
    // Campbell's sum rule: degrees of rate control of a single-route chain add up to 1
    const drc = degreeOfRateControl(m, 'B');
    expect(drc.s1! + drc.s2! + drc.s3!).toBeCloseTo(1, 4);
    expect(drc.s3!).toBeGreaterThan(drc.s1!); // the highest barrier controls the rate most
  });

  it('one-step electron transfer: Tafel slope = ln10·kT/β = 118.3 mV/dec for β = 0.5, 78.9 for β = 0.75', () => {
    for (const [beta, slope] of [
      [0.5, 118.3185],
      [0.75, 78.879],
    ] as const) {
      const m = model({
        species: {
          A: { phase: 'aq', formula: 'CO2', concentrationM: 1 },
          H2O: { phase: 'l' },
          P: { phase: 'aq', formula: 'HCOOH', concentrationM: 0, product: true, electronsPerMolecule: 2 },
        },
        adsorbates: {},
        steps: [{ id: 'et', equation: 'A + 2 H+ + 2 e- -> P', dG: 0.3, Ea: 0.9, beta: beta / 2 }],
        potentialVvsRHE: -0.2,
      });
      expect(tafelSlope(m)).toBeCloseTo(slope, 2);
    }
  });
});

describe('built-in models', () => {
  const urea = builtin('urea-cu4-ceo2');

  it('conserve sites and electrons: FE of all products sums to 1, Σ z·TOF = Σ n·r', () => {
    for (const U of [-0.2, -0.4, -0.6]) {
      const o = steadyState(urea, { potentialVvsRHE: U });
      expect(o.converged).toBe(true);
      const fe = Object.values(o.faradaicEfficiency).reduce((a, b) => a + b, 0);
      expect(fe).toBeCloseTo(1, 6);
      const coverage = Object.values(o.coverages).reduce((a, b) => a + b, 0) + o.freeSites.s!;
      expect(coverage).toBeCloseTo(1, 12);
      const zTof = 16 * o.tofPerS.urea! + 8 * o.tofPerS.NH3! + 3 * o.tofPerS.NO! + 2 * o.tofPerS.CO! + 2 * o.tofPerS.H2!;
      expect(zTof / o.electronRatePerS).toBeCloseTo(1, 6);
    }
  });

  it('reproduces the review: lowering the *NO + *CO coupling barrier from 0.93 (CeO2) to 0.34 eV (Cu4-CeO2) switches NH3 to urea', () => {
    const cu4 = steadyState(urea, { descriptors: { Ea_CN: 0.34 } });
    const ceo2 = steadyState(urea, { descriptors: { Ea_CN: 0.93 } });
    const dominant = (fe: Record<string, number>) => Object.entries(fe).sort((a, b) => b[1] - a[1])[0]![0];
    expect(dominant(cu4.faradaicEfficiency)).toBe('urea');
    expect(dominant(ceo2.faradaicEfficiency)).toBe('NH3');
    expect(ceo2.faradaicEfficiency.urea!).toBeLessThan(1e-4);
  });

  it('reproduces the review: C–N coupling (0.32 eV) beats NH2OH reduction (0.68 eV) on the Fe-based oxime catalyst', () => {
    const o = steadyState(builtin('oxime-fe'), { potentialVvsRHE: -0.2 });
    expect(o.faradaicEfficiency.benzaldoxime!).toBeGreaterThan(0.9);
    expect(o.faradaicEfficiency.NH3!).toBeLessThan(0.01);
  });

  it('polarization curve converges at every point with continuation, current grows with overpotential', () => {
    const curve = polarizationCurve(urea, [-0.1, -0.2, -0.3, -0.4]);
    expect(curve.every((c) => c.converged)).toBe(true);
    const j = curve.map((c) => -c.currentDensityAPerM2);
    for (let i = 1; i < j.length; i++) expect(j[i]!).toBeGreaterThan(j[i - 1]!);
  });
});

describe('amino-acid template', () => {
  it('balances, converges and makes alanine by oxime hydrogenation at moderate potentials, H2 at more negative ones', () => {
    const m = builtin('amino-acid-oxime');
    const [a, b] = polarizationCurve(m, [-0.2, -1.0]) as [ReturnType<typeof steadyState>, ReturnType<typeof steadyState>];
    expect(a.converged && b.converged).toBe(true);
    expect(a.faradaicEfficiency.alanine!).toBeGreaterThan(0.7); // the rest desorbs as NH2OH (−0.5 eV adsorption, assumed)
    expect(b.faradaicEfficiency.alanine!).toBeLessThan(0.01);
    expect(Object.values(a.faradaicEfficiency).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 6);
  });
});
