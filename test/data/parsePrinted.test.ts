import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimatePH } from '../../src/data/estimatePH.js';
import {
  cleanPrinted,
  parsePrintedCondition,
  parsePrintedElectrolyte,
  parsePrintedPercent,
  parsePrintedYield,
  unreadConcentration,
} from '../../src/data/parsePrinted.js';

describe('printed cells', () => {
  it('cleans markup from the extracted review text', () => {
    expect(cleanPrinted('385 mmol h <sup>−1</sup> g <sup>cat</sup> h <sup>−1</sup>')).toBe('385 mmol h-1 g_cat h-1');
    expect(cleanPrinted('0.1 M KHCO <sub>3</sub> + 50 mM KNO <sub>3</sub>')).toBe('0.1 M KHCO3 + 50 mM KNO3');
  });
  it('reads percentages with relations and uncertainties', () => {
    expect(parsePrintedPercent('37.5%')).toEqual({ ok: true, value: { value: 0.375, relation: '=' } });
    expect(parsePrintedPercent('>99.9%')).toEqual({ ok: true, value: { value: 0.999, relation: '>' } });
    expect(parsePrintedPercent('~100%')).toEqual({ ok: true, value: { value: 1, relation: '~' } });
    expect(parsePrintedPercent('11.9 ± 0.6%')).toEqual({ ok: true, value: { value: 0.119, relation: '=', uncertainty: 0.006 } });
    expect(parsePrintedPercent('—')).toBeNull();
    expect(parsePrintedPercent('high')).toMatchObject({ ok: false });
  });
  it('reads yields and rates', () => {
    expect(parsePrintedYield('76.8%')).toEqual({ ok: true, value: { kind: 'percent', fraction: { value: 0.768, relation: '=' } } });
    expect(parsePrintedYield('48.9 ± 2.4 mg g <sup>−1</sup> h <sup>−1</sup>')).toEqual({
      ok: true,
      value: { kind: 'rate', value: 48.9, relation: '=', uncertainty: 2.4, unit: 'mg g-1 h-1' },
    });
  });
  it('reads conditions', () => {
    expect(parsePrintedCondition('−0.6 V vs. RHE')).toEqual({ ok: true, value: { kind: 'potential', valueV: -0.6, scale: 'RHE' } });
    expect(parsePrintedCondition('20 mA cm <sup>−2</sup>')).toEqual({ ok: true, value: { kind: 'current-density', valueAPerM2: 200 } });
    expect(parsePrintedCondition('13 mA')).toEqual({ ok: true, value: { kind: 'current', valueA: 0.013 } });
    expect(parsePrintedCondition('E <sub>ca</sub> = −1.1 V, E <sub>an</sub> = 0.4 V')).toEqual({
      ok: true,
      value: { kind: 'pulsed', cathodicV: -1.1, anodicV: 0.4, scale: null },
    });
    expect(parsePrintedCondition('overnight')).toMatchObject({ ok: false });
  });
  it('splits electrolytes', () => {
    expect(parsePrintedElectrolyte('0.5 M H <sub>2</sub> SO <sub>4</sub> + 0.1 M GA + 1.0 M NaNO <sub>3</sub>')).toEqual([
      { name: 'H2SO4', concentrationM: 0.5 },
      { name: 'GA', concentrationM: 0.1 },
      { name: 'NaNO3', concentrationM: 1 },
    ]);
    expect(parsePrintedElectrolyte('0.001 M KOH/0.05 M Li <sub>2</sub> SO <sub>4</sub>')).toEqual([
      { name: 'KOH', concentrationM: 0.001 },
      { name: 'Li2SO4', concentrationM: 0.05 },
    ]);
    expect(parsePrintedElectrolyte('0.1 M HCl + 20 mM 3-methyl-2-oxobutanoic acid')[1]).toEqual({ name: '3-methyl-2-oxobutanoic acid', concentrationM: 0.02 });
  });
  it('never throws on junk (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        for (const f of [parsePrintedPercent, parsePrintedYield, parsePrintedCondition]) {
          const r = f(text);
          if (r && r.ok === false) expect(r.reason).toContain('cannot read');
        }
        expect(Array.isArray(parsePrintedElectrolyte(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('estimatePH (hand-computed)', () => {
  const c = (name: string, concentrationM: number | null) => ({ name, concentrationM });
  it('strong acids and bases', () => {
    expect(estimatePH([c('HCl', 0.1)], false)?.value).toBe(1);
    expect(estimatePH([c('KOH', 1)], false)?.value).toBe(14);
    expect(estimatePH([c('KOH', 0.1), c('K2SO4', 0.5)], false)?.value).toBe(13);
    // 0.5 M H2SO4: x² + (0.5 + 0.01023)x − 0.005116 = 0 → x = 0.01003; pH = −log10(0.51003) = 0.29
    expect(estimatePH([c('H2SO4', 0.5)], false)?.value).toBe(0.29);
  });
  it('carbonate system', () => {
    // CO2-saturated 0.1 M KHCO3: 6.35 + log10(0.1/0.034) = 6.82; without CO2: (6.35 + 10.33)/2 = 8.34
    expect(estimatePH([c('KHCO3', 0.1)], true)?.value).toBe(6.82);
    expect(estimatePH([c('KHCO3', 0.5)], false)?.value).toBe(8.34);
    // 0.5 M K2CO3: pOH = ½(3.67 − log10 0.5) = 1.985 → pH 12.02 (rounded 12.01 from pKb 3.67)
    expect(estimatePH([c('K2CO3', 0.5)], false)?.value).toBeCloseTo(12.02, 1);
    // CO2-purged 0.5 M K2CO3 is 1.0 M KHCO3 under 1 bar CO2: 6.35 + log10(1.0/0.034) = 6.35 + 1.469 = 7.82 (not the unpurged 12.02)
    expect(estimatePH([c('K2CO3', 0.5)], true)?.value).toBe(7.82);
  });
  it('bicarbonate with a hydroxylammonium salt (closed): the weak acid NH3OH⁺ (pKa 5.96) is in the charge balance', () => {
    // independent: scripts/independent/hydroxylammoniumBicarbonatePH.py — 0.5 M KHCO3 + 0.02 M NH3OH⁺ → 7.711356;
    // 0.1 M KHCO3 + 0.05 M NH3OH⁺ → 6.535044 (od-cu-phenol-oxime was 8.34, the bicarbonate alone)
    const oxime = estimatePH([c('KHCO3', 0.5), c('phenol', 0.02), c('(NH3OH)2SO4', 0.01)], false);
    expect(oxime?.value).toBe(7.71);
    expect(oxime?.note).toMatch(/0\.02 M NH3OH⁺ \(pKa 5\.96\)/);
    expect(estimatePH([c('KHCO3', 0.1), c('NH2OH·HCl', 0.05)], false)?.value).toBe(6.54);
    expect(estimatePH([c('KHCO3', 0.5), c('(NH3OH)2SO4', null)], false)).toBeNull(); // the pH needs its concentration
    // a branch that does not take it says it ignored it
    expect(estimatePH([c('KOH', 1), c('(NH3OH)2SO4', 0.01)], false)?.note).toMatch(/ignores the weak acid NH3OH⁺ of \(NH3OH\)2SO4/);
  });
  it('a strong base under a CO2 feed: equilibrated in an H-cell or when the cell is not stated (flagged), 14 + log c in a flow cell', () => {
    // independent: scripts/independent/co2EquilibratedPH.py — 0.1 M KOH → 6.818254, 1.0 M → 7.815870, 0.1 + 0.1 KHCO3 → 7.119017
    const hCell = estimatePH([c('KOH', 0.1)], true, 'H-cell');
    expect(hCell?.value).toBe(6.82); // was 13: the bulk of a CO2-bubbled KOH is bicarbonate
    expect(hCell?.co2Bulk).toEqual({ bulk: 'equilibrated', cellType: 'H-cell', assumed: false });
    expect(estimatePH([c('KOH', 1)], true, 'undivided cell')?.value).toBe(7.82);
    expect(estimatePH([c('KOH', 0.1), c('KHCO3', 0.1)], true, 'H-cell')?.value).toBe(7.12);
    const unknown = estimatePH([c('KOH', 0.1)], true);
    expect(unknown?.value).toBe(6.82);
    expect(unknown?.co2Bulk).toEqual({ bulk: 'equilibrated', cellType: 'not stated', assumed: true });
    expect(unknown?.note).toMatch(/cell type not stated: CO2 taken as bubbled through the bulk, the default/);
    const flow = estimatePH([c('KOH', 1)], true, 'flow cell');
    expect(flow?.value).toBe(14);
    expect(flow?.co2Bulk).toEqual({ bulk: 'not equilibrated', cellType: 'flow cell', assumed: false });
    expect(estimatePH([c('KOH', 0.1), c('K2SO4', 0.5)], true, 'PEM flow cell')?.value).toBe(13);
    // without a CO2 feed the cell type does not enter
    expect(estimatePH([c('KOH', 0.1)], false, 'H-cell')).toEqual({ value: 13, method: 'estimated', note: '0.1 M KOH: pH = 14 + log10(c)' });
    // bicarbonate under CO2 reads the same in every cell, unflagged
    expect(estimatePH([c('KHCO3', 0.1)], true, 'flow cell')?.value).toBe(6.82);
    expect(estimatePH([c('KHCO3', 0.1)], true)?.co2Bulk?.assumed).toBe(false);
  });
  it('gives up on acid + base (two compartments) and on bare salts', () => {
    expect(estimatePH([c('H2SO4', 0.5), c('K2CO3', 0.5)], false)).toBeNull();
    expect(estimatePH([c('KNO3', 0.5)], false)).toBeNull();
    expect(estimatePH([c('PBS', null)], false)?.note).toMatch(/assumed/);
  });
});

describe('printed cells with a decimal comma (as typed in many labs)', () => {
  it('reads a decimal comma where it cannot group thousands', () => {
    expect(parsePrintedPercent('41,2 %')).toEqual({ ok: true, value: { value: 0.412, relation: '=' } });
    expect(parsePrintedPercent('>99,9%')).toEqual({ ok: true, value: { value: 0.999, relation: '>' } });
    expect(parsePrintedCondition('−0,5 V vs. RHE')).toEqual({ ok: true, value: { kind: 'potential', valueV: -0.5, scale: 'RHE' } });
    expect(parsePrintedElectrolyte('0,1 M KHCO3 + 0,05 M KNO3')).toEqual([
      { name: 'KHCO3', concentrationM: 0.1 },
      { name: 'KNO3', concentrationM: 0.05 },
    ]);
    expect(cleanPrinted('0,125 M')).toBe('0.125 M');
  });

  it('leaves a comma that may group thousands, and commas between items, as they are', () => {
    expect(cleanPrinted('1,199 μmol h <sup>−1</sup>')).toBe('1,199 μmol h-1');
    expect(cleanPrinted('E <sub>ca</sub> = −1.1 V, E <sub>an</sub> = 0.4 V')).toBe('Eca = -1.1 V, Ean = 0.4 V');
    expect(cleanPrinted('1,2,3')).toBe('1,2,3');
  });
});

describe('electrolytes listed in words, and concentrations the parser cannot read', () => {
  it('reads "A and B" (and "; ", ", " before a concentration) as two components, like "+"', () => {
    const two = [
      { name: 'KNO3', concentrationM: 0.1 },
      { name: 'KHCO3', concentrationM: 0.1 },
    ];
    expect(parsePrintedElectrolyte('0.1 M KNO3 and 0.1 M KHCO3')).toEqual(two);
    expect(parsePrintedElectrolyte('0.1 M KNO <sub>3</sub> and 0.1 M KHCO <sub>3</sub>')).toEqual(two);
    expect(parsePrintedElectrolyte('0.1 M KNO3; 0.1 M KHCO3')).toEqual(two);
    expect(parsePrintedElectrolyte('0.1 M KNO3, 100 mM KHCO3')).toEqual(two);
    // a bare name after "and" has no printed concentration (unlike a bare "/KNO2", which varies the salt)
    expect(parsePrintedElectrolyte('0.1 M KNO3 and KHCO3')).toEqual([two[0], { name: 'KHCO3', concentrationM: null }]);
  });
  it('reads the micro sign (µ, U+00B5) as the Greek mu (μ)', () => {
    expect(parsePrintedElectrolyte('50 µM KNO3')).toEqual([{ name: 'KNO3', concentrationM: 50e-6 }]);
    expect(parsePrintedElectrolyte('50 μM KNO3')).toEqual([{ name: 'KNO3', concentrationM: 50e-6 }]);
  });
  it('does not guess at a comma that may group thousands: the component keeps the text and no concentration', () => {
    const [c] = parsePrintedElectrolyte('1,500 M KOH');
    expect(c).toEqual({ name: '1,500MKOH', concentrationM: null });
    expect(unreadConcentration(c!)).toBe('1,500MKOH');
    expect(unreadConcentration({ name: 'PBS', concentrationM: null })).toBeNull();
    expect(unreadConcentration({ name: 'KOH', concentrationM: 0.1 })).toBeNull();
  });
});
