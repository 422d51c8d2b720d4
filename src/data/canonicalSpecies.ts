import { InputError, findSpeciesEntry, memoize, resolveSpecies } from '../chem/index.js';

/**
 * Folds how people type a species into the registry's spelling: Unicode compatibility forms
 * (`CO₂` → `CO2`, `NO₃⁻` → `NO3−`), the minus sign and dashes (U+2212, U+2013) → `-`, runs of white
 * space → one space, and no space before a trailing charge (`NO3 -` → `NO3-`).
 * @example foldSpeciesText(' CO₂ ') // 'CO2'
 */
export function foldSpeciesText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[−–]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s+([+-])$/, '$1');
}

/**
 * The registry id of a species as typed anywhere (web form, CSV, JSON, API, CLI): a registry id, name or
 * alias in any case the registry accepts (`CO2`, `carbon dioxide`, `carbon-dioxide`), with Unicode
 * subscripts and minus signs (`CO₂`, `NO₃⁻`), or a formula that matches exactly one registry entry
 * (`OCO`… is not a formula; `CO(NH2)2` → `urea`). Undefined when the text names no registry species.
 *
 * This is the one species canonicalization of the data layer: the record schema, normalization and the
 * store's filters all call it, so that a value computed from a species (the CO2-purged pH, the electron
 * count) never depends on how the species was spelled.
 * @example canonicalSpeciesId('CO₂') // 'carbon-dioxide'
 */
export const canonicalSpeciesId: (text: string) => string | undefined = memoize(
  (text: string) => resolveId(text),
  (text) => text,
  10_000, // spellings kept (every record is validated and normalized several times over its species; records repeat few spellings, and a flood of distinct junk only resets the cache)
);

function resolveId(text: string): string | undefined {
  const folded = foldSpeciesText(text);
  if (folded === '') return undefined;
  const named = findSpeciesEntry(folded) ?? findSpeciesEntry(folded.replace(/ /g, '-')) ?? findSpeciesEntry(folded.replace(/-/g, ' '));
  if (named) return named.id;
  try {
    return resolveSpecies(folded).entry?.id;
  } catch (error) {
    if (error instanceof InputError || error instanceof RangeError || error instanceof TypeError) return undefined;
    throw error;
  }
}

/** The species lists of a record. */
export interface SpeciesLists {
  products: string[];
  nitrogenSources: string[];
  carbonSources: string[];
}

/**
 * Returns the record with every species of its products and N and C sources replaced by its registry id
 * ({@link canonicalSpeciesId}); names that resolve to nothing are kept as typed (validation reports
 * them); the record itself when every name already is an id. Idempotent. Called before anything is
 * computed from a record.
 */
export function canonicalizeSpeciesLists<T extends SpeciesLists>(record: T): T {
  const canonical = (names: string[]) => names.every((n) => canonicalSpeciesId(n) === n);
  if (canonical(record.products) && canonical(record.nitrogenSources) && canonical(record.carbonSources)) return record; // the usual case: validated input
  const ids = (names: string[]) => names.map((n) => canonicalSpeciesId(n) ?? n);
  return { ...record, products: ids(record.products), nitrogenSources: ids(record.nitrogenSources), carbonSources: ids(record.carbonSources) };
}
