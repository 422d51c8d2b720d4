import { describe, expect, it } from 'vitest';
import * as cncouple from '../src/index.js';

describe('public API', () => {
  it('exports exactly this list (grow it on purpose)', () => {
    expect(Object.keys(cncouple).sort()).toMatchInlineSnapshot(`
      [
        "ATOMIC_WEIGHTS_G_PER_MOL",
        "AVOGADRO_PER_MOL",
        "BOLTZMANN_J_PER_K",
        "ELEMENTARY_CHARGE_C",
        "FARADAY_C_PER_MOL",
        "FORMATION_GIBBS_ENERGIES",
        "FormulaError",
        "GAS_CONSTANT_J_PER_MOL_K",
        "InputError",
        "POTENTIAL_SCALE_NAMES",
        "REFERENCE_ELECTRODES",
        "Rational",
        "SPECIES_REGISTRY",
        "STANDARD_TEMPERATURE_K",
        "amountFromFaradaicEfficiency",
        "assertFiniteInRange",
        "balanceHalfReaction",
        "convertPotential",
        "convertYieldRate",
        "energyEfficiency",
        "equilibriumPotential",
        "faradaicEfficiency",
        "findSpeciesEntry",
        "formatCharge",
        "isElementSymbol",
        "memoize",
        "molarMassGPerMol",
        "nernstSlopeV",
        "nullSpace",
        "parseFormula",
        "parseYieldRateUnit",
        "partialCurrentDensity",
        "productionRateFromCurrent",
        "resolvePotentialScale",
        "resolveSpecies",
        "speciesContaining",
        "toCanonicalYieldRate",
        "toHill",
      ]
    `);
  });
});
