import { describe, expect, it } from 'vitest';
import { modelFileSchema } from '../../src/kinetics/parser/modelSchema.js';
import { builtinModelNames, listBuiltinModels, loadModel } from '../../src/store/builtinModels.js';
import { readLiteratureRecords } from '../../src/store/literature.js';
import { canonicalSpeciesId } from '../../src/data/canonicalSpecies.js';

const records = readLiteratureRecords() as { id: string; products: string[]; nitrogenSources: string[] }[];
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
  it("a model whose reactants include none of a compared record's N sources says so in comparesTo.deviations", () => {
    const missing: string[] = [];
    for (const name of builtinModelNames()) {
      const file = loadModel({ name }).file;
      const reactants = new Set(
        Object.entries(file.species)
          .filter(([, s]) => !s.product)
          .map(([label, s]) => canonicalSpeciesId(s.formula ?? label)),
      );
      const stated = new Set((file.comparesTo?.deviations ?? []).map((d) => d.record));
      for (const id of file.comparesTo?.records ?? []) {
        const n = byId.get(id)!.nitrogenSources;
        if (n.length > 0 && !n.some((s) => reactants.has(s)) && !stated.has(id)) missing.push(`${name}: ${id} (${n.join(', ')})`);
      }
    }
    expect(missing).toEqual([]);
    // the amino-acid template reduces NO3- (ref. 79) while OD-Ag (ref. 47, seed Section 3.2) made alanine from NO
    const amino = loadModel({ name: 'amino-acid-oxime' }).file.comparesTo!;
    expect(amino.deviations).toEqual([{ record: 'od-ag-alanine', what: expect.stringMatching(/NO3- .*ref\. 47 .*NO /) }]);
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
