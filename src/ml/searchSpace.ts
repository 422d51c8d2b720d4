import { z } from 'zod';
import { InputError } from '../chem/index.js';
import { inputErrorFromZod } from '../chem/zodIssues.js';

/**
 * The search space of an experiment campaign: parameters, linear inequality constraints and one or two
 * objectives. Read from YAML/JSON by the edges and validated here (zod), e.g.
 *
 * ```yaml
 * parameters:
 *   - { name: potential, type: continuous, low: -0.8, high: -0.2, unit: V vs RHE }
 *   - { name: nitrate, type: continuous, low: 0.01, high: 1, scale: log, unit: M }
 *   - { name: x_Cu, type: continuous, low: 0, high: 1 }
 *   - { name: x_Pd, type: continuous, low: 0, high: 1 }
 *   - { name: pulses, type: integer, low: 1, high: 10 }
 *   - { name: support, type: categorical, values: [CeO2, TiO2] }
 * constraints: ["x_Cu + x_Pd <= 1"]
 * objectives:
 *   - { name: fe_urea, goal: maximize }
 * ```
 */

const name = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'a name of letters, digits, _ . - starting with a letter or _');

const continuous = z
  .object({
    name,
    type: z.literal('continuous'),
    low: z.number().finite(),
    high: z.number().finite(),
    /** `log`: the model sees ln x (for concentrations, times, rates spanning decades). Default `linear`. */
    scale: z.enum(['linear', 'log']).default('linear'),
    unit: z.string().optional(),
  })
  .strict()
  .refine((p) => p.high > p.low, { message: 'high must exceed low', path: ['high'] })
  .refine((p) => p.scale !== 'log' || p.low > 0, { message: 'a log-scaled parameter needs low > 0', path: ['low'] });

const integer = z
  .object({ name, type: z.literal('integer'), low: z.number().int(), high: z.number().int(), unit: z.string().optional() })
  .strict()
  .refine((p) => p.high > p.low, { message: 'high must exceed low', path: ['high'] });

const categorical = z
  .object({
    name,
    type: z.literal('categorical'),
    values: z
      .array(z.union([z.string(), z.number()]).transform(String))
      .min(2)
      .max(50),
  })
  .strict()
  .refine((p) => new Set(p.values).size === p.values.length, { message: 'values must differ', path: ['values'] });

/** One parameter of the space. */
export const parameterSchema = z.union([continuous, integer, categorical]);

/** One objective: a column of the runs file to maximize or minimize. */
export const objectiveSchema = z.object({ name, goal: z.enum(['maximize', 'minimize']), unit: z.string().optional() }).strict();

/** The search-space file (see the module comment for an example). */
export const searchSpaceSchema = z
  .object({
    parameters: z.array(parameterSchema).min(1).max(30),
    /** Linear inequalities over continuous/integer parameters, e.g. `"x_Cu + x_Pd <= 1"`, `"2*a - b >= 0.5"`. */
    constraints: z.array(z.string()).max(20).default([]),
    objectives: z.array(objectiveSchema).min(1).max(2),
  })
  .strict();

export type SearchSpaceInput = z.input<typeof searchSpaceSchema>;
export type Parameter = z.output<typeof parameterSchema>;
export type Objective = z.output<typeof objectiveSchema>;

/** A parsed linear constraint Σ coefficients[name]·x_name ≤ upper. */
export interface LinearConstraint {
  text: string;
  coefficients: Record<string, number>;
  upper: number;
}

/** A validated search space with its constraints parsed. */
export interface SearchSpace {
  parameters: Parameter[];
  constraints: LinearConstraint[];
  objectives: Objective[];
}

/** A point of the space: a number per continuous/integer parameter, a string per categorical one. */
export type ParameterValues = Record<string, number | string>;

const CONSTRAINT_ALLOWED = 'a linear inequality like "x_Cu + x_Pd <= 1" or "2*a - 0.5*b >= -1" over continuous or integer parameters';

/** Parses "2*a - b <= 3" (also ">="; coefficients as "2*a", "2 a" or none). */
export function parseLinearConstraint(text: string, numeric: string[], field: string): LinearConstraint {
  const m = /^(.*?)(<=|>=|≤|≥)(.*)$/.exec(text);
  if (!m) throw new InputError(field, CONSTRAINT_ALLOWED, `no <= or >= in "${text}"`);
  const upperText = m[3]!.trim();
  const bound = Number(upperText);
  if (upperText === '' || !Number.isFinite(bound)) throw new InputError(field, CONSTRAINT_ALLOWED, `the right side "${upperText}" is not a number`);
  const sign = m[2] === '>=' || m[2] === '≥' ? -1 : 1;
  const coefficients: Record<string, number> = {};
  const lhs = m[1]!.replace(/\s+/g, ' ').trim();
  const termRe = /([+-])?\s*(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)?\s*\*?\s*([A-Za-z_][A-Za-z0-9_.]*)\s*/y;
  let at = 0;
  let first = true;
  while (at < lhs.length) {
    termRe.lastIndex = at;
    const t = termRe.exec(lhs);
    if (!t || (!first && !t[1])) throw new InputError(field, CONSTRAINT_ALLOWED, `cannot read "${lhs.slice(at)}" in "${text}"`);
    const pname = t[3]!;
    if (!numeric.includes(pname))
      throw new InputError(field, CONSTRAINT_ALLOWED, `"${pname}" is not a continuous or integer parameter (${numeric.join(', ')})`);
    const c = (t[1] === '-' ? -1 : 1) * (t[2] ? Number(t[2]) : 1);
    coefficients[pname] = (coefficients[pname] ?? 0) + sign * c;
    at = termRe.lastIndex;
    first = false;
  }
  if (first) throw new InputError(field, CONSTRAINT_ALLOWED, `no terms in "${text}"`);
  return { text, coefficients, upper: sign * bound };
}

