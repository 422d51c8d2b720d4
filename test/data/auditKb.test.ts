/**
 * The knowledge-base audit's points D1–D7 (/work/notes/kb-audit.md): baselines of a product without C–N
 * coupling, assumed and derived readings shown distinctly, implausible rates out of sorts and plots, the
 * OD-Cu isolated yield, measurements printed twice, and ± through derived yields. Expected numbers are worked
 * by hand beside each assertion (from the review's printed values).
 */
import { describe, expect, it } from 'vitest';
import { type CatalyticRecord, isCnCouplingProduct, normalizeRecord } from '../../src/data/normalizeRecord.js';
import { recordInputSchema } from '../../src/data/recordSchema.js';
import { feVsPotentialSpec, yieldByStrategySpec } from '../../src/plot/literatureSpecs.js';
import { readLiteratureRecords } from '../../src/store/literature.js';

const inputs = readLiteratureRecords();
const records = inputs.map((d) => normalizeRecord(recordInputSchema.parse(d)));
const get = (id: string): CatalyticRecord =>
  records.find((r) => r.id === id) ??
  (() => {
    throw new Error(`no record ${id}`);
  })();
type Point = { id: string; reading: string; yieldRate?: number; faradaicEfficiencyPercent?: number; product: string };
const points = (spec: object) => (spec as { data: { values: Point[] } }).data.values;
/** The compared number of a normalized field: a fraction's value, a rate's canonical value (readings may differ). */
const valueOf = (v: unknown): number | null => {
  if (v === null || typeof v !== 'object') return (v as number | null) ?? null;
  const o = v as { value?: number; canonicalValue?: number; kind?: string; fraction?: { value: number } };
  return o.kind === 'rate' ? o.canonicalValue! : o.kind === 'percent' ? o.fraction!.value : o.value!;
};
const subtitle = (spec: object) => (spec as { title: { subtitle: string } }).title.subtitle;

describe('D1: products without C–N coupling are baselines', () => {
  it('classifies by the first product formula: NH3 and N2 are not C–N products, urea, DMF and a generic "arylamine" are', () => {
    expect(isCnCouplingProduct(['ammonia'])).toBe(false);
    expect(isCnCouplingProduct(['dinitrogen'])).toBe(false);
    expect(isCnCouplingProduct(['urea'])).toBe(true);
    expect(isCnCouplingProduct(['dmf'])).toBe(true);
    expect(isCnCouplingProduct([])).toBe(true);
    expect(
      records
        .filter((r) => !r.normalized.cnCoupling)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['lc-cu-nc-ammonia-text', 'remn-nc-ammonia-text']);
  });

  it('plots leave them out and say so; a list of only that product plots them', () => {
    const fe = feVsPotentialSpec(records);
    expect(points(fe).some((p) => p.id === 'lc-cu-nc-ammonia-text')).toBe(false);
    const mass = yieldByStrategySpec(records, 'catalyst-mass');
    // ReMn-NC: 48.9 mg g-1 h-1 NH3 / 17.031 g mol-1 = 2.871 mmol h-1 g-1 was drawn among the urea yields
    expect(points(mass).some((p) => p.id === 'remn-nc-ammonia-text')).toBe(false);
    expect(subtitle(mass)).toMatch(/2 records of a product without C–N coupling \(NH3 …\) not plotted/);
    const onlyNh3 = yieldByStrategySpec([get('remn-nc-ammonia-text')], 'catalyst-mass');
    expect(points(onlyNh3).map((p) => p.yieldRate)).toEqual([Number((48.9 / 17.031).toPrecision(6))]);
  });
});

