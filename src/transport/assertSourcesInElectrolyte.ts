import { InputError, neutralLookalikeWarning, resolveSpecies } from '../chem/index.js';
import type { ElectrodeProduct } from './electrodeStoichiometry.js';

/** One electrode reactant as a request names it: the request field (for the error) and the species. */
export interface ElectrodeSource {
  /** The request field holding it, e.g. `products[1].from[0]` or `productSources.urea[1]`. */
  field: string;
  /** The species, e.g. `NO3-`; `H2O` is always available. */
  species: string;
}

/**
 * Refuses an electrode reactant the electrolyte does not contain: every source must be `H2O` or a solute with a
 * positive bulk concentration. Without this, a source absent from the bulk ("NO3-" over 0.5 M K2SO4) or a typo
 * ("NO3") was accepted, and the study then failed with a solver message ("the time step fell below 9.5e-13 s",
 * "no steady state even at 1e-5 A m⁻²") or, where the model did not track the species, balanced and silently
 * changed the answer. Used by the `microenv`, `transient` and `couple` checks.
 * @param sources - the reactants with the request field each comes from
 * @param bulk - the bulk concentrations, mol m⁻³ (`electrolyteFromText(...).concentrations`)
 * @param electrolyte - the electrolyte text as given, for the message
 * @throws {InputError} naming the first bad field, the species given and the electrolyte's solutes
 * @example assertSourcesInElectrolyte([{ field: 'products[0].from[0]', species: 'NO3-' }], bulkOf('0.5 M K2SO4'), '0.5 M K2SO4') // throws
 */
export function assertSourcesInElectrolyte(sources: readonly ElectrodeSource[], bulk: Readonly<Record<string, number>>, electrolyte: string): void {
  const present = Object.keys(bulk).filter((s) => (bulk[s] ?? 0) > 0);
  for (const { field, species } of sources) {
    if (species === 'H2O' || present.includes(species)) continue;
    const why = Object.hasOwn(bulk, species) ? 'which the electrolyte does not contain' : 'not a solute of the transport model';
    throw new InputError(
      field,
      `H2O or a solute of the electrolyte "${electrolyte}" (${present.join(', ')})`,
      `got "${species}", ${why}`,
      ionLookalikeDetail(species),
    );
  }
}

/** The reactants of a request's `products` list, each with its field `products[i].from[j]`. */
export const sourcesOfProducts = (products: readonly ElectrodeProduct[]): ElectrodeSource[] =>
  products.flatMap((p, i) => p.from.map((species, j) => ({ field: `products[${i}].from[${j}]`, species })));

/**
 * The detail line of a refusal when a reactant is typed without the charge of a registry ion ("NO3" for nitrate
 * NO3-): {@link neutralLookalikeWarning}, which says which ion is likely meant; none otherwise (or for text that is
 * no formula).
 */
export function ionLookalikeDetail(species: string): { detail: string } | undefined {
  let warning: string | null;
  try {
    warning = neutralLookalikeWarning(resolveSpecies(species));
  } catch {
    return undefined;
  }
  return warning === null ? undefined : { detail: warning };
}
