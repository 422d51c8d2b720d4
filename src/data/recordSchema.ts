import { z } from 'zod';
import { isElementSymbol } from '../chem/index.js';
import { canonicalSpeciesId } from './canonicalSpecies.js';
import { STRATEGIES } from './strategies.js';

export { STRATEGIES, type Strategy } from './strategies.js';

/** Cell types a result can be reported in. */
export const CELL_TYPES = ['H-cell', 'flow cell', 'PEM flow cell', 'undivided cell', 'not stated'] as const;
/** One of {@link CELL_TYPES}. */
export type CellType = (typeof CELL_TYPES)[number];

/** Where a record comes from: curated literature (read-only) or the user's own (editable). */
export const ORIGINS = ['literature', 'user'] as const;
export type Origin = (typeof ORIGINS)[number];

/**
 * Normalized values a flag can take out: the value the flag declares to be something else (the FE of
 * another reaction, the yield of another product, a selectivity printed in the conversion column) is left
 * out of the normalized fields, and so of every sort, filter, check and plot; the printed cell stays.
 */
export const EXCLUDABLE_FIELDS = ['faradaicEfficiency', 'selectivity', 'conversion', 'yield', 'potentialVvsRHE'] as const;
/** One of {@link EXCLUDABLE_FIELDS}. */
export type ExcludableField = (typeof EXCLUDABLE_FIELDS)[number];

/** A quality flag: a short code and a one-line reason a chemist can act on. */
export const flagSchema = z.object({
  code: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]+$/, 'kebab-case code such as "unit-doubled-time"'),
  reason: z.string().min(1).max(500),
  /** Normalized fields this flag declares to be something else: left out of normalization (the printed cell stays). */
  excludes: z.array(z.enum(EXCLUDABLE_FIELDS)).min(1).max(EXCLUDABLE_FIELDS.length).optional(),
});

/**
 * A result the source states only relative to another one ("about 13 times higher than that of …"): this
 * record's value is the baseline's printed value divided (`lower`) or multiplied (`higher`) by `times`;
 * normalization computes it and marks it derived.
 */
export const comparisonSchema = z.object({
  /** The quantity compared; only yields are derived so far. */
  quantity: z.literal('yield'),
  /** Id of the record this one is compared with (the other side of the comparison). */
  baselineId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/),
  /** The baseline's value as printed in the same sentence, e.g. "13.1 mmol g-1 h-1" or "72%". */
  baselinePrinted: z.string().trim().min(1).max(100),
  /** The printed factor, e.g. 13 for "about 13 times". */
  times: z.number().positive().max(1e6),
  /** Whether this record's value is lower or higher than the baseline's by `times`. */
  direction: z.enum(['lower', 'higher']),
  /** '~' for "about", '=' otherwise. */
  relation: z.enum(['=', '~']).default('='),
  /** The comparison as printed, verbatim. */
  printed: z.string().trim().min(1).max(500),
});
export type Comparison = z.output<typeof comparisonSchema>;
export type Flag = z.infer<typeof flagSchema>;

const speciesId = z.string().refine((s) => canonicalSpeciesId(s) !== undefined, {
  message: 'a species registry id or name (see `cncouple species`)',
});
/**
 * A list of species, each named once (`nitrate` and `NO3-` are the same species), read as registry ids
 * (`CO2`, `CO₂` and `carbon dioxide` all become `carbon-dioxide`; see {@link canonicalSpeciesId}).
 */
const speciesList = z
  .array(speciesId)
  .max(20)
  .default([])
  .superRefine((names, ctx) => {
    const seen = new Set<string>();
    for (const [i, name] of names.entries()) {
      const id = canonicalSpeciesId(name);
      if (id === undefined) continue; // already reported by speciesId
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: `"${name}" names a species already in the list (${id}); list each species once` });
      seen.add(id);
    }
  })
  .transform((names) => names.map((name) => canonicalSpeciesId(name) ?? name));
const printed = z.string().trim().max(300);

/**
 * A reported catalytic result as entered: every number is kept as printed (text), with the few
 * interpretations a curator adds (species, strategy, assumed reference filling, corrected readings).
 * Flat on purpose, so that CSV and JSON carry the same fields. This is the import/export format.
 */
