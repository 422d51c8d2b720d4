/**
 * Issue 15 item 11 and issue 16 items 6–9: assumed unit readings, the plausibility check, values a flag
 * declares to be something else, the ph-assumed and catalyst-renamed rules, and the text results. Every
 * expected number is worked by hand in the comment beside it (F = 96485.33212 C mol⁻¹; molar masses from
 * IUPAC 2021 atomic weights: C 12.011, H 1.008, N 14.007, O 15.999).
 */
import { describe, expect, it } from 'vitest';
import { type CatalyticRecord, PLAUSIBLE_MAX_CURRENT_DENSITY_A_PER_M2, normalizeRecord, readDoubledTimeUnit } from '../../src/data/normalizeRecord.js';
import { cleanPrinted, parsePrintedElectrolyte } from '../../src/data/parsePrinted.js';
import { printedNitrogenSources } from '../../src/data/printedNitrogenSources.js';
import { parseRecordCsv, recordsToCsv } from '../../src/data/recordCsv.js';
import { type RecordInputDraft, recordInputSchema } from '../../src/data/recordSchema.js';
import { readLiteratureRecords } from '../../src/store/literature.js';

const F = 96485.33212;
const records = new Map(readLiteratureRecords().map((d) => [d.id!, normalizeRecord(recordInputSchema.parse(d))]));
const get = (id: string): CatalyticRecord => {
  const r = records.get(id);
  if (!r) throw new Error(`no literature record ${id}`);
  return r;
};
const rate = (r: CatalyticRecord) => {
  const y = r.normalized.yield;
  if (y?.kind !== 'rate') throw new Error(`${r.id} has no normalized rate`);
  return y;
};
const codes = (r: CatalyticRecord) => [...r.flags, ...r.autoFlags].map((f) => f.code);
const user = (over: Partial<RecordInputDraft>): CatalyticRecord =>
  normalizeRecord(
    recordInputSchema.parse({
      catalystPrinted: 'X',
      catalyst: 'X',
      strategy: 'interface engineering',
      productPrinted: 'urea',
      products: ['urea'],
      nitrogenSources: ['nitrate'],
      carbonSources: ['CO2'],
      sourceCitation: 'lab',
      sourceLocation: 'run',
      ...over,
    }),
  );

describe('yield units that print the time twice (issue 15 item 11)', () => {
  it('reads "mmol h-1 g_cat h-1" as per hour per gram of catalyst, and nothing else', () => {
    expect(readDoubledTimeUnit('mmol h-1 g_cat h-1')).toBe('mmol h-1 g_cat-1');
    expect(readDoubledTimeUnit('g h-1 g_cat h-1')).toBe('g h-1 g_cat-1');
    expect(readDoubledTimeUnit('mmol h-1 g h-1')).toBe('mmol h-1 g-1');
    expect(readDoubledTimeUnit('mmol h-1 cm-2')).toBeNull();
    expect(readDoubledTimeUnit('mmol h-1 g_cat s-1')).toBeNull(); // two different times: no evident reading
  });

  it('Cu1-CeO2 (row 30): 52.84 mmol h-1 g_cat h-1 → 52.84e-3 / 3600 = 1.46778e-5 mol s-1 g-1, an assumed reading', () => {
    const r = get('cu1-ceo2-urea');
    expect(rate(r)).toMatchObject({ reading: 'assumed', unit: 'mmol h-1 g_cat-1', canonicalUnit: 'mol s-1 g_cat-1' });
    expect(rate(r).canonicalValue).toBeCloseTo(1.467778e-5, 10);
    expect(r.autoFlags.map((f) => f.code)).toContain('yield-unit-assumed-reading');
    expect(r.normalized.assumedReadings).toEqual([{ field: 'yield', reason: expect.stringMatching(/time twice; read as "mmol h-1 g_cat-1"/) }]);
  });

  it('Fe flow cell (row 18): 59.5 g h-1 g_cat h-1 of cyclohexanone oxime (C6H11NO, 113.160 g/mol) → 1.46057e-4 mol s-1 g-1', () => {
    // 59.5 / 113.160 = 0.5258042 mol h-1 g-1; / 3600 = 1.460567e-4
    const r = get('fe-cyclohexanone-oxime');
    expect(rate(r).reading).toBe('assumed');
    expect(rate(r).canonicalValue).toBeCloseTo(1.460567e-4, 9);
  });

  it("a curator's corrected reading wins over the assumed one (Pd/Cu-VCu row 2: the text's 385 mmol h-1 g_cat-1)", () => {
    // the row's yield is left out as the same measurement as pd-cu-vcu-dmf-text; without that flag it reads as corrected
    const row = readLiteratureRecords().find((d) => d.id === 'pd-cu-vcu-dmf')!;
    const unlinked = normalizeRecord(recordInputSchema.parse({ ...row, flags: row.flags!.filter((f) => f.code !== 'same-measurement') }));
    expect(rate(unlinked)).toMatchObject({ reading: 'corrected', fromCorrectedReading: true, value: 385 });
    expect(unlinked.normalized.assumedReadings).toEqual([]);
    expect(unlinked.normalized.readings.yield).toBe('corrected');
  });
});

