/** The one mapping from errors to code, HTTP status and CLI exit code (src/errors/errorReport.ts, issue 12). */
import { CommanderError } from 'commander';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/chem/InputError.js';
import { inputErrorFromZod } from '../../src/chem/zodIssues.js';
import { errorBody, MAX_ISSUES, MAX_PROBLEMS, toErrorReport } from '../../src/errors/errorReport.js';
import { JobForbiddenError, JobNotFinishedError, JobNotFoundError, JobQuotaError } from '../../src/jobs/JobManager.js';
import { ConflictError, CorruptDatabaseError, DatabaseError, ForbiddenError, ImportError, NotFoundError, ReadOnlyError } from '../../src/store/errors.js';

describe('toErrorReport', () => {
  it('maps every error class to its code, status and exit code', () => {
    const table: [unknown, string, number, number][] = [
      [new InputError('pH', 'a number from -2 to 16', 'got "abc"'), 'bad-input', 400, 2],
      [new NotFoundError('r1'), 'not-found', 404, 2],
      [new JobNotFoundError('j1'), 'not-found', 404, 2],
      [new JobNotFinishedError('j1', 'running'), 'job-not-finished', 409, 2],
      [new ReadOnlyError('r1'), 'read-only', 409, 2],
      [new ConflictError('r1'), 'conflict', 409, 2],
      [new ForbiddenError('r1', 'a', 'b'), 'forbidden', 403, 2],
      [new JobForbiddenError('j1'), 'forbidden', 403, 2],
      [new CorruptDatabaseError('/x.sqlite', ['page 3 bad']), 'corrupt-database', 503, 2],
      [new DatabaseError('/x.sqlite', 'folder not writable'), 'database-unavailable', 503, 2],
      [new JobQuotaError(429, 'you run 4 jobs', 10), 'rate-limited', 429, 2],
      [new JobQuotaError(503, 'the server runs 16 jobs', 10), 'server-busy', 503, 2],
      [new ImportError([{ line: 2, field: 'products.0', message: 'unknown' }]), 'bad-input', 400, 2],
      [new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"), 'bad-input', 400, 2],
      [new TypeError('x is undefined'), 'internal', 500, 1],
      ['a string', 'internal', 500, 1],
    ];
    for (const [error, code, status, exitCode] of table) expect(toErrorReport(error), String(error)).toMatchObject({ code, status, exitCode });
  });

  it('JobNotFoundError is not an InputError (404 by its own class)', () => {
    expect(new JobNotFoundError('j1')).not.toBeInstanceOf(InputError);
  });

  it('an internal error never shows its message', () => {
    expect(toErrorReport(new Error('secret path /home/x')).message).toBe('internal error');
  });

  it('caps import problems at MAX_PROBLEMS and counts the rest', () => {
    const problems = Array.from({ length: MAX_PROBLEMS + 7 }, (_, i) => ({ line: i + 2, field: 'catalyst', message: 'missing' }));
    const report = toErrorReport(new ImportError(problems));
    expect(report.problems).toHaveLength(MAX_PROBLEMS);
    expect(report.moreProblems).toBe(7);
    expect(report.detail).toHaveLength(MAX_PROBLEMS + 7); // stderr lists every row
  });

  it('zod: allowed from enum options, literals, bounds, type; problems capped at MAX_ISSUES, also as issues', () => {
    const schema = z.object({
      a: z.enum(['x', 'y']),
      b: z.number().max(5),
      c: z.array(z.number()).min(2),
      d: z.literal('q'),
      e: z.number().gt(0),
      f: z.number(),
      g: z.string(),
      h: z.string(),
    });
    const error = schema.safeParse({ a: 'z', b: 9, c: [1], d: 'r', e: 0, f: 'one' }).error!;
    const report = toErrorReport(error);
    expect(report).toMatchObject({ code: 'bad-input', field: 'a', allowed: 'one of "x", "y"', status: 400 });
    expect(report.problems!.map((p) => [p.field, p.allowed])).toEqual([
      ['a', 'one of "x", "y"'],
      ['b', 'a number at most 5'],
      ['c', 'at least 2 items'],
      ['d', '"q"'],
      ['e', 'a number more than 0'],
    ]);
    expect(report.problems).toHaveLength(MAX_ISSUES);
    expect(report.moreProblems).toBe(3); // f, g, h
    const body = errorBody(report);
    expect(body).not.toHaveProperty('status');
    expect(body).not.toHaveProperty('exitCode');
    expect((body.issues as unknown[]).length).toBe(MAX_ISSUES);
    expect(body.moreIssues).toBe(3);
  });

  it('inputErrorFromZod: the schema-known allowed form, else the fallback', () => {
    const enumError = z.object({ medium: z.enum(['acidic', 'alkaline']) }).safeParse({ medium: 'n' }).error!;
    expect(inputErrorFromZod(enumError, 'input', 'see docs').allowed).toBe('one of "acidic", "alkaline"');
    const refineError = z.object({ s: z.string().refine(() => false, 'nope') }).safeParse({ s: 'x' }).error!;
    expect(inputErrorFromZod(refineError, 'input', 'see docs')).toMatchObject({ field: 's', allowed: 'see docs' });
  });
});
