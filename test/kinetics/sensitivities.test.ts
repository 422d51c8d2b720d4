import { describe, expect, it } from 'vitest';
import { degreeOfRateControl, degreeOfRateControlChecked, steadyState, tafelSlopeChecked } from '../../src/kinetics/analyze/steadyState.js';
import { TST, kT, model } from './exactSteadyStates.js';

/** A ⇌ X* ⇌ B with ΔG = 0 and equal barriers 0.2 eV; TOF(B) = k·(pA − pB)·θ(free)/2 with θ(free) = 1/(1 + (pA + pB)/2). */
const nearEquilibrium = (pB: number) =>
  model({
    species: { A: { phase: 'g', formula: 'CO', pressureBar: 1 }, B: { phase: 'g', formula: 'CO', pressureBar: pB, product: true, electronsPerMolecule: 0 } },
    adsorbates: { 'X*': { formula: 'CO' } },
    steps: [
      { id: 'in', equation: 'A + * -> X*', dG: 0, Ea: 0.2 },
      { id: 'out', equation: 'X* -> B + *', dG: 0, Ea: 0.2 },
    ],
  });

describe('sensitivities check every solve they use', () => {
  it('degree of rate control: exact for the two-step route (3/7 and 4/7), with an error bound, summing to 1', () => {
    // r = k1·k2·(pA − pB)·θ*/(k1 + k2), θ* = 1/D, D = 1 + (k1·pA + k2·pB)/(k1 + k2); at k1 = k2:
    // X_in = 1/2 − (pA − pB)/(4D), X_out = 1/2 + (pA − pB)/(4D); pA = 1, pB = 0.5: D = 7/4, X = 3/7 and 4/7
    const drc = degreeOfRateControlChecked(nearEquilibrium(0.5), 'B');
    expect(drc.in!.value!).toBeCloseTo(3 / 7, 5);
    expect(drc.out!.value!).toBeCloseTo(4 / 7, 5);
    for (const id of ['in', 'out']) {
      expect(drc[id]!.errorBound!).toBeLessThan(1e-5);
      expect(drc[id]!.reason).toBeUndefined();
    }
  });

  it('degree of rate control is null with a reason where the perturbed rates are not resolved or not positive', () => {
    // pA − pB = 2^-46: the net rate is 1e-14 of the gross flux, not resolvable in double precision
    const unresolved = degreeOfRateControlChecked(nearEquilibrium(1 - 2 ** -46), 'B');
    for (const id of ['in', 'out']) {
      expect(unresolved[id]!.value).toBeNull();
      expect(unresolved[id]!.reason).toMatch(/not resolved \(error bound/);
    }
    expect(degreeOfRateControl(nearEquilibrium(1 - 2 ** -46), 'B').in).toBeNaN(); // NaN in the plain form, never 0
    // A is consumed: its production rate is negative, so ln r is undefined
    const consumed = degreeOfRateControlChecked(nearEquilibrium(0.5), 'A');
    expect(consumed.in!.value).toBeNull();
    expect(consumed.in!.reason).toMatch(/not positive/);
  });

  it('Tafel slope: 118.3 mV/dec for one electron transfer with β = 0.5 with its error bound; null with a reason without current', () => {
    const et = model({
      species: {
        A: { phase: 'aq', formula: 'CO2', concentrationM: 1 },
        H2O: { phase: 'l' },
        P: { phase: 'aq', formula: 'HCOOH', concentrationM: 0, product: true, electronsPerMolecule: 2 },
      },
      adsorbates: {},
      steps: [{ id: 'et', equation: 'A + 2 H+ + 2 e- -> P', dG: 0.3, Ea: 0.9, beta: 0.25 }],
      potentialVvsRHE: -0.2,
    });
    const slope = tafelSlopeChecked(et);
    expect(slope.value!).toBeCloseTo((Math.LN10 * kT * 1000) / 0.5, 2); // ln10·kT/(β·n) with β·n = 0.5
    expect(slope.errorBound!).toBeLessThan(1e-6);
    expect(tafelSlopeChecked(et, {}, 'P').value!).toBeCloseTo(slope.value!, 6);
    const thermal = tafelSlopeChecked(nearEquilibrium(0.5));
    expect(thermal.value).toBeNull();
    expect(thermal.reason).toMatch(/no current/);
  });

  it('FE and selectivity are missing (NaN, null in JSON), not 0, where undefined', () => {
    const thermal = steadyState(nearEquilibrium(0.5)); // no electrons: FE undefined; B is the only product
    expect(thermal.faradaicEfficiency.B).toBeNaN();
    expect(thermal.faradaicEfficiencyResolved.B).toBe(true); // nothing to resolve
    expect(thermal.selectivity.B).toBe(1);
    expect(JSON.parse(JSON.stringify(thermal.faradaicEfficiency))).toEqual({ B: null });
    const k = TST * Math.exp(-0.2 / kT);
    const reverse = steadyState(nearEquilibrium(2)); // B is consumed: no product formed, selectivity undefined
    expect(reverse.tofPerS.B! / ((k * (1 - 2)) / (1 + 3 / 2) / 2)).toBeCloseTo(1, 9);
    expect(reverse.selectivity.B).toBeNaN();
  });
});
