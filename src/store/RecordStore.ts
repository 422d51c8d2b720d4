import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Kysely, type SelectQueryBuilder, type Transaction, sql } from 'kysely';
import { z } from 'zod';
import { InputError, findSpeciesEntry } from '../chem/index.js';
import { inputErrorFromZod } from '../chem/zodIssues.js';
import { canonicalSpeciesId } from '../data/canonicalSpecies.js';
import { type CatalyticRecord, NON_CN_PRODUCT_IDS, NORMALIZER_VERSION, checkConsistency, normalizeRecord } from '../data/normalizeRecord.js';
import type { RawRow } from '../data/recordCsv.js';
import { type Flag, type RecordInput, type RecordInputDraft, STRATEGIES, recordInputSchema } from '../data/recordSchema.js';
import {
  type DatabaseSchema,
  type OpenDatabase,
  type RecordDocumentsTable,
  type RecordSpeciesTable,
  type RecordsTable,
  type SpeciesRole,
  openDatabase,
} from './database.js';
import { type Actor, ApiTokens } from './ApiTokens.js';
import { CampaignStore } from './CampaignStore.js';
import { ConflictError, CorruptDatabaseError, DatabaseError, ForbiddenError, ImportError, type ImportProblem, NotFoundError, ReadOnlyError } from './errors.js';
import { LATEST_MIGRATION, migrateToLatest, pendingMigrations, unknownMigrations } from './migrations.js';
import { VERSION } from '../version.js';

const speciesFilter = (field: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const id = canonicalSpeciesId(s);
      if (id === undefined) {
        ctx.addIssue({ code: 'custom', message: `unknown species "${s}"; use a registry name or formula (cncouple species)`, path: [] });
        return z.NEVER;
      }
      return id;
    })
    .describe(field);

