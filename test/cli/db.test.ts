import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli as run } from '../support/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...argv: string[]) => run(...argv, '--data-dir', path.join(dir, 'db'));

describe('cncouple db and plot', () => {
  it('lists with filters, as a table and as JSON', async () => {
    const text = await cli('db', 'list', '--product', 'urea', '--sort', 'fe');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^id\s+catalyst\s+product/);
    expect(text.out).toContain('13 of 13 records');
    const json = JSON.parse((await cli('db', 'list', '--strategy', 'dual-site synergy', '--min-fe', '50', '--json')).out);
    expect(json.records.map((r: { id: string }) => r.id).sort()).toEqual(['cu-bi-c-cf-glycine', 'znmn-n-cl-urea']);
  });

  it('shows printed and normalized values with the source', async () => {
    const r = await cli('db', 'show', 'ag-50-cyclohexanone-oxime');
    expect(r.out).toContain('0.78 mmol h <sup>−1</sup> cm <sup>−2</sup>');
    expect(r.out).toContain('→ 0.7800 mmol h-1 cm-2');
    expect(r.out).toContain('= 1000 A m-2');
    expect(r.out).toMatch(/ref\. 44: F\. Zhang/);
    expect((await cli('db', 'show', 'nope')).err).toBe('error: no record with id "nope"\n');
  });

  it('lists flags and consistency checks', async () => {
    const flags = JSON.parse((await cli('db', 'flags', '--json')).out);
    expect(flags).toHaveLength(37); // 33 + B-FeNi-DASC's n-source-assumed (KNO3/KNO2 printed, nitrate used) + n-source-from-text on rows 3, 22, 25
    expect((await cli('db', 'flags')).out).toContain(
      '  n-source-assumed: the electrolyte prints nitrate and nitrite as N sources; nitrate is used (n = 16); nitrite would give n = 12',
    );
    const check = await cli('db', 'check');
    expect(check.out).toMatch(/INCONSISTENT\s+pt-formamide\s+n = -4, implied n = 4\.93/);
    expect(check.out).toContain('3 records checkable');
  });

  it('imports all-or-nothing and exports CSV that re-imports', async () => {
    const good = {
      catalystPrinted: 'X1',
      catalyst: 'X1',
      strategy: 'dual-site synergy',
      productPrinted: 'urea',
      products: ['urea'],
      sourceCitation: 'lab',
      sourceLocation: 'run 1',
    };
    const file = path.join(dir, 'in.json');
    writeFileSync(file, JSON.stringify([good, { ...good, catalyst: 'X2', strategy: 'magic' }, { ...good, catalyst: 'X3', products: ['unobtainium'] }]));
    const bad = await cli('db', 'import', file);
    expect(bad.code).toBe(2);
    expect(bad.err.split('\n').slice(0, 3)).toEqual([
      'error: import refused, nothing written: 2 problem(s)',
      expect.stringMatching(/^ {2}line 2, strategy: /),
      expect.stringMatching(/^ {2}line 3, products\.0: a species registry id or name/),
    ]);
    expect(JSON.parse((await cli('db', 'list', '--origin', 'user', '--json')).out).total).toBe(0);
    writeFileSync(file, JSON.stringify([good, { ...good, catalyst: 'X2' }]));
    expect((await cli('db', 'import', file)).out).toBe('imported 2 records\n');
    const csvFile = path.join(dir, 'out.csv');
    expect((await cli('db', 'export', '--format', 'csv', '--origin', 'user', '--out', csvFile)).code).toBe(0);
    for (const id of ['x1-urea', 'x2-urea']) expect((await cli('db', 'delete', id)).code).toBe(0);
    expect((await cli('db', 'import', csvFile)).out).toBe('imported 2 records\n');
    expect((await cli('db', 'delete', 'cu-s-cyclohexanone-oxime')).err).toMatch(/read-only; fork it/);
  });

  it('backs up the embedded database to a file that opens as the same knowledge base', async () => {
    const copy = path.join(dir, 'copy', 'cncouple.sqlite'); // a data directory of its own
    const r = JSON.parse((await cli('db', 'backup', '--out', copy, '--json')).out);
    const total = JSON.parse((await cli('db', 'list', '--limit', '1', '--json')).out).total;
    expect(r).toEqual({ file: copy, records: total });
    expect(total).toBeGreaterThanOrEqual(38);
    const fromCopy = JSON.parse((await run('db', 'list', '--limit', '1000', '--json', '--data-dir', path.dirname(copy))).out);
    expect(fromCopy.total).toBe(total);
    const byDefault = await cli('db', 'backup');
    expect(byDefault.out).toMatch(
      new RegExp(`^wrote ${path.join(dir, 'db', 'backups')}/cncouple-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.sqlite \\(${total} records\\)\n$`),
    );
  });

  it('plots FE vs potential as SVG with labelled axes and a legend, and yields as PNG', async () => {
    const svg = path.join(dir, 'fe.svg');
    expect((await cli('plot', 'fe-vs-potential', '--out', svg)).code).toBe(0);
    const text = readFileSync(svg, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    for (const label of ['Potential (V vs RHE)', 'Faradaic efficiency (%)', 'Design strategy', 'dual-site synergy']) expect(text).toContain(label);
    expect((text.match(/<path[^>]*class="mark-symbol|role-mark.*?symbol/g) ?? []).length).toBeGreaterThan(0);
    const png = path.join(dir, 'y.png');
    expect((await cli('plot', 'yield-by-strategy', '--out', png)).code).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect((await cli('plot', 'fe-vs-potential', '--out', path.join(dir, 'x.pdf'))).err).toMatch(/--out: got "/);
  });
});
