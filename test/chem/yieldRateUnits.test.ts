import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/chem/InputError.js';
import { convertYieldRate, parseYieldRateUnit, toCanonicalYieldRate } from '../../src/chem/yieldRateUnits.js';

describe('parseYieldRateUnit', () => {
  it('reads the spellings of the review', () => {
    expect(parseYieldRateUnit('mmol h-1 g_cat-1')).toMatchObject({
      product: 'amount',
      productFactor: 1e-3,
      timeFactorS: 3600,
      normalizer: 'catalyst-mass',
      normalizerFactor: 1,
    });
    expect(parseYieldRateUnit('μmol mg⁻¹ h⁻¹')).toMatchObject({ productFactor: 1e-6, normalizer: 'catalyst-mass', normalizerFactor: 1e-3 });
    expect(parseYieldRateUnit('mg h^-1 cm^-2')).toMatchObject({ product: 'mass', productFactor: 1e-3, normalizer: 'area' });
    expect(parseYieldRateUnit('g/h/g_cat')).toMatchObject({ product: 'mass', productFactor: 1, timeFactorS: 3600, normalizer: 'catalyst-mass' });
    expect(parseYieldRateUnit('umol/(cm2)'.replace(/[()]/g, ''))).toMatchObject({ perTime: false, normalizer: 'area' });
    expect(parseYieldRateUnit('μmol h-1')).toMatchObject({ perTime: true, normalizer: 'none' });
    expect(parseYieldRateUnit('μmol mgcat-1')).toMatchObject({ perTime: false, normalizer: 'catalyst-mass' });
  });

  it('refuses the doubled time printed in Table 1 ("mmol h-1 g_cat h-1")', () => {
    expect(() => parseYieldRateUnit('mmol h-1 g_cat-1 h-1')).toThrow(/time appears twice in "mmol h-1 g_cat-1 h-1"/);
    expect(() => parseYieldRateUnit('mmol h-1 g_cat h-1')).toThrow(/"g_cat" \(exponent 1\) has no place/);
  });

  it('names unknown tokens', () => {
    expect(() => parseYieldRateUnit('mmol h-1 furlong-1')).toThrow(/unit: cannot read|has no place/);
    expect(() => parseYieldRateUnit('h-1 g-1')).toThrow(/no product amount or mass/);
    expect(() => parseYieldRateUnit('')).toThrow(/unit: empty unit/);
  });
});

describe('convertYieldRate', () => {
  it('0.78 mmol h-1 cm-2 cyclohexanone oxime (113.160 g/mol) = 88.26 mg h-1 cm-2', () => {
    expect(convertYieldRate(0.78, 'mmol h-1 cm-2', 'mg h-1 cm-2', { molarMassGPerMol: 113.16 })).toBeCloseTo(88.2648, 4);
  });
  it('36.7 mg g-1 h-1 urea (60.056 g/mol) = 0.61110 mmol g-1 h-1 = 1.69749e-7 mol s-1 g-1', () => {
    expect(convertYieldRate(36.7, 'mg g-1 h-1', 'mmol h-1 g-1', { molarMassGPerMol: 60.056 })).toBeCloseTo(0.611096, 6);
    const c = toCanonicalYieldRate(36.7, 'mg g-1 h-1', { molarMassGPerMol: 60.056 });
    expect(c.unit).toBe('mol s-1 g_cat-1');
    expect(c.value).toBeCloseTo(1.69749e-7, 12);
  });
  it('32.1 μmol mg-1 h-1 = 32.1 mmol g-1 h-1; 461.39 μmol cm-2 h-1 = 1.28164e-3 mol s-1 m-2', () => {
    expect(convertYieldRate(32.1, 'μmol mg-1 h-1', 'mmol g_cat-1 h-1')).toBeCloseTo(32.1, 10);
    expect(toCanonicalYieldRate(461.39, 'μmol cm-2 h-1').value).toBeCloseTo(1.281639e-3, 9);
  });
  it('refuses conversions that need missing information', () => {
    expect(() => convertYieldRate(1, 'mmol h-1 cm-2', 'mmol h-1 g-1')).toThrow(/catalyst loading/);
    expect(() => convertYieldRate(1, 'mmol h-1', 'mg h-1')).toThrow(/molarMassGPerMol: .*needed to convert amount to mass/);
    expect(() => convertYieldRate(1, 'mmol h-1', 'mmol')).toThrow(/differ in time/);
  });
  it('round-trips any value through any pair of same-kind units (property)', () => {
    const amount = ['mol', 'mmol', 'μmol', 'nmol', 'g', 'mg', 'μg'];
    const time = ['s-1', 'min-1', 'h-1'];
    const norm = ['g_cat-1', 'mg-1', 'kg-1'];
    const unit = fc.tuple(fc.constantFrom(...amount), fc.constantFrom(...time), fc.constantFrom(...norm)).map((t) => t.join(' '));
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e9, noNaN: true }), unit, unit, (v, a, b) => {
        const there = convertYieldRate(v, a, b, { molarMassGPerMol: 60.056 });
        const back = convertYieldRate(there, b, a, { molarMassGPerMol: 60.056 });
        expect(back / v).toBeCloseTo(1, 10);
      }),
      { numRuns: 1000 },
    );
  });
  it('random junk units error cleanly', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 25 }), (text) => {
        try {
          parseYieldRateUnit(text);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