describe('plausibility check (issue 16 item 6)', () => {
  it('NS-CNS text yield 199 mmol h-1 cm-2 at FE 79.5 % needs ≥ 13.4 A cm-2: flagged', () => {
    // rate = 0.199 / 3600 / 1e-4 = 0.552778 mol s-1 m-2; fewest electrons: pyruvic acid + NH3 → alanine, n = 2
    // j = 0.552778 · 2 · F / 0.795 = 134 176 A m-2 = 13.42 A cm-2 (bound 2 A cm-2)
    const r = get('ns-cns-alanine-text');
    expect(r.normalized.plausibility).toMatchObject({ electrons: 2, electronsBasis: 'minimum' });
    expect(r.normalized.plausibility!.impliedCurrentDensityAPerM2).toBeCloseTo(((0.199 / 3600 / 1e-4) * 2 * F) / 0.795, 3);
    expect(r.normalized.plausibility!.impliedCurrentDensityAPerM2! / 1e4).toBeCloseTo(13.42, 2);
    expect(r.autoFlags.find((f) => f.code === 'implausible-yield-rate')?.reason).toMatch(/needs ≥ 13\.4 A cm-2/);
  });

  it("the table's 1199 μmol h-1 cm-2 implies a plausible 80.8 mA cm-2: not flagged", () => {
    // 1.199e-3 / 3600 / 1e-4 = 3.330556e-3 mol s-1 m-2; · 2 · F / 0.795 = 808.4 A m-2
    const r = get('ns-cns-alanine-table');
    expect(r.normalized.plausibility!.impliedCurrentDensityAPerM2).toBeCloseTo(808.43, 1);
    expect(r.normalized.plausibility!.impliedCurrentDensityAPerM2!).toBeLessThan(PLAUSIBLE_MAX_CURRENT_DENSITY_A_PER_M2);
    expect(codes(r)).not.toContain('implausible-yield-rate');
  });

  it('implied FE where yield and current are both printed: Ag-50 83.6 % (printed 83.8 %); a user record at 4290 % is flagged', () => {
    // Ag-50: 0.78e-3 / 3600 / 1e-4 = 2.166667e-3 mol s-1 m-2 · 4 · F / 1000 A m-2 = 0.836206
    expect(get('ag-50-cyclohexanone-oxime').normalized.plausibility!.impliedFaradaicEfficiency).toBeCloseTo(0.836206, 5);
    // 1 mmol h-1 cm-2 of urea (n = 16) at 10 mA cm-2: 2.777778e-3 · 16 · F / 100 = 42.88 (4288 %); the current it
    // needs at FE 100 % is 4288 A m-2 = 0.43 A cm-2, under the 2 A cm-2 bound
    const r = user({ yieldPrinted: '1 mmol h-1 cm-2', conditionPrinted: '10 mA cm-2' });
    expect(r.normalized.plausibility!.impliedFaradaicEfficiency).toBeCloseTo(((1e-3 / 3600 / 1e-4) * 16 * F) / 100, 6);
    expect(r.normalized.plausibility!.impliedCurrentDensityAPerM2).toBeCloseTo((1e-3 / 3600 / 1e-4) * 16 * F, 4);
    expect(r.autoFlags.map((f) => f.code)).toContain('implausible-implied-fe');
    expect(r.autoFlags.map((f) => f.code)).not.toContain('implausible-yield-rate');
    // 10 mmol h-1 cm-2 needs 42 877 A m-2 at FE 100 %: beyond the bound
    expect(user({ yieldPrinted: '10 mmol h-1 cm-2' }).autoFlags.map((f) => f.code)).toContain('implausible-yield-rate');
  });

  it('checks nothing it cannot: a yield per catalyst mass has no implied current', () => {
    expect(get('cupc-amino-urea').normalized.plausibility).toBeNull();
  });
});

