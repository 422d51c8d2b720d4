import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';

/** Versioned migrations, in code so that they ship with the package; names sort in order. */
const migrations: Record<string, Migration> = {
  '0001-records': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('forked_from', 'text')
        .addColumn('catalyst', 'text', (c) => c.notNull())
        .addColumn('strategy', 'text', (c) => c.notNull())
        .addColumn('product_printed', 'text', (c) => c.notNull())
        .addColumn('products', 'text', (c) => c.notNull())
        .addColumn('n_sources', 'text', (c) => c.notNull())
        .addColumn('c_sources', 'text', (c) => c.notNull())
        .addColumn('fe', 'double precision')
        .addColumn('selectivity', 'double precision')
        .addColumn('yield_kind', 'text')
        .addColumn('yield_canonical', 'double precision')
        .addColumn('yield_canonical_unit', 'text')
        .addColumn('potential_v_rhe', 'double precision')
        .addColumn('current_density_a_per_m2', 'double precision')
        .addColumn('flag_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('source_ref', 'integer')
        .addColumn('input_json', 'text', (c) => c.notNull())
        .addColumn('record_json', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      for (const column of ['origin', 'strategy', 'fe', 'yield_canonical', 'potential_v_rhe']) {
        await db.schema.createIndex(`records_${column}_idx`).on('records').column(column).execute();
      }
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('meta').execute();
      await db.schema.dropTable('records').execute();
    },
  },
  // The JSON documents move out of `records`: a filter or count then scans narrow rows (`npm run bench`, 100 000
  // records, p50 in SQLite: product filter 290 → 31 ms, page at offset 5000 24 → 8.7 ms; BENCHMARKS.md).
  '0002-record-documents': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('record_documents')
        .addColumn('id', 'text', (c) => c.primaryKey().references('records.id').onDelete('cascade'))
        .addColumn('input_json', 'text', (c) => c.notNull())
        .addColumn('record_json', 'text', (c) => c.notNull())
        .execute();
      await sql`insert into record_documents (id, input_json, record_json) select id, input_json, record_json from records`.execute(db);
      await db.schema.alterTable('records').dropColumn('input_json').execute();
      await db.schema.alterTable('records').dropColumn('record_json').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('records').addColumn('input_json', 'text').execute();
      await db.schema.alterTable('records').addColumn('record_json', 'text').execute();
      await sql`update records set input_json = (select d.input_json from record_documents d where d.id = records.id), record_json = (select d.record_json from record_documents d where d.id = records.id)`.execute(
        db,
      );
      await db.schema.dropTable('record_documents').execute();
    },
  },
  // The species each record names get a row each, keyed for the filters (an index range instead of a LIKE scan
  // over bar-delimited columns) and the filter choices (one GROUP BY instead of reading every record): at
  // 100 000 records (bench/store.bench.ts), SQLite p50 product filter 24.7 → 2.0 ms, facets 292 → 17 ms.
  '0003-record-species': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('record_species')
        .addColumn('record_id', 'text', (c) => c.notNull().references('records.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('species_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('record_species_pk', ['role', 'species_id', 'record_id'])
        .execute();
      await db.schema.createIndex('record_species_record_idx').on('record_species').column('record_id').execute();
      // PostgreSQL would take role and species as independent and plan for a third of the records a common
      // species names; statistics on the pair let it count them right
      if (isPostgres(db)) await sql`create statistics record_species_role_species (dependencies, mcv) on role, species_id from record_species`.execute(db);
      const records = await sql<{
        id: string;
        products: string;
        n_sources: string;
        c_sources: string;
      }>`select id, products, n_sources, c_sources from records`.execute(db);
      // a species a record listed twice in one role (accepted before this version) is kept once, at its first place
      const rows = records.rows.flatMap((r) =>
        SPECIES_COLUMNS.flatMap(([role, column]) =>
          [...new Set(r[column].split('|').filter(Boolean))].map((species_id, position) => ({ record_id: r.id, role, species_id, position })),
        ),
      );
      for (let i = 0; i < rows.length; i += 500)
        await (db as Kysely<{ record_species: object }>)
          .insertInto('record_species')
          .values(rows.slice(i, i + 500))
          .execute();
      for (const [, column] of SPECIES_COLUMNS) await db.schema.alterTable('records').dropColumn(column).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const [, column] of SPECIES_COLUMNS)
        await db.schema
          .alterTable('records')
          .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
          .execute();
      const species = await sql<{
        record_id: string;
        role: string;
        species_id: string;
      }>`select record_id, role, species_id from record_species order by record_id, role, position`.execute(db);
      const bars = new Map<string, Record<string, string[]>>();
      for (const s of species.rows) ((bars.get(s.record_id) ?? bars.set(s.record_id, {}).get(s.record_id)!)[s.role] ??= []).push(s.species_id);
      for (const [id, roles] of bars) {
        const set = Object.fromEntries(SPECIES_COLUMNS.map(([role, column]) => [column, roles[role]?.length ? `|${roles[role].join('|')}|` : '']));
        await (db as Kysely<{ records: { id: string } }>).updateTable('records').set(set).where('id', '=', id).execute();
      }
      await db.schema.dropTable('record_species').execute();
    },
  },
  // Strategy and minimum FE, the web's usual pair of filters, as one index range: at 100 000 records the count
  // of a strategy + FE ≥ 50 % list went from 15.5 ms (all records of the strategy read) to 0.3 ms in SQLite.
  // It serves strategy-only filters too, so it replaces the strategy index. PostgreSQL also gets the
  // descending sorts of the lists (FE, yield) with nulls last: its ascending indexes walked backwards give
  // nulls first, so it sorted every match (urea, sort FE: p50 45.8 → 14.9 ms). SQLite's ascending indexes
  // walked backwards already give nulls last.
  '0004-list-indexes': {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('records_strategy_fe_idx').on('records').columns(['strategy', 'fe']).execute();
      await db.schema.dropIndex('records_strategy_idx').execute();
      if (isPostgres(db)) {
        await sql`create index records_fe_desc_idx on records (fe desc nulls last, id)`.execute(db);
        await sql`create index records_yield_desc_idx on records (yield_canonical_unit, yield_canonical desc nulls last, id)`.execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      if (isPostgres(db)) {
        await db.schema.dropIndex('records_yield_desc_idx').execute();
        await db.schema.dropIndex('records_fe_desc_idx').execute();
      }
      await db.schema.createIndex('records_strategy_idx').on('records').column('strategy').execute();
      await db.schema.dropIndex('records_strategy_fe_idx').execute();
    },
  },
  // API tokens for a shared server (issue 14), stored as the SHA-256 of the token (never the token), and the
  // owner of each record: the name of the token that wrote it (null for literature and local writes)
  '0005-api-tokens': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('api_tokens')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.alterTable('records').addColumn('owner', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('records').dropColumn('owner').execute();
      await db.schema.dropTable('api_tokens').execute();
    },
  },
  // Saved experiment campaigns of the Plan & screen page (issue 13: "a user's campaign survives a restart"),
  // owned like records by the token that wrote them; the document is the campaign as entered
  '0006-campaigns': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('campaigns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('document_json', 'text', (c) => c.notNull())
        .addColumn('completed_runs', 'integer', (c) => c.notNull())
        .addColumn('pending_runs', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('campaigns_owner_name_idx').on('campaigns').columns(['owner', 'name']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('campaigns').execute();
    },
  },
};

