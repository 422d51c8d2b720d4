import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../chem/index.js';
import { type Campaign, parseRuns } from './runs.js';
import type { ScreeningCandidate } from './screenCandidates.js';
import { type SearchSpace, parseSearchSpace } from './searchSpace.js';

/**
 * Reads a search-space file's text (YAML or JSON) and validates it (see {@link parseSearchSpace}).
 * @throws {InputError} for unreadable YAML (field `space`) or a schema violation (its path)
 */
export function parseSearchSpaceText(text: string): SearchSpace {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InputError('space', 'YAML or JSON text', (error as Error).message.split('\n')[0] ?? 'unreadable');
  }
  return parseSearchSpace(raw);
}

/** A CSV record with the (1-based) line it ends on. */
interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Splits CSV text into trimmed records (BOM and empty lines skipped, every line the same number of cells).
 * @throws {InputError} naming the line csv-parse stopped at
 */
function readCsvRecords(text: string): CsvRecord[] {
  try {
    return parseCsv(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false, trim: true }) as unknown as CsvRecord[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new InputError(`line ${e.lines ?? '?'}`, 'CSV with the same number of cells on every line', e.message.split('\n')[0] ?? 'unreadable');
  }
}

/**
 * Reads a runs table's CSV text (header of parameter and objective names; an empty objective cell = in
 * flight) and validates it against the space (see {@link parseRuns}). An empty text is an empty campaign.
 * @throws {InputError} naming the line and the column
 */
export function parseRunsCsv(space: SearchSpace, text: string): Campaign {
  if (text.trim() === '') return { completed: [], pending: [] };
  const records = readCsvRecords(text);
  const [header, ...rows] = records;
  return parseRuns(
    space,
    header!.record,
    rows.map((r) => ({ line: r.info.lines, cells: r.record })),
  );
}

/**
 * Reads a screening candidates table: a `name` column, one column per descriptor (eV; descriptors left out
 * keep the model's values) and optional `sigma_<descriptor>` columns with that candidate's own standard
 * deviation (eV; empty = the common one).
 * @throws {InputError} naming the line and the column
 */
export function parseCandidatesCsv(descriptors: readonly string[], text: string): ScreeningCandidate[] {
  const records = readCsvRecords(text);
  if (records.length < 2) throw new InputError('candidates', 'a header line and at least one candidate', 'no candidates');
  const header = records[0]!.record;
  const allowed = `name, descriptor columns (${descriptors.join(', ')}) and sigma_<descriptor> columns`;
  header.forEach((h, i) => {
    const ok = h === 'name' || descriptors.includes(h) || (h.startsWith('sigma_') && descriptors.includes(h.slice(6)));
    if (!ok) throw new InputError(`line 1, column ${i + 1} "${h}"`, allowed, `unknown column "${h}"`);
    if (header.indexOf(h) !== i) throw new InputError(`line 1, column ${i + 1} "${h}"`, 'each column once', `column "${h}" repeated`);
  });
  if (!header.includes('name')) throw new InputError('line 1, name', allowed, 'missing column "name"');
  const names = new Map<string, number>();
  return records.slice(1).map(({ record, info }) => {
    const line = info.lines;
    const c: ScreeningCandidate = { name: record[header.indexOf('name')]!, descriptors: {} };
    if (c.name === '') throw new InputError(`line ${line}, name`, 'a non-empty name', 'empty');
    if (names.has(c.name)) throw new InputError(`line ${line}, name`, 'each name once', `"${c.name}" also on line ${names.get(c.name)}`);
    names.set(c.name, line);
    header.forEach((h, i) => {
      if (h === 'name') return;
      const text = record[i]!;
      if (text === '' && h.startsWith('sigma_')) return;
      const v = Number(text);
      if (text === '' || !Number.isFinite(v))
        throw new InputError(
          `line ${line}, ${h}`,
          h.startsWith('sigma_') ? 'a number ≥ 0, eV, or empty' : 'a finite number, eV',
          text === '' ? 'empty' : `got "${text}"`,
        );
      if (h.startsWith('sigma_')) {
        if (v < 0) throw new InputError(`line ${line}, ${h}`, 'a number ≥ 0, eV', `got ${v}`);
        (c.sigmaEv ??= {})[h.slice(6)] = v;
      } else c.descriptors[h] = v;
    });
    return c;
  });
}
