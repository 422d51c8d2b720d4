/** No record (or other stored thing, `what`) with that id, or as `message` says (HTTP 404, CLI exit 2). */
export class NotFoundError extends Error {
  readonly id: string;
  constructor(id: string, what = 'record', message = `no ${what} with id "${id}"`) {
    super(message);
    this.name = 'NotFoundError';
    this.id = id;
  }
}

/** A write to a literature record, which is read-only unless forked (HTTP 409, CLI exit 2). */
export class ReadOnlyError extends Error {
  readonly id: string;
  constructor(id: string) {
    super(`record "${id}" is curated literature and read-only; fork it (cncouple db fork ${id}) to edit a copy`);
    this.name = 'ReadOnlyError';
    this.id = id;
  }
}

/** An id that already exists, or another clash `message` describes (HTTP 409, CLI exit 2). */
export class ConflictError extends Error {
  readonly id: string;
  constructor(id: string, message = `a record with id "${id}" already exists`) {
    super(message);
    this.name = 'ConflictError';
    this.id = id;
  }
}

/** One problem of one imported row: its line (1-based, the header is line 1 in CSV) and field path. */
export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}

/** An import that was refused as a whole; nothing was written. Lists every bad row. */
export class ImportError extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    const head = problems
      .slice(0, 5)
      .map((p) => `line ${p.line}, ${p.field}: ${p.message}`)
      .join('; ');
    super(`import refused, nothing written: ${problems.length} problem(s): ${head}${problems.length > 5 ? '; …' : ''}`);
    this.name = 'ImportError';
    this.problems = problems;
  }
}

/**
 * The database cannot serve: its folder is not writable, its file is damaged, or its schema is newer than this
 * cncouple. One line naming the path or version (CLI exit 2; the server does not start, or answers writes 503).
 */
export class DatabaseError extends Error {
  /** The SQLite file or the PostgreSQL URL without password. */
  readonly location: string;
  constructor(location: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseError';
    this.location = location;
  }
}

/** The embedded database failed its integrity check (`PRAGMA quick_check`): reads go on, writes are refused. */
export class CorruptDatabaseError extends DatabaseError {
  /** What the check reported (its first lines). */
  readonly problems: string[];
  constructor(location: string, problems: string[]) {
    super(
      location,
      `the database ${location} is damaged (${problems[0] ?? 'integrity check failed'}${problems.length > 1 ? `, and ${problems.length - 1} more` : ''}); writes are refused. ` +
        `Copy what can still be read with "cncouple db backup --out rescue.sqlite", then put a good copy back with "cncouple db restore <backup.sqlite>" (backups are in ${BACKUPS_HINT})`,
    );
    this.name = 'CorruptDatabaseError';
    this.problems = problems;
  }
}
const BACKUPS_HINT = 'backups/ beside the database file';

/** A token may edit only the records (or campaigns, `what`) it wrote (admin tokens any) (HTTP 403, CLI exit 2). */
export class ForbiddenError extends Error {
  readonly id: string;
  constructor(id: string, actor: string, owner: string | null, what = 'record') {
    super(
      `${what} "${id}" belongs to ${owner === null ? 'no token (written without one)' : `token "${owner}"`}; token "${actor}" may edit only its own ${what}s (an admin token may edit any)`,
    );
    this.name = 'ForbiddenError';
    this.id = id;
  }
}
