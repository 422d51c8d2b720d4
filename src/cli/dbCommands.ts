import { type Command, Option } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { InputError, parseHumanNumber } from '../chem/index.js';
import type { CatalyticRecord } from '../data/normalizeRecord.js';
import type { RawRow } from '../data/recordCsv.js';
import { STRATEGIES } from '../data/strategies.js';
import { feVsPotentialSpec, yieldByStrategySpec } from '../plot/literatureSpecs.js';
import { readLiteratureRecords } from '../store/literature.js';
import { CorruptDatabaseError } from '../store/errors.js';
import type { ListRecordsQuery, RecordStore } from '../store/RecordStore.js';
import { writeFigure } from './writeFigure.js';
import { defaultDataDir } from '../store/defaultDataDir.js';

/** A command result: JSON for `--json`, text otherwise. */
export interface Output {
  json: unknown;
  text: string;
  /** Process exit code when not 0 (e.g. 3: a requested current has no solution; docs/cli.md). */
  exitCode?: number;
}

/** Wraps a command action so that its {@link Output} is written as text or `--json` (see `runCli`). */
export type Run = <A extends unknown[]>(fn: (...args: A) => Output | Promise<Output>) => (...args: A) => Promise<void>;

/** Where the database lives: `--db-url`/CNCOUPLE_DATABASE_URL (PostgreSQL) or `--data-dir`/CNCOUPLE_DATA_DIR. */
export interface StoreLocation {
  dataDir?: string;
  url?: string;
}

/** The database a command names: its `--data-dir` and `--db-url` options (or those of its parent command group). */
export function storeLocation(cmd: Command): StoreLocation {
  const o = cmd.optsWithGlobals() as { dataDir?: string; dbUrl?: string };
  return { dataDir: o.dataDir, url: o.dbUrl };
}

/**
 * Opens the store, seeds the curated literature when new or changed, runs `fn`, closes. The store and its
 * database drivers load here, not at start-up: commands that need no database start ~0.2 s sooner.
 */
export async function withStore<T>(location: StoreLocation, fn: (store: RecordStore) => Promise<T>): Promise<T> {
  const { RecordStore } = await import('../store/RecordStore.js');
  // the integrity check (seconds on a large file) runs before the first write, not for every read
  const store = await RecordStore.open({
    dataDir: location.dataDir ?? defaultDataDir(),
    url: location.url ?? process.env.CNCOUPLE_DATABASE_URL,
    integrityCheck: 'first-write',
  });
  try {
    await store.seedLiterature(readLiteratureRecords());
    return await fn(store);
  } catch (error) {
    // a read that meets a damaged page: one line with the way out, not a stack trace
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw new CorruptDatabaseError(store.location, [(error as Error).message]);
    throw error;
  } finally {
    await store.close();
  }
}

