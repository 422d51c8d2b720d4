import { CommanderError } from 'commander';
import { z } from 'zod';
import { InputError } from '../chem/InputError.js';
import { allowedOfZodIssue } from '../chem/zodIssues.js';
import { JobForbiddenError, JobNotFinishedError, JobNotFoundError, JobQuotaError } from '../jobs/JobManager.js';
import { ConflictError, CorruptDatabaseError, DatabaseError, ForbiddenError, ImportError, NotFoundError, ReadOnlyError } from '../store/errors.js';

/**
 * What went wrong, as a stable machine-readable word. One per error class; the HTTP status and CLI exit code
 * follow from it ({@link toErrorReport}).
 */
export type ErrorCode =
  | 'bad-input'
  | 'not-found'
  | 'read-only'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'corrupt-database'
  | 'database-unavailable'
  | 'job-not-finished'
  | 'rate-limited'
  | 'server-busy'
  | 'payload-too-large'
  | 'bad-request'
  | 'internal';

/** One item of a multi-part error: a bad import row, a validation issue or an integrity-check line. */
export interface ErrorProblem {
  /** 1-based line of an imported file (the CSV header is line 1); absent for other problems. */
  line?: number;
  /** Path of the offending field, e.g. `products.0`; absent where the problem has no field. */
  field?: string;
  message: string;
  /** What the field accepts, where the schema knows it (enum options, min/max, type). */
  allowed?: string;
}

/**
 * The one description of an error that both edges format: the API sends {@link errorBody} with `status`, the
 * CLI prints `message` (and `detail`) on stderr, {@link errorBody} on stdout under `--json`, and exits `exitCode`.
 */
export interface ErrorReport {
  code: ErrorCode;
  /** One line; for bad input `field: problem (allowed: form)`. */
  message: string;
  /** Path of the offending input field (bad input, unknown job id). */
  field?: string;
  /** Human description of what `field` accepts. */
  allowed?: string;
  /** Every part of a multi-part error, capped (see {@link MAX_PROBLEMS}, {@link MAX_ISSUES}); the rest counted in `moreProblems`. */
  problems?: ErrorProblem[];
  /** How many problems were left out of `problems`. */
  moreProblems?: number;
  /** The record or job id the error is about. */
  id?: string;
  /** The database file or URL (database errors). */
  location?: string;
  /** The error class name, e.g. `ReadOnlyError` (kept for scripts written against earlier releases). */
  kind?: string;
  /** Seconds to wait before trying again (rate-limited, server-busy). */
  retryAfterS?: number;
  /** HTTP status the API answers with. */
  status: number;
  /** Exit code of the CLI: 2 for every error the user can fix, 1 for internal errors. */
  exitCode: number;
  /** Extra lines the CLI prints under the message on stderr (not in the JSON). */
  detail?: string[];
}

/**
 * Validation issues listed in a 400 response (default 5); the rest are counted in `moreProblems`. A body with
 * a 10⁶-element array got every issue serialized before: an 88 MB response in 4.8 s (issue 14).
 */
export const MAX_ISSUES = 5;
/** Bad import rows listed in an error (default 100); the rest are counted in `moreProblems`. */
export const MAX_PROBLEMS = 100;

const firstLine = (text: string) => text.split('\n')[0] ?? text;
const capped = (problems: ErrorProblem[], max: number) => ({
  problems: problems.slice(0, max),
  ...(problems.length > max ? { moreProblems: problems.length - max } : {}),
});
const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Field (option or argument) and allowed form of a commander parse error, read from its message. */
function commanderReport(error: CommanderError): ErrorReport {
  const message = error.message.replace(/^error:\s*/, '');
  const quotedFull = /'([^']+)'/.exec(message)?.[1];
  const quoted = quotedFull?.split(' ')[0];
  const choices = /Allowed choices are (.+?)\.?$/.exec(message)?.[1];
  const allowed =
    error.code === 'commander.unknownOption'
      ? 'the options of `--help`'
      : error.code === 'commander.unknownCommand'
        ? 'a command of `cncouple --help`'
        : error.code === 'commander.excessArguments'
          ? 'the arguments of `--help`'
          : error.code === 'commander.missingMandatoryOptionValue' || error.code === 'commander.optionMissingArgument'
            ? `a value: ${quotedFull}`
            : error.code === 'commander.missingArgument'
              ? `a value for <${quotedFull}>`
              : choices !== undefined
                ? `one of ${choices}`
                : undefined;
  return { code: 'bad-input', message, ...(quoted ? { field: quoted } : {}), ...(allowed ? { allowed } : {}), kind: error.code, status: 400, exitCode: 2 };
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  429: 'rate-limited',
  503: 'server-busy',
};

