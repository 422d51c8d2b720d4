import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { compileModel, parseModelText } from '../../src/kinetics/parser/compileModel.js';
import { TST, herExact, kT, model, tst } from './exactSteadyStates.js';

describe('every rate resolved or marked (poisoned surfaces, exact trace rates)', () => {
  const her = compileModel(parseModelText(readFileSync(new URL('./fixtures/her-poison.yaml', import.meta.url), 'utf8')));

  it('HER with an OH* poison: rates down to 1e-60 s⁻¹ match the closed form to 1e-6, or are marked unresolved', () => {
    let resolvedBelow1e18 = 0;
    for (const Hs of [-1, -0.5, 0, 0.5, 1, 1.5]) {
      for (const OHs of [0.5, 0, -0.5, -1, -1.5, -2, -2.5, -3]) {
        const o = steadyState(her, { descriptors: { H_s: Hs, OH_s: OHs } });
        const exact = herExact(Hs, OHs);
        expect(o.converged).toBe(true);
        if (o.tofResolved.H2) {
          expect(Math.abs(o.tofPerS.H2! / exact.rate - 1)).toBeLessThan(1e-6);
          expect(Math.abs(o.coverages['H*']! / exact.thetaH - 1)).toBeLessThan(1e-6);
          expect(Math.abs(o.freeSites.s! / exact.free - 1)).toBeLessThan(1e-6);
          if (exact.rate < 1e-18) resolvedBelow1e18++;
        }
        // the bound is a bound: the true error is within it
        expect(Math.abs(o.tofPerS.H2! - exact.rate)).toBeLessThanOrEqual(o.tofErrorPerS.H2! * 1.0001 + 1e-300);
        // the aim: every rate above 1e-40 s⁻¹ is resolved
        if (exact.rate >= 1e-40) expect(o.tofResolved.H2).toBe(true);
      }
    }
    expect(resolvedBelow1e18).toBeGreaterThan(10);
  });

  it('at the poisoned point H_s = 1, OH_s = −2 the trace rate (1.5e-44 s⁻¹) is exact, not 1e11× too high as with a flux floor', () => {
    const o = steadyState(her, { descriptors: { H_s: 1, OH_s: -2 } });
    const exact = herExact(1, -2);
    expect(exact.rate).toBeLessThan(1e-43);
    expect(exact.rate).toBeGreaterThan(1e-45);
    expect(o.converged && o.resolved && o.tofResolved.H2).toBe(true);
    expect(o.floored).toBe(false);
    expect(o.tofPerS.H2! / exact.rate).toBeCloseTo(1, 6);
    expect(o.coverages['H*']! / exact.thetaH).toBeCloseTo(1, 6); // 4.7e-48
  });

  it('Langmuir–Hinshelwood 2 A* → A2 with a strongly bound poison P*: closed-form θ* and rate over 60 decades', () => {
    // A + * ⇌ A* (ΔG −0.2 eV, Ea 0.3), P + * ⇌ P* (ΔG = dG_P, barrierless), 2 A* → A2 + 2 * (ΔG −1, Ea 0.9).
    // P* is only in its own step: θ_P = K_P·p_P·θ*. With c = kA·pA/(1 + K_P·p_P) the A* balance
    // c·(1 − θ_A) − k−A·θ_A − 2·k2·θ_A² = 0 gives θ_A = 2c / (B + √(B² + 8·k2·c)), B = k−A + c; r = k2·θ_A².
    const m = model({
      descriptors: { dG_P: -1 },
      species: {
        A: { phase: 'g', formula: 'O', pressureBar: 0.5 },
        P: { phase: 'g', formula: 'S', pressureBar: 0.1 },
        A2: { phase: 'g', formula: 'O2', pressureBar: 0, product: true, electronsPerMolecule: 0 },
      },
      adsorbates: { 'A*': { formula: 'O' }, 'P*': { formula: 'S' } },
      steps: [
        { id: 'ads', equation: 'A + * -> A*', dG: -0.2, Ea: 0.3 },
        { id: 'poison', equation: 'P + * -> P*', dG: { intercept: 0, slopes: { dG_P: 1 } } },
        { id: 'lh', equation: '2 A* -> A2 + 2 *', dG: -1, Ea: 0.9 },
      ],
    });
    const ads = tst(-0.2, 0.3, 0, 0);
    const lh = tst(-1, 0.9, 0, 0);
    let resolved = 0;
    for (let dGP = 0; dGP >= -4; dGP -= 0.25) {
      const poison = tst(dGP, 0, 0, 0);
      const KP = poison.kf / poison.kr;
      const c = (ads.kf * 0.5) / (1 + KP * 0.1);
      const B = ads.kr + c;
      const thetaA = (2 * c) / (B + Math.sqrt(B * B + 8 * lh.kf * c));
      const rate = lh.kf * thetaA * thetaA;
      const free = (1 - thetaA) / (1 + KP * 0.1);
      const o = steadyState(m, { descriptors: { dG_P: dGP } });
      expect(o.converged).toBe(true);
      expect(Math.abs(o.tofPerS.A2! - rate)).toBeLessThanOrEqual(o.tofErrorPerS.A2! * 1.0001 + 1e-300);
      if (o.tofResolved.A2) {
        resolved++;
        expect(Math.abs(o.tofPerS.A2! / rate - 1)).toBeLessThan(1e-6);
        expect(Math.abs(o.freeSites.s! / free - 1)).toBeLessThan(1e-6);
      }
      if (rate >= 1e-40) expect(o.tofResolved.A2).toBe(true);
    }
    expect(resolved).toBe(17); // all of them: rates from 4e-3 down to 3e-130 s⁻¹
  });

  it('a net rate that is a 1e-14 fraction of its gross flux cannot be resolved in double precision: marked, within its bound', () => {
    // A ⇌ A* ⇌ B with ΔG = 0 and equal barriers: θ* = 1/(1 + (pA + pB)/2), TOF = k·(pA − pB)·θ*/2 exactly
    const pB = 1 - 2 ** -46; // pA − pB = 2^-46 ≈ 1.4e-14, exact in binary
    const m = model({
      species: { A: { phase: 'g', formula: 'CO', pressureBar: 1 }, B: { phase: 'g', formula: 'CO', pressureBar: pB, product: true, electronsPerMolecule: 0 } },
      adsorbates: { 'X*': { formula: 'CO' } },
      steps: [
        { id: 'in', equation: 'A + * -> X*', dG: 0, Ea: 0.2 },
        { id: 'out', equation: 'X* -> B + *', dG: 0, Ea: 0.2 },
      ],
    });
    const k = TST * Math.exp(-0.2 / kT);
    const free = 1 / (1 + (1 + pB) / 2);
    const rate = (k * 2 ** -46 * free) / 2;
    const o = steadyState(m);
    expect(o.converged).toBe(true);
    expect(o.tofResolved.B).toBe(false);
    expect(o.resolved).toBe(false);
    expect(Math.abs(o.tofPerS.B! - rate)).toBeLessThanOrEqual(o.tofErrorPerS.B!);
    // a less extreme imbalance (pB = 0.5) is resolved and exact
    const m2 = model({ ...m.file, pathways: [], species: { ...m.file.species, B: { ...m.file.species.B!, pressureBar: 0.5 } } });
    const o2 = steadyState(m2);
    expect(o2.tofResolved.B).toBe(true);
    expect(o2.tofPerS.B! / ((k * 0.5) / (1 + 1.5 / 2) / 2)).toBeCloseTo(1, 9);
  });
});
