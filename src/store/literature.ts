import { readFileSync } from 'node:fs';
import type { RecordInputDraft } from '../data/recordSchema.js';

/** The curated literature records shipped in data/literature/records.json (path valid from src/ and dist/). */
export function readLiteratureRecords(): RecordInputDraft[] {
  return JSON.parse(readFileSync(new URL('../../data/literature/records.json', import.meta.url), 'utf8')) as RecordInputDraft[];
}