export const recordInputSchema = z.object({
  /** Stable id, kebab-case; assigned from the catalyst name when absent. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'lower-case letters, digits and dashes, up to 80')
    .optional(),
  origin: z.enum(ORIGINS).default('user'),
  /** Id of the literature record this user record was forked from. */
  forkedFrom: z.string().min(1).max(80).optional(),
  /** Catalyst name exactly as printed in the source. */
  catalystPrinted: printed.min(1),
  /** Cleaned catalyst name (corrected only where the source's own text supports it). */
  catalyst: printed.min(1),
  /** Element symbols of the catalyst, e.g. ["Cu", "Ce", "O"]. */
  elements: z.array(z.string().max(3).refine(isElementSymbol, 'an element symbol such as "Cu"')).max(118).default([]),
  strategy: z.enum(STRATEGIES),
  /** Product as printed, e.g. "Cyclohexanone oxime", "α-Amino acids". */
  productPrinted: printed.min(1),
  /** Products as registry species; empty when the source does not identify one. */
  products: speciesList,
  nitrogenSources: speciesList,
  carbonSources: speciesList,
  /** Electrolyte as printed, e.g. "0.1 M KHCO3 + 50 mM KNO3". */
  electrolytePrinted: printed.default(''),
  /** Electrolyte pH when the source gives it. */
  pH: z.number().min(-2).max(16).optional(),
  /** Operating condition as printed: "−0.6 V vs. RHE", "20 mA cm−2", "13 mA". */
  conditionPrinted: printed.default(''),
  /** Reference electrode with filling, when the printed condition names it without one, e.g. "Ag/AgCl sat. KCl". */
  referenceElectrode: z.string().min(1).max(60).optional(),
  /** Geometric electrode area, cm², when known (turns a current into a current density). */
  electrodeAreaCm2: z.number().positive().max(1e6).optional(),
  cellType: z.enum(CELL_TYPES).default('not stated'),
  durationH: z.number().positive().max(1e5).optional(),
  selectivityPrinted: printed.default('—'),
  conversionPrinted: printed.default('—'),
  faradaicEfficiencyPrinted: printed.default('—'),
  /** Yield or yield rate as printed, e.g. "385 mmol h−1 gcat h−1", "76.8%". */
  yieldPrinted: printed.default('—'),
  /** The reading the source's own text supports where the printed yield is garbled, e.g. "385 mmol h-1 g_cat-1". */
  yieldCorrected: printed.min(1).optional(),
  /** The source's reference number (in the review), e.g. 99. */
  sourceRef: z.number().int().positive().optional(),
  /** Full citation. */
  sourceCitation: z.string().trim().min(1).max(1000),
  /** DOI of the document the number was read from, e.g. the review's 10.1039/d5qi01426c. */
  sourceDoi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, 'a DOI such as 10.1039/d5qi01426c')
    .optional(),
  /** Where in the source: "Table 1, row 2", "Section 3.3 text", "Fig. 3b". */
  sourceLocation: printed.min(1),
  /** The sentence the values were read from, verbatim (records taken from a source's text). */
  sourceQuote: z.string().trim().min(1).max(2000).optional(),
  /** The value the source gives only relative to another record's (see {@link comparisonSchema}). */
  comparison: comparisonSchema.optional(),
  /**
   * Id of another record that holds the same measurement (the same run, printed twice, e.g. in Table 1 and in
   * the text). The values both hold are counted once: this record's copies are left out by a curator flag
   * `same-measurement` whose `excludes` names them.
   */
  sameMeasurementAs: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'the id of another record')
    .optional(),
  flags: z.array(flagSchema).max(50).default([]),
  notes: z.string().min(1).max(2000).optional(),
});
/** A record as entered (after defaults). */
export type RecordInput = z.output<typeof recordInputSchema>;
/** A record as a user may write it (defaults optional). */
export type RecordInputDraft = z.input<typeof recordInputSchema>;

/** A parsed percentage such as ">99.9%" → { value: 0.999, relation: '>' }. */
export interface ParsedFraction {
  /** Fraction 0–1 (values above 1 kept as printed so that they can be flagged). */
  value: number;
  relation: '=' | '>' | '<' | '≥' | '≤' | '~';
  /** Absolute uncertainty as a fraction, from "11.9 ± 0.6%". */
  uncertainty?: number;
}