describe('values a flag declares to be something else (issue 16 item 7)', () => {
  it("LC-Cu NC's 95 % (FE of NO2− → NH3) is left out of the arylamine record and kept as an ammonia record", () => {
    const r = get('lc-cu-nc-arylamines');
    expect(r.faradaicEfficiencyPrinted).toBe('95%');
    expect(r.normalized.faradaicEfficiency).toBeNull();
    expect(r.normalized.excluded).toEqual([{ field: 'faradaicEfficiency', printed: '95%', flagCode: 'fe-refers-to-intermediate' }]);
    const nh3 = get('lc-cu-nc-ammonia-text');
    expect(nh3.products).toEqual(['ammonia']);
    expect(nh3.normalized.faradaicEfficiency?.value).toBe(0.95);
    expect(nh3.normalized.electrons).toBe(6); // NO2− (N +3) → NH3 (N −3)
  });

  it("ReMn-NC's NH3 yield and ZnMn-NC's selectivity are not a urea yield or selectivity; NS-CNS's >75 % is not a conversion", () => {
    const remn = get('remn-nc-urea-table');
    expect([remn.normalized.yield, remn.normalized.selectivity]).toEqual([null, null]);
    expect(remn.normalized.excluded.map((e) => e.field).sort()).toEqual(['selectivity', 'yield']);
    const ns = get('ns-cns-alanine-table');
    expect(ns.normalized.conversion).toBeNull();
    expect(ns.normalized.selectivity).toEqual({ value: 0.999, relation: '>' });
    expect(get('ns-cns-alanine-pla-text').normalized.selectivity).toEqual({ value: 0.75, relation: '>' }); // re-assigned
  });

  it('no normalized value is left that a curator flag excludes', () => {
    for (const r of records.values()) {
      for (const field of r.flags.flatMap((f) => f.excludes ?? [])) expect(r.normalized[field], `${r.id}.${field}`).toBeNull();
    }
  });
});

describe('flag rules (issue 16 item 8)', () => {
  it('row 18 (Fe, ref. 78): FE "~100%" flagged and left out (the text and title speak of yield)', () => {
    const r = get('fe-cyclohexanone-oxime');
    expect(r.flags.find((f) => f.code === 'fe-not-in-text')?.reason).toMatch(/nearly 100% yield/);
    expect(r.normalized.faradaicEfficiency).toBeNull();
  });

  it('every potential converted with an estimated pH carries ph-assumed; Cu-S: −0.9 + 0.197 + 0.0591597·7 = −0.28888 V', () => {
    for (const r of records.values()) {
      const converted = r.normalized.potentialVvsRHE !== null && r.normalized.condition?.kind === 'potential' && !/RHE/.test(r.normalized.condition.scale);
      expect(codes(r).includes('ph-assumed'), r.id).toBe(converted && r.normalized.pH?.method === 'estimated');
    }
    expect(get('cu-s-cyclohexanone-oxime').normalized.potentialVvsRHE).toBeCloseTo(-0.9 + 0.197 + 0.0591597 * 7, 5);
    expect(codes(get('hea-pdcuagbiinene-oxime'))).toContain('ph-assumed');
    // a pH the user gives is not assumed
    expect(user({ electrolytePrinted: '0.5 M PBS', pH: 7.2, conditionPrinted: '-0.9 V vs. Ag/AgCl sat. KCl' }).autoFlags.map((f) => f.code)).not.toContain(
      'ph-assumed',
    );
  });

  it('ZnMn-N,Cl under CO2 with "KHCO3" of no printed concentration gets no pH, not the unpurged 8.34', () => {
    expect(get('znmn-n-cl-urea').normalized.pH).toBeNull();
    expect(get('znmn-n-cl-urea').normalized.potentialVvsRHE).toBe(-0.3); // printed vs RHE, needs no pH
  });

  it('one rule for renamed catalysts: a record is flagged catalyst-renamed exactly when its name differs from the printed one', () => {
    const compact = (s: string) => cleanPrinted(s).replace(/\s+/g, '');
    for (const r of records.values()) {
      expect(codes(r).filter((c) => c === 'catalyst-renamed').length, r.id).toBe(compact(r.catalystPrinted) === compact(r.catalyst) ? 0 : 1);
      expect(codes(r), r.id).not.toContain('name-garbled');
    }
    expect(user({ catalystPrinted: 'Cu <sub>2</sub> O', catalyst: 'Cu2O' }).autoFlags.map((f) => f.code)).not.toContain('catalyst-renamed');
    expect(user({ catalystPrinted: 'Cu-X', catalyst: 'Cu-500' }).autoFlags.find((f) => f.code === 'catalyst-renamed')?.reason).toBe(
      'printed "Cu-X", named "Cu-500" here',
    );
  });
});

