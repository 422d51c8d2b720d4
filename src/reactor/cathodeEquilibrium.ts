import { InputError, equilibriumPotential, parseFormula, resolveSpecies, toHill } from '../chem/index.js';

/** Default pH of the reactor's cathode equilibrium potential (near-neutral bicarbonate/nitrate electrolytes, 0.1 M KHCO3 ≈ 6.8). */
export const DEFAULT_REACTOR_PH = 7;

/** Sources assumed when none are given: the review's main route to each product (urea from CO2 + NO3-). */
const DEFAULT_SOURCES: Record<string, string[]> = {
  [toHill(parseFormula('CO(NH2)2'))]: ['CO2', 'NO3-'],
  [toHill(parseFormula('NH3'))]: ['NO3-'],
};

/**
 * The reactants of the cathode reaction: those given, else the default of the product (CO2 + NO3- for urea,
 * NO3- for NH3).
 * @throws {InputError} `cathodeSources` for a product without default sources
 */
export function cathodeReactionSources(product: string, sources?: string[]): string[] {
  const chosen = sources ?? DEFAULT_SOURCES[toHill(resolveSpecies(product, 'product').formula)];
  if (!chosen)
    throw new InputError(
      'cathodeSources',
      'the reactants of the cathode reaction, e.g. ["CO2", "NO3-"] (or cathodeEquilibriumVvsRHE)',
      `no default sources for ${product}`,
    );
  return chosen;
}

/** Result of {@link cathodeEquilibriumPotential}. */
export interface CathodeEquilibriumResult {
  /** Equilibrium potential at `pH`, V vs RHE. */
  potentialVvsRHE: number;
  /** The balanced half-reaction (acidic form). */
  equation: string;
  /** Electrons per product molecule of that reaction (positive = reduction). */
  electrons: number;
  pH: number;
  sources: string[];
}

/**
 * Equilibrium potential of the cathode reaction on the RHE scale at a pH, from the chemistry core (ΔfG° tables,
 * Nernst): for urea from CO2 + 2 NO3- (18 H+ per 16 e-) 0.8109 V at pH 0 and 0.7592 V at pH 7 — not a constant.
 * @param product - the product, e.g. "urea"
 * @param options.sources - reactants (default: CO2 + NO3- for urea, NO3- for NH3; required for other products)
 * @param options.pH - default {@link DEFAULT_REACTOR_PH}
 * @throws {InputError} for a product without default sources, or what the core refuses
 * @example cathodeEquilibriumPotential('urea', { pH: 7 }).potentialVvsRHE // 0.7592
 */
export function cathodeEquilibriumPotential(product: string, options: { sources?: string[]; pH?: number } = {}): CathodeEquilibriumResult {
  const species = resolveSpecies(product, 'product');
  const sources = cathodeReactionSources(product, options.sources);
  const pH = options.pH ?? DEFAULT_REACTOR_PH;
  const e = equilibriumPotential(sources, [species], { pH });
  return { potentialVvsRHE: e.e0VsRHE, equation: e.equation, electrons: e.electrons, pH, sources };
}