/** Whether the migrations run on PostgreSQL (some indexes and statistics are its own). */
const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Each species role and the bar-delimited column (`|urea|`) that held it before migration 0003. */
const SPECIES_COLUMNS = [
  ['product', 'products'],
  ['n_source', 'n_sources'],
  ['c_source', 'c_sources'],
] as const;

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Names of the migrations this database has not run yet, oldest first (all of them for a new database). */
export async function pendingMigrations(db: Kysely<unknown>): Promise<string[]> {
  const all = await new Migrator({ db, provider }).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/**
 * Brings the schema to the newest version, or to (up or down) the migration named `target`, each migration
 * in its own transaction; throws with the failing migration's name. Returns the migrations run.
 */
export async function migrateToLatest(db: Kysely<unknown>, target?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) throw new Error(`database migration failed: ${(error as Error).message ?? String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The newest migration this version knows (the schema version it writes). */
export const LATEST_MIGRATION = Object.keys(migrations).sort().at(-1)!;

/**
 * Migrations this database has run that this version does not know, sorted: a newer cncouple wrote its schema
 * (empty for a new database or one of this version or older).
 */
export async function unknownMigrations(db: Kysely<unknown>): Promise<string[]> {
  let names: string[];
  try {
    names = (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((r) => r.name);
  } catch {
    return []; // no migration table yet: a new database
  }
  return names.filter((n) => !Object.hasOwn(migrations, n)).sort();
}
