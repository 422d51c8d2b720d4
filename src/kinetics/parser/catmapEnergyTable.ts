import { InputError } from '../../chem/index.js';
import { readPythonLiterals } from './pythonLiteral.js';

/** One row of a CatMAP energy table (`input_file`): a formation energy on a surface and site, or of a gas. */
export interface CatmapEnergyRow {
  /** Surface, or null for gases ("None"). */
  surface: string | null;
  /** Site name (e.g. "111"), or "gas". */
  site: string;
  /** Species name without suffix, e.g. "OH", "pe-H", "H2O". */
  species: string;
  /** Formation energy, eV (NaN when the cell is not a number). */
  formationEnergyEv: number;
  /** Vibrational frequencies, cm⁻¹ (empty when none are given). */
  frequenciesPerCm: number[];
  /** The row's reference column (free text). */
  reference: string;
  /** 1-based line number in the file. */
  line: number;
}

const REQUIRED = ['surface_name', 'site_name', 'species_name', 'formation_energy'] as const;

/**
 * Reads CatMAP's tab-separated energy table (header `surface_name site_name species_name formation_energy
 * bulk_structure frequencies other_parameters reference`; columns found by their header names). Frequencies are
 * Python lists read with {@link readPythonLiterals} (never executed).
 * @throws {InputError} naming the line and column of a row it cannot read
 */
export function readCatmapEnergyTable(text: string, file = 'energies.txt'): CatmapEnergyRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw new InputError(file, 'a tab-separated table with a header line', 'the file is empty');
  const header = lines[headerIndex]!.split('\t').map((h) => h.trim());
  const col = Object.fromEntries(header.map((h, i) => [h, i]));
  const missing = REQUIRED.filter((h) => col[h] === undefined);
  if (missing.length)
    throw new InputError(
      `${file}:${headerIndex + 1}`,
      `tab-separated headers ${REQUIRED.join(', ')} (and optionally frequencies, reference)`,
      `missing column(s) ${missing.join(', ')}; got "${header.join('", "')}"`,
    );
  const rows: CatmapEnergyRow[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const cells = line.split('\t');
    const cell = (name: string) => (col[name] === undefined ? '' : (cells[col[name]!] ?? '').trim());
    const where = `${file}:${i + 1}`;
    if (cells.length < header.length - 2 && cells.length < 4)
      throw new InputError(where, `${header.length} tab-separated cells`, `got ${cells.length} (are the columns separated by tabs?)`);
    const energyText = cell('formation_energy');
    const energy = energyText === '' || energyText === 'None' ? Number.NaN : Number(energyText);
    if (energyText !== '' && energyText !== 'None' && !Number.isFinite(energy))
      throw new InputError(`${where} formation_energy`, 'a number in eV (or None)', `got "${energyText}"`);
    let frequencies: number[] = [];
    const freqText = cell('frequencies');
    if (freqText !== '' && freqText !== 'None') {
      let v: unknown;
      try {
        v = readPythonLiterals(`f = ${freqText}`, `${where} frequencies`).values.f;
      } catch (error) {
        throw new InputError(`${where} frequencies`, 'a Python list of numbers, cm⁻¹', (error as Error).message.split('\n')[0]!, { cause: error });
      }
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'number'))
        throw new InputError(`${where} frequencies`, 'a Python list of numbers, cm⁻¹', `got ${freqText}`);
      frequencies = v as number[];
    }
    const surface = cell('surface_name');
    rows.push({
      surface: surface === 'None' || surface === '' ? null : surface,
      site: cell('site_name'),
      species: cell('species_name'),
      formationEnergyEv: energy,
      frequenciesPerCm: frequencies,
      reference: cell('reference').replace(/^"(.*)"$/, '$1'),
      line: i + 1,
    });
  }
  return rows;
}
