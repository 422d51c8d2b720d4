/**
 * Findings of the independent number audit (/work/notes/audit.md) on the curated literature: each expected
 * value is worked by hand from the review's text (doi:10.1039/d5qi01426c, /work/shared/seed) beside the assertion.
 */
import { describe, expect, it } from 'vitest';
import { type CatalyticRecord, normalizeRecord } from '../../src/data/normalizeRecord.js';
import { recordInputSchema } from '../../src/data/recordSchema.js';
import { readLiteratureRecords } from '../../src/store/literature.js';

const records = readLiteratureRecords().map((d) => normalizeRecord(recordInputSchema.parse(d)));
const get = (id: string): CatalyticRecord =>
  records.find((r) => r.id === id) ??
  (() => {
    throw new Error(`no record ${id}`);
  })();

describe('N sources the review names only as "NOx" stay empty', () => {
  // Section 3.3 (ref. 59, Fe-based): "electrosynthesis of oximes from NOx and aldehyde substrates"; Section 3.2
  // (ref. 106, MgO-SCM): "conversion of NOx and 4-cyanobenzaldehyde"; neither printed electrolyte contains an N source.
  // Nitrate was assigned, which gave benzaldoxime n = 6 (4 from nitrite, 3 from NO): an electron count with no source.
  it('Fe-based benzaldoxime (Table 1 row 20 and its flow-cell text record) has no N source and no electron count', () => {
    for (const id of ['fe-based-benzaldoxime', 'fe-based-oxime-flow-text']) {
      const r = get(id);
      expect(r.nitrogenSources, id).toEqual([]);
      expect(r.normalized.electrons, id).toBeNull();
      expect(r.normalized.equation, id).toBeNull();
      expect(r.notes, id).toMatch(/NOx/);
    }
  });

  it('the yield that needs no electron count is unchanged: 22.8 g h-1 g_cat-1 / 121.139 g mol-1 (C7H7NO) / 3600 s h-1', () => {
    const y = get('fe-based-oxime-flow-text').normalized.yield;
    expect(y?.kind).toBe('rate');
    if (y?.kind !== 'rate') return;
    expect(y.canonicalUnit).toBe('mol s-1 g_cat-1');
    expect(y.canonicalValue).toBeCloseTo(22.8 / 121.139 / 3600, 12); // 5.2282e-5
  });

  it('MgO-SCM 4-CBOE (Table 1 row 13) has no N source', () => {
    expect(get('mgo-scm-4-cboe').nitrogenSources).toEqual([]);
    expect(get('mgo-scm-4-cboe').notes).toMatch(/NOx/);
  });
});