const pct = (x: number | undefined | null) => (x === undefined || x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** A yield in the units people read: mmol h⁻¹ g⁻¹, mmol h⁻¹ cm⁻², μmol h⁻¹, or %. */
export function formatYield(r: CatalyticRecord): string {
  const y = r.normalized.yield;
  if (!y) return r.yieldPrinted === '—' ? '—' : `(${r.yieldPrinted.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')})`;
  if (y.kind === 'percent') return `${(y.fraction.value * 100).toFixed(1)}% yield`;
  const v = y.canonicalValue;
  switch (y.canonicalUnit) {
    case 'mol s-1 g_cat-1':
      return `${(v * 3.6e6).toPrecision(4)} mmol h-1 g-1`;
    case 'mol s-1 m-2':
      return `${(v * 360).toPrecision(4)} mmol h-1 cm-2`;
    case 'mol s-1':
      return `${(v * 3.6e9).toPrecision(4)} μmol h-1`;
    case 'mol g_cat-1':
      return `${(v * 1e3).toPrecision(4)} mmol g-1`;
    default:
      return `${v.toPrecision(4)} ${y.canonicalUnit}`;
  }
}

function recordsTable(records: CatalyticRecord[]): string {
  const header = ['id', 'catalyst', 'product', 'strategy', 'FE', 'E vs RHE', 'yield', 'flags'];
  const rows = records.map((r) => [
    r.id,
    r.catalyst,
    r.productPrinted,
    r.strategy,
    pct(r.normalized.faradaicEfficiency?.value),
    r.normalized.potentialVvsRHE === null ? '—' : `${r.normalized.potentialVvsRHE.toFixed(2)} V`,
    formatYield(r),
    String(r.flags.length + r.autoFlags.length || ''),
  ]);
  const widths = header.map((h, i) => Math.min(34, Math.max(h.length, ...rows.map((row) => row[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (c.length > widths[i]! ? c.slice(0, widths[i]! - 1) + '…' : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function showText(r: CatalyticRecord): string {
  const n = r.normalized;
  const lines = [
    `${r.catalyst} → ${r.productPrinted}   [${r.id}, ${r.origin}${r.forkedFrom ? `, forked from ${r.forkedFrom}` : ''}]`,
    `  strategy        ${r.strategy}`,
    `  reaction        ${n.equation ?? '(not balanced: products or sources not identified)'}${n.electrons !== null ? `   (${n.electrons} e- per product)` : ''}`,
    `  electrolyte     ${r.electrolytePrinted || '—'}   pH ${n.pH ? `${n.pH.value} (${n.pH.method}: ${n.pH.note})` : '—'}`,
    `  condition       ${r.conditionPrinted || '—'}${n.potentialVvsRHE !== null ? `   = ${n.potentialVvsRHE.toFixed(3)} V vs RHE` : ''}${n.currentDensityAPerM2 !== null ? `   = ${n.currentDensityAPerM2} A m-2` : ''}`,
    `  FE              ${r.faradaicEfficiencyPrinted}   → ${pct(n.faradaicEfficiency?.value)}`,
    `  selectivity     ${r.selectivityPrinted}   conversion ${r.conversionPrinted}`,
    `  yield           ${r.yieldPrinted}${r.yieldCorrected ? `   (corrected reading: ${r.yieldCorrected})` : ''}   → ${formatYield(r)}${n.yield?.kind === 'rate' ? ` = ${n.yield.canonicalValue.toExponential(4)} ${n.yield.canonicalUnit}` : ''}`,
    `  source          ref. ${r.sourceRef ?? '—'}: ${r.sourceCitation}`,
    `                  read from doi:${r.sourceDoi ?? '—'}, ${r.sourceLocation}`,
    ...(r.sourceQuote ? [`                  "${r.sourceQuote}"`] : []),
    ...(n.assumedReadings ?? []).map((a) => `  assumed         ${a.field}: ${a.reason}`),
    ...(n.excluded ?? []).map((e) => `  left out        ${e.field} "${e.printed}" (flag ${e.flagCode})`),
    ...r.flags.map((f) => `  flag            ${f.code}: ${f.reason}`),
    ...r.autoFlags.map((f) => `  auto flag       ${f.code}: ${f.reason}`),
  ];
  if (r.notes) lines.push(`  notes           ${r.notes}`);
  return lines.join('\n');
}

/** Reads an import file: CSV (by extension) or JSON (an array of records). */
export async function readImportFile(file: string): Promise<RawRow[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('file', 'a readable .csv or .json file', `cannot read "${file}": ${(error as Error).message}`);
  }
  const { parseImportText } = await import('../data/recordCsv.js');
  return parseImportText(/\.csv$/i.test(file) ? 'csv' : 'json', text, 'file');
}

interface FilterOptions {
  product?: string;
  strategy?: string;
  nSource?: string;
  cSource?: string;
  minFe?: string;
  origin?: string;
  flagged?: boolean;
  q?: string;
  sort?: string;
  order?: string;
  limit?: string;
  offset?: string;
}

function toQuery(o: FilterOptions): ListRecordsQuery {
  const minFe = o.minFe === undefined ? undefined : parseHumanNumber('--min-fe', o.minFe, { units: { '%': 1 } });
  return {
    product: o.product,
    strategy: o.strategy as ListRecordsQuery['strategy'],
    nSource: o.nSource,
    cSource: o.cSource,
    minFePercent: minFe,
    origin: o.origin as ListRecordsQuery['origin'],
    flagged: o.flagged,
    q: o.q,
    sort: o.sort as ListRecordsQuery['sort'],
    order: o.order as ListRecordsQuery['order'],
    limit: o.limit === undefined ? undefined : Number(o.limit),
    offset: o.offset === undefined ? undefined : Number(o.offset),
  };
}

function addFilters(cmd: Command): Command {
  return cmd
    .option('--product <species>', 'product, registry name or formula (urea, glycine, …)')
    .addOption(new Option('--strategy <strategy>', 'design strategy').choices([...STRATEGIES]))
    .option('--n-source <species>', 'nitrogen source, e.g. NO3-')
    .option('--c-source <species>', 'carbon source, e.g. CO2')
    .option('--min-fe <percent>', 'minimum faradaic efficiency, %')
    .addOption(new Option('--origin <origin>', 'literature or user records').choices(['literature', 'user']))
    .option('--flagged', 'only records with quality flags')
    .option('--q <text>', 'search catalyst names')
    .addOption(new Option('--sort <key>', 'sort key').choices(['fe', 'yield', 'potential', 'catalyst', 'id']))
    .addOption(new Option('--order <order>', 'sort order').choices(['asc', 'desc']));
}

/** Registers `db …` and `plot …` on the program. `run` wraps async actions with output handling. */
export function registerDbCommands(program: Command, run: Run): void {
  const location = storeLocation;
  const json = () => new Option('--json', 'machine-readable output (see docs/cli.md)');
  const db = program
    .command('db')
    .description('the knowledge base: curated literature and your own records')
    .option('--data-dir <dir>', 'embedded database folder (default $CNCOUPLE_DATA_DIR or ~/.local/share/cncouple)')
    .option('--db-url <url>', 'PostgreSQL URL instead of the embedded database (or $CNCOUPLE_DATABASE_URL)');

  addFilters(db.command('list').description('list records'))
    .option('--limit <n>', 'page size', '100')
    .option('--offset <n>', 'skip this many')
    .addOption(json())
    .action(
      run(async (o: FilterOptions, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const result = await store.list(toQuery(o));
          return { json: result, text: `${recordsTable(result.records)}\n${result.records.length} of ${result.total} records` };
        }),
      ),
    );
  db.command('show')
    .description('one record: printed and normalized values, source and flags')
    .argument('<id>')
    .addOption(json())
    .action(
      run(async (id: string, _o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const r = await store.get(id);
          return { json: r, text: showText(r) };
        }),
      ),
    );
  db.command('flags')
    .description('records with quality flags and why')
    .addOption(json())
    .action(
      run(async (_o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const flags = await store.flags();
          const text = flags.flatMap((f) => [`${f.id} (${f.catalyst})`, ...[...f.flags, ...f.autoFlags].map((x) => `  ${x.code}: ${x.reason}`)]).join('\n');
          return { json: flags, text: `${text}\n${flags.length} flagged records` };
        }),
      ),
    );
  db.command('check')
    .description('recompute FE, current and yield rate against each other (balanced electron counts)')
    .addOption(json())
    .action(
      run(async (_o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const checks = (await store.check()).filter((c) => c.checked);
          const text = checks.map(
            (c) =>
              `${c.flag ? 'INCONSISTENT' : 'consistent  '}  ${c.id.padEnd(34)} n = ${c.electrons}, implied n = ${c.impliedElectrons?.toFixed(2)}${c.flag ? `  ${c.flag.reason}` : ''}`,
          );
          return {
            json: checks,
            text: `${text.join('\n')}\n${checks.length} records checkable (FE, current and a comparable yield rate), ${checks.filter((c) => c.flag).length} inconsistent beyond 15 %`,
          };
        }),
      ),
    );
  db.command('import')
    .description('import user records from CSV or JSON; one bad row imports nothing')
    .argument('<file>', '.csv (header as in export) or .json (array)')
    .addOption(json())
    .action(
      run(async (file: string, _o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const ids = await store.importRows(await readImportFile(file));
          return { json: { imported: ids.length, ids }, text: `imported ${ids.length} records` };
        }),
      ),
    );
  db.command('export')
    .description('export records as entered (CSV or JSON); re-importing gives the same records')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('json'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--origin <origin>', 'literature or user')
    .action(
      run(async (o: { format: string; out?: string; origin?: string }, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const inputs = await store.exportInputs({ origin: o.origin as ListRecordsQuery['origin'] });
          const text = o.format === 'csv' ? (await import('../data/recordCsv.js')).recordsToCsv(inputs) : JSON.stringify(inputs, null, 2) + '\n';
          if (o.out) {
            writeFileSync(o.out, text);
            return { json: { exported: inputs.length, file: o.out }, text: `wrote ${inputs.length} records to ${o.out}` };
          }
          return { json: inputs, text: text.trimEnd() };
        }),
      ),
    );
  db.command('add')
    .description('add one user record from a JSON file')
    .argument('<file>', 'a JSON object with the record fields (docs/records.md)')
    .addOption(json())
    .action(
      run(async (file: string, _o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          let data: unknown;
          try {
            data = JSON.parse(readFileSync(file, 'utf8'));
          } catch (error) {
            throw new InputError('file', 'a readable JSON file with one record object', (error as Error).message);
          }
          const r = await store.create(data);
          return { json: r, text: showText(r) };
        }),
      ),
    );
  db.command('fork')
    .description('copy a literature record into an editable user record')
    .argument('<id>')
    .option('--as <newId>', 'id of the copy (default <id>-fork)')
    .addOption(json())
    .action(
      run(async (id: string, o: { as?: string }, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const r = await store.fork(id, o.as);
          return { json: r, text: `forked ${id} → ${r.id}` };
        }),
      ),
    );
  db.command('delete')
    .description('delete a user record')
    .argument('<id>')
    .addOption(json())
    .action(
      run(async (id: string, _o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          await store.delete(id);
          return { json: { deleted: id }, text: `deleted ${id}` };
        }),
      ),
    );
  db.command('backup')
    .description('copy the embedded database, consistently, while it may be in use (PostgreSQL: use pg_dump)')
    .option('--out <file>', 'the copy (default: backups/cncouple-<time>.sqlite beside the database)')
    .addOption(json())
    .action(
      run(async (o: { out?: string }, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const file = await store.backup(o.out);
          const { total } = await store.list({ limit: 1 });
          return { json: { file, records: total }, text: `wrote ${file} (${total} records)` };
        }),
      ),
    );

  const plot = program
    .command('plot')
    .description('figures of the knowledge base as SVG or PNG (by the --out extension)')
    .option('--data-dir <dir>', 'embedded database folder')
    .option('--db-url <url>', 'PostgreSQL URL');
  const figureOutput = async (spec: Parameters<typeof writeFigure>[0], out: string): Promise<Output> => ({
    json: { file: out, bytes: await writeFigure(spec, out) },
    text: `wrote ${out}`,
  });
  addFilters(plot.command('fe-vs-potential').description('faradaic efficiency vs potential (V vs RHE), by strategy'))
    .requiredOption('--out <file>', 'fig.svg or fig.png')
    .addOption(json())
    .action(
      run(async (o: FilterOptions & { out: string }, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const { records } = await store.list({ ...toQuery(o), limit: 10000 });
          return figureOutput(feVsPotentialSpec(records), o.out);
        }),
      ),
    );
  addFilters(plot.command('yield-by-strategy').description('yield rates in normalized units, by strategy (log scale)'))
    .addOption(new Option('--basis <basis>', 'per catalyst mass or per electrode area').choices(['catalyst-mass', 'area']).default('catalyst-mass'))
    .requiredOption('--out <file>', 'fig.svg or fig.png')
    .addOption(json())
    .action(
      run(async (o: FilterOptions & { out: string; basis: 'catalyst-mass' | 'area' }, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const { records } = await store.list({ ...toQuery(o), limit: 10000 });
          return figureOutput(yieldByStrategySpec(records, o.basis), o.out);
        }),
      ),
    );
}