describe('D2: assumed and derived readings are distinct in the data and the plots', () => {
  it('normalized.readings names how each value was obtained', () => {
    expect(get('cu1-ceo2-urea').normalized.readings.yield).toBe('assumed'); // "mmol h−1 gcat h−1", doubled time
    expect(get('cupc-urea-text').normalized.readings.yield).toBe('derived'); // 103.1 / 2.6
    expect(get('cu-s-cyclohexanone-oxime').normalized.readings.potentialVvsRHE).toBe('assumed'); // PBS pH 7 estimated
    expect(get('pd-cu-vcu-dmf-text').normalized.readings).toEqual({
      faradaicEfficiency: 'printed',
      selectivity: null,
      conversion: null,
      yield: 'printed',
      potentialVvsRHE: 'printed',
    });
  });

  it('the plot data carry the reading, encoded by shape and opacity with a legend', () => {
    const mass = yieldByStrategySpec(records, 'catalyst-mass');
    const byId = new Map(points(mass).map((p) => [p.id, p]));
    expect(byId.get('cu1-ceo2-urea')?.reading).toBe('assumed');
    expect(byId.get('fe-cyclohexanone-oxime')?.reading).toBe('assumed');
    expect(byId.get('cupc-urea-text')?.reading).toBe('derived');
    expect(byId.get('cu30in70-c-urea-text')?.reading).toBe('derived');
    expect(byId.get('cupc-amino-urea')?.reading).toBe('printed');
    const layer = (mass as unknown as { layer: { encoding: Record<string, { field: string; title: string; scale: { domain: string[] } }> }[] }).layer[0]!;
    expect(layer.encoding.shape).toMatchObject({ field: 'reading', title: 'Reading', scale: { domain: ['printed', 'assumed', 'derived'] } });
    expect(layer.encoding.opacity).toMatchObject({ field: 'reading', title: 'Reading' });
    const fe = feVsPotentialSpec(records);
    const cuS = points(fe).find((p) => p.id === 'cu-s-cyclohexanone-oxime');
    expect(cuS?.reading).toBe('assumed');
    expect((fe as unknown as { encoding: Record<string, { field: string }> }).encoding.opacity!.field).toBe('reading');
  });
});

describe('D3: an implausible yield rate is kept printed and flagged, but left out of the normalized yield', () => {
  it('NS-CNS text 199 mmol h-1 cm-2 (≥ 13.4 A cm-2) is out of the area plot; the table 1199 μmol h-1 cm-2 (80.8 mA cm-2) is in', () => {
    const text = get('ns-cns-alanine-text');
    expect(text.yieldPrinted).toBe('199 mmol h-1 cm-2');
    expect(text.normalized.yield).toBeNull();
    expect(text.normalized.excluded).toEqual([{ field: 'yield', printed: '199 mmol h-1 cm-2', flagCode: 'implausible-yield-rate' }]);
    expect(text.autoFlags.map((f) => f.code)).toContain('implausible-yield-rate');
    const area = points(yieldByStrategySpec(records, 'area'));
    expect(area.some((p) => p.id === 'ns-cns-alanine-text')).toBe(false);
    // 1199 μmol h-1 cm-2 = 1.199 mmol h-1 cm-2, now the largest area point
    expect(Math.max(...area.map((p) => p.yieldRate!))).toBeCloseTo(1.199, 6);
  });

  it("the table row's flag says what the check shows", () => {
    const reason = get('ns-cns-alanine-table').flags.find((f) => f.code === 'table-text-disagree')!.reason;
    expect(reason).toMatch(/table value plausible \(80\.8 mA cm−2\) and the text value not \(≥ 13\.4 A cm−2\)/);
    expect(reason).not.toMatch(/neither confirmed/);
  });
});

