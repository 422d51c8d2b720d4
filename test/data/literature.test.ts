import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordInputSchema } from '../../src/data/recordSchema.js';
import { readLiteratureRecords } from '../../src/store/literature.js';

const table = readFileSync(new URL('../../data/literature/review-table1.tsv', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => line.split('\t'));
const records = readLiteratureRecords().map((r) => recordInputSchema.parse(r));

describe('curated literature (data/literature/records.json)', () => {
  it('has every Table 1 row once, and 16 text-only results', () => {
    expect(table).toHaveLength(31);
    const rows = records.filter((r) => r.sourceLocation.startsWith('Table 1, row ')).map((r) => Number(r.sourceLocation.slice(13)));
    expect(rows.sort((a, b) => a - b)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(records.filter((r) => r.sourceLocation.includes('text'))).toHaveLength(16);
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
    expect(flagged.length).toBe(29);
    for (const f of flagged.flatMap((r) => r.flags)) expect(f.reason).not.toMatch(/\n/);
  });
});

describe('text records carry their sentence', () => {
  const seed = new URL('../../../shared/seed/000_f17520db8f48e735.txt', import.meta.url);
  it('every text record quotes the sentence it was read from, verbatim in the review (white space folded), and each printed value is in it', () => {
    const text = records.filter((r) => r.sourceLocation.includes('text'));
    for (const r of text) expect(r.sourceQuote, r.id).toMatch(/\S/);
    // the values as the sentence prints them (relations in words, en dashes): a value not in its sentence is invented
    const folded = (s: string) =>
      s
        .replace(/<[^>]+>/g, '')
        .replace(/[–−]/g, '-')
        .replace(/\s+/g, ' ');
    for (const r of text) {
      for (const printed of [r.faradaicEfficiencyPrinted, r.selectivityPrinted, r.conversionPrinted, r.yieldPrinted]) {
        if (printed === '—') continue;
        const number = /\d+(\.\d+)?/.exec(printed)![0];
        expect(folded(r.sourceQuote!), `${r.id}: ${printed}`).toContain(number);
      }
    }
    if (!existsSync(seed)) return; // the review's text is beside the repository only on the curator's machine
    const review = readFileSync(seed, 'utf8').replace(/\s+/g, ' ');
    for (const r of text) expect(review.includes(r.sourceQuote!), r.id).toBe(true);
  });
});