/** Query options of {@link RecordStore.list}; the single schema for CLI flags and HTTP query strings. */
export const listRecordsQuerySchema = z.object({
  product: speciesFilter('product'),
  strategy: z.enum(STRATEGIES).optional(),
  nSource: speciesFilter('nSource'),
  cSource: speciesFilter('cSource'),
  /** Minimum faradaic efficiency, percent (0–100). */
  minFePercent: z.coerce.number().min(0).max(100).optional(),
  origin: z.enum(['literature', 'user']).optional(),
  /** Only records with (true) or without (false) flags. */
  flagged: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((v) => v === true || v === 'true')
    .optional(),
  /** Case-insensitive text search in the catalyst name. */
  q: z.string().max(100).optional(),
  sort: z.enum(['fe', 'yield', 'potential', 'catalyst', 'id']).default('id'),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(10000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListRecordsQuery = z.input<typeof listRecordsQuerySchema>;

/** Most rows of one import (default 200 000; the benchmarks import 100 000). */
export const MAX_IMPORT_ROWS = 200_000;
/** An import stops checking rows after this many problems (default 1000); it is refused either way. */
export const MAX_IMPORT_PROBLEMS = 1000;

/** A page of records with the total number that match the filters. */
export interface ListRecordsResult {
  total: number;
  records: CatalyticRecord[];
}

/** A species that appears in the records, with how many records name it. */
export interface SpeciesFacet {
  /** Registry id, e.g. `cyclohexanone-oxime`. */
  id: string;
  /** Registry name, e.g. `cyclohexanone oxime` (what the list filters accept). */
  name: string;
  /** Formula with charge, e.g. `NO3-`. */
  formula: string;
  records: number;
}

/** The species the records use, per role: the choices of the list filters. */
export interface RecordFacets {
  products: SpeciesFacet[];
  nitrogenSources: SpeciesFacet[];
  carbonSources: SpeciesFacet[];
}

/** A record's flags: the curator's and the automatic ones. */
export interface RecordFlags {
  id: string;
  catalyst: string;
  origin: string;
  flags: Flag[];
  autoFlags: Flag[];
}

/** Turns zod issues into one InputError naming the first field path. */
function toInputError(error: z.ZodError, prefix = ''): InputError {
  return inputErrorFromZod(error, '(record)', 'see the record schema (docs/records.md)', prefix);
}

/** List options after validation (registry ids for species, defaults filled in). */
type ParsedListQuery = z.output<typeof listRecordsQuerySchema>;

/** Validates list options (CLI flags, HTTP query strings). @throws {InputError} naming the first bad field */
function parseListQuery(query: ListRecordsQuery): ParsedListQuery {
  const parsed = listRecordsQuerySchema.safeParse(query);
  if (!parsed.success) throw toInputError(parsed.error);
  return parsed.data;
}

/** The species filters of a query, as (role, registry id). */
function speciesFilters(q: ParsedListQuery): [SpeciesRole, string][] {
  const roles: [SpeciesRole, string | undefined][] = [
    ['product', q.product],
    ['n_source', q.nSource],
    ['c_source', q.cSource],
  ];
  return roles.filter((f): f is [SpeciesRole, string] => f[1] !== undefined);
}

/** The number of rows a select of `records` returns. */
async function count(select: SelectQueryBuilder<DatabaseSchema, 'records', object>): Promise<number> {
  return Number((await select.select(sql<string | number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

/** The rows of a record: its query columns, its documents and the species it names. */
interface StoredRecord {
  row: RecordsTable;
  document: RecordDocumentsTable;
  species: RecordSpeciesTable[];
}

/** The `record_species` rows of a record's products and N and C sources (registry ids, in the record's order). */
function speciesRows(id: string, input: RecordInput): RecordSpeciesTable[] {
  const lists: [SpeciesRole, string[]][] = [
    ['product', input.products],
    ['n_source', input.nitrogenSources],
    ['c_source', input.carbonSources],
  ];
  return lists.flatMap(([role, names]) => names.map((name, position) => ({ record_id: id, role, species_id: canonicalSpeciesId(name)!, position })));
}

/** Row values for a record. */
function toRow(record: CatalyticRecord, input: RecordInput, now: string, createdAt = now): StoredRecord {
  const n = record.normalized;
  const y = n.yield;
  const row: RecordsTable = {
    id: record.id,
    origin: input.origin,
    forked_from: input.forkedFrom ?? null,
    catalyst: input.catalyst,
    strategy: input.strategy,
    product_printed: input.productPrinted,
    fe: n.faradaicEfficiency?.value ?? null,
    selectivity: n.selectivity?.value ?? null,
    yield_kind: y?.kind ?? null,
    yield_canonical: y === null ? null : y.kind === 'percent' ? y.fraction.value : y.canonicalValue,
    yield_canonical_unit: y === null ? null : y.kind === 'percent' ? 'fraction' : y.canonicalUnit,
    potential_v_rhe: n.potentialVvsRHE,
    current_density_a_per_m2: n.currentDensityAPerM2,
    flag_count: input.flags.length + record.autoFlags.length,
    source_ref: input.sourceRef ?? null,
    created_at: createdAt,
    updated_at: now,
  };
  return { row, document: { id: record.id, input_json: JSON.stringify(input), record_json: JSON.stringify(record) }, species: speciesRows(record.id, input) };
}

/** Inserts rows in batches of 500 (within the bound-parameter limits of both dialects). */
async function insertBatched<T extends keyof DatabaseSchema>(trx: Transaction<DatabaseSchema>, table: T, rows: DatabaseSchema[T][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + 500) as never)
      .execute();
}

/**
 * Whether a write failed on a record id another writer took first (SQLite `SQLITE_CONSTRAINT_PRIMARYKEY`,
 * PostgreSQL unique violation 23505): under PostgreSQL's read-committed isolation an id check inside the
 * transaction cannot see a concurrent writer's uncommitted row, so the insert is where the clash shows.
 */
const isIdClash = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
};

/** Inserts records (all rows of each), inside the caller's transaction. */
async function insertRecords(trx: Transaction<DatabaseSchema>, stored: StoredRecord[]): Promise<void> {
  await insertBatched(
    trx,
    'records',
    stored.map((s) => s.row),
  );
  await insertBatched(
    trx,
    'record_documents',
    stored.map((s) => s.document),
  );
  await insertBatched(
    trx,
    'record_species',
    stored.flatMap((s) => s.species),
  );
}

/**
 * The knowledge base: curated literature records (read-only) and the user's records, in the embedded
 * SQLite database or in PostgreSQL, with the same queries. Every write is validated and runs in one
 * transaction; an import with any bad row writes nothing.
 */
export class RecordStore {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: OpenDatabase['dialect'];
  readonly location: string;

  /** The copy of the embedded database taken before this open upgraded its schema, if it did. */
  migrationBackup?: string;
  /**
   * What this open re-normalized: records written by an older {@link NORMALIZER_VERSION} (user records
   * included) get their normalized values and automatic flags recomputed from their stored input.
   */
  renormalized?: { fromVersion: number; records: number; kept: { id: string; problem: string }[] };
  /** Set when the start-up integrity check (`PRAGMA quick_check`, SQLite) failed: every write throws it. */
  corruption?: CorruptDatabaseError;

  /**
   * The start-up integrity check: `ok` false when the embedded file is damaged; `checked` false on PostgreSQL,
   * which checks its own pages.
   */
  get integrity(): { checked: boolean; ok: boolean; problems: string[] } {
    return { checked: this.dialect === 'sqlite' && this.pendingCheck === undefined, ok: !this.corruption, problems: this.corruption?.problems ?? [] };
  }

  /** The integrity check not yet run (SQLite), see {@link checkIntegrity}. */
  private pendingCheck: OpenDatabase['quickCheck'];

  /**
   * Runs the integrity check once (`PRAGMA quick_check`: 2.3 s for a 605 MB file of 124 000 records, so the CLI
   * runs it before its first write rather than at every open); true when the file is damaged.
   */
  private checkIntegrity(): boolean {
    const check = this.pendingCheck;
    this.pendingCheck = undefined;
    const problems = check?.() ?? [];
    if (problems.length > 0) this.corruption = new CorruptDatabaseError(this.location, problems);
    return this.corruption !== undefined;
  }

  /** @throws {CorruptDatabaseError} when the integrity check fails (run now if it has not been) */
  private assertWritable(): void {
    if (this.checkIntegrity()) throw this.corruption;
  }

  /** The API tokens of a shared server (same database). */
  get tokens(): ApiTokens {
    return new ApiTokens(this.db, () => this.assertWritable());
  }

  /** The saved experiment campaigns (same database, owned like records). */
  get campaigns(): CampaignStore {
    return new CampaignStore(this.db, () => this.assertWritable());
  }

  /** The name of the token that wrote record `id` (null: literature, or written without a token). @throws {NotFoundError} */
  async ownerOf(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('records').select('owner').where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(id);
    return row.owner ?? null;
  }

  /** @throws {ForbiddenError} when `actor` (a token) may not edit a record of `owner` */
  private static assertMayEdit(id: string, owner: string | null | undefined, actor: Actor | undefined): void {
    if (actor && actor.scope !== 'admin' && owner !== actor.name) throw new ForbiddenError(id, actor.name, owner ?? null);
  }
  private readonly sqliteBackup: OpenDatabase['backup'];
  /** The last non-fatal problem of a write (e.g. statistics not refreshed after an import); undefined if none. */
  lastWarning?: string;

  private constructor(open: OpenDatabase) {
    this.db = open.db;
    this.dialect = open.dialect;
    this.location = open.location;
    this.sqliteBackup = open.backup;
    this.dataVersion = open.dataVersion;
  }

  /** Transactions this store ran (committed or not), counted after each ends: see {@link changeStamp}. */
  private writes = 0;
  private readonly dataVersion: OpenDatabase['dataVersion'];

  /**
   * Runs `fn` in one transaction, then counts a write — after the commit (or rollback), so that a reader who
   * saw the previous {@link changeStamp} can never have read the new rows under it.
   */
  private async transact<T>(fn: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(fn);
    } finally {
      this.writes++;
    }
  }

  /**
   * A stamp of the stored records that changes on every committed write — this store's own (counted after
   * each transaction) and, on SQLite, other processes' (`PRAGMA data_version`) — for caches of read results:
   * a result read after taking stamp s is current as long as the stamp is still s. Undefined on PostgreSQL,
   * where other servers' writes are not seen: nothing may be cached there.
   */
  changeStamp(): string | undefined {
    return this.dataVersion ? `${this.writes}:${this.dataVersion()}` : undefined;
  }

  /**
   * Opens (and migrates) the database: SQLite under `dataDir`, or PostgreSQL at `url`. Before an existing
   * embedded database is upgraded to a newer schema, a copy of it goes to
   * `backups/cncouple-before-<migration>-<time>.sqlite` beside it (see {@link RecordStore.migrationBackup}).
   */
  static async open(options: { dataDir?: string; url?: string; integrityCheck?: 'open' | 'first-write' }): Promise<RecordStore> {
    const open = openDatabase(options);
    const store = new RecordStore(open);
    store.pendingCheck = open.quickCheck;
    // reads go on as far as they can, writes are refused; no migration or seeding writes into a damaged file
    if ((options.integrityCheck ?? 'open') === 'open' && store.checkIntegrity()) return store;
    const newer = await unknownMigrations(store.db as Kysely<unknown>);
    if (newer.length > 0) {
      await store.close();
      throw new DatabaseError(
        store.location,
        `the database ${store.location} has schema version ${newer.at(-1)}, written by a newer cncouple; this is cncouple ${VERSION}, whose newest schema is ${LATEST_MIGRATION}: upgrade cncouple, or give another --data-dir`,
      );
    }
    const pending = await pendingMigrations(store.db as Kysely<unknown>);
    if (pending.length > 0 && store.checkIntegrity()) return store;
    const upgrade = pending.length > 0 && !pending.includes('0001-records'); // a new database has nothing to keep
    if (upgrade && store.sqliteBackup) {
      store.migrationBackup = await store.backup(store.backupFile(`cncouple-before-${pending[0]}`));
    }
    await migrateToLatest(store.db as Kysely<unknown>);
    await store.renormalizeStale();
    return store;
  }

  /**
   * Re-normalizes every stored record when the database was last normalized by an older
   * {@link NORMALIZER_VERSION} (or by a version that recorded none: version 1), in one transaction, keeping
   * each record's input, creation and update times; then records the current version in `meta`. A stored
   * input the current schema refuses is kept as it was and listed in {@link RecordStore.renormalized}.
   * Returns the number of records re-normalized.
   */
  async renormalizeStale(): Promise<number> {
    const stored = await this.db.selectFrom('meta').select('value').where('key', '=', 'normalizer_version').executeTakeFirst();
    const fromVersion = stored === undefined ? 1 : Number(stored.value);
    if (fromVersion === NORMALIZER_VERSION) return 0;
    if (this.checkIntegrity()) return 0; // a damaged file is not rewritten (the open may have deferred its check)
    const documents = await this.db
      .selectFrom('records')
      .innerJoin('record_documents', 'record_documents.id', 'records.id')
      .select(['records.id', 'records.owner', 'records.created_at', 'records.updated_at', 'record_documents.input_json'])
      .execute();
    const kept: { id: string; problem: string }[] = [];
    const rows: StoredRecord[] = [];
    for (const d of documents) {
      const parsed = recordInputSchema.safeParse(JSON.parse(d.input_json));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        kept.push({ id: d.id, problem: `${issue.path.join('.') || '(record)'}: ${issue.message}` });
        continue;
      }
      const input = { ...parsed.data, id: d.id };
      const stored = toRow(normalizeRecord(input), input, d.updated_at, d.created_at);
      rows.push({ ...stored, row: { ...stored.row, owner: d.owner ?? null } }); // the token that wrote it keeps it
    }
    await this.transact(async (trx) => {
      for (let i = 0; i < rows.length; i += 500) {
        await trx
          .deleteFrom('records')
          .where(
            'id',
            'in',
            rows.slice(i, i + 500).map((r) => r.row.id),
          )
          .execute(); // documents and species go with them (cascade)
      }
      await insertRecords(trx, rows);
      await trx.deleteFrom('meta').where('key', '=', 'normalizer_version').execute();
      await trx
        .insertInto('meta')
        .values({ key: 'normalizer_version', value: String(NORMALIZER_VERSION) })
        .execute();
    });
    if (documents.length > 0) this.renormalized = { fromVersion, records: rows.length, kept };
    return rows.length;
  }

  /** `backups/<prefix>-<time>.sqlite` beside the embedded database file. */
  private backupFile(prefix: string): string {
    const stamp = new Date()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replaceAll(':', '-');
    return path.join(path.dirname(this.location), 'backups', `${prefix}-${stamp}.sqlite`);
  }

  /**
   * Writes a consistent copy of the embedded database to `file` (default `backups/cncouple-<time>.sqlite`
   * beside it; the folder is created) while it stays in use; returns the file.
   * @throws {InputError} on PostgreSQL, whose own tools (pg_dump) do this
   */
  async backup(file = this.backupFile('cncouple')): Promise<string> {
    if (!this.sqliteBackup)
      throw new InputError('database', 'the embedded SQLite database (back up PostgreSQL with pg_dump)', `this store is ${this.location}`);
    mkdirSync(path.dirname(file), { recursive: true });
    await this.sqliteBackup(file);
    return file;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /**
   * Loads the curated literature when it is new or changed (by content hash), replacing the previous
   * literature records in one transaction. Returns the number of records written (0 when unchanged).
   */
  async seedLiterature(drafts: RecordInputDraft[]): Promise<number> {
    if (this.corruption) return 0; // a damaged file gets no writes; its literature stays as it was
    const hash = createHash('sha256').update(JSON.stringify(drafts)).digest('hex');
    const current = await this.db.selectFrom('meta').select('value').where('key', '=', 'literature_hash').executeTakeFirst();
    if (current?.value === hash) return 0;
    if (this.checkIntegrity()) return 0; // checked before this write, when the open did not
    const now = new Date().toISOString();
    const rows = drafts.map((d, i) => {
      const parsed = recordInputSchema.safeParse(d);
      if (!parsed.success) throw toInputError(parsed.error, `literature[${i}].`);
      return toRow(normalizeRecord(parsed.data), parsed.data, now);
    });
    await this.transact(async (trx) => {
      await trx.deleteFrom('records').where('origin', '=', 'literature').execute(); // documents and species go with them (cascade)
      await insertRecords(trx, rows);
      await trx.deleteFrom('meta').where('key', '=', 'literature_hash').execute();
      await trx.insertInto('meta').values({ key: 'literature_hash', value: hash }).execute();
    });
    return rows.length;
  }

  /**
   * The filtered select of a parsed query and the same sorted (no columns, no limit). A species filter is
   * `id in (records naming it)` (the planner starts from the species index: best for counts and rare
   * species) or, with `speciesTest: 'exists'`, a test of each record (the planner walks the sort index and
   * stops at the page: best for a species most records name).
   */
  private filtered(q: ParsedListQuery, speciesTest: 'in' | 'exists' = 'in', baselinesLast = false) {
    let base = this.db.selectFrom('records');
    for (const [role, id] of speciesFilters(q)) {
      base = base.where((eb) => {
        const naming = eb.selectFrom('record_species').select('record_species.record_id').where('role', '=', role).where('species_id', '=', id);
        return speciesTest === 'in' ? eb('records.id', 'in', naming) : eb.exists(naming.whereRef('record_species.record_id', '=', 'records.id'));
      });
    }
    if (q.strategy) base = base.where('strategy', '=', q.strategy);
    if (q.origin) base = base.where('origin', '=', q.origin);
    // Records whose product is not a C–N coupling product (NH3 …, `normalized.cnCoupling` false) are baselines:
    // without a product filter they are not returned by the minimum-FE filter and rank after every C–N result
    // (see `list`). Their ids come from the species index once (not a test per record).
    const cnOnly = q.product === undefined;
    if (q.minFePercent !== undefined) base = base.where('fe', '>=', q.minFePercent / 100 - 1e-12);
    if (q.minFePercent !== undefined && cnOnly) base = base.where('records.id', 'not in', this.baselineIds());
    if (q.flagged !== undefined) base = base.where('flag_count', q.flagged ? '>' : '=', 0);
    // % and _ in the search text are literal characters, not LIKE wildcards
    if (q.q) base = base.where(sql<boolean>`lower(catalyst) like ${`%${q.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`} escape '\\'`);
    const column = ({ fe: 'fe', yield: 'yield_canonical', potential: 'potential_v_rhe', catalyst: 'catalyst', id: 'id' } as const)[q.sort];
    const order = q.order ?? (q.sort === 'fe' || q.sort === 'yield' ? 'desc' : 'asc');
    let sorted = base;
    if (baselinesLast && cnOnly && (q.sort === 'fe' || q.sort === 'yield'))
      sorted = sorted.orderBy(sql`case when records.id in (${this.baselineIds()}) then 1 else 0 end`);
    if (q.sort === 'yield') sorted = sorted.orderBy('yield_canonical_unit', (ob) => ob.asc().nullsLast());
    // catalyst names sort case-insensitively ("a-Ni" between "Ag" and "Au", not after "Zn")
    if (q.sort === 'catalyst') sorted = sorted.orderBy(sql`lower(records.catalyst)`, (ob) => (order === 'desc' ? ob.desc() : ob.asc()).nullsLast());
    sorted = sorted.orderBy(`records.${column}`, (ob) => (order === 'desc' ? ob.desc() : ob.asc()).nullsLast()).orderBy('records.id');
    return { base, sorted };
  }

  /** Ids of the records whose first product is not a C–N coupling product ({@link NON_CN_PRODUCT_IDS}). */
  private baselineIds() {
    return this.db
      .selectFrom('record_species')
      .select('record_species.record_id')
      .where('role', '=', 'product')
      .where('position', '=', 0)
      .where('species_id', 'in', [...NON_CN_PRODUCT_IDS]);
  }

  /** Whether {@link countMatches} counts on the species index: species filters and no other filter. */
  private countsOnSpeciesIndex(q: ParsedListQuery): boolean {
    const onRecords = [q.strategy, q.origin, q.minFePercent, q.flagged, q.q].some((v) => v !== undefined); // the other filters of `filtered`
    return !onRecords && speciesFilters(q).length > 0;
  }

  /** The matches of `base` and the baselines among them ({@link baselineIds}), in one select. */
  private async countWithBaselines(base: SelectQueryBuilder<DatabaseSchema, 'records', object>): Promise<{ total: number; baselines: number }> {
    const row = await base
      .select([
        sql<string | number>`count(*)`.as('n'),
        sql<string | number | null>`sum(case when records.id in (${this.baselineIds()}) then 1 else 0 end)`.as('b'),
      ])
      .executeTakeFirstOrThrow();
    return { total: Number(row.n), baselines: Number(row.b ?? 0) };
  }

  /**
   * How many records match: with species filters alone, counted on the species index (each record names a
   * species once per role, and every row has its record); otherwise on the records.
   */
  private async countMatches(q: ParsedListQuery, base: SelectQueryBuilder<DatabaseSchema, 'records', object>): Promise<number> {
    if (!this.countsOnSpeciesIndex(q)) return count(base);
    const [first, ...others] = speciesFilters(q) as [[SpeciesRole, string], ...[SpeciesRole, string][]];
    let naming = this.db.selectFrom('record_species').where('role', '=', first[0]).where('species_id', '=', first[1]);
    for (const [role, id] of others) {
      naming = naming.where(
        'record_id',
        'in',
        this.db.selectFrom('record_species as other').select('other.record_id').where('other.role', '=', role).where('other.species_id', '=', id),
      );
    }
    return Number((await naming.select(sql<string | number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  }

  /**
   * Lists records matching the filters, sorted (nulls last) and paginated. The page's ids are found on the
   * narrow rows first, then only its documents are read (a join before the sort would carry every match's JSON).
   */
  async list(query: ListRecordsQuery = {}): Promise<ListRecordsResult> {
    const q = parseListQuery(query);
    const { base, sorted } = this.filtered(q);
    // C–N results first, then the baselines (products without C–N coupling), each in the sort's order — unless a
    // minimum FE is set, which leaves the baselines out already (`filtered`): then one select, like any sort
    const split = q.product === undefined && (q.sort === 'fe' || q.sort === 'yield') && q.minFePercent === undefined;
    // with a split and no species-only count, the matches and the baselines among them are counted in one select
    const both = split && !this.countsOnSpeciesIndex(q) ? await this.countWithBaselines(base) : undefined;
    const total = both ? both.total : await this.countMatches(q, base);
    // SQLite, with a species filter: walking the sort index tests about (offset + limit) · all / total records,
    // sorting the matches handles `total`; the first wins when total² > (offset + limit) · all (100 000 records,
    // a species in 20 % of them: 25 ms → 0.4 ms for the page; a species in none: 0.0 vs 129 ms). PostgreSQL
    // plans either form as the same semi-join.
    const end = q.offset + q.limit;
    const walk = this.dialect === 'sqlite' && speciesFilters(q).length > 0 && total > end && total ** 2 > end * (await count(this.db.selectFrom('records')));
    const page = walk ? this.filtered(q, 'exists').sorted : sorted;
    let ids: string[];
    if (split) {
      // two selects keep the walk of the sort index (an order by "is a baseline" first would sort every match)
      const baselines = both ? both.baselines : await count(base.where('records.id', 'in', this.baselineIds()));
      const cn = total - baselines;
      ids =
        q.offset < cn
          ? (await page.where('records.id', 'not in', this.baselineIds()).select('records.id').limit(q.limit).offset(q.offset).execute()).map((r) => r.id)
          : [];
      const rest = q.limit - ids.length;
      if (rest > 0 && baselines > 0) {
        ids.push(
          ...(
            await sorted
              .where('records.id', 'in', this.baselineIds())
              .select('records.id')
              .limit(rest)
              .offset(Math.max(0, q.offset - cn))
              .execute()
          ).map((r) => r.id),
        );
      }
    } else {
      ids = (await page.select('records.id').limit(q.limit).offset(q.offset).execute()).map((r) => r.id);
    }
    const documents = ids.length ? await this.db.selectFrom('record_documents').select(['id', 'record_json']).where('id', 'in', ids).execute() : [];
    const byId = new Map(documents.map((d) => [d.id, d.record_json]));
    // a record deleted by another request between the two reads is left out, not a crash
    return { total, records: ids.flatMap((id) => (byId.has(id) ? [JSON.parse(byId.get(id)!) as CatalyticRecord] : [])) };
  }

  /** Every matching record (no pagination), normalized. */
  private async all(query: ListRecordsQuery): Promise<CatalyticRecord[]> {
    const rows = await this.withDocuments(query).select('record_documents.record_json').execute();
    return rows.map((r) => JSON.parse(r.record_json) as CatalyticRecord);
  }

  /** The filtered, sorted records joined with their documents (every page). */
  private withDocuments(query: ListRecordsQuery) {
    return this.filtered(parseListQuery(query), 'in', true).sorted.innerJoin('record_documents', 'record_documents.id', 'records.id');
  }

  /** One record by id. @throws {NotFoundError} */
  async get(id: string): Promise<CatalyticRecord> {
    const row = await this.db.selectFrom('record_documents').select('record_json').where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(id);
    return JSON.parse(row.record_json) as CatalyticRecord;
  }

  /** The record as entered (the import/export form). @throws {NotFoundError} */
  async getInput(id: string): Promise<RecordInput> {
    const row = await this.db.selectFrom('record_documents').select('input_json').where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(id);
    return JSON.parse(row.input_json) as RecordInput;
  }

  private validateUserDraft(draft: unknown): RecordInput {
    const parsed = recordInputSchema.safeParse(draft);
    if (!parsed.success) throw toInputError(parsed.error);
    if (parsed.data.origin !== 'user')
      throw new InputError('origin', '"user" (literature records come only from the curated data)', `got "${parsed.data.origin}"`);
    return parsed.data;
  }

  /** Adds a user record, owned by `actor` (a token) if given. @throws {InputError} invalid, {ConflictError} id taken */
  async create(draft: unknown, actor?: Actor): Promise<CatalyticRecord> {
    this.assertWritable();
    const input = this.validateUserDraft(draft);
    const record = normalizeRecord(input);
    const withId = { ...input, id: record.id };
    await this.transact(async (trx) => {
      const existing = await trx.selectFrom('records').select('id').where('id', '=', record.id).executeTakeFirst();
      if (existing) throw new ConflictError(record.id);
      const stored = toRow(record, withId, new Date().toISOString());
      await insertRecords(trx, [{ ...stored, row: { ...stored.row, owner: actor?.name ?? null } }]);
    }).catch((error: unknown) => {
      throw isIdClash(error) ? new ConflictError(record.id) : error; // a concurrent create of the same id won
    });
    return record;
  }

  /** Replaces a user record's fields (the id stays). @throws {NotFoundError}, {ReadOnlyError}, {InputError} */
  async update(id: string, draft: unknown, actor?: Actor): Promise<CatalyticRecord> {
    this.assertWritable();
    const input = this.validateUserDraft({ ...(draft as object), id });
    const record = normalizeRecord(input);
    await this.transact(async (trx) => {
      const existing = await trx.selectFrom('records').select(['origin', 'created_at', 'owner']).where('id', '=', id).executeTakeFirst();
      if (!existing) throw new NotFoundError(id);
      if (existing.origin !== 'user') throw new ReadOnlyError(id);
      RecordStore.assertMayEdit(id, existing.owner, actor);
      const { row, document, species } = toRow(record, input, new Date().toISOString(), existing.created_at);
      await trx.updateTable('records').set(row).where('id', '=', id).execute();
      await trx.updateTable('record_documents').set(document).where('id', '=', id).execute();
      await trx.deleteFrom('record_species').where('record_id', '=', id).execute();
      await insertBatched(trx, 'record_species', species);
    });
    return record;
  }

  /** Deletes a user record. @throws {NotFoundError}, {ReadOnlyError} */
  async delete(id: string, actor?: Actor): Promise<void> {
    this.assertWritable();
    await this.transact(async (trx) => {
      const existing = await trx.selectFrom('records').select(['origin', 'owner']).where('id', '=', id).executeTakeFirst();
      if (!existing) throw new NotFoundError(id);
      if (existing.origin !== 'user') throw new ReadOnlyError(id);
      RecordStore.assertMayEdit(id, existing.owner, actor);
      await trx.deleteFrom('records').where('id', '=', id).execute(); // its documents and species go with it (cascade)
    });
  }

  /** Copies a literature record into an editable user record `newId` (default `<id>-fork`). */
  async fork(id: string, newId = `${id}-fork`, actor?: Actor): Promise<CatalyticRecord> {
    const input = await this.getInput(id);
    return this.create({ ...input, id: newId, origin: 'user', forkedFrom: id }, actor);
  }

  /**
   * Imports user records all-or-nothing: every row is validated (schema, unique ids within the file and
   * against the database) before anything is written; any problem refuses the whole import.
   * @returns the ids written
   * @throws {ImportError} listing every bad row with its line and field
   */
  async importRows(rows: RawRow[], actor?: Actor): Promise<string[]> {
    this.assertWritable();
    if (rows.length > MAX_IMPORT_ROWS) throw new InputError('content', `at most ${MAX_IMPORT_ROWS} rows per import (split the file)`, `${rows.length} rows`);
    const problems: ImportProblem[] = [];
    const valid: { line: number; input: RecordInput; record: CatalyticRecord }[] = [];
    for (const { line, data } of rows) {
      if (problems.length >= MAX_IMPORT_PROBLEMS) break; // refused anyway: 10⁶ bad rows took 63 s and 1.8 GB to list
      const parsed = recordInputSchema.safeParse(data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ line, field: issue.path.join('.') || '(row)', message: issue.message });
        continue;
      }
      if (parsed.data.origin !== 'user') {
        problems.push({ line, field: 'origin', message: 'imports create user records: leave origin empty or "user"' });
        continue;
      }
      const record = normalizeRecord(parsed.data);
      valid.push({ line, input: { ...parsed.data, id: record.id }, record });
    }
    const seen = new Map<string, number>();
    for (const v of valid) {
      const first = seen.get(v.record.id);
      if (first !== undefined) problems.push({ line: v.line, field: 'id', message: `id "${v.record.id}" repeats line ${first}` });
      else seen.set(v.record.id, v.line);
    }
    const ids = [...seen.keys()];
    const now = new Date().toISOString();
    const tableRows = problems.length
      ? []
      : valid.map((v) => toRow(v.record, v.input, now)).map((s) => ({ ...s, row: { ...s.row, owner: actor?.name ?? null } }));
    const refuseClashes = async (db: Kysely<DatabaseSchema>) => {
      for (let i = 0; i < ids.length; i += 500) {
        const clash = await db
          .selectFrom('records')
          .select('id')
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const { id } of clash) problems.push({ line: seen.get(id)!, field: 'id', message: `a record with id "${id}" already exists` });
      }
      if (problems.length) throw new ImportError(problems.sort((a, b) => a.line - b.line));
    };
    // The id clash check runs in the writing transaction; a record another writer commits meanwhile (which
    // PostgreSQL's read-committed check cannot see) fails the insert, and is then listed like any clash
    await this.transact(async (trx) => {
      await refuseClashes(trx);
      await insertRecords(trx, tableRows);
    }).catch(async (error: unknown) => {
      if (isIdClash(error)) await refuseClashes(this.db);
      throw error;
    });
    // the import is committed: a failed statistics refresh (e.g. a damaged index) must not turn it into an
    // error a client retries into "already exists" (issue 14); it is reported beside the ids instead
    if (tableRows.length >= 1000) {
      try {
        await this.refreshStatistics();
      } catch (error) {
        this.lastWarning = `imported; the query statistics were not refreshed (${(error as Error).message})`;
      }
    }
    return valid.map((v) => v.record.id);
  }

  /**
   * Refreshes the query planner's table statistics after a bulk write: without them PostgreSQL plans a
   * filtered list right after a 100 000-record import as if the tables were empty (measured: 211 ms → 59 ms).
   */
  private async refreshStatistics(): Promise<void> {
    await sql`analyze`.execute(this.db);
  }

  /** Records as entered (the import format), filtered and sorted like {@link list}, all pages. */
  async exportInputs(query: ListRecordsQuery = {}): Promise<RecordInput[]> {
    const rows = await this.withDocuments(query).select('record_documents.input_json').execute();
    return rows.map((r) => JSON.parse(r.input_json) as RecordInput);
  }

  /** The products and N and C sources the records name, each with its record count, most used first. */
  async facets(): Promise<RecordFacets> {
    const rows = await this.db
      .selectFrom('record_species')
      .select(['role', 'species_id', sql<string | number>`count(*)`.as('n')])
      .groupBy(['role', 'species_id'])
      .execute();
    const count = (role: SpeciesRole): SpeciesFacet[] =>
      rows
        .filter((r) => r.role === role)
        .map((r) => {
          const entry = findSpeciesEntry(r.species_id);
          return { id: r.species_id, name: entry?.name ?? r.species_id, formula: entry?.formula ?? '', records: Number(r.n) };
        })
        .sort((a, b) => b.records - a.records || a.name.localeCompare(b.name));
    return { products: count('product'), nitrogenSources: count('n_source'), carbonSources: count('c_source') };
  }

  /** Every record that carries a flag, with the curator's and the automatic flags. */
  async flags(): Promise<RecordFlags[]> {
    const records = await this.all({ flagged: true });
    return records.map((r) => ({ id: r.id, catalyst: r.catalyst, origin: r.origin, flags: r.flags, autoFlags: r.autoFlags }));
  }

  /** Runs the FE–current–yield consistency check on every record (or the filtered ones). */
  async check(
    query: ListRecordsQuery = {},
  ): Promise<{ id: string; catalyst: string; checked: boolean; impliedElectrons?: number; electrons: number | null; flag?: Flag }[]> {
    const records = await this.all(query);
    return records.map((r) => ({ id: r.id, catalyst: r.catalyst, electrons: r.normalized.electrons, ...checkConsistency(r.normalized) }));
  }
}
