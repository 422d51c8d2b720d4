import { z } from 'zod';
import { constantsSchema, formationSchema } from './formationSchema.js';

/**
 * Default of a model file's `checks.pathwayToleranceEv`: the largest |model − core| difference of a pathway's
 * overall ΔG (eV per pathway as written) that `checkModelThermodynamics` accepts, 0.05 eV. A project choice, not a
 * literature value: no source in this repository gives a tolerance for this comparison. Set
 * `checks.pathwayToleranceEv` in the model file to use another; the check's messages and results state the
 * tolerance used and whether it is this default.
 */
export const DEFAULT_PATHWAY_TOLERANCE_EV = 0.05;

/**
 * A linear energy in eV: a number, or `intercept + Σ slope·descriptor` (linear scaling relations), e.g.
 * `{ intercept: 0.2, slopes: { dG_NO: 1.0 } }`.
 */
export const linearEnergySchema = z.union([
  z.number().finite(),
  z.object({ intercept: z.number().finite().default(0), slopes: z.record(z.string(), z.number().finite()).default({}) }),
]);
export type LinearEnergy = z.input<typeof linearEnergySchema>;

/** Barrier: a linear energy, or a BEP relation Ea = alpha·ΔG + beta (eV), clamped to ≥ max(0, ΔG). */
// the BEP form comes first: a `{ bep: … }` object also parses as a linear energy (intercept 0 by default,
// unknown keys stripped), which silently dropped every BEP barrier to 0 eV
export const barrierSchema = z.union([z.object({ bep: z.object({ alpha: z.number().finite(), beta: z.number().finite() }) }), linearEnergySchema]);

/** One elementary step. */
export const stepSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-"'),
  /**
   * Equation with "->" (reversible: rates both ways from ΔG), e.g. "NO* + H+ + e- -> HNO*",
   * "NO* + CO* -> OCNO* + *". Adsorbates end in "*" (or "*site"), free sites are "*" (or "*site").
   */
  equation: z.string().min(3),
  /**
   * Reaction free energy at 0 V vs RHE, eV (CHE: ΔG(U) = ΔG + n·U for n electrons consumed); may be left out when the
   * model gives `formation` energies (then ΔG = Σ products − Σ reactants).
   */
  dG: linearEnergySchema.optional(),
  /** Name of this step's transition state in `formation.transitionStates` (its barrier then follows from it). */
  ts: z.string().optional(),
  /** Forward barrier at 0 V vs RHE, eV; default: barrierless (Ea = max(0, ΔG)). */
  Ea: barrierSchema.optional(),
  /** Symmetry factor of electrochemical steps (default 0.5). */
  beta: z.number().min(0).max(1).optional(),
  /** Prefactor, s⁻¹ (default kB·T/h). */
  prefactorPerS: z.number().positive().optional(),
  /** Where the energetics come from (DOI and what was quoted), or "assumed". */
  source: z.string().optional(),
});

/** A gas, solution or liquid species with its activity. */
export const speciesSchema = z.object({
  phase: z.enum(['g', 'aq', 'l']),
  /** Formula in the chemistry core's grammar, for atom balances; default: the species name. */
  formula: z.string().optional(),
  /** mol/L for aq (activity = c / 1 M); ignored for l (activity 1). */
  concentrationM: z.number().min(0).optional(),
  /** bar for g (activity = p / 1 bar). */
  pressureBar: z.number().min(0).optional(),
  /** Electrons consumed per molecule when this species is formed from the model's sources (for FE), e.g. 16 for urea from CO2 + NO3-. */
  electronsPerMolecule: z.number().optional(),
  /** True for the products whose rates, FE and selectivity are reported. */
  product: z.boolean().optional(),
});

/** An adsorbate with its formula (atoms, for balances) and site type. */
export const adsorbateSchema = z.object({ formula: z.string(), site: z.string().default('s') });

/** A free-energy pathway for diagrams: a name and the steps in order. */
export const pathwaySchema = z.object({ name: z.string(), steps: z.array(z.string()).min(1).max(1000) });

