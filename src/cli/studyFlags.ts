/**
 * Flag commands as thin maps onto a study's input schema (src/studies): each flag names the one input field it
 * sets and how its text becomes a value; defaults, bounds and the run live in the study. Flags carry their unit
 * in the name; each renamed flag keeps its old name as one deprecated alias for a release (docs/cli.md).
 */
import { type Command, Option } from 'commander';
import type { z } from 'zod';
import { InputError, parseHumanNumber } from '../chem/index.js';
import { allowedOfZodIssue, inputErrorFromZod } from '../chem/zodIssues.js';

/** One flag of a flag command and the study input field it sets. */
export interface StudyFlag {
  /** commander flags, unit in the name, e.g. `--j-ma-cm2 <mA/cm2>`; a switch has no `<value>`. */
  flags: string;
  /** `--help` text (the default is appended from {@link StudyFlag.defaultValue}). */
  description: string;
  /** The study input field (top-level key of the schema) it sets. */
  field: string;
  /** The old name kept for one release, e.g. `--j <mA/cm2>`: it works, `--help` marks it deprecated. */
  alias?: string;
  /** Text → field value; default: a number as people type it ("−0.6", "0,05"). The flag used names the error. */
  parse?: (text: string, flag: string) => unknown;
  /** Must be given (checked here, not by commander, so that the alias counts too). */
  required?: boolean;
  /** The schema's default, shown in `--help` only (the schema applies it). */
  defaultValue?: unknown;
  /** Allowed values (commander checks them and lists them in `--help`). */
  choices?: readonly string[];
}

/** The long name of a flags string: `--j-ma-cm2 <mA/cm2>` → `--j-ma-cm2`. */
const longName = (flags: string) => new Option(flags).long!;

/** Adds every flag (and each deprecated alias right after it) to `command`. */
export function addStudyFlags(command: Command, flags: readonly StudyFlag[]): Command {
  for (const f of flags) {
    const tail = [f.required ? 'required' : '', f.defaultValue !== undefined ? `default ${String(f.defaultValue)}` : ''].filter(Boolean).join('; ');
    const option = new Option(f.flags, `${f.description}${tail ? ` (${tail})` : ''}`);
    if (f.choices) option.choices([...f.choices]);
    command.addOption(option);
    if (f.alias) {
      const alias = new Option(f.alias, `deprecated alias of ${longName(f.flags)} (same unit); removed in the next release`);
      if (f.choices) alias.choices([...f.choices]);
      command.addOption(alias);
    }
  }
  return command;
}

/** The study input the flags give, and the deprecated aliases used (for a note in the human output). */
export interface FlagInput {
  input: Record<string, unknown>;
  deprecated: string[];
}

/**
 * Maps parsed options onto the study's input fields. Absent flags stay absent, so the schema's defaults apply.
 * @throws {InputError} a required flag missing, or a flag given under both its names
 */
export function inputFromFlags(options: Record<string, unknown>, flags: readonly StudyFlag[]): FlagInput {
  const input: Record<string, unknown> = {};
  const deprecated: string[] = [];
  for (const f of flags) {
    const current = new Option(f.flags);
    const old = f.alias ? new Option(f.alias) : undefined;
    const value = options[current.attributeName()];
    const oldValue = old ? options[old.attributeName()] : undefined;
    if (value !== undefined && oldValue !== undefined)
      throw new InputError(current.long!, `${current.long} or its deprecated alias ${old!.long}, not both`, 'given twice');
    const given = value ?? oldValue;
    const used = value !== undefined || !old ? current.long! : old.long!;
    if (given === undefined) {
      if (f.required) throw new InputError(current.long!, `a value: ${f.flags}`, `required option '${f.flags}' not specified`);
      continue;
    }
    if (oldValue !== undefined) deprecated.push(`${old!.long} is deprecated: use ${current.long} (same unit)`);
    const parse = (text: string) => (f.parse ? f.parse(text, used) : parseHumanNumber(used, text));
    // a variadic flag (`--vary <a...>`) gives a list: each item is parsed
    input[f.field] = f.choices ? given : typeof given === 'string' ? parse(given) : Array.isArray(given) ? given.map((t) => parse(String(t))) : given;
  }
  return { input, deprecated };
}

/**
 * Validates a flag input with the study's schema; a bad field is reported under the flag that set it
 * (`currentDensitiesMAPerCm2[3]` → `--j-ma-cm2`), with the allowed form from the schema.
 */
export function validateFlagInput<S extends z.ZodType>(schema: S, input: Record<string, unknown>, flags: readonly StudyFlag[]): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const flag = flags.find((f) => f.field === String(issue.path[0]));
  if (!flag) throw inputErrorFromZod(parsed.error, 'input', 'the input of `--help`');
  const rest = issue.path.slice(1).map(String);
  const field = `${longName(flag.flags)}${rest.length ? `[${rest.join('.')}]` : ''}`;
  throw new InputError(field, allowedOfZodIssue(issue) ?? `see ${longName(flag.flags)} in --help`, issue.message, { cause: parsed.error });
}

/**
 * Runs `fn` (a study's run on flag input) and reports a bad field it finds under the flag that set it, e.g. an
 * unknown `product` as `--product`.
 */
export async function withFlagNames<T>(flags: readonly StudyFlag[], fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const flag = flags.find((f) => error.field === f.field || error.field.startsWith(`${f.field}.`) || error.field.startsWith(`${f.field}[`));
    if (!flag) throw error;
    const end = error.message.indexOf(` (allowed: ${error.allowed})`);
    const problem = error.message.slice(error.field.length + 2, end < 0 ? undefined : end);
    throw new InputError(longName(flag.flags) + error.field.slice(flag.field.length), error.allowed, problem, { cause: error });
  }
}
