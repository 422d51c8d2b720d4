import { describe, expect, it } from 'vitest';
import { parseRecordCsv } from '../../src/data/recordCsv.js';
import { canonicalColumn, withSchemaColumns } from '../../src/data/recordCsvColumns.js';
import { recordInputSchema } from '../../src/data/recordSchema.js';

describe('record CSV with the web form’s column names', () => {
  it('maps the form’s labels and field names to the schema’s columns', () => {
    expect(canonicalColumn('Catalyst *')).toBe('catalyst');
    expect(canonicalColumn('Product (as you report it) *')).toBe('productPrinted');
    expect(canonicalColumn('N sources')).toBe('nitrogenSources');
    expect(canonicalColumn('c_sources')).toBe('carbonSources');
    expect(canonicalColumn('FE')).toBe('faradaicEfficiencyPrinted');
    expect(canonicalColumn('Source / citation *')).toBe('sourceCitation');
    expect(canonicalColumn('Where in the source *')).toBe('sourceLocation');
    expect(canonicalColumn('DOI')).toBe('sourceDoi');
    expect(canonicalColumn('faradaicEfficiencyPrinted')).toBe('faradaicEfficiencyPrinted');
    expect(canonicalColumn('unknownColumn')).toBe('unknownColumn');
  });

  it('fills the printed catalyst name from the one "Catalyst" column, as the form does', () => {
    expect(withSchemaColumns({ Catalyst: 'CuBi-2' })).toEqual({ catalyst: 'CuBi-2', catalystPrinted: 'CuBi-2' });
    expect(withSchemaColumns({ catalystPrinted: 'Cu<sub>1</sub>', catalyst: 'Cu1' })).toEqual({ catalystPrinted: 'Cu<sub>1</sub>', catalyst: 'Cu1' });
  });

  it('reads a CSV written with the form’s labels into valid records (lists separated by "," or ";")', () => {
    const csv = [
      'Catalyst,Strategy,Product,Product species,N sources,C sources,Electrolyte,Condition,FE,Source / citation,Where in the source,DOI',
      'CuBi-CSV,dual-site synergy,urea,urea,"NO3-, NO2-",CO2,0.1 M KHCO3 + 0.1 M KNO3,−0.5 V vs. RHE,41.2%,lab notebook 7,run 3,10.1000/xyz123',
    ].join('\n');
    const [row] = parseRecordCsv(csv);
    expect(row!.line).toBe(2);
    const record = recordInputSchema.parse(row!.data);
    expect(record).toMatchObject({
      catalyst: 'CuBi-CSV',
      catalystPrinted: 'CuBi-CSV',
      strategy: 'dual-site synergy',
      productPrinted: 'urea',
      products: ['urea'],
      nitrogenSources: ['nitrate', 'nitrite'], // canonical registry ids (every entry path canonicalizes)
      carbonSources: ['carbon-dioxide'],
      faradaicEfficiencyPrinted: '41.2%',
      sourceCitation: 'lab notebook 7',
      sourceLocation: 'run 3',
      sourceDoi: '10.1000/xyz123',
    });
  });
});

describe('record JSON with the web form’s field labels', () => {
  it('reads the same labels as keys of a JSON import', async () => {
    const { parseImportText } = await import('../../src/data/recordCsv.js');
    const [row] = parseImportText(
      'json',
      JSON.stringify([
        {
          Catalyst: 'CuJSON',
          Strategy: 'defect engineering',
          Product: 'urea',
          'N sources': ['NO3-'],
          'Source / citation': 'notebook',
          'Where in the source': 'run 2',
        },
      ]),
    );
    expect(recordInputSchema.parse(row!.data)).toMatchObject({
      catalyst: 'CuJSON',
      catalystPrinted: 'CuJSON',
      strategy: 'defect engineering',
      productPrinted: 'urea',
      nitrogenSources: ['nitrate'],
      sourceCitation: 'notebook',
      sourceLocation: 'run 2',
    });
  });

  it('reads number cells by the rule of every typed number: "0x7" and "7,0" stay text for validation to refuse (Number() read 0x7 as 7)', () => {
    const header = 'Catalyst,Strategy,Product,Product species,N sources,C sources,Source / citation,Where in the source,pH,electrodeAreaCm2';
    const row = (pH: string, area: string) => parseRecordCsv([header, `X,dual-site synergy,urea,urea,NO3-,CO2,lab,run,${pH},${area}`].join('\n'))[0]!.data;
    expect(row('7.0', '1 000')).toMatchObject({ pH: 7, electrodeAreaCm2: 1000 });
    expect(row('−0.5', '1e-1')).toMatchObject({ pH: -0.5, electrodeAreaCm2: 0.1 });
    expect(row('0x7', '2')).toMatchObject({ pH: '0x7', electrodeAreaCm2: 2 });
    expect(row('"7,0"', '2').pH).toBe('7,0');
    expect(recordInputSchema.safeParse(row('0x7', '2')).success).toBe(false);
  });
});
