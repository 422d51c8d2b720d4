import { parse } from 'csv-parse/sync';
import { InputError, readHumanNumber } from '../chem/index.js';
import { stringify } from 'csv-stringify/sync';
import { withSchemaColumns } from './recordCsvColumns.js';
import { type RecordInput, recordInputSchema } from './recordSchema.js';

/** CSV columns, in the order of the record input schema. */
export const RECORD_CSV_COLUMNS = Object.keys(recordInputSchema.shape) as (keyof RecordInput)[];

const LIST_COLUMNS = new Set(['elements', 'products', 'nitrogenSources', 'carbonSources']);
const NUMBER_COLUMNS = new Set(['pH', 'electrodeAreaCm2', 'durationH', 'sourceRef']);
/** Columns holding a JSON value (besides `flags`). */
const JSON_COLUMNS = new Set(['comparison']);

/** One raw row read from a file: its 1-based line number and the untyped draft to validate. */
export interface RawRow {
  line: number;
  data: Record<string, unknown>;
}

/**
 * Writes record inputs as CSV with a header row: lists joined by ";", flags as JSON, absent values as
 * empty cells. {@link parseRecordCsv} reads it back to equal inputs.
 */
export function recordsToCsv(records: RecordInput[]): string {
  const rows = records.map((r) =>
    RECORD_CSV_COLUMNS.map((column) => {
      const value = r[column];
      if (value === undefined) return '';
      if (column === 'flags') return (value as unknown[]).length ? JSON.stringify(value) : '';
      if (JSON_COLUMNS.has(column)) return JSON.stringify(value);
      if (LIST_COLUMNS.has(column)) return (value as string[]).join(';');
      if (Object.is(value, -0)) return '-0'; // String(-0) is "0"; keep the sign so that the round trip is exact
      return typeof value === 'number' ? String(value) : neutralizeCell(String(value));
    }),
  );
  return stringify([RECORD_CSV_COLUMNS, ...rows]);
}

/**
 * A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, tab or carriage return,
 * after any apostrophes) gets one more leading apostrophe, which spreadsheets show as text (OWASP, "CSV
 * Injection"); {@link parseRecordCsv} takes exactly one off again, so the round trip stays exact.
 */
export function neutralizeCell(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;
const NEUTRALIZED = /^'+[=+\-@\t\r]/;

/**
 * Reads CSV text into raw rows (not yet validated). Cells become the types the schema expects where
 * they can: lists split on ";", numbers parsed, flags parsed as JSON; a cell that cannot be converted is
 * passed on as text so that validation names its field.
 * @throws {Error} on malformed CSV (unclosed quote, wrong column count), with the line
 */
export function parseRecordCsv(text: string): RawRow[] {
  const parsed = parse(text, { columns: true, skip_empty_lines: true, bom: true, info: true, relax_column_count: false }) as {
    record: Record<string, string>;
    info: { lines: number };
  }[];
  return parsed.map(({ record, info }) => {
    const data: Record<string, unknown> = {};
    for (const [column, raw] of Object.entries(withSchemaColumns(record))) {
      if (raw === '') continue;
      const cell = NEUTRALIZED.test(raw) ? raw.slice(1) : raw; // written by neutralizeCell
      // lists: ";" as exported, "," as the web form takes them
      if (LIST_COLUMNS.has(column))
        data[column] = cell
          .split(/[;,]/)
          .map((s) => s.trim())
          .filter(Boolean);
      else if (NUMBER_COLUMNS.has(column)) {
        // the rule of every typed number (readHumanNumber), not Number(): "0x7" is not 7, "7,0" is not read
        const reading = readHumanNumber(cell);
        data[column] = reading.ok ? reading.value : cell;
      } else if (column === 'flags' || JSON_COLUMNS.has(column)) {
        try {
          data[column] = JSON.parse(cell);
        } catch {
          data[column] = cell;
        }
      } else data[column] = cell;
    }
    return { line: info.lines, data };
  });
}

/**
 * Raw rows of an import: CSV (header as in the export) or a JSON array of records. Lines are 1-based (the
 * CSV header is line 1; JSON rows count from 1).
 * @throws {InputError} on malformed CSV or JSON, or JSON that is not an array
 */
export function parseImportText(format: 'csv' | 'json', content: string, field = 'content'): RawRow[] {
  if (format === 'csv') {
    try {
      return parseRecordCsv(content);
    } catch (error) {
      throw new InputError(field, 'CSV with the header of the CSV export', (error as Error).message);
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new InputError(field, 'a JSON array of records', `invalid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new InputError(field, 'a JSON array of records', 'not an array');
  // records are objects; anything else is passed on as it is, for validation to name
  return data.map((d, i) => ({
    line: i + 1,
    data: d && typeof d === 'object' && !Array.isArray(d) ? withSchemaColumns(d as Record<string, unknown>) : (d as Record<string, unknown>),
  }));
}
