import { type Formula, parseFormula, toHill } from './formula.js';
import { InputError } from './InputError.js';

/** What part a species plays in NOx-involved C–N coupling. */
export type SpeciesRole = 'nitrogen-source' | 'carbon-source' | 'product' | 'medium' | 'by-product';

/** A registry entry: a named species with its formula. */
export interface SpeciesEntry {
  /** Stable identifier, kebab-case, e.g. `cyclohexanone-oxime`. */
  readonly id: string;
  /** Preferred name, e.g. `cyclohexanone oxime`. */
  readonly name: string;
  /** Other names and abbreviations, matched case-insensitively, e.g. `['CHO', 'cyclohexanone oxime']`. */
  readonly aliases: readonly string[];
  /** Formula as written in the chemistry core's grammar, with charge, e.g. `NO3-`. */
  readonly formula: string;
  /** Roles in the review's reactions. */
  readonly roles: readonly SpeciesRole[];
}

/** A species resolved from user text: the registry entry if one matched, and its parsed formula. */
export interface Species {
  /** Display label: the registry name's formula text or the user's formula. */
  readonly label: string;
  readonly formula: Formula;
  /** Registry entry, when the text named one (or its formula is unique in the registry). */
  readonly entry?: SpeciesEntry;
}

const N = 'nitrogen-source' as const;
const C = 'carbon-source' as const;
const P = 'product' as const;
const M = 'medium' as const;
const B = 'by-product' as const;

/**
 * Species of the review (Wang, Sun & Han, Inorg. Chem. Front. 2025, 12, 6926, doi:10.1039/d5qi01426c):
 * the N sources, C sources and products of its Table 1 and text, plus the medium species used in balancing.
 */
