import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

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
      await sql`update records set input_json = (select d.input_json from record_documents d where d.id = records.id), record_json = (select d.record_json from record_documents d where d.id = records.id)`.execute(db);
      await db.schema.dropTable('record_documents').execute();
    },
  },
};

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
