/** No record with that id (HTTP 404, CLI exit 2). */
export class NotFoundError extends Error {
  readonly id: string;
  constructor(id: string) {
    super(`no record with id "${id}"`);
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

/** An id that already exists (HTTP 409, CLI exit 2). */
export class ConflictError extends Error {
  readonly id: string;
  constructor(id: string) {
    super(`a record with id "${id}" already exists`);
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
