import { type BalanceHalfReactionResult, balanceHalfReaction } from './balanceHalfReaction.js';
import { FARADAY_C_PER_MOL, STANDARD_TEMPERATURE_K, nernstSlopeV } from './constants.js';
import { FORMATION_GIBBS_ENERGIES, type FormationGibbsEnergy, type Phase } from './formationGibbsEnergies.js';
import { parseFormula, toHill } from './formula.js';
import { InputError, assertFiniteInRange } from './InputError.js';
import type { Species } from './species.js';

/** Options of {@link equilibriumPotential}. */
export interface EquilibriumPotentialOptions {
  /** pH at which to report the potential vs SHE and vs RHE (default 0). */
  pH?: number;
  /** Phase per species label, overriding the table's default, e.g. `{ CO2: 'aq' }`. */
  phases?: Record<string, Phase>;
}

/** One ΔfG° value used, with its source. */
export interface UsedFormationEnergy extends FormationGibbsEnergy {
  /** Species label as in the balanced equation. */
  species: string;
}

/** Result of {@link equilibriumPotential}. */
export interface EquilibriumPotentialResult {
  /** Balanced equation (acidic form) the potential refers to. */
  equation: string;
  /** Electrons per product molecule (positive = reduction). */
  electrons: number;
  /** Reaction Gibbs energy per product molecule as written, kJ/mol. */
  deltaRGkJPerMol: number;
  /** Standard potential vs SHE (all activities 1, pH 0), V, at 298.15 K. */
  e0VsSHE: number;
  /** pH used for the two values below. */
  pH: number;
  /** Equilibrium potential vs SHE at that pH (other activities 1), V. */
  potentialVvsSHE: number;
  /** Equilibrium potential vs RHE at that pH, V. Equals e0VsSHE at any pH when H+ per e− is 1. */
  e0VsRHE: number;
  /** The ΔfG° values used, each with its source. */
  formationEnergies: UsedFormationEnergy[];
}

function findEnergy(label: string, phase: Phase | undefined): FormationGibbsEnergy {
  const hill = toHill(parseFormula(label));
  const written = label.replace(/\s+/g, '');
  const candidates = FORMATION_GIBBS_ENERGIES.filter((e) => (e.isomerSpecific ? e.formula === written : toHill(parseFormula(e.formula)) === hill));
  const chosen = phase ? candidates.find((e) => e.phase === phase) : candidates[0];
  if (!chosen) {
    const covered = [...new Set(FORMATION_GIBBS_ENERGIES.map((e) => e.formula))].join(', ');
    const what = phase && candidates.length ? `${label}(${phase})` : label;
    throw new InputError('from/to', `species with tabulated ΔfG°: ${covered}`, `no standard Gibbs energy of formation for ${what}`);
  }
  return chosen;
}

/**
 * Equilibrium potential of a half-reaction from standard Gibbs energies of formation (298.15 K):
 * E° = −ΔrG° / (n·F) for the acidic balance, then the Nernst pH shift
 * E(pH) = E° − (ln10·RT/F)·(ν_H+/n)·pH, and E_RHE = E(pH) + (ln10·RT/F)·pH.
 *
 * @param from - reactants (names or formulas), e.g. `['CO2', 'NO3-']`
 * @param to - products, e.g. `['urea']`
 * @throws {InputError} when a species has no tabulated ΔfG°, or the reaction does not balance or is non-redox
 * @example equilibriumPotential(['CO2'], ['CO']).e0VsSHE // -0.104
 */
export function equilibriumPotential(
  from: readonly (string | Species)[],
  to: readonly (string | Species)[],
  options: EquilibriumPotentialOptions = {},
): EquilibriumPotentialResult {
  const pH = options.pH === undefined ? 0 : assertFiniteInRange('pH', options.pH, -2, 16);
  const balanced: BalanceHalfReactionResult = balanceHalfReaction(from, to, { medium: 'acidic' });
  if (balanced.electrons === 0) throw new InputError('from/to', 'a redox half-reaction', 'the reaction transfers no electrons');
  const firstProduct = balanced.products.find((p) => p.species !== 'H2O' && p.species !== 'H+') ?? balanced.products[0]!;
  const perProduct = firstProduct.coefficient;
  const used: UsedFormationEnergy[] = [];
  let deltaRG = 0;
  let protonsConsumed = 0;
  const visit = (terms: { species: string; coefficient: number }[], sign: number) => {
    for (const t of terms) {
      if (t.species === 'e-') continue;
      const energy = findEnergy(t.species, options.phases?.[t.species]);
      used.push({ ...energy, species: t.species });
      deltaRG += (sign * t.coefficient * energy.deltaFGkJPerMol) / perProduct;
      if (t.species === 'H+') protonsConsumed += (-sign * t.coefficient) / perProduct;
    }
  };
  visit(balanced.reactants, -1);
  visit(balanced.products, 1);
  const n = balanced.electrons;
  const e0VsSHE = (-deltaRG * 1000) / (n * FARADAY_C_PER_MOL);
  const slope = nernstSlopeV(STANDARD_TEMPERATURE_K);
  const potentialVvsSHE = e0VsSHE - slope * (protonsConsumed / n) * pH;
  return {
    equation: balanced.equation,
    electrons: n,
    deltaRGkJPerMol: deltaRG,
    e0VsSHE,
    pH,
    potentialVvsSHE,
    e0VsRHE: potentialVvsSHE + slope * pH,
    formationEnergies: used,
  };
}
