import { describe, expect, it } from 'vitest';
import { closedBicarbonatePH, co2EquilibratedPH } from '../../src/chem/carbonateEquilibria.js';
import { bulkComposition } from '../../src/transport/bulkComposition.js';

// Reference pH values: scripts/independent/co2EquilibratedPH.py (charge balance with Henry's law, K1, K2, Kw at
// 25 °C from the same sources, solved with scipy brentq).
const REFERENCE: [alkalinityM: number, pH: number][] = [
  [0.1, 6.818254],
  [1.0, 7.81587],
  [0.2, 7.119017],
  [0.5, 7.516159],
  [0.001, 4.824968],
  [5.0, 8.504694],
];

describe('pH of an alkaline solution equilibrated with 1 bar CO2', () => {
  it.each(REFERENCE)('B = %f M → pH %f (independent python)', (b, pH) => {
    expect(co2EquilibratedPH(b)).toBeCloseTo(pH, 5);
  });
  it('is close to Henderson–Hasselbalch pKa1 + log10(B/[CO2]) where CO3²⁻, OH⁻ and H⁺ are negligible', () => {
    expect(co2EquilibratedPH(0.1)).toBeCloseTo(6.35 + Math.log10(0.1 / 0.034), 3);
  });
  it('agrees with the microenvironment bulk (same constants): 0.1 M KOH and 0.5 M K2CO3 CO2-saturated', () => {
    expect(bulkComposition([{ name: 'KOH', concentrationM: 0.1 }], true).pH).toBeCloseTo(co2EquilibratedPH(0.1), 6);
    expect(bulkComposition([{ name: 'K2CO3', concentrationM: 0.5 }], true).pH).toBeCloseTo(co2EquilibratedPH(1.0), 6);
  });
  it('refuses a negative alkalinity or a non-positive CO2', () => {
    expect(() => co2EquilibratedPH(-0.1)).toThrow(RangeError);
    expect(() => co2EquilibratedPH(0.1, 0)).toThrow(RangeError);
  });
});

// Reference pH values: scripts/independent/hydroxylammoniumBicarbonatePH.py (closed charge balance with
// pKa(NH3OH⁺) 5.96, K1, K2, Kw from the same sources, solved with scipy brentq).
describe('pH of a closed bicarbonate solution with a hydroxylammonium salt', () => {
  it.each([
    [0.5, 0.02, 7.711356],
    [0.5, 0, 8.339905],
    [0.1, 0.05, 6.535044],
  ])('%f M KHCO3 + %f M NH3OH⁺ → pH %f (independent python)', (cb, n, pH) => {
    expect(closedBicarbonatePH(cb, n)).toBeCloseTo(pH, 5);
  });
  it('is the amphiprotic (pKa1 + pKa2)/2 without the salt', () => {
    expect(closedBicarbonatePH(0.5, 0)).toBeCloseTo((6.35 + 10.33) / 2, 3);
  });
});
