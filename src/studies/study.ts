import type { z } from 'zod';
import { inputErrorFromZod } from '../chem/zodIssues.js';

/** Progress of a running study in its own units (e.g. periods done of periods asked). */
export type StudyProgress = (done: number, total: number) => void;

/**
 * One user-facing operation: the single definition that the API, the CLI and the job workers share — its
 * input schema (units in the field names, defaults documented once, in the schema) and its `run`.
 */
export interface Study<S extends z.ZodType = z.ZodType, R = unknown> {
  /** Registry name, e.g. `kinetics.pulse`. */
  name: string;
  /** One line for the API docs. */
  summary: string;
  /** The input schema: the API body, the CLI's `study` input file, the worker's task. */
  input: S;
  /**
   * Where the HTTP API runs it: `inline` for calculators whose cost the schema bounds to well under a
   * millisecond, `pool` for anything that solves equations within a request's time budget (on a worker thread,
   * never on the request thread), `job` for long work (a background job on a worker thread with progress and cancel).
   */
  runsOn: 'inline' | 'pool' | 'job';
  /** One valid input (the API body): the OpenAPI document's example, and the case every equality test runs. */
  example: z.input<S>;
  /**
   * Further valid inputs whose results have a different shape (an optional output field absent or present): the
   * documented response schema merges the results of `example` and these, so a field missing from any of them is
   * not listed as required. Only the example's result is shown as the response example.
   */
  responseVariants?: z.input<S>[];
  /**
   * The result's records whose keys depend on the input (species, adsorbates, steps, descriptors), as paths:
   * names joined by `.`, `[]` stepping into an array's items, e.g. `results[].surface`. The documented response
   * schema describes each as a map (`additionalProperties`, no required keys) rather than requiring the keys
   * the example happened to have.
   */
  responseMaps?: readonly string[];
  /**
   * True when the edge adds records read from the store to the request (the example then holds none, and the
   * documented response shape is not generated from it).
   */
  inputFromStore?: true;
  /**
   * Checks what the schema cannot (a model's names, a parsed electrolyte…) before the work starts, throwing an
   * InputError, so that bad input is a 400 at submission and never a failed background job.
   */
  check?: (input: z.output<S>) => void;
  /** The Vega-Lite spec of a result, served beside a finished job's result. */
  figure?: (result: R) => unknown;
  /** Runs the operation on validated input; pure (no I/O beyond reading built-in data). */
  run: (input: z.output<S>, onProgress?: StudyProgress) => R;
}

/** Declares a study (identity; it types `run` from the schema). */
export function defineStudy<S extends z.ZodType, R>(study: Study<S, R>): Study<S, R> {
  return study;
}

/** Validates `raw` with a study schema; zod issues become one InputError naming the field path. */
export function validateStudyInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw inputErrorFromZod(parsed.error, 'input', 'the study input format (docs/cli.md)');
  return parsed.data;
}