/**
 * The one mapping from any thrown value to its {@link ErrorReport}: bad input 400 / exit 2, unknown id 404,
 * read-only / conflict / unfinished job 409, forbidden 403, quotas 429/503, database 503; anything else is an
 * internal error (500 / exit 1, message "internal error" — the edge logs the stack).
 */
export function toErrorReport(error: unknown): ErrorReport {
  if (error instanceof JobNotFoundError)
    return { code: 'not-found', message: error.message, field: error.field, allowed: error.allowed, id: error.id, kind: error.name, status: 404, exitCode: 2 };
  if (error instanceof JobNotFinishedError)
    return {
      code: 'job-not-finished',
      message: error.message,
      field: 'id',
      allowed: 'a finished job (status "done")',
      id: error.id,
      kind: error.name,
      status: 409,
      exitCode: 2,
    };
  if (error instanceof InputError) {
    // one line: the detail under the message (e.g. a caret under a formula) stays in error.message for library callers
    return { code: 'bad-input', message: firstLine(error.message), field: error.field, allowed: error.allowed, kind: error.name, status: 400, exitCode: 2 };
  }
  if (error instanceof z.ZodError) {
    const problems = error.issues.map((i): ErrorProblem => {
      const allowed = allowedOfZodIssue(i);
      return { field: fieldOf(i.path), message: i.message, ...(allowed ? { allowed } : {}) };
    });
    const first = problems[0]!;
    const field = first.field || '(body)';
    const message = `${field}: ${first.message}${first.allowed ? ` (allowed: ${first.allowed})` : ''}`;
    return {
      code: 'bad-input',
      message,
      field,
      ...(first.allowed ? { allowed: first.allowed } : {}),
      ...capped(problems, MAX_ISSUES),
      kind: 'ZodError',
      status: 400,
      exitCode: 2,
    };
  }
  if (error instanceof ImportError) {
    return {
      code: 'bad-input',
      message: `import refused, nothing written: ${error.problems.length} problem(s)`,
      ...capped(error.problems, MAX_PROBLEMS),
      kind: error.name,
      status: 400,
      exitCode: 2,
      detail: error.problems.map((p) => `line ${p.line}, ${p.field}: ${p.message}`),
    };
  }
  if (error instanceof NotFoundError) return { code: 'not-found', message: error.message, id: error.id, kind: error.name, status: 404, exitCode: 2 };
  if (error instanceof ReadOnlyError) return { code: 'read-only', message: error.message, id: error.id, kind: error.name, status: 409, exitCode: 2 };
  if (error instanceof ConflictError) return { code: 'conflict', message: error.message, id: error.id, kind: error.name, status: 409, exitCode: 2 };
  if (error instanceof ForbiddenError) return { code: 'forbidden', message: error.message, id: error.id, kind: error.name, status: 403, exitCode: 2 };
  if (error instanceof CorruptDatabaseError) {
    return {
      code: 'corrupt-database',
      message: error.message,
      location: error.location,
      kind: error.name,
      ...capped(
        error.problems.map((message) => ({ message })),
        MAX_PROBLEMS,
      ),
      status: 503,
      exitCode: 2,
    };
  }
  if (error instanceof DatabaseError)
    return { code: 'database-unavailable', message: error.message, location: error.location, kind: error.name, status: 503, exitCode: 2 };
  if (error instanceof JobQuotaError) {
    return {
      code: error.statusCode === 429 ? 'rate-limited' : 'server-busy',
      message: error.message,
      retryAfterS: error.retryAfterS,
      kind: error.name,
      status: error.statusCode,
      exitCode: 2,
    };
  }
  if (error instanceof JobForbiddenError) return { code: 'forbidden', message: error.message, id: error.id, kind: error.name, status: 403, exitCode: 2 };
  if (error instanceof CommanderError) return commanderReport(error);
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { code: STATUS_CODES[status] ?? 'bad-request', message: firstLine((error as Error).message), status, exitCode: 2 };
  }
  return { code: 'internal', message: 'internal error', status: 500, exitCode: 1 };
}

/**
 * The JSON both edges print for an error (the API's `{error: …}` body, the CLI's `--json` error object): the
 * report without status, exit code and stderr detail. Validation problems are also sent as `issues` /
 * `moreIssues`, their name before issue 12 (kept for one release).
 */
export function errorBody(report: ErrorReport): Record<string, unknown> {
  const { status: _status, exitCode: _exitCode, detail: _detail, ...body } = report;
  if (report.kind === 'ZodError') {
    return {
      ...body,
      issues: report.problems?.map((p) => ({ field: p.field, message: p.message, ...(p.allowed ? { allowed: p.allowed } : {}) })),
      ...(report.moreProblems ? { moreIssues: report.moreProblems } : {}),
    };
  }
  return body;
}