describe('D4: the OD-Cu isolated yield', () => {
  it('is kept printed, flagged isolated-yield and out of the yield; no condition its sentence does not give', () => {
    const r = get('od-cu-phenol-oxime-isolated-text');
    expect(r.sourceQuote).toMatch(/isolated yield of 99\.9%/);
    expect(r.yieldPrinted).toBe('99.9%');
    expect(r.normalized.yield).toBeNull();
    expect(r.conditionPrinted).toBe('');
    expect(r.cellType).toBe('not stated');
    // the 50 mA cm-2 and the PEM flow cell sit on the record of the sentence that prints them
    const pem = get('od-cu-phenol-oxime-pem-yield-text');
    expect(pem.sourceQuote).toMatch(/^Using a PEM flow cell at \$50 \\text\{ mA/);
    expect(pem.normalized.currentDensityAPerM2).toBe(500); // 50 mA cm-2 = 500 A m-2
    expect(pem.cellType).toBe('PEM flow cell');
  });
});

describe('D5: a measurement printed twice is counted once', () => {
  it('every sameMeasurementAs names an existing record that holds each value left out, equal', () => {
    const linked = records.filter((r) => r.sameMeasurementAs !== undefined);
    expect(linked.map((r) => [r.id, r.sameMeasurementAs]).sort()).toEqual([
      ['od-cu-phenol-oxime-pem-yield-text', 'od-cu-phenol-oxime-pem-text'],
      ['pd-cu-vcu-dmf', 'pd-cu-vcu-dmf-text'],
    ]);
    for (const r of linked) {
      const other = get(r.sameMeasurementAs!);
      const left = r.normalized.excluded.filter((e) => e.flagCode === 'same-measurement');
      expect(left.length, r.id).toBeGreaterThan(0);
      for (const e of left) {
        const original = normalizeRecord(recordInputSchema.parse({ ...inputs.find((d) => d.id === r.id)!, flags: [] })).normalized[e.field];
        expect(valueOf(other.normalized[e.field]), `${r.id}.${e.field}`).toEqual(valueOf(original));
        expect(valueOf(original), `${r.id}.${e.field}`).not.toBeNull();
      }
    }
  });

  it('Pd/Cu-VCu at 385 mmol h-1 g-1 is plotted once', () => {
    // 385 mmol h-1 g_cat-1 → 385e-3 / 3600 mol s-1 g-1 → × 3.6e6 = 385 in the plot's unit
    const at385 = points(yieldByStrategySpec(records, 'catalyst-mass')).filter((p) => p.yieldRate === 385);
    expect(at385.map((p) => p.id)).toEqual(['pd-cu-vcu-dmf-text']);
  });
});

describe('D6 (audit D7): ± is carried through a derived yield', () => {
  it('CuPc: (103.1 ± 5.3) / 2.6 = 39.654 ± 2.038 mmol h-1 g-1', () => {
    const y = get('cupc-urea-text').normalized.yield;
    if (y?.kind !== 'rate') throw new Error('no rate');
    expect(y.value).toBeCloseTo(103.1 / 2.6, 9);
    // 5.3 / 2.6 = 2.0384615 mmol h-1 g-1 = 2.0384615e-3 / 3600 = 5.662393e-7 mol s-1 g-1
    expect(y.canonicalUncertainty).toBeCloseTo(5.3e-3 / 2.6 / 3600, 15);
    expect(y.canonicalUncertainty! * 3.6e6).toBeCloseTo(2.04, 2);
    // Cu30In70-C's baseline "13.1 mmol g-1 h-1" prints no ±: none derived
    const cuin = get('cu30in70-c-urea-text').normalized.yield;
    expect(cuin?.kind === 'rate' && cuin.canonicalUncertainty).toBe(undefined);
  });
});

describe('D2: a potential resting on an assumed reference filling is marked assumed', () => {
  it('a user record at a given pH, printed "vs. Ag/AgCl" with the filling assumed: reading assumed; with the filling printed: printed', () => {
    const base = {
      catalystPrinted: 'X',
      catalyst: 'X',
      strategy: 'interface engineering',
      productPrinted: 'urea',
      products: ['urea'],
      nitrogenSources: ['nitrate'],
      carbonSources: ['CO2'],
      sourceCitation: 'lab',
      sourceLocation: 'run',
      pH: 7,
      faradaicEfficiencyPrinted: '20%',
    };
    const assumed = normalizeRecord(recordInputSchema.parse({ ...base, conditionPrinted: '-0.9 V vs. Ag/AgCl', referenceElectrode: 'Ag/AgCl sat. KCl' }));
    const printed = normalizeRecord(recordInputSchema.parse({ ...base, conditionPrinted: '-0.9 V vs. Ag/AgCl sat. KCl' }));
    // −0.9 + 0.197 + 0.0591593 · 7 = −0.28888 V vs RHE either way
    expect(assumed.normalized.potentialVvsRHE).toBeCloseTo(-0.28888, 4);
    expect(printed.normalized.potentialVvsRHE).toBeCloseTo(-0.28888, 4);
    expect(assumed.normalized.readings.potentialVvsRHE).toBe('assumed');
    expect(printed.normalized.readings.potentialVvsRHE).toBe('printed');
    expect(points(feVsPotentialSpec([assumed, printed])).map((p) => p.reading)).toEqual(['assumed', 'printed']);
  });
});
