import { describe, expect, it } from 'vitest';
import { type CatalyticRecord, normalizeRecord } from '../../src/data/normalizeRecord.js';
import { recordInputSchema } from '../../src/data/recordSchema.js';
import { type ModelCurvePoint, measurementPoints, modelVsMeasurementSpec, overlayPotentialsVvsRHE } from '../../src/plot/modelVsMeasurementSpec.js';

// A small fixture: made-up records (not literature values) in the shape users enter them.
const base = { origin: 'user', strategy: 'defect engineering', sourceCitation: 'fixture', sourceLocation: 'test' } as const;
const record = (o: Record<string, unknown>): CatalyticRecord => normalizeRecord(recordInputSchema.parse({ ...base, ...o }));
const ureaA = record({
  id: 'urea-a',
  catalystPrinted: 'Cat-A',
  catalyst: 'Cat-A',
  productPrinted: 'Urea',
  products: ['urea'],
  conditionPrinted: '−0.7 V vs. RHE',
  faradaicEfficiencyPrinted: '12.2%',
});
const ureaB = record({
  id: 'urea-b',
  catalystPrinted: 'Cat-B',
  catalyst: 'Cat-B',
  productPrinted: 'Urea',
  products: ['urea'],
  conditionPrinted: '−1.1 V vs. RHE',
  faradaicEfficiencyPrinted: '20.0 ± 1.5%',
});
const noFe = record({
  id: 'urea-no-fe',
  catalystPrinted: 'Cat-C',
  catalyst: 'Cat-C',
  productPrinted: 'Urea',
  products: ['urea'],
  conditionPrinted: '−1.6 V vs. RHE',
});
const noE = record({
  id: 'urea-galvanostatic',
  catalystPrinted: 'Cat-D',
  catalyst: 'Cat-D',
  productPrinted: 'Urea',
  products: ['urea'],
  conditionPrinted: '20 mA cm−2',
  faradaicEfficiencyPrinted: '30%',
});
const alanine = record({
  id: 'alanine-x',
  catalystPrinted: 'Cat-E',
  catalyst: 'Cat-E',
  productPrinted: 'Alanine',
  products: ['alanine'],
  conditionPrinted: '−0.5 V vs. RHE',
  faradaicEfficiencyPrinted: '50%',
});

const curve: ModelCurvePoint[] = [
  { potentialVvsRHE: -1.0, converged: true, faradaicEfficiency: { urea: 0.5, NH3: 0.3, H2: 0.2 } },
  { potentialVvsRHE: -0.8, converged: false, faradaicEfficiency: { urea: 0.9, NH3: 0.05, H2: 0.05 } },
  { potentialVvsRHE: -0.6, converged: true, faradaicEfficiency: { urea: 0.7, NH3: null, H2: 0.3 } },
];

type Layer = { name: string; data: { values: Record<string, unknown>[] } };
const layers = (spec: object) => (spec as { layer: Layer[] }).layer;
const layer = (spec: object, name: string) => layers(spec).find((l) => l.name === name)!.data.values;

