import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseRecordCsv, recordsToCsv } from '../../src/data/recordCsv.js';
import { type RecordInputDraft, recordInputSchema } from '../../src/data/recordSchema.js';
import { ImportError, NotFoundError, ReadOnlyError } from '../../src/store/errors.js';
import { readLiteratureRecords } from '../../src/store/literature.js';
import { RecordStore } from '../../src/store/RecordStore.js';
import { NORMALIZER_VERSION } from '../../src/data/normalizeRecord.js';
import { migrateToLatest } from '../../src/store/migrations.js';
import { type Kysely, sql } from 'kysely';

const literature = readLiteratureRecords();

/** A minimal valid user record. */
const userDraft = (over: Partial<RecordInputDraft> = {}): RecordInputDraft => ({
  catalystPrinted: 'Cu-MyLab-1',
  catalyst: 'Cu-MyLab-1',
  elements: ['Cu'],
  strategy: 'interface engineering',
  productPrinted: 'urea',
  products: ['urea'],
  nitrogenSources: ['nitrate'],
  carbonSources: ['carbon-dioxide'],
  electrolytePrinted: '0.1 M KHCO3 + 0.1 M KNO3',
  conditionPrinted: '-0.9 V vs. Ag/AgCl sat. KCl',
  faradaicEfficiencyPrinted: '20.5%',
  yieldPrinted: '12.3 mmol h-1 g_cat-1',
  sourceCitation: 'our notebook 7, p. 12',
  sourceLocation: 'run 2026-11-01',
  ...over,
});

async function resetPostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    'drop table if exists campaigns, api_tokens, record_species, record_documents, records, meta, kysely_migration, kysely_migration_lock cascade',
  );
  await client.end();
}

const targets: [string, () => Promise<RecordStore>][] = [
  [
    'SQLite (embedded)',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-test-'));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));
      return RecordStore.open({ dataDir: dir });
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const url = inject('pgUrl');
      await resetPostgres(url);
      return RecordStore.open({ url });
    },
  ],
];