describe('text results (issue 16 item 9)', () => {
  it('Pd/Cu-VCu at −0.6 V vs RHE with FE 37.5 % (so it has a place in FE vs potential)', () => {
    const r = get('pd-cu-vcu-dmf-text');
    expect([r.normalized.potentialVvsRHE, r.normalized.faradaicEfficiency?.value]).toEqual([-0.6, 0.375]);
    expect(rate(r).canonicalValue).toBeCloseTo(0.385 / 3600, 12);
  });

  it('adFe-TiOx/Ti: glycine yield 80.2 %, conversion "close to 100%" → ~1', () => {
    const r = get('adfe-tiox-ti-glycine-text');
    expect(r.normalized.yield).toEqual({ kind: 'percent', fraction: { value: 0.802, relation: '=' }, reading: 'printed' });
    expect(r.normalized.conversion).toEqual({ value: 1, relation: '~' });
  });

  it('comparisons are derived and marked so: Cu30In70-C 13.1/13, CuPc 103.1/2.6, the static LC-Cu NC control 72 %/8', () => {
    const cuin = get('cu30in70-c-urea-text');
    // 13.1 / 13 = 1.007692 mmol g-1 h-1 → 1.007692e-3 / 3600 = 2.799145e-7 mol s-1 g-1
    expect(rate(cuin)).toMatchObject({ reading: 'derived', relation: '~' });
    expect(rate(cuin).canonicalValue).toBeCloseTo(2.799145e-7, 12);
    expect(cuin.comparison?.printed).toBe('about 13 times higher than that of the positively charged Cu30In70-C surface');
    // 103.1 / 2.6 = 39.65385 mmol h-1 g-1 → 1.101496e-5 mol s-1 g-1
    expect(rate(get('cupc-urea-text')).canonicalValue).toBeCloseTo(1.101496e-5, 10);
    expect(get('lc-cu-nc-arylamines-static-text').normalized.yield).toEqual({ kind: 'percent', fraction: { value: 0.09, relation: '=' }, reading: 'derived' });
    for (const id of ['cu30in70-c-urea-text', 'cupc-urea-text', 'lc-cu-nc-arylamines-static-text']) {
      expect(codes(get(id)), id).toContain('derived-from-comparison');
      expect(get(id).normalized.assumedReadings.map((a) => a.field)).toEqual(['yield']);
      expect(get(id).yieldPrinted).toBe('—'); // nothing printed is invented
    }
  });

  it('OD-Cu PEM: yield "exceeding 90.0%", isolated 99.9 %; uncertainty kept on yields (CuPc-amino 103.1 ± 5.3 mmol h-1 g-1)', () => {
    expect(get('od-cu-phenol-oxime-pem-yield-text').normalized.yield).toEqual({ kind: 'percent', fraction: { value: 0.9, relation: '>' }, reading: 'printed' });
    // the isolated yield is not the reaction yield: kept printed, flagged, left out (audit D4)
    expect(get('od-cu-phenol-oxime-isolated-text').normalized.yield).toBeNull();
    expect(get('od-cu-phenol-oxime-isolated-text').normalized.excluded).toEqual([{ field: 'yield', printed: '99.9%', flagCode: 'isolated-yield' }]);
    // 5.3e-3 / 3600 = 1.472222e-6 mol s-1 g-1
    expect(rate(get('cupc-amino-urea')).canonicalUncertainty).toBeCloseTo(1.472222e-6, 12);
    expect(rate(get('remn-nc-ammonia-text')).canonicalUncertainty).toBeUndefined(); // the text prints no ±
  });
});

