import { InputError } from '../chem/index.js';
import { type ParameterValues, type SearchSpace, constraintSlack } from './searchSpace.js';

/** One run of a campaign: its parameter values and (when done) its objective values. */
export interface Run {
  /** Line of the runs file (1 = header), for messages. */
  line: number;
  parameters: ParameterValues;
  /** Objective values by name; empty while the run is in flight. */
  objectives: Record<string, number>;
}

/** Runs split into finished and in-flight ones. */
export interface Campaign {
  completed: Run[];
  /** Runs with every objective cell empty: in flight; the planner keeps new suggestions away from them. */
  pending: Run[];
}

/**
 * Validates the rows of a runs table (CSV read by the edge: header then rows of strings) against a space:
 * every column a parameter or objective, every value inside the space and its constraints, objectives
 * numeric or all empty (in flight), no two runs with the same parameters. Nothing is returned unless
 * every row is valid.
 *
 * @param rows - each with its file line number and its cells in header order
 * @throws {InputError} whose field names the line and the column, e.g. `line 4, potential`
 */
export function parseRuns(space: SearchSpace, header: readonly string[], rows: readonly { line: number; cells: readonly string[] }[]): Campaign {
  const known = [...space.parameters.map((p) => p.name), ...space.objectives.map((o) => o.name)];
  header.forEach((h, i) => {
    if (!known.includes(h))
      throw new InputError(`line 1, column ${i + 1} "${h}"`, `a parameter or objective of the space (${known.join(', ')})`, `unknown column "${h}"`);
    if (header.indexOf(h) !== i) throw new InputError(`line 1, column ${i + 1} "${h}"`, 'each column once', `column "${h}" repeated`);
  });
  for (const k of known)
    if (!header.includes(k)) throw new InputError(`line 1, ${k}`, `a column for every parameter and objective (${known.join(', ')})`, `missing column "${k}"`);
  const completed: Run[] = [];
  const pending: Run[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const cell = (name: string) => (row.cells[header.indexOf(name)] ?? '').trim();
    const parameters: ParameterValues = {};
    for (const p of space.parameters) {
      const field = `line ${row.line}, ${p.name}`;
      const text = cell(p.name);
      if (p.type === 'categorical') {
        if (!p.values.includes(text)) throw new InputError(field, `one of ${p.values.join(', ')}`, `got "${text}"`);
        parameters[p.name] = text;
        continue;
      }
      const v = Number(text);
      const allowed = `${p.type === 'integer' ? 'an integer' : 'a number'} from ${p.low} to ${p.high}${p.unit ? ' ' + p.unit : ''}`;
      if (text === '' || !Number.isFinite(v)) throw new InputError(field, allowed, text === '' ? 'empty' : `got "${text}"`);
      if (p.type === 'integer' && !Number.isInteger(v)) throw new InputError(field, allowed, `got ${v}`);
      if (v < p.low || v > p.high) throw new InputError(field, allowed, `${v} is outside the space`);
      parameters[p.name] = v;
    }
    space.constraints.forEach((c, i) => {
      const slack = constraintSlack(c, parameters);
      if (slack > 1e-9 * Math.max(1, Math.abs(c.upper)))
        throw new InputError(`line ${row.line}, constraints.${i}`, `runs that satisfy "${c.text}"`, `violated by ${slack.toPrecision(3)}`);
    });
    const objectives: Record<string, number> = {};
    const empty = space.objectives.filter((o) => cell(o.name) === '');
    if (empty.length > 0 && empty.length < space.objectives.length) {
      throw new InputError(
        `line ${row.line}, ${empty[0]!.name}`,
        'every objective filled (a finished run) or every one empty (in flight)',
        'empty while another objective is filled',
      );
    }
    for (const o of space.objectives) {
      const text = cell(o.name);
      if (text === '') continue;
      const v = Number(text);
      if (!Number.isFinite(v)) throw new InputError(`line ${row.line}, ${o.name}`, 'a finite number, or empty for a run in flight', `got "${text}"`);
      objectives[o.name] = v;
    }
    const key = JSON.stringify(space.parameters.map((p) => parameters[p.name]));
    const earlier = seen.get(key);
    if (earlier !== undefined)
      throw new InputError(`line ${row.line}`, 'each parameter combination once (average replicates into one row)', `same parameters as line ${earlier}`);
    seen.set(key, row.line);
    (empty.length > 0 ? pending : completed).push({ line: row.line, parameters, objectives });
  }
  return { completed, pending };
}