export const SPECIES_REGISTRY: readonly SpeciesEntry[] = [
  // nitrogen sources
  { id: 'nitrate', name: 'nitrate', aliases: ['NO3-', 'nitrate ion'], formula: 'NO3-', roles: [N] },
  { id: 'nitrite', name: 'nitrite', aliases: ['NO2-', 'nitrite ion'], formula: 'NO2-', roles: [N] },
  { id: 'nitric-oxide', name: 'nitric oxide', aliases: ['NO', 'nitrogen monoxide'], formula: 'NO', roles: [N] },
  { id: 'dinitrogen', name: 'dinitrogen', aliases: ['N2', 'nitrogen'], formula: 'N2', roles: [N] },
  { id: 'ammonia', name: 'ammonia', aliases: ['NH3'], formula: 'NH3', roles: [N, B] },
  { id: 'ammonium', name: 'ammonium', aliases: ['NH4+'], formula: 'NH4+', roles: [N, B] },
  { id: 'hydroxylamine', name: 'hydroxylamine', aliases: ['NH2OH'], formula: 'NH2OH', roles: [N] },
  { id: 'hydroxylammonium', name: 'hydroxylammonium', aliases: ['NH3OH+'], formula: 'NH3OH+', roles: [N] },
  // carbon sources
  { id: 'carbon-dioxide', name: 'carbon dioxide', aliases: ['CO2'], formula: 'CO2', roles: [C] },
  { id: 'carbon-monoxide', name: 'carbon monoxide', aliases: ['CO'], formula: 'CO', roles: [C, B] },
  { id: 'bicarbonate', name: 'bicarbonate', aliases: ['HCO3-', 'hydrogen carbonate'], formula: 'HCO3-', roles: [C, M] },
  { id: 'carbonate', name: 'carbonate', aliases: ['CO3^2-', 'CO3 2-'], formula: 'CO3^2-', roles: [C, M] },
  { id: 'formaldehyde', name: 'formaldehyde', aliases: ['HCHO', 'methanal'], formula: 'HCHO', roles: [C] },
  { id: 'formic-acid', name: 'formic acid', aliases: ['HCOOH'], formula: 'HCOOH', roles: [C, B] },
  { id: 'formate', name: 'formate', aliases: ['HCOO-'], formula: 'HCOO-', roles: [C, B] },
  { id: 'methanol', name: 'methanol', aliases: ['CH3OH', 'MeOH'], formula: 'CH3OH', roles: [C] },
  { id: 'cyclohexanone', name: 'cyclohexanone', aliases: ['CYC', 'C6H10O'], formula: 'C6H10O', roles: [C] },
  { id: 'cyclopentanone', name: 'cyclopentanone', aliases: ['CP', 'C5H8O'], formula: 'C5H8O', roles: [C] },
  { id: 'phenol', name: 'phenol', aliases: ['C6H5OH'], formula: 'C6H5OH', roles: [C] },
  { id: 'benzaldehyde', name: 'benzaldehyde', aliases: ['C6H5CHO'], formula: 'C6H5CHO', roles: [C] },
  { id: '4-cyanobenzaldehyde', name: '4-cyanobenzaldehyde', aliases: ['4-CB'], formula: 'NCC6H4CHO', roles: [C] },
  {
    id: 'pyridine-2-carboxaldehyde',
    name: 'pyridine-2-carboxaldehyde',
    aliases: ['2-pyridinecarboxaldehyde', 'picolinaldehyde'],
    formula: 'C5H4NCHO',
    roles: [C],
  },
  { id: 'glyoxylic-acid', name: 'glyoxylic acid', aliases: ['GA', 'OHCCOOH'], formula: 'OHCCOOH', roles: [C] },
  { id: 'pyruvic-acid', name: 'pyruvic acid', aliases: ['PA', 'pyruvate', 'CH3COCOOH'], formula: 'CH3COCOOH', roles: [C] },
  {
    id: '3-methyl-2-oxobutanoic-acid',
    name: '3-methyl-2-oxobutanoic acid',
    aliases: ['alpha-ketoisovaleric acid', 'α-ketoisovaleric acid', 'ketovaline'],
    formula: '(CH3)2CHCOCOOH',
    roles: [C],
  },
  {
    id: '4-methyl-2-oxopentanoic-acid',
    name: '4-methyl-2-oxopentanoic acid',
    aliases: ['alpha-ketoisocaproic acid', 'α-ketoisocaproic acid'],
    formula: '(CH3)2CHCH2COCOOH',
    roles: [C],
  },
  {
    id: '2-oxoglutaric-acid',
    name: '2-oxoglutaric acid',
    aliases: ['alpha-ketoglutaric acid', 'α-ketoglutaric acid'],
    formula: 'HOOCCH2CH2COCOOH',
    roles: [C],
  },
  { id: 'oxaloacetic-acid', name: 'oxaloacetic acid', aliases: [], formula: 'HOOCCH2COCOOH', roles: [C] },
  { id: 'dimethylamine', name: 'dimethylamine', aliases: ['DMA', '(CH3)2NH'], formula: '(CH3)2NH', roles: [C] },
  { id: 'phenylboronic-acid', name: 'phenylboronic acid', aliases: ['C6H5B(OH)2'], formula: 'C6H5B(OH)2', roles: [C] },
  // products
  { id: 'urea', name: 'urea', aliases: ['CO(NH2)2', 'carbamide'], formula: 'CO(NH2)2', roles: [P] },
  { id: 'formamide', name: 'formamide', aliases: ['HCONH2'], formula: 'HCONH2', roles: [P] },
  { id: 'acetamide', name: 'acetamide', aliases: ['CH3CONH2'], formula: 'CH3CONH2', roles: [P] },
  {
    id: 'dmf',
    name: 'N,N-dimethylformamide',
    aliases: ['DMF', 'dimethylformamide', 'HCON(CH3)2'],
    formula: 'HCON(CH3)2',
    roles: [P],
  },
  {
    id: 'hmta',
    name: 'hexamethylenetetramine',
    aliases: ['HMTA', 'methenamine', 'hexamine'],
    formula: 'C6H12N4',
    roles: [P],
  },
  { id: 'methylamine', name: 'methylamine', aliases: ['CH3NH2'], formula: 'CH3NH2', roles: [P] },
  { id: 'cyclohexanone-oxime', name: 'cyclohexanone oxime', aliases: [], formula: 'C6H10NOH', roles: [P] },
  { id: 'cyclopentanone-oxime', name: 'cyclopentanone oxime', aliases: ['CP-O'], formula: 'C5H8NOH', roles: [P] },
  { id: 'benzaldoxime', name: 'benzaldoxime', aliases: ['benzaldehyde oxime'], formula: 'C6H5CHNOH', roles: [P] },
  {
    id: '4-cyanobenzaldoxime',
    name: '4-cyanobenzaldoxime',
    aliases: ['4-CBO', '4-cyanobenzaldehyde oxime'],
    formula: 'NCC6H4CHNOH',
    roles: [P],
  },
  {
    id: 'pyridine-2-aldoxime',
    name: 'pyridine-2-aldoxime',
    aliases: ['2-pyridinealdoxime', '2-pyridine aldoxime', 'pyridine-2-carboxaldehyde oxime'],
    formula: 'C5H4NCHNOH',
    roles: [P],
  },
  { id: 'pyruvate-oxime', name: 'pyruvate oxime', aliases: ['PO', 'pyruvic acid oxime'], formula: 'CH3C(NOH)COOH', roles: [P] },
  { id: 'glycine', name: 'glycine', aliases: ['Gly'], formula: 'NH2CH2COOH', roles: [P] },
  { id: 'alanine', name: 'alanine', aliases: ['Ala'], formula: 'CH3CH(NH2)COOH', roles: [P] },
  { id: 'valine', name: 'valine', aliases: ['Val'], formula: '(CH3)2CHCH(NH2)COOH', roles: [P] },
  { id: 'leucine', name: 'leucine', aliases: ['Leu'], formula: '(CH3)2CHCH2CH(NH2)COOH', roles: [P] },
  { id: 'glutamic-acid', name: 'glutamic acid', aliases: ['Glu'], formula: 'HOOCCH2CH2CH(NH2)COOH', roles: [P] },
  { id: 'aspartic-acid', name: 'aspartic acid', aliases: ['Asp'], formula: 'HOOCCH2CH(NH2)COOH', roles: [P] },
  { id: 'aniline', name: 'aniline', aliases: ['arylamine', 'phenylamine', 'C6H5NH2'], formula: 'C6H5NH2', roles: [P] },
  // medium and by-products
  { id: 'water', name: 'water', aliases: ['H2O'], formula: 'H2O', roles: [M] },
  { id: 'proton', name: 'proton', aliases: ['H+', 'hydron'], formula: 'H+', roles: [M] },
  { id: 'hydroxide', name: 'hydroxide', aliases: ['OH-'], formula: 'OH-', roles: [M] },
  { id: 'dihydrogen', name: 'dihydrogen', aliases: ['H2', 'hydrogen'], formula: 'H2', roles: [B] },
  { id: 'dioxygen', name: 'dioxygen', aliases: ['O2', 'oxygen'], formula: 'O2', roles: [B] },
  { id: 'nitrous-oxide', name: 'nitrous oxide', aliases: ['N2O'], formula: 'N2O', roles: [B] },
  { id: 'boric-acid', name: 'boric acid', aliases: ['B(OH)3', 'H3BO3'], formula: 'B(OH)3', roles: [B] },
  { id: 'sulfate', name: 'sulfate', aliases: ['SO4^2-'], formula: 'SO4^2-', roles: [M] },
];