describe('printed electrolytes the parser cannot fully read (no silent guess)', () => {
  it('flags a concentration with a comma that may group thousands, and reads an unambiguous decimal comma', () => {
    const ambiguous = user({ electrolytePrinted: '1,500 M KOH', conditionPrinted: '−0.5 V vs. RHE' });
    expect(ambiguous.normalized.electrolyte).toEqual([{ name: '1,500MKOH', concentrationM: null }]);
    expect(ambiguous.autoFlags.find((f) => f.code === 'unreadable-electrolyte')?.reason).toMatch(/"1,500MKOH"/);
    const comma = user({ electrolytePrinted: '0,1 M KOH', conditionPrinted: '−0.5 V vs. RHE' });
    expect(comma.normalized.electrolyte).toEqual([{ name: 'KOH', concentrationM: 0.1 }]);
    expect(codes(comma)).not.toContain('unreadable-electrolyte');
  });
});

describe('KOH with a CO2 feed: the pH follows the cell type', () => {
  const koh = (cellType: RecordInputDraft['cellType']) =>
    user({ electrolytePrinted: '0.1 M KOH', conditionPrinted: '−1.0 V vs. Ag/AgCl sat. KCl', ...(cellType ? { cellType } : {}) });
  it('H-cell: CO2-equilibrated bulk, pH 6.82 (was 13); not stated: the same default, flagged; flow cell: 13', () => {
    const h = koh('H-cell');
    expect(h.normalized.pH?.value).toBe(6.82);
    expect(codes(h)).not.toContain('cell-type-assumed');
    const unknown = koh(undefined);
    expect(unknown.normalized.pH?.value).toBe(6.82);
    expect(unknown.normalized.pH?.co2Bulk?.assumed).toBe(true);
    expect(unknown.autoFlags.find((f) => f.code === 'cell-type-assumed')?.reason).toMatch(/^pH 6\.82 estimated for a bulk equilibrated with the CO2 feed/);
    const flow = koh('flow cell');
    expect(flow.normalized.pH?.value).toBe(13);
    expect(codes(flow)).not.toContain('cell-type-assumed');
    // the RHE conversion follows: E_RHE = E_AgCl + 0.197 + 0.05916·pH (the pH step moves it by 0.05916 × 6.18 = 0.366 V)
    expect(flow.normalized.potentialVvsRHE! - h.normalized.potentialVvsRHE!).toBeCloseTo(0.0591597 * (13 - 6.82), 4);
  });
});

describe('user records use the same rules', () => {
  it('a flag with excludes, a comparison and a source sentence survive CSV export and import, and normalize the same', () => {
    const input = recordInputSchema.parse({
      catalystPrinted: 'Cu-ref',
      catalyst: 'Cu-ref',
      strategy: 'interface engineering',
      productPrinted: 'urea',
      products: ['urea'],
      nitrogenSources: ['nitrate'],
      carbonSources: ['CO2'],
      faradaicEfficiencyPrinted: '88%',
      sourceCitation: 'lab',
      sourceLocation: 'run 3',
      sourceQuote: 'the control gave a yield 4 times lower than Cu-best (2.0 mmol h-1 g-1).',
      comparison: {
        quantity: 'yield',
        baselineId: 'cu-best-urea',
        baselinePrinted: '2.0 mmol h-1 g-1',
        times: 4,
        direction: 'lower',
        printed: '4 times lower than Cu-best',
      },
      flags: [{ code: 'fe-of-nh3', reason: 'the 88 % is the FE of NH3', excludes: ['faradaicEfficiency'] }],
    });
    const [back] = parseRecordCsv(recordsToCsv([input])).map((r) => recordInputSchema.parse(r.data));
    expect(back).toEqual(input);
    const r = normalizeRecord(back!);
    expect(r.normalized.faradaicEfficiency).toBeNull();
    expect(r.normalized.excluded).toEqual([{ field: 'faradaicEfficiency', printed: '88%', flagCode: 'fe-of-nh3' }]);
    // 2.0 / 4 = 0.5 mmol h-1 g-1 = 0.5e-3 / 3600 = 1.388889e-7 mol s-1 g-1
    expect(rate(r)).toMatchObject({ reading: 'derived', relation: '=' });
    expect(rate(r).canonicalValue).toBeCloseTo(1.388889e-7, 12);
  });
});

