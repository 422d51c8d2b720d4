import { describe, expect, it } from 'vitest';
import { modelFileSchema } from '../../src/kinetics/parser/modelSchema.js';
import { builtinModelNames, listBuiltinModels, loadModel } from '../../src/store/builtinModels.js';
import { readLiteratureRecords } from '../../src/store/literature.js';

const records = readLiteratureRecords() as { id: string; products: string[] }[];
const byId = new Map(records.map((r) => [r.id, r]));

describe('built-in models: comparesTo', () => {
  it('every built-in model names records that exist and measure a product the model makes', () => {
    const models = listBuiltinModels();
    expect(models.map((m) => m.name)).toEqual(builtinModelNames());
    for (const m of models) {
      expect(m.comparesToRecords.length, m.name).toBeGreaterThan(0);
      const compiled = loadModel({ name: m.name });
      const products = compiled.productIndices.map((i) => compiled.species[i]!.toLowerCase());
      for (const id of m.comparesToRecords) {
        const r = byId.get(id);
        expect(r, `${m.name}: record ${id}`).toBeDefined();
        expect(
          r!.products.some((p) => products.includes(p.toLowerCase())),
          `${m.name}: ${id} ${r!.products.join(',')}`,
        ).toBe(true);
      }
    }
  });
  it('the urea-cu4-ceo2 records are those of refs. 94 and 102', () => {
    expect(listBuiltinModels().find((m) => m.name === 'urea-cu4-ceo2')!.comparesToRecords).toEqual([
      'cu1-ceo2-urea',
      'vo-ceo2-750-urea-text',
      'vo-ceo2-750-urea-table',
    ]);
  });
});

describe('modelFileSchema: comparesTo', () => {
  const minimal = {
    name: 'm',
    units: { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' },
    species: {},
    adsorbates: {},
    steps: [{ id: 'a', equation: 'A* -> B*' }],
  };
  it('is optional and keeps the ids', () => {
    expect(modelFileSchema.parse(minimal).comparesTo).toBeUndefined();
    expect(modelFileSchema.parse({ ...minimal, comparesTo: { records: ['od-ag-alanine'] } }).comparesTo).toEqual({ records: ['od-ag-alanine'] });
  });
  it('rejects bad ids, repeats and an empty list, naming the field', () => {
    for (const records of [['Bad Id'], ['a', 'a'], []]) {
      const r = modelFileSchema.safeParse({ ...minimal, comparesTo: { records } });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path.slice(0, 2)).toEqual(['comparesTo', 'records']);
    }
  });
});
