import { describe, expect, it } from 'vitest';
import { convertPotential, resolvePotentialScale } from '../../src/chem/potentialScales.js';

describe('convertPotential', () => {
  it('-0.9 V vs Ag/AgCl (sat. KCl) at pH 7 = -0.2889 V vs RHE (0.197 V + 0.05915935·7)', () => {
    expect(convertPotential(-0.9, 'Ag/AgCl sat. KCl', 'RHE', { pH: 7 }).potentialV).toBeCloseTo(-0.2888846, 7);
  });
  it('SCE → SHE adds 0.2412 V; SHE → Hg/HgO (1 M NaOH) subtracts 0.140 V', () => {
    expect(convertPotential(0, 'SCE', 'SHE').potentialV).toBeCloseTo(0.2412, 10);
    expect(convertPotential(0.5, 'SHE', 'Hg/HgO 1 M NaOH').potentialV).toBeCloseTo(0.36, 10);
    expect(convertPotential(0, 'Hg/Hg2SO4 sat. K2SO4', 'SCE').potentialV).toBeCloseTo(0.3988, 10);
  });
  it('-0.5 V vs Hg/HgO (1 M KOH) in 1 M KOH (pH 14) = 0.4262 V vs RHE (0.098 V + 0.05915935·14)', () => {
    expect(convertPotential(-0.5, 'Hg/HgO 1 M KOH', 'RHE', { pH: 14 }).potentialV).toBeCloseTo(-0.5 + 0.098 + 0.05915935 * 14, 7);
    expect(convertPotential(-0.5, 'Hg/HgO 1 M KOH', 'RHE', { pH: 14 }).potentialV).toBeCloseTo(0.4262309, 7);
  });
  it('RHE ↔ SHE uses the Nernstian term at the given temperature', () => {
    expect(convertPotential(0, 'RHE', 'SHE', { pH: 14 }).potentialV).toBeCloseTo(-0.8282309, 7);
    // at 333.15 K: slope = ln10·R·333.15/F = 0.0661040 V
    expect(convertPotential(0, 'RHE', 'SHE', { pH: 1, temperatureK: 333.15 }).potentialV).toBeCloseTo(-0.066104, 6);
  });
  it('round trip through any two scales returns the input', () => {
    for (const a of ['SHE', 'RHE', 'SCE', 'Ag/AgCl 3 M KCl', 'Hg/HgO 0.1 M NaOH']) {
      for (const b of ['SHE', 'RHE', 'Ag/AgCl (3.5 M KCl)', 'Hg/Hg2SO4 1 M H2SO4']) {
        const there = convertPotential(-0.7, a, b, { pH: 9.2 }).potentialV;
        expect(convertPotential(there, b, a, { pH: 9.2 }).potentialV).toBeCloseTo(-0.7, 12);
      }
    }
  });
  it('iR correction: -1.2 V with -20 mA through 15 Ω → -0.9 V', () => {
    const r = convertPotential(-1.2, 'RHE', 'RHE', { pH: 7, currentA: -0.02, resistanceOhm: 15 });
    expect(r.potentialV).toBeCloseTo(-0.9, 12);
    expect(r.iRDropV).toBeCloseTo(-0.3, 12);
  });
  it('refuses ambiguous or unknown electrodes and a missing pH', () => {
    expect(() => resolvePotentialScale('Ag/AgCl')).toThrow(/needs its filling/);
    expect(() => convertPotential(0, 'Ag/AgCl', 'RHE', { pH: 7 })).toThrow(/^from: Ag\/AgCl needs its filling/);
    expect(() => convertPotential(0, 'SCE', 'Pt wire')).toThrow(/^to: unknown reference electrode "Pt wire"/);
    expect(() => convertPotential(0, 'SCE', 'RHE')).toThrow(/^pH: the RHE scale needs the electrolyte pH/);
    expect(() => convertPotential(0, 'SCE', 'RHE', { pH: 20 })).toThrow(/^pH: got 20/);
    expect(() => convertPotential(0, 'SCE', 'SHE', { currentA: 1 })).toThrow(/iR correction needs both/);
  });
  it('notes the temperature limitation of tabulated electrodes', () => {
    expect(convertPotential(0, 'SCE', 'RHE', { pH: 7, temperatureK: 310 }).notes.join(' ')).toMatch(/tabulated at 25 °C/);
  });
});
