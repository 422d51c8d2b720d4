import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DatabaseError } from './errors.js';

/**
 * Row of the `records` table: the query columns only, so that filters and counts scan narrow rows; the
 * documents themselves are in `record_documents`, the species each record names in `record_species`.
 */
export interface RecordsTable {
  id: string;
  origin: string;
  forked_from: string | null;
  catalyst: string;
  strategy: string;
  product_printed: string;
  /** Faradaic efficiency, fraction. */
  fe: number | null;
  selectivity: number | null;
  yield_kind: string | null;
  /** Yield in canonical units (mol s⁻¹ g_cat⁻¹, mol s⁻¹ m⁻², …) or a fraction for percentage yields. */
  yield_canonical: number | null;
  yield_canonical_unit: string | null;
  potential_v_rhe: number | null;
  current_density_a_per_m2: number | null;
  flag_count: number;
  source_ref: number | null;
  /** Name of the API token that wrote the record; null for literature and for writes without a token. */
  owner?: string | null;
  created_at: string;
  updated_at: string;
}

/** Row of `record_documents`: a record as entered and as normalized (JSON text), deleted with its record. */
export interface RecordDocumentsTable {
  id: string;
  input_json: string;
  record_json: string;
}

/** The roles a species plays in a record. */
export type SpeciesRole = 'product' | 'n_source' | 'c_source';

/**
 * Row of `record_species`: one species (registry id) a record names as product, N source or C source, at
 * `position` in the record's list; keyed by (role, species, record) so that a species filter is an index
 * range; deleted with its record.
 */
export interface RecordSpeciesTable {
  record_id: string;
  role: SpeciesRole;
  species_id: string;
  position: number;
}

/** Key–value metadata, e.g. the hash of the seeded literature. */
export interface MetaTable {
  key: string;
  value: string;
}

/** Row of `api_tokens`: a named token's scope and the SHA-256 (hex) of its secret; revoked ones stay, dated. */
export interface ApiTokensTable {
  name: string;
  scope: 'read' | 'write' | 'admin';
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/**
 * Row of `campaigns`: a saved experiment campaign (search space and runs, issue 13), owned like a record by the
 * token that wrote it (null: written without a token).
 */
export interface CampaignsTable {
  id: string;
  name: string;
  owner: string | null;
  /** The campaign as entered: `{name, space, runs}` (JSON text). */
  document_json: string;
  /** Finished runs (every objective given) when saved. */
  completed_runs: number;
  /** Runs in flight (objectives empty) when saved. */
  pending_runs: number;
  created_at: string;
  updated_at: string;
}

/** The database schema seen by Kysely. */
export interface DatabaseSchema {
  api_tokens: ApiTokensTable;
  campaigns: CampaignsTable;
  records: RecordsTable;
  record_documents: RecordDocumentsTable;
  record_species: RecordSpeciesTable;
  meta: MetaTable;
}

/** An open database: the Kysely handle and which dialect serves it. */
export interface OpenDatabase {
  db: Kysely<DatabaseSchema>;
  dialect: 'sqlite' | 'postgres';
  /** Human description: the SQLite file or the PostgreSQL URL without password. */
  location: string;
  /** SQLite only: writes a consistent copy of the open database to `file` (online backup, safe while in use). */
  backup?: (file: string) => Promise<void>;
  /**
   * SQLite only: `PRAGMA quick_check` (SQLite's O(N) check of pages, records and index order, without matching
   * indexes to their tables): `[]` when the file is sound, else its first problems (at most 10).
   */
  quickCheck?: () => string[];
  /**
   * SQLite only: `PRAGMA data_version`, a number that changes whenever another connection (another process, e.g.
   * a `cncouple import` beside a running server) commits to the file; this connection's own commits leave it.
   */
  dataVersion?: () => number;
}

/**
 * Opens the embedded SQLite database file `<dataDir>/cncouple.sqlite` (created with its folder), or a
 * PostgreSQL database when `url` starts with `postgres://` or `postgresql://`.
 */
export function openDatabase(options: { dataDir?: string; url?: string }): OpenDatabase {
  if (options.url && /^postgres(ql)?:\/\//.test(options.url)) {
    const pool = new pg.Pool({ connectionString: options.url, max: 8 });
    return {
      db: new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
      location: options.url.replace(/:[^:@/]*@/, ':***@'),
    };
  }
  if (options.url) throw new Error(`unsupported database URL "${options.url}" (use postgres://… or leave it out for the embedded database)`);
  const dataDir = options.dataDir ?? '.cncouple-data';
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, 'cncouple.sqlite');
  let sqlite: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dataDir, { recursive: true });
    sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL'); // the first read: fails on a read-only folder or a file that is no database
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    throw new DatabaseError(file, openProblem(file, dataDir, error as NodeJS.ErrnoException & { code?: string }), { cause: error });
  }
  let dataVersion: Database.Statement | undefined;
  return {
    quickCheck: () => {
      try {
        const rows = sqlite.pragma('quick_check(10)') as { quick_check: string }[];
        return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
      } catch (error) {
        return [(error as Error).message]; // e.g. "database disk image is malformed"
      }
    },
    dataVersion: () => (dataVersion ??= sqlite.prepare('PRAGMA data_version').pluck()).get() as number, // prepared once: .pragma() prepares on every call
    db: new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) }),
    dialect: 'sqlite',
    location: file,
    ...(file === ':memory:' ? {} : { backup: async (to: string) => void (await sqlite.backup(to)) }),
  };
}

/** One line saying why the embedded database at `file` cannot be opened, and what to do. */
function openProblem(file: string, dataDir: string, error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (
    ['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_DIRECTORY'].includes(code) ||
    /read-?only|unable to open/i.test(error.message)
  ) {
    return `cannot write the data folder ${dataDir} (${code || error.message}): give a writable folder with --data-dir or $CNCOUPLE_DATA_DIR`;
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return `the database ${file} is damaged (${error.message}); move it aside and put a backup in its place ("cncouple db restore <backup.sqlite>"; backups are in backups/ beside it)`;
  }
  return `cannot open the database ${file}: ${error.message}`;
}