/**
 * Validates a search space (parsed YAML/JSON object).
 * @throws {InputError} naming the field path, e.g. `parameters.1.high`
 */
export function parseSearchSpace(raw: unknown): SearchSpace {
  const parsed = searchSpaceSchema.safeParse(raw);
  if (!parsed.success) throw inputErrorFromZod(parsed.error, 'space', 'a search space as in docs/ml.md');
  const { parameters, objectives } = parsed.data;
  const names = [...parameters.map((p) => p.name), ...objectives.map((o) => o.name)];
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i)
      throw new InputError(
        i < parameters.length ? `parameters.${i}.name` : `objectives.${i - parameters.length}.name`,
        'names used once across parameters and objectives',
        `"${n}" repeated`,
      );
  });
  const numeric = parameters.filter((p) => p.type !== 'categorical').map((p) => p.name);
  const constraints = parsed.data.constraints.map((c, i) => parseLinearConstraint(c, numeric, `constraints.${i}`));
  const space = { parameters, constraints, objectives };
  // a constraint no corner or centre of the box satisfies is almost surely a typo
  return space;
}

/** Σ a·x − upper for a constraint (≤ 0 when satisfied). */
export function constraintSlack(c: LinearConstraint, values: ParameterValues): number {
  let s = -c.upper;
  for (const [n, a] of Object.entries(c.coefficients)) s += a * (values[n] as number);
  return s;
}

/** Whether a point satisfies every constraint (tolerance 1e-9 relative to the bound). */
export function satisfiesConstraints(space: SearchSpace, values: ParameterValues): boolean {
  return space.constraints.every((c) => constraintSlack(c, values) <= 1e-9 * Math.max(1, Math.abs(c.upper)));
}

/** Number of model inputs: one per continuous/integer parameter, one per category of a categorical one. */
export function encodedDimensions(space: SearchSpace): number {
  return space.parameters.reduce((n, p) => n + (p.type === 'categorical' ? p.values.length : 1), 0);
}

/** Input bounds of the encoded space for the Gaussian process (log scaling where the parameter says so). */
export function encodedBounds(space: SearchSpace): { low: number[]; high: number[]; log: boolean[] } {
  const low: number[] = [];
  const high: number[] = [];
  const log: boolean[] = [];
  for (const p of space.parameters) {
    if (p.type === 'categorical') {
      for (let i = 0; i < p.values.length; i++) {
        low.push(0);
        high.push(1);
        log.push(false);
      }
    } else {
      low.push(p.low);
      high.push(p.high);
      log.push(p.type === 'continuous' && p.scale === 'log');
    }
  }
  return { low, high, log };
}

/** Encodes a point: numbers as they are, categories one-hot. */
export function encodePoint(space: SearchSpace, values: ParameterValues): number[] {
  const out: number[] = [];
  for (const p of space.parameters) {
    const v = values[p.name];
    if (p.type === 'categorical') for (const c of p.values) out.push(c === v ? 1 : 0);
    else out.push(v as number);
  }
  return out;
}

/** Position of a point in [0, 1] per parameter (categorical: index/(k−1)); for distances between points. */
export function unitCoordinates(space: SearchSpace, values: ParameterValues): number[] {
  return space.parameters.map((p) => {
    const v = values[p.name];
    if (p.type === 'categorical') return p.values.indexOf(v as string) / (p.values.length - 1);
    const x = v as number;
    if (p.type === 'continuous' && p.scale === 'log') return Math.log(x / p.low) / Math.log(p.high / p.low);
    return (x - p.low) / (p.high - p.low);
  });
}

/** Maps unit coordinates back to a point (integers rounded, categories by nearest index). */
export function fromUnitCoordinates(space: SearchSpace, u: readonly number[]): ParameterValues {
  const out: ParameterValues = {};
  space.parameters.forEach((p, i) => {
    const t = Math.min(1, Math.max(0, u[i]!));
    if (p.type === 'categorical') out[p.name] = p.values[Math.min(p.values.length - 1, Math.floor(t * p.values.length))]!;
    else if (p.type === 'integer') out[p.name] = Math.min(p.high, Math.max(p.low, Math.round(p.low - 0.5 + t * (p.high - p.low + 1))));
    else out[p.name] = p.scale === 'log' ? p.low * Math.exp(t * Math.log(p.high / p.low)) : p.low + t * (p.high - p.low);
  });
  return out;
}