/**
 * The literature records a model is meant to reproduce (model vs measurement): record ids of
 * data/literature/records.json (or user records), e.g. `comparesTo: { records: [vo-ceo2-750-urea-text] }`.
 * The model's FE of each record's product is drawn against the record's FE at its potential (V vs RHE).
 * Whether the ids exist is checked where the records are (tests, the web page), not here (no I/O).
 */
export const comparesToSchema = z.object({
  /** Record ids, lowercase letters, digits and "-" (at most 50). */
  records: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'record ids: lowercase letters, digits and "-"'))
    .min(1)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'record ids must not repeat'),
  /** Why these records (which catalyst and condition the model stands for), one line. */
  note: z.string().max(500).optional(),
  /**
   * Where the model departs from a compared record's conditions, one line each (`what`), e.g. a different N source:
   * `{ record: od-ag-alanine, what: "NO3- is reduced; ref. 47 fed NO" }`. A built-in model whose reactants include
   * none of a compared record's N sources must list that record here (test/store/builtinComparesTo.test.ts).
   */
  deviations: z
    .array(z.object({ record: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'record ids: lowercase letters, digits and "-"'), what: z.string().min(1).max(500) }))
    .max(50)
    .optional(),
});
export type ComparesTo = z.output<typeof comparesToSchema>;

/** The model file. Units are declared at the top, as in Cantera; values below are read in them. */
export const modelFileSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  /** Units of the file: only these are accepted (declared so that no number is unit-less). */
  units: z
    .object({
      energy: z.literal('eV'),
      potential: z.literal('V vs RHE'),
      temperature: z.literal('K'),
      concentration: z.literal('mol/L'),
      pressure: z.literal('bar'),
    })
    .describe('units: { energy: eV, potential: V vs RHE, temperature: K, concentration: mol/L, pressure: bar }'),
  source: z.string().optional(),
  temperatureK: z.number().min(200).max(1500).default(298.15),
  pH: z.number().min(-2).max(16).default(7),
  potentialVvsRHE: z.number().min(-5).max(5).default(0),
  /** Site types; each is its own coverage pool (coverages of one type and its free sites sum to 1). */
  sites: z.array(z.string().regex(/^\w+$/)).min(1).max(20).default(['s']),
  /** Surface sites per m² for current densities (default 1e19 m⁻², i.e. 10¹⁵ cm⁻²). */
  siteDensityPerM2: z.number().positive().default(1e19),
  /** Where the site density comes from (citation, or "assumed: …" with the reasoning), per catalyst class. */
  siteDensitySource: z.string().optional(),
  /**
   * Compile-time checks: each pathway's overall ΔG against the chemistry core at the model's pH (tolerance,
   * eV per pathway; `refuse` makes a mismatch an error, `warn` a warning), and the transport check's
   * boundary-layer thickness (µm, default 50) for the diffusion-limited current n·F·D·c/δ of each reactant.
   */
  checks: z
    .object({
      pathwayToleranceEv: z.number().positive().max(5).default(DEFAULT_PATHWAY_TOLERANCE_EV),
      onPathwayMismatch: z.enum(['refuse', 'warn']).default('refuse'),
      boundaryLayerUm: z.number().min(0.1).max(10000).default(50),
    })
    .default({ pathwayToleranceEv: DEFAULT_PATHWAY_TOLERANCE_EV, onPathwayMismatch: 'refuse', boundaryLayerUm: 50 }),
  /** Descriptors and their default values (eV), used by linear energies. */
  descriptors: z.record(z.string(), z.number().finite()).default({}),
  species: z.record(z.string(), speciesSchema),
  adsorbates: z.record(z.string().regex(/\*\w*$/, 'adsorbate names end in "*" (or "*site")'), adsorbateSchema),
  steps: z.array(stepSchema).min(1).max(1000),
  pathways: z.array(pathwaySchema).max(100).default([]),
  /** Physical constants: codata2018 (default) | codata2010 | catmap (see docs/model-format.md). */
  constants: constantsSchema.default('codata2018'),
  /** The literature records this model stands for ({@link comparesToSchema}); default: none. */
  comparesTo: comparesToSchema.optional(),
  /** Formation energies, fitted scaling relations and thermochemical corrections (docs/model-format.md). */
  formation: formationSchema.optional(),
});
export type ModelFile = z.output<typeof modelFileSchema>;
export type ModelFileInput = z.input<typeof modelFileSchema>;
