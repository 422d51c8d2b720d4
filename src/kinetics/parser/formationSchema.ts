import { z } from 'zod';
import { CONSTANT_SET_NAMES } from '../thermodynamics/physicalConstants.js';

/** A linear energy in eV (same form as the steps' `dG`; defined here too so the two schema files do not import each other). */
const linearEnergySchema = z.union([
  z.number().finite(),
  z.strictObject({ intercept: z.number().finite().default(0), slopes: z.record(z.string(), z.number().finite()).default({}) }),
]);

/** `constants:` — the physical-constant set of the model (default codata2018). */
export const constantsSchema = z.enum(CONSTANT_SET_NAMES);

/** How a coefficient of a fitted scaling relation is treated: a number (fixed), "+" (≥ 0), "-" (≤ 0) or "free". */
const coefficientSchema = z.union([z.number().finite(), z.enum(['+', '-', 'free'])]);

/**
 * A formation energy, eV relative to the gas references: a linear energy (number or intercept + Σ slope·descriptor),
 * or `{ fit: { slopes?, intercept? } }` — a least-squares scaling relation fitted to the `table`'s column of this
 * name against the descriptors' columns (slopes/intercept absent = free; a number fixes it; "+"/"-" bound its sign).
 */
export const formationEnergySchema = z.union([
  z.strictObject({ fit: z.strictObject({ slopes: z.record(z.string(), coefficientSchema).default({}), intercept: coefficientSchema.default('free') }) }),
  linearEnergySchema,
]);

/**
 * A transition state of one step: its energy as a formation energy (`energy`), or a scaling relation with the step's
 * initial state (E_TS = α·E_IS + β), final state (E_TS = α·E_FS + β) or reaction energy (BEP: E_TS − E_IS =
 * α·(E_FS − E_IS) + β), state energies being the electronic formation energies of the species of that side. α and β
 * not given are fitted from the `table` (least squares; α alone fixes the slope).
 */
export const transitionStateSchema = z.union([
  z.object({ step: z.string(), energy: formationEnergySchema }),
  z.object({
    step: z.string(),
    scaling: z.enum(['initialState', 'finalState', 'bep']),
    alpha: z.number().finite().optional(),
    beta: z.number().finite().optional(),
  }),
]);

/** Shomate coefficients of one range: [A…H] (NIST WebBook convention) between minK and maxK. */
const shomateRangeSchema = z.object({
  minK: z.number().positive(),
  maxK: z.number().positive(),
  coefficients: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]),
});

/**
 * Thermochemical correction of one species, adsorbate or transition state at the model's temperature, added to its
 * formation energy: `idealGas` (gases: translation, rotation, vibration and spin, as CatMAP's `ideal_gas` mode), `shomate` (gases: "builtin" for the NIST table shipped in src/kinetics/thermodynamics/shomate.ts,
 * or your own ranges with their source), vibrational `frequenciesPerCm` (adsorbates: harmonic free energy; gases
 * with Shomate: their zero-point energy), `mode: zeroPoint` for the zero-point energy only, and a constant `addEv`
 * (e.g. a hydrogen-bond stabilisation). A transition state without frequencies takes the mean of its initial and
 * final states' vibrational corrections (CatMAP's convention).
 */
export const thermoSchema = z.object({
  /** Ideal gas (rigid rotor, harmonic oscillator, as ASE's IdealGasThermo): "builtin" (src/kinetics/thermodynamics/idealGasThermo.ts) or the molecule's data. */
  idealGas: z
    .union([
      z.literal('builtin'),
      z.object({
        massAmu: z.number().positive(),
        geometry: z.enum(['monatomic', 'linear', 'nonlinear']),
        momentsOfInertiaAmuA2: z.array(z.number().min(0)).max(3),
        symmetryNumber: z.number().int().positive(),
        spin: z.number().min(0),
        source: z.string(),
      }),
    ])
    .optional(),
  shomate: z.union([z.literal('builtin'), z.object({ ranges: z.array(shomateRangeSchema).min(1), source: z.string() })]).optional(),
  frequenciesPerCm: z.array(z.number().positive()).optional(),
  mode: z.enum(['harmonic', 'zeroPoint']).default('harmonic'),
  addEv: z.number().finite().default(0),
  source: z.string().optional(),
});

/** Formation energies of the species, adsorbates and transition states, and what they are fitted from. */
export const formationSchema = z.object({
  /** The gases (or solution species) whose formation energies are zero by definition, e.g. [H2, H2O, CO]. */
  references: z.array(z.string()).default([]),
  /** Formation energies of gas/solution species, eV (default 0: a reference). */
  species: z.record(z.string(), linearEnergySchema).default({}),
  /** Formation energies of the adsorbates, eV; every adsorbate of a step without dG needs one. */
  adsorbates: z.record(z.string(), formationEnergySchema).default({}),
  /** Transition states by name (e.g. "pe-H*"), each tied to one step. */
  transitionStates: z.record(z.string(), transitionStateSchema).default({}),
  /** Energies on several surfaces for fitted relations: which column each descriptor is, and rows of formation energies (eV). */
  table: z
    .object({
      descriptors: z.record(z.string(), z.string()),
      surfaces: z.record(z.string(), z.record(z.string(), z.number().finite())),
    })
    .optional(),
  /** Thermochemical corrections by species/adsorbate/transition-state name. */
  thermo: z.record(z.string(), thermoSchema).default({}),
});
export type FormationBlock = z.output<typeof formationSchema>;
