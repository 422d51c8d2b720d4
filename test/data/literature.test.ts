import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordInputSchema } from '../../src/data/recordSchema.js';
import { readLiteratureRecords } from '../../src/store/literature.js';

const table = readFileSync(new URL('../../data/literature/review-table1.tsv', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => line.split('\t'));
const records = readLiteratureRecords().map((r) => recordInputSchema.parse(r));

describe('curated literature (data/literature/records.json)', () => {
  it('has every Table 1 row once, and 7 text-only results', () => {
    expect(table).toHaveLength(31);
    const rows = records.filter((r) => r.sourceLocation.startsWith('Table 1, row ')).map((r) => Number(r.sourceLocation.slice(13)));
    expect(rows.sort((a, b) => a - b)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(records.filter((r) => r.sourceLocation.includes('text'))).toHaveLength(7);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('keeps every printed cell of Table 1 verbatim, with the reference number as printed', () => {
    for (const r of records.filter((x) => x.sourceLocation.startsWith('Table 1'))) {
      const cells = table[Number(r.sourceLocation.slice(13)) - 1]!;
      expect([
        r.strategy,
        r.catalystPrinted,
        r.productPrinted,
        r.electrolytePrinted,
        r.conditionPrinted,
        r.selectivityPrinted,
        r.conversionPrinted,
        r.faradaicEfficiencyPrinted,
        r.yieldPrinted,
        String(r.sourceRef),
      ]).toEqual([cells[0]!.toLowerCase(), ...cells.slice(1)]);
    }
  });

  it('cites the review DOI and the original paper for every record', () => {
    for (const r of records) {
      expect(r.sourceDoi).toBe('10.1039/d5qi01426c');
      expect(r.sourceCitation).toMatch(/, \d{4}, /);
    }
    expect(records.find((r) => r.id === 'cu-s-cyclohexanone-oxime')?.sourceCitation).toMatch(/^Y\. Wu, J\. Zhao.*Nat\. Commun\.\*, 2023, \*\*14\*\*, 3057\.$/);
  });

  it('gives every flag a one-line reason', () => {
    const flagged = records.filter((r) => r.flags.length);
    expect(flagged.length).toBe(19);
    for (const f of flagged.flatMap((r) => r.flags)) expect(f.reason).not.toMatch(/\n/);
  });
});