describe.each(targets)('RecordStore on %s', (_name, open) => {
  let store: RecordStore;
  beforeAll(async () => {
    store = await open();
    expect(await store.seedLiterature(literature)).toBe(47);
  });
  afterAll(async () => store?.close());

  it('seeds 47 literature records once: all 31 Table 1 rows plus 16 text results', async () => {
    expect(await store.seedLiterature(literature)).toBe(0); // unchanged → no write
    const { total, records } = await store.list({ origin: 'literature', limit: 100 });
    expect(total).toBe(47);
    const rows = records
      .map((r) => r.sourceLocation)
      .filter((l) => l.startsWith('Table 1, row '))
      .map((l) => Number(l.slice(13)));
    expect(rows.sort((a, b) => a - b)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  it('pins Pd/Cu-VCu (Table 1 row 2) field by field', async () => {
    const r = await store.get('pd-cu-vcu-dmf');
    expect(r.catalystPrinted).toBe('Pd/Cu-V <sub>Cu</sub>');
    expect(r.yieldPrinted).toBe('385 mmol h <sup>−1</sup> g <sup>cat</sup> h <sup>−1</sup>');
    expect(r.sourceRef).toBe(99);
    expect(r.sourceCitation).toMatch(/^Y\. Fan, T\. Liu.*\*Chem\*, 2024, \*\*10\*\*, 2437–2449\.$/);
    // the same FE and yield as the Section 3.1 record (with its −0.6 V): counted once, there
    expect(r.sameMeasurementAs).toBe('pd-cu-vcu-dmf-text');
    expect(r.normalized.faradaicEfficiency).toBeNull();
    expect(r.normalized.yield).toBeNull();
    expect(r.normalized.excluded.map((e) => [e.field, e.printed, e.flagCode])).toEqual([
      ['faradaicEfficiency', '37.5%', 'same-measurement'],
      ['yield', '385 mmol h <sup>−1</sup> g <sup>cat</sup> h <sup>−1</sup>', 'same-measurement'],
    ]);
    const text = await store.get('pd-cu-vcu-dmf-text');
    expect(text.normalized.faradaicEfficiency).toEqual({ value: 0.375, relation: '=' });
    // 385 mmol h-1 g-1 = 0.385 / 3600 mol s-1 g-1
    expect(text.normalized.yield?.kind === 'rate' && text.normalized.yield.canonicalValue).toBeCloseTo(1.0694444e-4, 10);
    expect(r.normalized.currentDensityAPerM2).toBe(200); // 20 mA cm-2
    expect(r.normalized.electrons).toBe(2);
    expect(r.flags.map((f) => f.code)).toEqual(['same-measurement', 'unit-doubled-time', 'condition-disagrees-with-text']);
  });

  it('pins the potential conversion and flags of Cu-S (row 10)', async () => {
    const r = await store.get('cu-s-cyclohexanone-oxime');
    // −0.9 V vs Ag/AgCl (sat. KCl, assumed) at pH 7 (PBS, assumed): −0.9 + 0.197 + 0.05915935·7
    expect(r.normalized.potentialVvsRHE).toBeCloseTo(-0.2888846, 6);
    expect(r.normalized.pH).toMatchObject({ value: 7, method: 'estimated' });
    expect(r.autoFlags.map((f) => f.code)).toEqual(['reference-filling-assumed', 'ph-assumed']);
    expect(r.normalized.assumedReadings).toEqual([
      { field: 'potentialVvsRHE', reason: 'printed "vs. Ag/AgCl" without its filling; Ag/AgCl sat. KCl assumed' },
      { field: 'potentialVvsRHE', reason: expect.stringMatching(/estimated pH 7 \(phosphate buffer/) },
    ]);
    expect(r.normalized.yield).toEqual({ kind: 'percent', fraction: { value: 0.92, relation: '=' }, reading: 'printed' });
  });

  it('checks FE, current and yield: Ag-50 and BDD agree, Pt (row 23) disagrees with n = 4.93', async () => {
    const checks = await store.check();
    const byId = new Map(checks.map((c) => [c.id, c]));
    expect(byId.get('ag-50-cyclohexanone-oxime')).toMatchObject({ checked: true, electrons: 4 });
    expect(byId.get('ag-50-cyclohexanone-oxime')?.impliedElectrons).toBeCloseTo(4.01, 2);
    expect(byId.get('bdd-formamide')?.flag).toBeUndefined();
    expect(byId.get('pt-formamide')?.impliedElectrons).toBeCloseTo(4.93, 2);
    expect(byId.get('pt-formamide')?.flag?.code).toBe('inconsistent-fe-current-yield');
    // the 15 % tolerance has no literature source: the flag says it is a project choice
    expect(byId.get('pt-formamide')?.flag?.reason).toMatch(
      /0\.81× FE·j\/\(nF\) with n = 4, beyond the ±15 % tolerance \(a project choice, not a literature value\)/,
    );
    expect(
      checks
        .filter((c) => c.checked)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['ag-50-cyclohexanone-oxime', 'bdd-formamide', 'pt-formamide']);
  });

  it('normalizes the text-only ZnMn-NC urea rate: 36.7 mg g-1 h-1 → 1.69749e-7 mol s-1 g-1', async () => {
    const r = await store.get('znmn-nc-urea-text');
    expect(r.normalized.yield?.kind === 'rate' && r.normalized.yield.canonicalValue).toBeCloseTo(1.69749e-7, 12);
  });

  it('offers as filter choices the species the records name, each with the count its filter gives', async () => {
    const facets = await store.facets();
    expect(facets.products[0]).toEqual({ id: 'urea', name: 'urea', formula: 'CO(NH2)2', records: 13 });
    const nitrate = facets.nitrogenSources.find((f) => f.id === 'nitrate')!;
    expect(nitrate.formula).toBe('NO3-');
    for (const [role, list] of [
      ['product', facets.products],
      ['nSource', facets.nitrogenSources],
      ['cSource', facets.carbonSources],
    ] as const) {
      for (const f of list.slice(0, 4)) expect((await store.list({ [role]: f.name, limit: 1 })).total).toBe(f.records);
      expect(list.map((f) => f.records)).toEqual([...list.map((f) => f.records)].sort((a, b) => b - a));
    }
  });

  it('filters and sorts', async () => {
    const urea = await store.list({ product: 'urea', limit: 100 });
    // Table 1 rows 4, 5, 6, 7, 16, 27, 28, 29, 30 and the text results of ZnMn-NC, VO-CeO2-750, Cu30In70-C and CuPc
    expect(urea.total).toBe(13);
    expect(urea.records.every((r) => r.products.includes('urea'))).toBe(true);
    expect((await store.list({ strategy: 'dual-site synergy' })).total).toBe(6);
    const nitrate = await store.list({ nSource: 'NO3-', limit: 100 });
    expect(nitrate.records.every((r) => r.nitrogenSources.includes('nitrate'))).toBe(true);
    const fe50 = await store.list({ minFePercent: 50, sort: 'fe', limit: 100 });
    const fes = fe50.records.map((r) => r.normalized.faradaicEfficiency!.value);
    expect(fes.every((v) => v >= 0.5)).toBe(true);
    expect(fes).toEqual([...fes].sort((a, b) => b - a));
    // Fe's "~100%" (row 18) is left out by its fe-not-in-text flag; LC-Cu NC's NO2− → NH3 (95 %) is no C–N
    // result, so the top is Ag-50 (83.8 %) — unless the ammonia product is asked for
    expect(fe50.records[0]?.id).toBe('ag-50-cyclohexanone-oxime');
    expect(fes[0]).toBe(0.838);
    expect(fe50.records.some((r) => !r.normalized.cnCoupling)).toBe(false);
    expect((await store.list({ minFePercent: 90, product: 'ammonia' })).records.map((r) => r.id)).toEqual(['lc-cu-nc-ammonia-text']);
    const byFe = (await store.list({ sort: 'fe', limit: 100 })).records.map((r) => r.id);
    expect(byFe.slice(-2).sort()).toEqual(['lc-cu-nc-ammonia-text', 'remn-nc-ammonia-text']);
    expect(
      (await store.list({ sort: 'fe', order: 'asc', limit: 100 })).records
        .slice(-2)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['lc-cu-nc-ammonia-text', 'remn-nc-ammonia-text']);
    // pages across the boundary between the C–N results and the baselines: 47 records, 45 C–N; pages of 4 rebuild the one-shot order
    const paged: string[] = [];
    for (let offset = 0; offset < 47; offset += 4) {
      const p = await store.list({ sort: 'fe', limit: 4, offset });
      expect(p.total).toBe(47);
      paged.push(...p.records.map((r) => r.id));
    }
    expect(paged).toEqual(byFe);
    expect((await store.list({ sort: 'yield', limit: 3, offset: 44 })).records.map((r) => r.normalized.cnCoupling)).toEqual([true, false, false]);
    // an export (every page at once) keeps the same order
    expect((await store.exportInputs({ sort: 'fe' })).map((r) => r.id)).toEqual(byFe);
    const page = await store.list({ sort: 'catalyst', limit: 5, offset: 5 });
    expect(page.records).toHaveLength(5);
    expect(page.total).toBeGreaterThanOrEqual(38);
    expect((await store.list({ q: 'ceo2' })).records.map((r) => r.id).sort()).toEqual(['cu1-ceo2-urea', 'vo-ceo2-750-urea-table', 'vo-ceo2-750-urea-text']);
    await expect(store.list({ product: 'unobtainium' })).rejects.toThrow(/product: unknown species "unobtainium"/);
    await expect(store.list({ minFePercent: 150 })).rejects.toThrow(/^minFePercent: /);
  });

  it('lists the flagged records', async () => {
    const flags = await store.flags();
    // curator flags on rows 1, 2, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 17, 18, 19, 21, 24, 27, 30, 31 and nine text
    // records; automatic only on rows 10 (assumed Ag/AgCl filling, pH assumed), 23 (FE–current–yield
    // inconsistency), 28 (n-source-assumed: KNO3/KNO2, nitrate used), 3, 22 and 25 (n-source-from-text: the N
    // source is not in the printed electrolyte) and the Cu30In70-C and CuPc text records (yield derived from a
    // printed comparison)
    expect(flags.length).toBe(37);
    expect(flags.find((f) => f.id === 'cu-bi-c-cf-glycine')?.autoFlags.map((f) => f.code)).toEqual(['n-source-from-text']);
    expect(flags.find((f) => f.id === 'b-feni-dasc-urea')?.autoFlags.map((f) => f.code)).toEqual(['n-source-assumed']);
    expect(flags.find((f) => f.id === 'remn-nc-urea-table')?.flags[0]?.code).toBe('row-mixes-systems');
  });

  it('creates, updates and deletes user records; literature is read-only until forked', async () => {
    const created = await store.create(userDraft());
    expect(created.id).toBe('cu-mylab-1-urea');
    expect(created.origin).toBe('user');
    // −0.9 V vs Ag/AgCl sat. at pH 6.82 (CO2-saturated 0.1 M KHCO3)
    expect(created.normalized.potentialVvsRHE).toBeCloseTo(-0.9 + 0.197 + 0.05915935 * 6.82, 6);
    const updated = await store.update(created.id, userDraft({ faradaicEfficiencyPrinted: '25%' }));
    expect(updated.normalized.faradaicEfficiency?.value).toBe(0.25);
    await expect(store.create(userDraft())).rejects.toThrow(/already exists/);
    await expect(store.update('cu-s-cyclohexanone-oxime', userDraft())).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(store.delete('cu-s-cyclohexanone-oxime')).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(store.create(userDraft({ strategy: 'magic' as never, id: 'bad-one' }))).rejects.toThrow(/^strategy: /);
    const fork = await store.fork('cu-s-cyclohexanone-oxime');
    expect(fork).toMatchObject({ id: 'cu-s-cyclohexanone-oxime-fork', origin: 'user', forkedFrom: 'cu-s-cyclohexanone-oxime' });
    await store.update(fork.id, { ...(await store.getInput(fork.id)), faradaicEfficiencyPrinted: '30%' });
    expect((await store.get('cu-s-cyclohexanone-oxime')).faradaicEfficiencyPrinted).toBe('26%');
    await store.delete(fork.id);
    await store.delete(created.id);
    await expect(store.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('an import with one bad row imports nothing and reports every bad row with line and field', async () => {
    const before = (await store.list({ origin: 'user' })).total;
    const csv = recordsToCsv([
      recordInputSchema.parse(userDraft({ id: 'imp-1' })),
      recordInputSchema.parse(userDraft({ id: 'imp-2' })),
      recordInputSchema.parse(userDraft({ id: 'imp-3' })),
    ])
      .replace('imp-2,user,', 'imp-2,user,')
      .split('\n')
      .map((line, i) => (i === 2 ? line.replace('interface engineering', 'alchemy') : i === 3 ? line.replace(',Cu,', ',Xq,') : line))
      .join('\n');
    let error: unknown;
    try {
      await store.importRows(parseRecordCsv(csv));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    const problems = (error as ImportError).problems;
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'strategy'],
      [4, 'elements.0'],
    ]);
    expect((await store.list({ origin: 'user' })).total).toBe(before);
    // a clash with an existing id is reported too, and still nothing is written
    await expect(
      store.importRows([
        { line: 2, data: userDraft({ id: 'pd-cu-vcu-dmf' }) },
        { line: 3, data: userDraft({ id: 'ok-one' }) },
      ]),
    ).rejects.toThrow(/line 2, id: a record with id "pd-cu-vcu-dmf" already exists/);
    expect((await store.list({ origin: 'user' })).total).toBe(before);
  });

  it('an import racing a create of the same id refuses with its id list, never a raw database error', async () => {
    const [imported, created] = await Promise.allSettled([
      store.importRows([{ line: 2, data: userDraft({ id: 'race-id' }) }]),
      store.create(userDraft({ id: 'race-id' })),
    ]);
    expect([imported.status, created.status].sort()).toEqual(['fulfilled', 'rejected']);
    if (imported.status === 'rejected') expect(imported.reason).toBeInstanceOf(ImportError);
    if (created.status === 'rejected') expect((created.reason as Error).message).toMatch(/already exists/);
    await store.delete('race-id');
  });

  it('exports round-trip exactly through CSV and JSON', async () => {
    const ids = await store.importRows([
      {
        line: 2,
        data: userDraft({ id: 'rt-1', notes: 'comma, "quotes" and\nnewline', pH: 6.8, flags: [{ code: 'my-flag', reason: 'a | pipe; and semicolon' }] }),
      },
      { line: 3, data: userDraft({ id: 'rt-2', electrodeAreaCm2: 0.25, conditionPrinted: '13 mA', yieldPrinted: '115.4 μmol h−1' }) },
    ]);
    expect(ids).toEqual(['rt-1', 'rt-2']);
    const exported = await store.exportInputs({ origin: 'user' });
    const csv = recordsToCsv(exported);
    const back = parseRecordCsv(csv).map((r) => recordInputSchema.parse(r.data));
    expect(back).toEqual(exported);
    expect(JSON.parse(JSON.stringify(exported)).map((d: unknown) => recordInputSchema.parse(d))).toEqual(exported);
    const literatureCsv = recordsToCsv(await store.exportInputs({ origin: 'literature' }));
    expect(parseRecordCsv(literatureCsv).map((r) => recordInputSchema.parse(r.data))).toEqual(await store.exportInputs({ origin: 'literature' }));
    const rt2 = await store.get('rt-2');
    expect(rt2.normalized.currentDensityAPerM2).toBeCloseTo(520, 9); // 13 mA / 0.25 cm²
    await store.delete('rt-1');
    await store.delete('rt-2');
  });

  it('keeps API tokens hashed (verify, revoke) and the owner of each record (issue 14)', async () => {
    const { token } = await store.tokens.create('owner-test', 'write');
    expect(await store.tokens.verify(token)).toEqual({ name: 'owner-test', scope: 'write' });
    expect(await store.tokens.verify(token + 'x')).toBeUndefined();
    await store.create(userDraft({ id: 'owned-1' }), { name: 'owner-test', scope: 'write' });
    expect(await store.ownerOf('owned-1')).toBe('owner-test');
    await expect(store.delete('owned-1', { name: 'someone-else', scope: 'write' })).rejects.toThrow(/belongs to token "owner-test"/);
    await store.delete('owned-1', { name: 'someone-else', scope: 'admin' });
    await store.tokens.revoke('owner-test');
    expect(await store.tokens.verify(token)).toBeUndefined();
  });

  it('searches catalyst names with % and _ taken literally (issue 14)', async () => {
    await store.create(userDraft({ id: 'like-1', catalyst: 'Cu_Zn 5%', catalystPrinted: 'Cu_Zn 5%' }));
    await store.create(userDraft({ id: 'like-2', catalyst: 'CuXZn 50', catalystPrinted: 'CuXZn 50' }));
    const ids = async (q: string) => (await store.list({ q, origin: 'user' })).records.map((r) => r.id).filter((id) => id.startsWith('like-'));
    expect(await ids('u_z')).toEqual(['like-1']); // "_" would match the X of like-2 as a wildcard
    expect(await ids('5%')).toEqual(['like-1']); // "%" would match "50"
    expect(await ids('cu')).toEqual(['like-1', 'like-2']);
    await store.delete('like-1');
    await store.delete('like-2');
  });
});

describe.each(targets)('schema migration on %s', (name, open) => {
  it('moves the documents of a version-1 database out of the records table, keeping every record', async () => {
    const first = await open(); // a fresh database at the newest version: take it back to version 1
    expect(first.migrationBackup).toBeUndefined(); // a new database has nothing to keep
    const db = first.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await first.seedLiterature(literature);
    await first.create(userDraft({ id: 'mine-1' }));
    const before = (await first.list({ limit: 1000 })).records;
    expect(await migrateToLatest(db as Kysely<unknown>, '0001-records')).toEqual([
      '0006-campaigns',
      '0005-api-tokens',
      '0004-list-indexes',
      '0003-record-species',
      '0002-record-documents',
    ]);
    const sqlite = name.startsWith('SQLite');
    const columns = async (table: string, on = db) =>
      sqlite
        ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(on)).rows.map((r) => r.name)
        : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = ${table}`.execute(on)).rows.map(
            (r) => r.name,
          );
    expect(await columns('records')).toContain('record_json');
    expect(await columns('record_documents')).toEqual([]);
    await first.close();
    // opening it upgrades it again; the embedded database is copied first
    const store = await RecordStore.open(sqlite ? { dataDir: path.dirname(first.location) } : { url: inject('pgUrl') });
    const upgraded = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    expect(await columns('records', upgraded)).not.toContain('record_json');
    if (sqlite) {
      expect(store.migrationBackup).toMatch(/backups\/cncouple-before-0002-record-documents-.*\.sqlite$/);
      const copy = new Database(store.migrationBackup!, { readonly: true });
      expect(copy.prepare('select count(*) as n from records where record_json is not null').get()).toEqual({ n: literature.length + 1 });
      copy.close();
    } else {
      expect(store.migrationBackup).toBeUndefined(); // PostgreSQL is backed up with its own tools
      await expect(store.backup('/tmp/never.sqlite')).rejects.toThrow(/pg_dump/);
    }
    // every record reads back as it was, and the records table holds query columns only
    expect((await store.list({ limit: 1000 })).records).toEqual(before);
    expect(await store.get('mine-1')).toEqual(before.find((r) => r.id === 'mine-1'));
    // deleting a record deletes its documents (foreign key, on delete cascade)
    await store.delete('mine-1');
    const left = await upgraded
      .selectFrom('record_documents')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(literature.length);
    await store.close();
  });

  it('moves the species of a version-2 database into record_species: same lists, filters and facets, exactly restorable', async () => {
    const first = await open();
    const db = first.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await first.seedLiterature(literature);
    await first.create(userDraft({ id: 'mine-2', products: ['urea', 'formamide'], carbonSources: ['CO2', 'methanol'] }));
    const before = (await first.list({ limit: 1000 })).records;
    const facets = await first.facets();
    const formamide = (await first.list({ product: 'formamide', limit: 1000 })).records.map((r) => r.id);
    expect(formamide).toContain('mine-2');
    expect(facets.products.find((f) => f.id === 'urea')!.records).toBe(before.filter((r) => r.products.includes('urea')).length);
    expect(await migrateToLatest(db as Kysely<unknown>, '0002-record-documents')).toEqual([
      '0006-campaigns',
      '0005-api-tokens',
      '0004-list-indexes',
      '0003-record-species',
    ]);
    // down: the bar-delimited columns come back in each record's own order
    const mine = await db.selectFrom('records').select(['products', 'n_sources', 'c_sources']).where('id', '=', 'mine-2').executeTakeFirstOrThrow();
    expect(mine).toEqual({ products: '|urea|formamide|', n_sources: '|nitrate|', c_sources: '|carbon-dioxide|methanol|' });
    // a version-2 database could hold a species twice in one role: the upgrade keeps it once
    await db.updateTable('records').set({ products: '|urea|formamide|urea|' }).where('id', '=', 'mine-2').execute();
    await first.close();
    const sqlite = name.startsWith('SQLite');
    const store = await RecordStore.open(sqlite ? { dataDir: path.dirname(first.location) } : { url: inject('pgUrl') });
    if (sqlite) expect(store.migrationBackup).toMatch(/backups\/cncouple-before-0003-record-species-.*\.sqlite$/);
    expect((await store.list({ limit: 1000 })).records).toEqual(before);
    expect((await store.list({ product: 'formamide', limit: 1000 })).records.map((r) => r.id)).toEqual(formamide);
    expect(await store.facets()).toEqual(facets);
    const upgraded = store.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const speciesOf = async (id: string) =>
      await upgraded
        .selectFrom('record_species')
        .select(['role', 'species_id', 'position'])
        .where('record_id', '=', id)
        .orderBy('role')
        .orderBy('position')
        .execute();
    expect(await speciesOf('mine-2')).toEqual([
      { role: 'c_source', species_id: 'carbon-dioxide', position: 0 },
      { role: 'c_source', species_id: 'methanol', position: 1 },
      { role: 'n_source', species_id: 'nitrate', position: 0 },
      { role: 'product', species_id: 'urea', position: 0 },
      { role: 'product', species_id: 'formamide', position: 1 },
    ]);
    // an edit replaces the record's species; a delete removes them (foreign key, on delete cascade)
    await store.update('mine-2', userDraft({ products: ['glycine'] }));
    expect((await store.list({ product: 'formamide', limit: 1000 })).records.map((r) => r.id)).not.toContain('mine-2');
    expect((await store.list({ product: 'glycine', origin: 'user' })).records.map((r) => r.id)).toEqual(['mine-2']);
    await store.delete('mine-2');
    expect(await speciesOf('mine-2')).toEqual([]);
    await expect(store.create(userDraft({ id: 'twice', products: ['urea', 'CO(NH2)2'] }))).rejects.toThrow(
      /products\.1.*names a species already in the list \(urea\)/,
    );
    await store.close();
  });
});

describe.each(targets)('normalizer version on %s', (name, open) => {
  it('re-normalizes every record of a database written by an older normalizer (user records included) once, on open', async () => {
    const first = await open();
    await first.seedLiterature(literature);
    await first.create(userDraft({ id: 'old-co2', carbonSources: ['CO2'] }));
    await first.create(userDraft({ id: 'old-bad' }));
    const db = first.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    // make it a version-1 database: no recorded version, species stored as typed, values as version 1 computed
    // them (CO2 not recognized: unpurged pH 8.34, −0.9 + 0.197 + 0.05915935·8.34 = −0.20962 V; LC-Cu NC's 95 %
    // as its FE), and one stored input that today's schema refuses
    await db.deleteFrom('meta').where('key', '=', 'normalizer_version').execute();
    const oldUser = await first.get('old-co2');
    const v1User = {
      ...oldUser,
      carbonSources: ['CO2'],
      normalized: { ...oldUser.normalized, pH: { value: 8.34, method: 'estimated', note: 'KHCO3 without CO2 purge' }, potentialVvsRHE: -0.20962 },
    };
    await db
      .updateTable('record_documents')
      .set({ record_json: JSON.stringify(v1User), input_json: JSON.stringify({ ...(await first.getInput('old-co2')), carbonSources: ['CO2'] }) })
      .where('id', '=', 'old-co2')
      .execute();
    await db
      .updateTable('records')
      .set({ potential_v_rhe: -0.20962, created_at: '2025-01-01T00:00:00.000Z', owner: 'alice' })
      .where('id', '=', 'old-co2')
      .execute();
    const lc = await first.get('lc-cu-nc-arylamines');
    await db
      .updateTable('record_documents')
      .set({ record_json: JSON.stringify({ ...lc, normalized: { ...lc.normalized, faradaicEfficiency: { value: 0.95, relation: '=' } } }) })
      .where('id', '=', 'lc-cu-nc-arylamines')
      .execute();
    await db.updateTable('records').set({ fe: 0.95 }).where('id', '=', 'lc-cu-nc-arylamines').execute();
    await db
      .updateTable('record_documents')
      .set({ input_json: JSON.stringify({ ...(await first.getInput('old-bad')), strategy: 'alchemy' }) })
      .where('id', '=', 'old-bad')
      .execute();
    expect((await first.list({ minFePercent: 90 })).records.map((r) => r.id)).toContain('lc-cu-nc-arylamines');
    await first.close();

    const store = await RecordStore.open(name.startsWith('SQLite') ? { dataDir: path.dirname(first.location) } : { url: inject('pgUrl') });
    expect(store.renormalized).toEqual({
      fromVersion: 1,
      records: literature.length + 1,
      kept: [{ id: 'old-bad', problem: expect.stringMatching(/^strategy: /) }],
    });
    const user = await store.get('old-co2');
    expect(user.normalized.pH?.value).toBe(6.82);
    expect(user.normalized.potentialVvsRHE).toBeCloseTo(-0.9 + 0.197 + 0.05915935 * 6.82, 6); // −0.29954
    expect(user.normalized.normalizerVersion).toBe(NORMALIZER_VERSION);
    expect(user.carbonSources).toEqual(['carbon-dioxide']);
    expect((await store.getInput('old-co2')).carbonSources).toEqual(['carbon-dioxide']);
    // the query columns follow: sorts and filters see the new values; the record keeps its creation time
    const row = await (store.db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .selectFrom('records')
      .select(['potential_v_rhe', 'created_at'])
      .where('id', '=', 'old-co2')
      .executeTakeFirstOrThrow();
    expect(row.potential_v_rhe).toBeCloseTo(-0.29954, 4);
    expect(row.created_at).toBe('2025-01-01T00:00:00.000Z');
    expect(await store.ownerOf('old-co2')).toBe('alice'); // the token that wrote it may still edit it
    expect((await store.list({ minFePercent: 90 })).records.map((r) => r.id)).toEqual([]);
    expect((await store.list({ minFePercent: 90, product: 'NH3' })).records.map((r) => r.id)).toEqual(['lc-cu-nc-ammonia-text']);
    expect((await store.list({ cSource: 'CO2', origin: 'user' })).records.map((r) => r.id)).toContain('old-co2');
    await store.close();
    // once at the current version, opening writes nothing
    const again = await RecordStore.open(name.startsWith('SQLite') ? { dataDir: path.dirname(first.location) } : { url: inject('pgUrl') });
    expect(again.renormalized).toBeUndefined();
    expect(await again.renormalizeStale()).toBe(0);
    await again.close();
  });
});

describe('CSV codec (property)', () => {
  const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.trim().length > 0);
  const draft = fc.record({
    catalyst: text,
    catalystPrinted: text,
    strategy: fc.constantFrom('defect engineering', 'dual-site synergy', 'emerging architectures' as const),
    productPrinted: text,
    products: fc.subarray(['urea', 'glycine', 'alanine']),
    elements: fc.subarray(['Cu', 'Fe', 'Zn', 'N']),
    faradaicEfficiencyPrinted: text,
    yieldPrinted: text,
    sourceCitation: text,
    sourceLocation: text,
    pH: fc.option(fc.double({ min: -2, max: 16, noNaN: true }), { nil: undefined }),
    notes: fc.option(text, { nil: undefined }),
    flags: fc.array(fc.record({ code: fc.stringMatching(/^[a-z0-9-]{1,12}$/), reason: text }), { maxLength: 2 }),
  });
  it('any valid record survives CSV export and import unchanged', () => {
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 5 }), (drafts) => {
        const inputs = drafts.map((d) => recordInputSchema.parse(d));
        const back = parseRecordCsv(recordsToCsv(inputs)).map((r) => recordInputSchema.parse(r.data));
        expect(back).toEqual(inputs);
      }),
      { numRuns: 300 },
    );
  });
});
