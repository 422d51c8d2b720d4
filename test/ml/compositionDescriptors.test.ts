import { describe, expect, it } from 'vitest';
import {
  aggregateProperty,
  compositionDescriptors,
  type ElementProperties,
  imputeColumns,
  literatureFeatures,
  oneHot,
} from '../../src/ml/compositionDescriptors.js';
import { readElementTable } from '../../src/store/elementTable.js';

const table = readElementTable().bySymbol;

describe('element table (data/elements/elements.json)', () => {
  it('holds the source values as printed and the derived group, period and d count', () => {
    // values as printed in Mendeleev.jl eneg_data.jl / elements_data.jl (commit fb88a9c1)
    expect(table.get('Cu')).toMatchObject({
      atomicNumber: 29,
      period: 4,
      group: 11,
      dElectronCount: 10,
      paulingElectronegativity: 1.9,
      atomicRadiusPm: 135,
      electronConfiguration: '[Ar] 3d10 4s',
    });
    expect(table.get('Fe')).toMatchObject({ atomicNumber: 26, period: 4, group: 8, dElectronCount: 6, paulingElectronegativity: 1.83, atomicRadiusPm: 140 });
    expect(table.get('Pt')).toMatchObject({ period: 6, group: 10, dElectronCount: 9, paulingElectronegativity: 2.2 });
    expect(table.get('C')).toMatchObject({ period: 2, group: 14, dElectronCount: 0, paulingElectronegativity: 2.55, atomicRadiusPm: 70 });
    // Ce: f-block, no group number; one 5d electron ([Xe] 4f 5d 6s2)
    expect(table.get('Ce')).toMatchObject({ period: 6, group: null, dElectronCount: 1 });
    expect(table.get('Hf')).toMatchObject({ group: 4, period: 6 });
    expect(table.get('In')).toMatchObject({ group: 13, period: 5, dElectronCount: 10 });
  });
  it('records where the second source disagrees (Pt: 2.28 in periodic-table@0.0.8) and leaves absent values null', () => {
    const raw = table.get('Pt') as ElementProperties & { crossCheck: { paulingElectronegativity: number; disagreements: string[] } };
    expect(raw.crossCheck.paulingElectronegativity).toBe(2.28);
    expect(raw.crossCheck.disagreements).toHaveLength(1);
    expect(table.get('Eu')!.paulingElectronegativity).toBeNull();
    expect(table.get('He')!.paulingElectronegativity).toBeNull();
  });
});

describe('aggregateProperty', () => {
  it('aggregates a 2-element composition by hand (Cu0.75Pd0.25, Pauling EN 1.90 and 2.20)', () => {
    const a = aggregateProperty([1.9, 2.2], [0.75, 0.25]);
    expect(a.mean).toBeCloseTo(2.05, 12);
    expect(a.std).toBeCloseTo(0.15, 12); // population sd: |2.2 − 1.9| / 2
    expect(a.min).toBe(1.9);
    expect(a.max).toBe(2.2);
    expect(a.range).toBeCloseTo(0.3, 12);
    expect(a.weightedMean).toBeCloseTo(0.75 * 1.9 + 0.25 * 2.2, 12); // 1.975
    expect(a.weighted).toBe(true);
    // fractions on any scale (atom %): 75/25 is the same composition
    expect(aggregateProperty([1.9, 2.2], [75, 25]).weightedMean).toBeCloseTo(1.975, 12);
  });
  it('leaves elements without a value out and renormalizes the fractions; none at all gives NaN', () => {
    const a = aggregateProperty([11, null], [0.5, 0.5]);
    expect(a).toMatchObject({ mean: 11, std: 0, count: 1, weightedMean: 11 });
    expect(Number.isNaN(aggregateProperty([null]).mean)).toBe(true);
    expect(aggregateProperty([1, 3]).weightedMean).toBe(2);
    expect(aggregateProperty([1, 3]).weighted).toBe(false);
  });
  it('refuses fractions of the wrong length or sign', () => {
    expect(() => aggregateProperty([1, 2], [1])).toThrow(/fractions/);
    expect(() => aggregateProperty([1, 2], [1, -1])).toThrow(/fractions\[1\]/);
  });
});

describe('compositionDescriptors', () => {
  it('aggregates every property of a record from the table (Cu, Pd)', () => {
    const d = compositionDescriptors(['Cu', 'Pd'], table, { Cu: 3, Pd: 1 });
    expect(d.values['paulingElectronegativity.mean']).toBeCloseTo(2.05, 12);
    expect(d.values['paulingElectronegativity.weightedMean']).toBeCloseTo(1.975, 12);
    expect(d.values['atomicRadiusPm.mean']).toBeCloseTo((135 + 140) / 2, 12);
    expect(d.values['group.range']).toBe(1); // 11 and 10
    expect(d.values['period.max']).toBe(5);
    expect(d.values['dElectronCount.std']).toBe(0); // Pd [Kr] 4d10, Cu [Ar] 3d10 4s
    expect(d.unknownElements).toEqual([]);
    expect(compositionDescriptors(['Cu', 'U'], table).unknownElements).toEqual(['U']);
  });
});

describe('oneHot', () => {
  it('one column per sorted level; list values multi-hot; no level all zeros', () => {
    const e = oneHot('nitrogenSource', [['nitrite'], ['nitrate', 'nitric-oxide'], [], ['nitrate']]);
    expect(e.columns).toEqual(['nitrogenSource=nitrate', 'nitrogenSource=nitric-oxide', 'nitrogenSource=nitrite']);
    expect(e.rows).toEqual([
      [0, 0, 1],
      [1, 1, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
  });
});

describe('literatureFeatures', () => {
  const rows = [
    { id: 'a', elements: ['Cu'], categorical: { strategy: ['x'] }, numeric: { pH: 7, potentialVvsRHE: -0.5 } },
    { id: 'b', elements: ['Fe', 'N', 'C'], categorical: { strategy: ['y'] }, numeric: { pH: 7, potentialVvsRHE: null } },
  ];
  it('drops constant columns, adds a missing indicator, one-hot encodes and skips weighted means without fractions', () => {
    const f = literatureFeatures(rows, table);
    expect(f.constantColumns).toContain('pH'); // 7 in both
    expect(f.columns).not.toContain('paulingElectronegativity.weightedMean');
    expect(f.columns).toContain('potentialVvsRHE missing');
    const j = f.columns.indexOf('strategy=y');
    expect(f.x.map((r) => r[j])).toEqual([0, 1]);
    expect(f.groups[j]).toBe('strategy');
    const en = f.columns.indexOf('paulingElectronegativity.mean');
    expect(f.x[1]![en]).toBeCloseTo((1.83 + 3.04 + 2.55) / 3, 12);
    const pot = f.columns.indexOf('potentialVvsRHE');
    expect(Number.isNaN(f.x[1]![pot])).toBe(true);
  });
  it('imputes a missing value with the mean of the training rows only', () => {
    const x = [
      [1, NaN],
      [3, 10],
      [5, 20],
    ];
    expect(imputeColumns(x, [0, 1])).toEqual([
      [1, 10],
      [3, 10],
      [5, 20],
    ]);
    expect(imputeColumns(x, [0, 1, 2])[0]).toEqual([1, 15]);
  });
});
