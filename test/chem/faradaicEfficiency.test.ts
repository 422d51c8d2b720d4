import { describe, expect, it } from 'vitest';
import { FARADAY_C_PER_MOL, GAS_CONSTANT_J_PER_MOL_K, nernstSlopeV } from '../../src/chem/constants.js';
import {
  amountFromFaradaicEfficiency,
  energyEfficiency,
  faradaicEfficiency,
  partialCurrentDensity,
  productionRateFromCurrent,
} from '../../src/chem/faradaicEfficiency.js';

describe('constants (CODATA 2018 exact values)', () => {
  it('F, R and the Nernst slope', () => {
    expect(FARADAY_C_PER_MOL).toBeCloseTo(96485.33212, 5);
    expect(GAS_CONSTANT_J_PER_MOL_K).toBeCloseTo(8.314462618, 8);
    expect(nernstSlopeV(298.15)).toBeCloseTo(0.05915935, 7);
  });
});

describe('faradaic efficiency', () => {
  it('worked example: 6.1 μmol urea (16 e-) from 12.5 C → 75.34 %', () => {
    // 16 × 96485.33212 × 6.1e-6 / 12.5 = 0.7533575
    expect(faradaicEfficiency({ electrons: 16, amountMol: 6.1e-6, chargeC: 12.5 })).toBeCloseTo(0.7533575, 7);
  });

  it('worked example: oxime (4 e-) 50 μmol in 30 C → 64.31 %; sign of n and Q ignored', () => {
    expect(faradaicEfficiency({ electrons: -4, amountMol: 50e-6, chargeC: -30 })).toBeCloseTo(0.643236, 6);
  });

  it('amount from FE inverts FE exactly', () => {
    const fe = faradaicEfficiency({ electrons: 16, amountMol: 6.1e-6, chargeC: 12.5 });
    const amount = amountFromFaradaicEfficiency({ electrons: 16, faradaicEfficiency: fe, chargeC: 12.5 });
    expect(amount / 6.1e-6).toBeCloseTo(1, 14);
  });

  it('partial current density and production rate', () => {
    // Ag-50 row: 100 mA cm-2 = 1000 A m-2 at FE 83.8 % → 838 A m-2 toward oxime
    expect(partialCurrentDensity(-1000, 0.838)).toBeCloseTo(-838, 9);
    // 838 A m-2 / (4 F) = 2.1713e-3 mol s-1 m-2 = 0.7817 mmol h-1 cm-2 (table: 0.78)
    const rate = productionRateFromCurrent({ currentA: 838, faradaicEfficiency: 1, electrons: 4 });
    expect(rate).toBeCloseTo(2.17131e-3, 8);
    expect((rate * 3600 * 1000) / 1e4).toBeCloseTo(0.7817, 4);
  });

  it('energy efficiency = FE × E_eq,cell / V_cell', () => {
    // OER 1.229 V minus urea 0.811 V → 0.418 V equilibrium cell voltage; 3.0 V cell; FE 0.5 → 6.97 %
    expect(energyEfficiency({ faradaicEfficiency: 0.5, equilibriumCellVoltageV: 0.418, cellVoltageV: 3.0 })).toBeCloseTo(0.0696667, 6);
  });

  it('bad input names the field', () => {
    expect(() => faradaicEfficiency({ electrons: 0, amountMol: 1, chargeC: 1 })).toThrow(/^electrons: /);
    expect(() => faradaicEfficiency({ electrons: 2, amountMol: -1, chargeC: 1 })).toThrow(/^amountMol: got -1/);
    expect(() => faradaicEfficiency({ electrons: 2, amountMol: 1, chargeC: 0 })).toThrow(/^chargeC: /);
    expect(() => faradaicEfficiency({ electrons: 2, amountMol: Number.NaN, chargeC: 1 })).toThrow(/^amountMol: got null/);
    expect(() => partialCurrentDensity(10, 1.5)).toThrow(/^faradaicEfficiency: got 1.5 \(allowed: a finite number from 0 to 1/);
  });
});