const parsedRegistry = SPECIES_REGISTRY.map((entry) => ({ entry, formula: parseFormula(entry.formula) }));
const byExactKey = new Map<string, SpeciesEntry>();
const byLowerKey = new Map<string, SpeciesEntry>();
for (const e of SPECIES_REGISTRY) {
  for (const key of [e.id, e.name, ...e.aliases]) {
    byExactKey.set(key, e);
    if (key.length > 3) byLowerKey.set(key.toLowerCase(), e);
  }
}

/**
 * Looks up a registry entry by id, name or alias; undefined when none matches. Names longer than three
 * characters match case-insensitively; short abbreviations (`GA`, `PA`, `CP`) only as written, so that
 * they never shadow element symbols such as `Ga`.
 */
export function findSpeciesEntry(nameOrAlias: string): SpeciesEntry | undefined {
  const key = nameOrAlias.trim();
  return byExactKey.get(key) ?? byLowerKey.get(key.toLowerCase());
}

/**
 * Resolves user text to a species: a registry name or alias (`urea`, `DMF`, `glyoxylic acid`), or any
 * formula (`CO(NH2)2`, `NO3-`). A formula that matches exactly one registry entry (same Hill formula and
 * charge) is linked to it.
 * @throws {InputError} when the text is neither a known name nor a valid formula
 */
export function resolveSpecies(text: string, field = 'species'): Species {
  const trimmed = text.trim();
  const named = findSpeciesEntry(trimmed);
  if (named) return { label: named.formula, formula: parseFormula(named.formula), entry: named };
  let formula: Formula;
  try {
    formula = parseFormula(trimmed, field);
  } catch (error) {
    if (/[a-z]{3,}/.test(trimmed)) {
      throw new InputError(
        field,
        'a registry name (see `cncouple species`) or a chemical formula',
        `"${trimmed}" is neither a known species name nor a formula`,
        { cause: error },
      );
    }
    throw error;
  }
  const hill = toHill(formula);
  const matches = parsedRegistry.filter((r) => toHill(r.formula) === hill);
  const only = matches.length === 1 ? matches[0] : undefined;
  return only ? { label: trimmed, formula, entry: only.entry } : { label: trimmed, formula };
}

/** Registry entries that contain `element` (e.g. `B` → boric acid, phenylboronic acid). */
export function speciesContaining(element: string): SpeciesEntry[] {
  return parsedRegistry.filter((r) => (r.formula.counts[element] ?? 0) > 0).map((r) => r.entry);
}

/**
 * A note when a species is written without a charge but has the elements of a charged registry species and of
 * no neutral one: "NO3" typed for nitrate balances as the neutral NO3 radical (18 e- per urea instead of 16),
 * "NO2" as nitrogen dioxide (14 e- instead of 12). Null for registry names, charged formulas and formulas with
 * no charged look-alike.
 * @example neutralLookalikeWarning(resolveSpecies('NO3')) // '"NO3" is read as the neutral species NO3; nitrate is NO3- …'
 */
export function neutralLookalikeWarning(species: Species): string | null {
  if (species.formula.charge !== 0 || species.entry) return null;
  const counts = species.formula.counts;
  const keys = Object.keys(counts);
  const ion = parsedRegistry.find(
    (r) => r.formula.charge !== 0 && keys.length === Object.keys(r.formula.counts).length && keys.every((k) => r.formula.counts[k] === counts[k]),
  );
  if (!ion) return null;
  return `"${species.label}" is read as the neutral species ${species.label}; ${ion.entry.name} is ${ion.entry.formula} (write the charge if you mean the ion)`;
}
