import type { z } from 'zod';
import { InputError } from './InputError.js';

/**
 * The one conversion of zod validation issues to what the edges show (issue 12): the allowed form of an issue
 * where its schema says it, and one {@link InputError} for library code that validates with zod.
 */

/** What a zod issue's schema accepts, where the issue says it: enum options, literal values, bounds, type, format. */
export function allowedOfZodIssue(issue: z.core.$ZodIssue): string | undefined {
  const bound = (word: 'at least' | 'at most' | 'more than' | 'less than', value: number | bigint, origin: string) => {
    if (origin === 'array' || origin === 'set') return `${word} ${value} items`;
    if (origin === 'string') return `${word} ${value} characters`;
    return `a number ${word} ${value}`;
  };
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return bound(issue.inclusive === false ? 'more than' : 'at least', issue.minimum, issue.origin);
    case 'too_big':
      return bound(issue.inclusive === false ? 'less than' : 'at most', issue.maximum, issue.origin);
    case 'invalid_type':
      return issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`;
    case 'invalid_format':
      return `a ${issue.format}`;
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return 'only the documented fields';
    default:
      return undefined;
  }
}

/**
 * One {@link InputError} for the first issue of a failed zod parse: its field path (after `prefix`; `fallbackField`
 * for the root) and its allowed form where the schema knows it, else `fallbackAllowed` (e.g. "the record schema
 * (docs/records.md)"). The zod error is the cause.
 */
export function inputErrorFromZod(error: z.ZodError, fallbackField: string, fallbackAllowed: string, prefix = ''): InputError {
  const issue = error.issues[0]!;
  const field = prefix + (issue.path.length ? issue.path.map(String).join('.') : fallbackField);
  return new InputError(field, allowedOfZodIssue(issue) ?? fallbackAllowed, issue.message, { cause: error });
}
