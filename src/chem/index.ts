/** The chemistry core: formulas, species, balancing, figures of merit, potential scales, thermodynamics. */
export { InputError, assertFiniteInRange } from './InputError.js';
export * from './constants.js';
export { ATOMIC_WEIGHTS_G_PER_MOL, isElementSymbol } from './atomicWeights.js';
export { type Formula, FormulaError, parseFormula, toHill, formatCharge, molarMassGPerMol } from './formula.js';
export {
  type Species,
  type SpeciesEntry,
  type SpeciesRole,
  SPECIES_REGISTRY,
  findSpeciesEntry,
  neutralLookalikeWarning,
  resolveSpecies,
  speciesContaining,
} from './species.js';
export { Rational, nullSpace } from '../numerics/Rational.js';
export { memoize } from '../numerics/memoize.js';
export * from './balanceHalfReaction.js';
export * from './faradaicEfficiency.js';
export * from './yieldRateUnits.js';
export * from './potentialScales.js';
export * from './formationGibbsEnergies.js';
export * from './equilibriumPotential.js';
export { type HumanNumberOptions, type HumanNumberReading, parseHumanNumber, readHumanNumber } from './parseHumanNumber.js';