describe('N source chosen among several printed (n-source-assumed)', () => {
  it('B-FeNi-DASC (row 28, "50 mM KNO3/KNO2"): flagged, nitrate n = 16 used, nitrite would give 12', () => {
    // CO2 + 2 NO3- → urea: 2 × (N +5 → −3) = 16 e-; with nitrite 2 × (N +3 → −3) = 12 e- (C stays +4)
    const r = get('b-feni-dasc-urea');
    expect(r.normalized.electrons).toBe(16);
    expect(r.autoFlags.find((f) => f.code === 'n-source-assumed')?.reason).toBe(
      'the electrolyte prints nitrate and nitrite as N sources; nitrate is used (n = 16); nitrite would give n = 12',
    );
  });
  it('no flag when the one printed N source is used, or when both printed are used; none for nitrobenzene-like organics', () => {
    expect(codes(user({ electrolytePrinted: '0.1 M KHCO3 + 50 mM KNO3', conditionPrinted: '−0.5 V vs. RHE' }))).not.toContain('n-source-assumed');
    expect(
      codes(user({ electrolytePrinted: '0.1 M KHCO3 + 50 mM KNO3 + 50 mM KNO2', conditionPrinted: '−0.5 V vs. RHE', nitrogenSources: ['nitrate', 'nitrite'] })),
    ).not.toContain('n-source-assumed');
    expect(codes(user({ electrolytePrinted: '0.1 M KOH + 10 mM C6H5NO2 + 50 mM KNO3', conditionPrinted: '−0.5 V vs. RHE' }))).not.toContain('n-source-assumed');
  });
  it('a metal nitrate whose symbol starts with C (Cu, Co, Cd) is an N source, not carbon', () => {
    // the carbon test skipped C followed by l, a, e, r or s only, so "Cu(NO3)2" read as an organic: no flag
    expect(printedNitrogenSources(parsePrintedElectrolyte('0.1 M K2SO4 + 50 mM Cu(NO3)2 + 50 mM Co(NO2)2 + 1 mM Cd(NO3)2'))).toEqual(['nitrate', 'nitrite']);
    expect(printedNitrogenSources(parsePrintedElectrolyte('0.1 M KHCO3 + 10 mM CH3NO2 + 0.1 M CsNO3'))).toEqual(['nitrate']);
  });
  it('an ammonium carbonate or bicarbonate is an N source (ammonia), not an organic', () => {
    // the carbon test read the C of the (bi)carbonate group as an organic: ammonia over "0.5 M NH4HCO3" was flagged n-source-from-text
    expect(printedNitrogenSources(parsePrintedElectrolyte('0.5 M NH4HCO3 + 0.1 M KNO3'))).toEqual(['ammonia', 'nitrate']);
    expect(printedNitrogenSources(parsePrintedElectrolyte('0.1 M (NH4)2CO3'))).toEqual(['ammonia']);
    expect(codes(user({ electrolytePrinted: '0.5 M NH4HCO3', conditionPrinted: '−0.5 V vs. RHE', nitrogenSources: ['ammonia'] }))).not.toContain(
      'n-source-from-text',
    );
    expect(printedNitrogenSources(parsePrintedElectrolyte('0.1 M KHCO3 + 0.1 M K2CO3 + 10 mM CH3COONH4'))).toEqual([]);
    const r = user({ electrolytePrinted: '0.1 M KHCO3 + 50 mM Cu(NO3)2 + 50 mM KNO2', conditionPrinted: '−0.5 V vs. RHE', nitrogenSources: ['nitrite'] });
    expect(r.autoFlags.find((f) => f.code === 'n-source-assumed')?.reason).toBe(
      'the electrolyte prints nitrate and nitrite as N sources; nitrite is used (n = 12); nitrate would give n = 16',
    );
  });
  it('a user record with nitrite and ammonium printed and nitrite used is flagged with both counts', () => {
    const r = user({ electrolytePrinted: '0.5 M K2SO4 + 0.1 M KNO2 + 0.1 M NH4Cl', conditionPrinted: '−0.5 V vs. RHE', nitrogenSources: ['nitrite'] });
    // urea from CO2 + NH3 is not a redox half-reaction (C +4, N −3 throughout): 0 e-
    expect(r.autoFlags.find((f) => f.code === 'n-source-assumed')?.reason).toBe(
      'the electrolyte prints nitrite and ammonia as N sources; nitrite is used (n = 12); ammonia would give n = 0 (no reduction)',
    );
  });
});