describe('modelVsMeasurementSpec', () => {
  const spec = modelVsMeasurementSpec('urea-test', curve, [ureaA, ureaB, noFe, noE, alanine]);

  it('puts each record at its printed potential and FE in %', () => {
    const pts = layer(spec, 'record_points');
    expect(pts.map((p) => p.id)).toEqual(['urea-a', 'urea-b']);
    expect(pts[0]!.potentialVvsRHE).toBeCloseTo(-0.7, 12);
    expect(pts[0]!.faradaicEfficiencyPercent).toBeCloseTo(12.2, 9);
    expect(pts[1]!.potentialVvsRHE).toBeCloseTo(-1.1, 12);
    expect(pts[1]!.faradaicEfficiencyPercent).toBeCloseTo(20.0, 9);
    expect(pts.every((p) => p.reading === 'printed' && p.product === 'urea')).toBe(true);
  });

  it('draws an error bar only where a ± is printed (20.0 ± 1.5 % → 18.5 … 21.5 %)', () => {
    const bars = layer(spec, 'record_error_bars');
    expect(bars).toHaveLength(1);
    expect(bars[0]!.id).toBe('urea-b');
    expect(bars[0]!.feLow).toBeCloseTo(18.5, 9);
    expect(bars[0]!.feHigh).toBeCloseTo(21.5, 9);
  });

  it("draws the model's line for the records' product only, leaving out non-converged potentials", () => {
    const line = layer(spec, 'model_curve');
    expect(line.map((p) => [p.product, p.potentialVvsRHE, p.faradaicEfficiencyPercent])).toEqual([
      ['urea', -1.0, 50],
      ['urea', -0.6, 70],
    ]);
  });

  it('names the model and the catalysts, and says why records are left out', () => {
    const title = (spec as { title: { text: string; subtitle: string[] } }).title;
    expect(title.text).toBe('Model urea-test vs measurement: Cat-A, Cat-B, Cat-C, Cat-D, Cat-E');
    const sub = title.subtitle.join('\n');
    expect(sub).toContain('2 of 3 potentials converged');
    expect(sub).toContain('urea-no-fe (no FE)');
    expect(sub).toContain('urea-galvanostatic (no potential vs RHE)');
    expect(sub).toContain('alanine-x (product alanine not in the model)');
  });

  it('colours one product per colour, shared by line and points', () => {
    for (const l of layers(spec))
      expect((l as unknown as { encoding: { color: { scale: { domain: string[] } } } }).encoding.color.scale.domain).toEqual(['urea']);
    const all = modelVsMeasurementSpec('m', curve, [], { products: ['urea', 'H2'] });
    expect(
      layer(all, 'model_curve')
        .filter((p) => p.product === 'H2')
        .map((p) => p.faradaicEfficiencyPercent),
    ).toEqual([20, 30]);
  });

  it('with no records draws every model product (NH3 null at −0.6 V is left out, not 0)', () => {
    const none = modelVsMeasurementSpec('m', curve, []);
    const nh3 = layer(none, 'model_curve').filter((p) => p.product === 'NH3');
    expect(nh3.map((p) => p.potentialVvsRHE)).toEqual([-1.0]);
    expect(layer(none, 'record_points')).toEqual([]);
  });

  it('marks a point whose potential rests on an assumed pH as assumed', () => {
    // −0.9 V vs Ag/AgCl (sat. KCl, +0.197 V) in "0.5 M PBS" (pH 7 assumed, +7 × 0.05916 V): −0.289 V vs RHE
    const pbs = record({
      id: 'oxime-pbs',
      catalystPrinted: 'Cat-F',
      catalyst: 'Cat-F',
      productPrinted: 'Oxime',
      products: ['cyclohexanone-oxime'],
      electrolytePrinted: '0.5 M PBS',
      conditionPrinted: '−0.9 V vs. Ag/AgCl',
      referenceElectrode: 'Ag/AgCl sat. KCl',
      faradaicEfficiencyPrinted: '26%',
    });
    const { points } = measurementPoints([pbs], ['Cyclohexanone-oxime']);
    expect(points[0]!.reading).toBe('assumed');
    expect(points[0]!.product).toBe('Cyclohexanone-oxime');
    expect(points[0]!.potentialVvsRHE).toBeCloseTo(-0.289, 2);
    expect(points[0]!.faradaicEfficiencyPercent).toBeCloseTo(26, 9);
  });

  it('measurementPoints leaves FE uncertainty NaN where none is printed', () => {
    const { points } = measurementPoints([ureaA], ['urea']);
    expect(Number.isNaN(points[0]!.uncertaintyPercent)).toBe(true);
  });
});

describe('overlayPotentialsVvsRHE', () => {
  it('spans the records with an FE ± 0.2 V in 0.05 V steps', () => {
    // records at −1.1 and −0.7 V (with FE): −1.3 … −0.5 V, 17 points
    const es = overlayPotentialsVvsRHE([ureaA, ureaB, noFe]);
    expect(es).toHaveLength(17);
    expect(es[0]).toBeCloseTo(-1.3, 9);
    expect(es.at(-1)).toBeCloseTo(-0.5, 9);
    expect(es[1]! - es[0]!).toBeCloseTo(0.05, 9);
  });
  it('falls back to records without FE, then to the given centre, then to nothing', () => {
    expect(overlayPotentialsVvsRHE([noFe], { marginV: 0.1, stepV: 0.1 })).toEqual([-1.7, -1.6, -1.5]);
    expect(overlayPotentialsVvsRHE([noE], { marginV: 0.1, stepV: 0.1, fallbackVvsRHE: -0.3 })).toEqual([-0.4, -0.3, -0.2]);
    expect(overlayPotentialsVvsRHE([noE])).toEqual([]);
  });
  it('widens the step to keep within maxPoints', () => {
    const es = overlayPotentialsVvsRHE([ureaA], { marginV: 1, stepV: 0.001, maxPoints: 5 });
    expect(es).toHaveLength(5);
    expect(es[4]! - es[0]!).toBeCloseTo(2, 9);
  });
  it('rejects a non-positive step', () => {
    expect(() => overlayPotentialsVvsRHE([ureaA], { stepV: 0 })).toThrow(RangeError);
  });
});
