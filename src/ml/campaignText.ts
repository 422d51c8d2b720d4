import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../chem/index.js';
import { type Campaign, parseRuns } from './runs.js';
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

/**
 * Reads a runs table's CSV text (header of parameter and objective names; an empty objective cell = in
 * flight) and validates it against the space (see {@link parseRuns}). An empty text is an empty campaign.
 * @throws {InputError} naming the line and the column
 */
export function parseRunsCsv(space: SearchSpace, text: string): Campaign {
  if (text.trim() === '') return { completed: [], pending: [] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false, trim: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new InputError(`line ${e.lines ?? '?'}`, 'CSV with the same number of cells on every line', e.message.split('\n')[0] ?? 'unreadable');
  }
  const [header, ...rows] = records;
  return parseRuns(space, header!.record, rows.map((r) => ({ line: r.info.lines, cells: r.record })));
}