describe('N source not in the printed electrolyte (n-source-from-text)', () => {
  // the review's text gives each of these N sources (quoted in the record's notes); the table prints no salt of it
  const FROM_TEXT = [
    'al-nfm-pyridine-aldoxime-table', // Section 3.2: "in situ reduction of NO2− to NH2OH*"; 0.1 M KOH
    'bdd-formamide', // Section 3.3: "converting methanol and ammonia into formamide"; 0.5 M NaHCO3
    'cu-bi-c-cf-glycine', // Section 3.4: "glycine from nitrate and glyoxylate"; 0.1 M HCl
    'cu97in3-c-urea', // Section 3.1: "using CO2 and NO3− reactants"; 0.1 M KHCO3
    'e-od-cu-hmta', // Section 3.1: "C–N coupling between nitrate and formaldehyde"; 0.1 M KOH + 0.5 M K2SO4
    'lc-cu-nc-arylamines', // Section 3.5: "reduce NO2− to NH3 with 95% FE"; 0.25 M PBS + MeOH
    'pt-formamide', // Section 3.3: "attacked by ammonia"; 0.5 M NaHCO3/0.25 M H2SO4
  ];
  it('exactly the seven literature records whose salt-type N source the printed electrolyte lacks, each with a note saying where', () => {
    const flagged = [...records.values()].filter((r) => r.autoFlags.some((f) => f.code === 'n-source-from-text'));
    expect(flagged.map((r) => r.id).sort()).toEqual(FROM_TEXT);
    for (const r of flagged) expect(r.notes, r.id).toMatch(/Section 3\.\d/);
    expect(get('cu97in3-c-urea').autoFlags.find((f) => f.code === 'n-source-from-text')?.reason).toBe(
      'the printed electrolyte "0.1 M KHCO3" has no component that supplies nitrate; the N source nitrate is taken from the text, not from the printed electrolyte (the notes say where)',
    );
    // the N source is kept: urea from CO2 + 2 NO3- still counts 16 e-
    expect(get('cu97in3-c-urea').normalized.electrons).toBe(16);
  });
  it('none when the salt is printed, when no electrolyte is printed, or for a gas N source; a user record without notes says so', () => {
    expect(codes(user({ electrolytePrinted: '0.1 M KHCO3 + 50 mM KNO3', conditionPrinted: '−0.5 V vs. RHE' }))).not.toContain('n-source-from-text');
    expect(codes(user({ electrolytePrinted: '', conditionPrinted: '−0.5 V vs. RHE' }))).not.toContain('n-source-from-text');
    expect(codes(user({ electrolytePrinted: '0.1 M KOH', conditionPrinted: '−0.5 V vs. RHE', nitrogenSources: ['nitric-oxide'] }))).not.toContain(
      'n-source-from-text',
    );
    const bare = user({ electrolytePrinted: '0.5 M K2SO4', conditionPrinted: '−0.5 V vs. RHE', nitrogenSources: ['nitrite'] });
    expect(bare.autoFlags.find((f) => f.code === 'n-source-from-text')?.reason).toBe(
      'the printed electrolyte "0.5 M K2SO4" has no component that supplies nitrite; the N source nitrite is taken from the text, not from the printed electrolyte (no note says where)',
    );
  });
});

describe('od-cu-phenol-oxime (row 19): the hydroxylammonium sulfate enters the pH estimate', () => {
  it('0.5 M KHCO3 + 10 mM (NH3OH)2SO4, closed: pH 7.71 (was 8.34, the bicarbonate alone); the potential is printed vs RHE, so it does not move', () => {
    // independent: scripts/independent/hydroxylammoniumBicarbonatePH.py → 7.711356
    const r = get('od-cu-phenol-oxime');
    expect(r.normalized.pH).toMatchObject({ value: 7.71, method: 'estimated' });
    expect(r.normalized.potentialVvsRHE).toBeCloseTo(-0.9, 12);
  });
});
