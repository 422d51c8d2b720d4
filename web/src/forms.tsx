import { type HumanNumberOptions, readHumanNumber } from '../../src/chem/parseHumanNumber.js';
import { ApiError } from './api.js';

/**
 * Form helpers: numbers read as people type them (the library's parser, shared with the CLI), and messages
 * in the words of the form's labels, every problem at once.
 */

/** How to read one numeric field of a form. */
export interface NumberField {
  /** The field's label as the form shows it, e.g. "FE (fraction)". */
  label: string;
  /** Units accepted after the number, with their factor to the field's unit (see HumanNumberOptions). */
  units?: HumanNumberOptions['units'];
  /** Inclusive bounds in the field's unit. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** An empty field gives undefined instead of a problem. Default false. */
  optional?: boolean;
}

/**
 * The numbers of a form's text fields and every problem found, each naming its field by label; `byField` has
 * the same problems keyed by field, to show beside their inputs.
 */
export function readNumbers<K extends string>(
  form: Record<K, string>,
  fields: Record<K, NumberField>,
): { values: Record<K, number | undefined>; problems: string[]; byField: Partial<Record<K, string>> } {
  const values = {} as Record<K, number | undefined>;
  const problems: string[] = [];
  const byField: Partial<Record<K, string>> = {};
  const add = (key: K, problem: string) => {
    problems.push(problem);
    byField[key] = problem;
  };
  for (const key of Object.keys(fields) as K[]) {
    const f = fields[key];
    const text = form[key] ?? '';
    if (text.trim() === '' && f.optional) {
      values[key] = undefined;
      continue;
    }
    const r = readHumanNumber(text, { units: f.units });
    if (!r.ok) {
      add(key, r.problem === 'empty' ? `${f.label} is empty: type a number` : `${f.label}: ${r.problem} — type ${r.allowed}`);
      continue;
    }
    if (f.integer && !Number.isInteger(r.value)) add(key, `${f.label} must be a whole number, not ${r.value}`);
    else if (f.min !== undefined && r.value < f.min) add(key, `${f.label} must be at least ${f.min}, not ${r.value}`);
    else if (f.max !== undefined && r.value > f.max) add(key, `${f.label} must be at most ${f.max}, not ${r.value}`);
    values[key] = r.value;
  }
  return { values, problems, byField };
}

/** A zod or library message in plain words ("Too small: expected string to have >=1 characters" → "is required"). */
export function plainMessage(message: string): string {
  const m = message.replace(/\s*\(see `cncouple [a-z ]+`\)/g, '');
  let x: RegExpExecArray | null;
  if (/^Too small: expected string to have >=1 characters?$/.test(m)) return 'is required';
  if ((x = /^Too small: expected (?:number|array) to (?:be|have) >=?(\S+?)( items)?$/.exec(m))) return `must be at least ${x[1]}${x[2] ?? ''}`;
  if ((x = /^Too big: expected (?:number|array) to (?:be|have) <=?(\S+?)( items)?$/.exec(m))) return `must be at most ${x[1]}${x[2] ?? ''}`;
  if ((x = /^Too big: expected string to have <=(\d+) characters$/.exec(m))) return `is longer than ${x[1]} characters`;
  if (/^Invalid input: expected number, received (null|NaN|undefined)$/.test(m)) return 'is not a number';
  if ((x = /^Invalid option: expected one of (.*)$/.exec(m))) return `must be one of ${x[1]!.replace(/\|/g, ', ')}`;
  if (/^Invalid input: expected \w+, received undefined$/.test(m)) return 'is required';
  return m;
}

/**
 * The problems of a rejected request, each starting with the form's label of its field (`labels` maps the
 * API's field names, e.g. `catalystPrinted`, to labels; list items get "(item n)").
 */
export function explainError(error: unknown, labels: Record<string, string> = {}): string[] {
  if (!(error instanceof ApiError)) return [(error as Error).message];
  const label = (field: string) => {
    const [head = '', ...rest] = field.split('.');
    const name = labels[head] ?? head;
    const index = rest.find((r) => /^\d+$/.test(r));
    return index === undefined ? name : `${name} (item ${Number(index) + 1})`;
  };
  const join = (field: string, message: string) => {
    const m = plainMessage(message);
    return /^(is|must) /.test(m) ? `${label(field)} ${m}` : `${label(field)}: ${m}`;
  };
  if (error.issues?.length) return error.issues.map((i) => join(i.field, i.message));
  if (error.field) {
    const rest = error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
    return [join(error.field, rest)];
  }
  return [error.message];
}

/**
 * The problems of a rejected request keyed by the form input they belong to, to show beside that input:
 * `inputs` maps the API's field paths (`pulse.tHighS`) or their first segment (`electrolyte`) to input keys.
 * Each message is in plain words, with what the field allows when the server says. Fields the form has no
 * input for are left out (they still show in {@link explainError}'s list under the form).
 */
export function problemsByInput(error: unknown, inputs: Record<string, string>): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const inputOf = (field: string) => inputs[field] ?? inputs[field.split('.')[0] ?? ''];
  const text = (field: string, message: string, allowed?: string) => {
    const m = plainMessage(message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message).replace(/\s*\(allowed: .*\)$/, '');
    // "must be at most 3" says it already; a free-form message gets what the field allows
    return allowed && !/^(is|must) /.test(m) && !m.includes(allowed) ? `${m} (allowed: ${allowed})` : m;
  };
  const found: Record<string, string> = {};
  const issues: { field: string; message: string; allowed?: string }[] = error.issues?.length
    ? error.issues
    : error.field
      ? [{ field: error.field, message: error.message, allowed: error.allowed }]
      : [];
  for (const issue of issues) {
    const key = inputOf(issue.field);
    if (key && !found[key]) found[key] = text(issue.field, issue.message, issue.allowed);
  }
  return found;
}

/** The problems of a form, listed next to it (nothing when there are none). */
export function Problems({ problems, label }: { problems: string[]; label: string }) {
  if (!problems.length) return null;
  return (
    <div className="error problems" role="alert" aria-label={label}>
      {problems.length === 1 ? (
        <p>{problems[0]}</p>
      ) : (
        <>
          <p>{problems.length} problems:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
