import { z } from 'zod';
import {
  InputError,
  POTENTIAL_SCALE_NAMES,
  balanceHalfReaction,
  convertPotential,
  convertYieldRate,
  equilibriumPotential,
  faradaicEfficiency,
  molarMassGPerMol,
  parseFormula,
  resolveSpecies,
  toHill,
} from '../chem/index.js';
import { MAX_FORMULA_LENGTH } from '../chem/formula.js';
import { defineStudy } from './study.js';

/** Most species in one list of a request (default 20; a half-reaction of the registry names at most 4). */
export const MAX_SPECIES = 20;

/** A species list: an array of names/formulas, or one comma-separated string ("CO2, NO3-"). */
export const speciesListSchema = z
  .union([z.array(z.string().min(1).max(MAX_FORMULA_LENGTH)).min(1).max(MAX_SPECIES), z.string().min(1).max(4000)])
  .transform((v) =>
    Array.isArray(v)
      ? v
      : v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
  )
  .pipe(z.array(z.string()).max(MAX_SPECIES))
  .describe('species names or formulas, e.g. ["CO2", "NO3-"] or "CO2, NO3-"');

const finite = z.number().finite();

/** Input of {@link formulaStudy}. */
export const formulaRequestSchema = z.object({ formula: z.string().min(1).max(200).describe('e.g. "CO(NH2)2", "NO3-", "CuSO4·5H2O"') });
/** Element counts, charge, molar mass (g/mol) and Hill formula. */
export const formulaStudy = defineStudy({
  name: 'formula',
  summary: 'Element counts, charge, molar mass (g/mol) and Hill formula',
  input: formulaRequestSchema,
  runsOn: 'inline',
  example: { formula: 'CO(NH2)2' },
  responseMaps: ['counts'],
  run: ({ formula: text }) => {
    const formula = parseFormula(text);
    return { formula: text, hill: toHill(formula), counts: formula.counts, charge: formula.charge, molarMass: molarMassGPerMol(formula) };
  },
});

/** Input of {@link balanceStudy}. */
export const balanceRequestSchema = z.object({ from: speciesListSchema, to: speciesListSchema, medium: z.enum(['acidic', 'alkaline']).default('acidic') });
/** Balanced half-reaction and electrons per product molecule. */
export const balanceStudy = defineStudy({
  name: 'balance',
  summary: 'Balanced half-reaction and electrons per product molecule',
  input: balanceRequestSchema,
  runsOn: 'inline',
  example: { from: 'CO2, NO3-', to: 'urea' },
  run: (b) => balanceHalfReaction(b.from, b.to, { medium: b.medium }),
});

/** Input of {@link faradaicEfficiencyStudy}: either `electrons` or `from` (to count electrons by balancing). */
export const feRequestSchema = z.object({
  to: speciesListSchema,
  from: speciesListSchema.optional(),
  electrons: finite.optional().describe('electrons per product molecule (overrides balancing)'),
  chargeC: finite.describe('charge passed, C'),
  amountMol: finite.min(0).describe('product amount, mol'),
});
/** Faradaic efficiency n·F·N/Q as a fraction. */
export const faradaicEfficiencyStudy = defineStudy({
  name: 'fe',
  summary: 'Faradaic efficiency n·F·N/Q (fraction)',
  input: feRequestSchema,
  runsOn: 'inline',
  example: { from: 'CO2, NO3-', to: 'urea', chargeC: 12.5, amountMol: 6.1e-6 },
  // electrons given, nothing balanced: the result has no equation
  responseVariants: [{ to: 'urea', electrons: 16, chargeC: 12.5, amountMol: 6.1e-6 }],
  run: (b) => {
    let electrons = b.electrons;
    let equation: string | undefined;
    const readingWarnings: string[] = [];
    if (electrons === undefined) {
      if (!b.from) throw new InputError('from', 'reactant species, or electrons', 'needed to count electrons');
      const balanced = balanceHalfReaction(b.from, b.to);
      electrons = balanced.electrons;
      equation = balanced.equation;
      readingWarnings.push(...balanced.warnings);
    }
    const fe = faradaicEfficiency({ electrons, amountMol: b.amountMol, chargeC: b.chargeC });
    // a suspicious datum is a recorded warning, not an exception (STYLE.md): every edge shows it with the number
    const warnings = [...(fe > 1 ? ['FE above 100 % — check the charge, amount or electron count'] : []), ...readingWarnings];
    return { faradaicEfficiency: fe, electrons, amountMol: b.amountMol, chargeC: b.chargeC, ...(equation ? { equation } : {}), warnings };
  },
});

/** Input of {@link potentialStudy}. */
export const potentialRequestSchema = z.object({
  potentialV: finite.describe('potential, V vs `from`'),
  from: z
    .string()
    .max(100)
    .describe(`reference: ${POTENTIAL_SCALE_NAMES.join(', ')}`),
  to: z.string().max(100),
  pH: finite.optional(),
  temperatureK: finite.optional(),
  currentA: finite.optional(),
  resistanceOhm: finite.optional(),
});
/** A potential converted between reference scales (optional iR correction). */
export const potentialStudy = defineStudy({
  name: 'potential',
  summary: 'Convert a potential between reference scales (with optional iR correction)',
  input: potentialRequestSchema,
  runsOn: 'inline',
  example: { potentialV: -0.9, from: 'Ag/AgCl sat. KCl', to: 'RHE', pH: 7 },
  run: (b) => ({ ...convertPotential(b.potentialV, b.from, b.to, b), from: b.from, to: b.to }),
});

/** Input of {@link convertStudy}. */
export const convertRequestSchema = z.object({
  value: finite,
  fromUnit: z.string().min(1).max(100).describe('e.g. "mmol h-1 cm-2"'),
  toUnit: z.string().min(1).max(100),
  species: z.string().max(MAX_FORMULA_LENGTH).optional().describe('product for its molar mass'),
  molarMassGPerMol: finite.positive().optional(),
});
/** A yield or yield rate converted between units. */
export const convertStudy = defineStudy({
  name: 'convert',
  summary: 'Convert a yield or yield rate between units',
  input: convertRequestSchema,
  runsOn: 'inline',
  example: { value: 0.78, fromUnit: 'mmol h-1 cm-2', toUnit: 'mg h-1 cm-2', species: 'cyclohexanone oxime' },
  // mol to mol, no species: the result has no molarMass
  responseVariants: [{ value: 0.78, fromUnit: 'mmol h-1 cm-2', toUnit: 'mol s-1 m-2' }],
  run: (b) => {
    const molarMass = b.species !== undefined ? molarMassGPerMol(resolveSpecies(b.species, 'species').formula) : b.molarMassGPerMol;
    return {
      value: convertYieldRate(b.value, b.fromUnit, b.toUnit, { molarMassGPerMol: molarMass }),
      unit: b.toUnit,
      from: { value: b.value, unit: b.fromUnit },
      ...(molarMass ? { molarMass } : {}),
    };
  },
});

/** Input of {@link e0Study}. */
export const e0RequestSchema = z.object({ from: speciesListSchema, to: speciesListSchema, pH: finite.optional() });
/** Equilibrium potential from standard Gibbs energies of formation. */
export const e0Study = defineStudy({
  name: 'e0',
  summary: 'Equilibrium potential from standard Gibbs energies of formation',
  input: e0RequestSchema,
  runsOn: 'inline',
  example: { from: 'CO2, NO3-', to: 'urea', pH: 7 },
  run: (b) => equilibriumPotential(b.from, b.to, { pH: b.pH }),
});
