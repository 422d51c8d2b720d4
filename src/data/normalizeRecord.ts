import {
  FARADAY_C_PER_MOL,
  InputError,
  balanceHalfReaction,
  memoize,
  convertPotential,
  findSpeciesEntry,
  SPECIES_REGISTRY,
  molarMassGPerMol,
  parseFormula,
  parseYieldRateUnit,
  resolvePotentialScale,
  toCanonicalYieldRate,
} from '../chem/index.js';
import { canonicalizeSpeciesLists } from './canonicalSpecies.js';
import { type PHEstimate, estimatePH } from './estimatePH.js';
import {
  type ElectrolyteComponent,
  type PrintedCondition,
  cleanPrinted,
  parsePrintedCondition,
  parsePrintedElectrolyte,
  unreadConcentration,
  parsePrintedPercent,
  parsePrintedYield,
} from './parsePrinted.js';
import type { ExcludableField, Flag, ParsedFraction, RecordInput } from './recordSchema.js';
import { PRINTABLE_NITROGEN_SOURCES, printedNitrogenSources } from './printedNitrogenSources.js';

/**
 * Version of the normalization rules. Raise it whenever a change to this module (or to what it calls:
 * parsing, pH estimates, unit conversion, flags) can change a stored record's normalized values or
 * automatic flags: stores re-normalize every record written by an older version when they open.
 * History: 1 — first stored version (implicit before versions were recorded); 2 — species canonicalized
 * before normalizing (CO2-purged pH for `CO2`), doubled-time yield units read as per hour per gram of
 * catalyst, plausibility check, flag exclusions, `ph-assumed` and `catalyst-renamed` flags, derived
 * comparisons, yield uncertainty; 3 — per-field `readings`, `cnCoupling`, implausible yield rates left out of
 * the normalized yield, ± carried through derived yields; 4 — CO2-purged carbonate estimated as bicarbonate of
 * twice its concentration (was the unpurged carbonate pH); 5 — electrolytes listed with "and", ";" or ", " read
 * as separate components (were one unknown component), µM (micro sign) read, mM and μM divided exactly, an
 * unreadable concentration ("1,500 M KOH") flagged `unreadable-electrolyte`; 6 — a strong base under a CO2 feed
 * read by cell type (H-cell, undivided and not stated: CO2-equilibrated bulk, 0.1 M KOH pH 6.82 (was 13), not
 * stated flagged `cell-type-assumed`; flow cells: 14 + log c as before), CO2-fed (bi)carbonate by the same charge
 * balance (values unchanged at two decimals), `pH.co2Bulk` saying which reading was taken; the
 * `inconsistent-fe-current-yield` reason states its 15 % tolerance as a project choice; 7 — an N source chosen
 * among several printed in the electrolyte flagged `n-source-assumed` (B-FeNi-DASC: KNO3/KNO2, nitrate used); unpurged bicarbonate with a hydroxylammonium salt solved
 * with pKa(NH3OH⁺) 5.96 (od-cu-phenol-oxime 7.71, was 8.34), other pH estimates noting such a salt as ignored; 8 —
 * a metal nitrate or nitrite whose symbol starts with C (Cu(NO3)2, Co(NO2)2, Cd(NO3)2) counts as a printed N source
 * for `n-source-assumed` (was read as carbon, an organic; no curated record changes);
 * 9 — an N source a salt would show (nitrate, nitrite, hydroxylamine, ammonia) missing from a printed electrolyte
 * flagged `n-source-from-text` (cu97in3-c-urea: nitrate over "0.1 M KHCO3"); 10 — an ammonium carbonate or
 * bicarbonate (NH4HCO3, (NH4)2CO3) counts as a printed ammonia source (was read as carbon, an organic, so ammonia
 * over it was flagged `n-source-from-text`; no curated record changes).
 */
export const NORMALIZER_VERSION = 10;

/**
 * Where a normalized yield's reading comes from: the printed cell, the curator's corrected reading (the
 * source's own text), an assumed reading of a garbled unit (see `assumedReadings`), or a value derived from
 * a printed comparison with another record.
 */
export type YieldReading = 'printed' | 'corrected' | 'assumed' | 'derived';
/** How a normalized value was obtained (the same four kinds as {@link YieldReading}). */
export type Reading = YieldReading;

/** A yield after normalization. */
export type NormalizedYield =
  | { kind: 'percent'; fraction: ParsedFraction; reading: YieldReading }
  | {
      kind: 'rate';
      /** Value and unit read (from the corrected or assumed reading when the printed one is garbled). */
      value: number;
      unit: string;
      /** True when read from the curator's corrected reading (kept for readers of version-1 records; see `reading`). */
      fromCorrectedReading: boolean;
      reading: YieldReading;
      /** Relation as printed (">", "~", "="). */
      relation: ParsedFraction['relation'];
      /** In mol s⁻¹ g_cat⁻¹, mol s⁻¹ m⁻², mol s⁻¹ (or without s⁻¹ for a cumulative amount). */
      canonicalValue: number;
      canonicalUnit: string;
      /** Printed ± uncertainty in the canonical unit, when printed ("48.9 ± 2.4 mg g-1 h-1"). */
      canonicalUncertainty?: number;
    };

/** A normalized field whose value rests on an assumption (an assumed unit reading, an estimated pH, a derived value). */
export interface AssumedReading {
  field: ExcludableField;
  /** What was assumed and why, in one line. */
  reason: string;
}

/** A printed value a flag declares to be something else, left out of the normalized fields. */
export interface ExcludedValue {
  field: ExcludableField;
  /** The printed cell (kept in the record as printed). */
  printed: string;
  /** The flag that excludes it. */
  flagCode: string;
}

/**
 * The plausibility check: what the printed numbers imply physically. The implied current density is
 * rate·n·F/FE (FE = 1 when none is printed, a lower bound); the implied FE is rate·n·F/j.
 */
export interface PlausibilityCheck {
  /** Electrons per product molecule used (|n|). */
  electrons: number;
  /** 'balanced' from the record's sources, or 'minimum' over the possible N sources when none is named (gives lower bounds). */
  electronsBasis: 'balanced' | 'minimum';
  /** Current density the area yield rate implies, A m⁻² (null without an area rate). */
  impliedCurrentDensityAPerM2: number | null;
  /** FE the yield rate and the printed current imply, fraction (null without both). */
  impliedFaradaicEfficiency: number | null;
}

/** Values parsed from the printed cells and put in canonical units. Null where the source has no value. */
export interface NormalizedValues {
  faradaicEfficiency: ParsedFraction | null;
  selectivity: ParsedFraction | null;
  conversion: ParsedFraction | null;
  yield: NormalizedYield | null;
  condition: PrintedCondition | null;
  /** Potential converted to V vs RHE with `pH`; null when the condition is not a potential or no pH is known. */
  potentialVvsRHE: number | null;
  pH: PHEstimate | null;
  /** Current density, A m⁻² (from a printed density, or current / electrode area). */
  currentDensityAPerM2: number | null;
  /** Absolute current, A, when printed as such. */
  currentA: number | null;
  electrolyte: ElectrolyteComponent[];
  /** Electrons per molecule of the first product, from the balanced half-reaction of its sources. */
  electrons: number | null;
  equation: string | null;
  /** Normalized values that rest on an assumption, each with its reason (show them distinctly). */
  assumedReadings: AssumedReading[];
  /** Printed values a flag declares to be something else, left out of the fields above. */
  excluded: ExcludedValue[];
  /**
   * How each normalized value was obtained, null where the value is null: `printed`, `corrected` (the
   * curator's reading), `assumed` (an assumed unit reading, an estimated pH or an assumed reference filling) or `derived` (from a printed
   * comparison). Plots and lists show values that are not `printed`/`corrected` distinctly.
   */
  readings: Record<ExcludableField, Reading | null>;
  /**
   * False when the record's product is not a C–N coupling product: its first product is a registry species
   * lacking carbon or nitrogen (NH3 from NO2−, say: a baseline, not a C–N result). Such records rank after the
   * C–N results in FE and yield sorts, are not returned by the minimum-FE filter and are not plotted, unless
   * a product filter asks for them. True otherwise (a generic product such as "arylamine" counts as C–N).
   */
  cnCoupling: boolean;
  /** What the printed yield, FE and current imply physically; null when nothing can be checked. */
  plausibility: PlausibilityCheck | null;
  /** {@link NORMALIZER_VERSION} of the code that computed these values. */
  normalizerVersion: number;
}

/** A stored record: the input as entered plus normalized values and automatic flags. */
export interface CatalyticRecord extends RecordInput {
  id: string;
  normalized: NormalizedValues;
  /** Flags computed by normalization and the consistency check (the curator's are in `flags`). */
  autoFlags: Flag[];
}

/**
 * Relative tolerance of the FE–current–yield consistency check, 0.15 (15 %): a project choice, not a literature
 * value (no source in this repository gives one); the `inconsistent-fe-current-yield` flag states it.
 */
export const CONSISTENCY_TOLERANCE = 0.15;

/**
 * Highest current density, A m⁻², the plausibility check accepts as implied by a yield rate: 2 A cm⁻², four
 * times the highest current density printed in Table 1 of the review (500 mA cm⁻², Fe, ref. 78, a flow
 * cell). A curator's bound, not a physical constant: beyond it a printed yield rate needs a current no
 * reported C–N coupling cell carries.
 */
export const PLAUSIBLE_MAX_CURRENT_DENSITY_A_PER_M2 = 2e4;

/** N sources tried for the lower bound of the electron count when a record names none (each is a reactant the review's reactions use). */
const CANDIDATE_N_SOURCES = ['ammonia', 'hydroxylamine', 'nitric-oxide', 'nitrite', 'nitrate', 'dinitrogen'];

/** Builds a kebab-case id from a catalyst name and product, e.g. "cu-s-cyclohexanone-oxime". */
export function slugId(...parts: string[]): string {
  const slug = parts
    .join(' ')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 72);
  return slug || 'record';
}

const molarMassOfSpecies = memoize(
  (species: string) => {
    const entry = findSpeciesEntry(species);
    return entry ? molarMassGPerMol(parseFormula(entry.formula)) : Number.NaN;
  },
  (species) => species,
);

function productMolarMass(input: RecordInput): number | undefined {
  const first = input.products[0];
  const molarMass = first === undefined ? Number.NaN : molarMassOfSpecies(first);
  return Number.isNaN(molarMass) ? undefined : molarMass;
}

/**
 * The evident reading of a rate unit that prints time twice: "mmol h-1 g_cat h-1" → "mmol h-1 g_cat-1"
 * (per hour per gram of catalyst), also with a catalyst mass in mg; null for any other unit.
 */
export function readDoubledTimeUnit(unit: string): string | null {
  const m = /^(\S+) (h-1|s-1|min-1) ((?:m?g)(?:_cat)?) \2$/.exec(unit.trim());
  return m ? `${m[1]} ${m[2]} ${m[3]}-1` : null;
}

function normalizeYield(input: RecordInput, flags: Flag[], assumed: AssumedReading[]): NormalizedYield | null {
  const parsed = parsePrintedYield(input.yieldPrinted);
  if (parsed === null) return input.comparison ? deriveYieldFromComparison(input, flags, assumed) : null;
  if (!parsed.ok) {
    flags.push({ code: 'unreadable-yield', reason: parsed.reason });
    return null;
  }
  if (parsed.value.kind === 'percent') return { kind: 'percent', fraction: parsed.value.fraction, reading: 'printed' };
  let { value, unit } = parsed.value;
  let { uncertainty, relation } = parsed.value;
  let reading: YieldReading = 'printed';
  try {
    parseYieldRateUnit(unit);
  } catch (error) {
    const corrected = input.yieldCorrected === undefined ? null : parsePrintedYield(input.yieldCorrected);
    const doubled = readDoubledTimeUnit(unit);
    if (corrected?.ok && corrected.value.kind === 'rate') {
      ({ value, unit, uncertainty, relation } = corrected.value);
      reading = 'corrected';
    } else if (doubled !== null) {
      const [, time, mass] = doubled.split(' ');
      const words: Record<string, string> = { 'h-1': 'hour', 's-1': 'second', 'min-1': 'minute', g: 'gram', mg: 'milligram' };
      const reason = `unit printed "${unit}" gives the time twice; read as "${doubled}" (per ${words[time!]} per ${words[mass!.replace(/(_cat)?-1$/, '')]} of catalyst), the evident reading, assumed: the source's own unit is not in the review`;
      flags.push({ code: 'yield-unit-assumed-reading', reason });
      assumed.push({ field: 'yield', reason });
      unit = doubled;
      reading = 'assumed';
    } else {
      flags.push({ code: 'yield-unit-unreadable', reason: `${(error as Error).message.split(' (allowed')[0]}; no corrected reading, so no normalized value` });
      return null;
    }
  }
  try {
    const options = { molarMassGPerMol: productMolarMass(input) };
    const canonical = toCanonicalYieldRate(value, unit, options);
    const rate: NormalizedYield = {
      kind: 'rate',
      value,
      unit,
      fromCorrectedReading: reading === 'corrected',
      reading,
      relation,
      canonicalValue: canonical.value,
      canonicalUnit: canonical.unit,
    };
    if (uncertainty !== undefined) rate.canonicalUncertainty = toCanonicalYieldRate(uncertainty, unit, options).value;
    return rate;
  } catch (error) {
    flags.push({ code: 'yield-not-normalized', reason: (error as Error).message.split(' (allowed')[0] ?? 'cannot normalize' });
    return null;
  }
}

/** A yield the source states only relative to another record's printed value ({@link RecordInput.comparison}). */
function deriveYieldFromComparison(input: RecordInput, flags: Flag[], assumed: AssumedReading[]): NormalizedYield | null {
  const c = input.comparison!;
  const baseline = parsePrintedYield(c.baselinePrinted);
  if (!baseline?.ok) {
    flags.push({ code: 'unreadable-comparison', reason: `cannot read the baseline "${c.baselinePrinted}" as a yield` });
    return null;
  }
  const factor = c.direction === 'lower' ? 1 / c.times : c.times;
  const reason = `derived: ${c.direction === 'lower' ? `${c.baselinePrinted} / ${c.times}` : `${c.baselinePrinted} × ${c.times}`} from the printed comparison with ${c.baselineId} ("${c.printed}")`;
  flags.push({ code: 'derived-from-comparison', reason });
  assumed.push({ field: 'yield', reason });
  const relation = c.relation === '~' || (baseline.value.kind === 'rate' && baseline.value.relation !== '=') ? '~' : '=';
  if (baseline.value.kind === 'percent') {
    return {
      kind: 'percent',
      fraction: {
        value: Number((baseline.value.fraction.value * factor).toPrecision(12)),
        relation,
        ...(baseline.value.fraction.uncertainty === undefined ? {} : { uncertainty: Number((baseline.value.fraction.uncertainty * factor).toPrecision(12)) }),
      },
      reading: 'derived',
    };
  }
  const value = Number((baseline.value.value * factor).toPrecision(12));
  try {
    const options = { molarMassGPerMol: productMolarMass(input) };
    const canonical = toCanonicalYieldRate(value, baseline.value.unit, options);
    const rate: NormalizedYield = {
      kind: 'rate',
      value,
      unit: baseline.value.unit,
      fromCorrectedReading: false,
      reading: 'derived',
      relation,
      canonicalValue: canonical.value,
      canonicalUnit: canonical.unit,
    };
    // The baseline's printed ± scales with the value (σ·factor); the printed factor carries no uncertainty of its own.
    const sigma = baseline.value.uncertainty;
    if (sigma !== undefined) rate.canonicalUncertainty = toCanonicalYieldRate(Number((sigma * factor).toPrecision(12)), baseline.value.unit, options).value;
    return rate;
  } catch (error) {
    flags.push({ code: 'yield-not-normalized', reason: (error as Error).message.split(' (allowed')[0] ?? 'cannot normalize' });
    return null;
  }
}

function normalizePotential(
  input: RecordInput,
  condition: PrintedCondition | null,
  pH: PHEstimate | null,
  flags: Flag[],
  assumed: AssumedReading[],
): number | null {
  if (condition?.kind !== 'potential') return null;
  let scale = condition.scale;
  let filling: string | null = null;
  try {
    resolvePotentialScale(scale);
  } catch (error) {
    if (!input.referenceElectrode) {
      flags.push({ code: 'reference-unresolved', reason: `${(error as Error).message.split(' (allowed')[0]}; potential not converted to RHE` });
      return null;
    }
    scale = input.referenceElectrode;
    filling = `printed "vs. ${condition.scale}" without its filling; ${input.referenceElectrode} assumed`;
    flags.push({ code: 'reference-filling-assumed', reason: filling });
  }
  if (resolvePotentialScale(scale).kind === 'RHE') return condition.valueV;
  if (pH && filling !== null) assumed.push({ field: 'potentialVvsRHE', reason: filling }); // the converted value rests on it
  if (!pH) {
    flags.push({ code: 'no-ph', reason: `potential printed vs ${condition.scale} and no pH given or estimable; not converted to RHE` });
    return null;
  }
  if (pH.method === 'estimated') {
    const reason = `converted to RHE with an estimated pH ${pH.value} (${pH.note}); the source gives no pH`;
    flags.push({ code: 'ph-assumed', reason });
    assumed.push({ field: 'potentialVvsRHE', reason });
  }
  return convertPotential(condition.valueV, scale, 'RHE', { pH: pH.value }).potentialV;
}

/** Balances sources → first product once per distinct reaction (datasets repeat few reactions). */
const countElectronsOf = memoize(
  ({ sources, product }: { sources: string[]; product: string }): { electrons: number | null; equation: string | null } => {
    try {
      const r = balanceHalfReaction(sources, [product]);
      return { electrons: r.electrons, equation: r.equation };
    } catch (error) {
      if (error instanceof InputError) return { electrons: null, equation: null };
      throw error;
    }
  },
  ({ sources, product }) => `${sources.join(',')}>${product}`,
);

function countElectrons(input: RecordInput): { electrons: number | null; equation: string | null } {
  const product = input.products[0];
  if (product === undefined) return { electrons: null, equation: null };
  return { ...countElectronsOf({ sources: [...input.carbonSources, ...input.nitrogenSources], product }) };
}

/**
 * The fewest electrons per product molecule over the N sources the review's reactions use, for a record
 * that names no N source (a lower bound on n, so implied currents are lower bounds); null when none balances.
 */
function minimumElectrons(input: RecordInput): number | null {
  const product = input.products[0];
  if (product === undefined || input.nitrogenSources.length > 0) return null;
  let least: number | null = null;
  for (const n of CANDIDATE_N_SOURCES) {
    const e = countElectronsOf({ sources: [...input.carbonSources, n], product }).electrons;
    if (e !== null && e !== 0 && (least === null || Math.abs(e) < least)) least = Math.abs(e);
  }
  return least;
}

/**
 * The plausibility check: the current density an area yield rate implies (rate·n·F/FE, with FE = 1 when
 * none is printed) against {@link PLAUSIBLE_MAX_CURRENT_DENSITY_A_PER_M2}, and the FE a yield rate and a
 * printed current imply (rate·n·F/j) against 100 %. Uses the balanced electron count, or its lower bound
 * over the possible N sources when the record names none, so a flag is never the artefact of a guess.
 */
export function checkPlausibility(n: NormalizedValues, minimumElectronCount: number | null = null): { check: PlausibilityCheck | null; flags: Flag[] } {
  const y = n.yield;
  if (y === null || y.kind !== 'rate' || !y.canonicalUnit.includes('s-1')) return { check: null, flags: [] };
  const electrons = n.electrons !== null && n.electrons !== 0 ? Math.abs(n.electrons) : minimumElectronCount;
  if (electrons === null) return { check: null, flags: [] };
  const basis = n.electrons !== null && n.electrons !== 0 ? 'balanced' : 'minimum';
  const flags: Flag[] = [];
  const fe = n.faradaicEfficiency?.value;
  let impliedJ: number | null = null;
  if (y.canonicalUnit === 'mol s-1 m-2') {
    impliedJ = (y.canonicalValue * electrons * FARADAY_C_PER_MOL) / (fe !== undefined && fe > 0 ? fe : 1);
    if (impliedJ > PLAUSIBLE_MAX_CURRENT_DENSITY_A_PER_M2) {
      flags.push({
        code: 'implausible-yield-rate',
        reason: `${y.value} ${y.unit} needs ${basis === 'minimum' ? '≥ ' : ''}${(impliedJ / 1e4).toPrecision(3)} A cm-2 (rate·n·F/FE, n = ${electrons}${basis === 'minimum' ? ' at least' : ''}, FE ${fe !== undefined && fe > 0 ? `${(fe * 100).toPrecision(3)} %` : '100 % assumed'}); above the ${PLAUSIBLE_MAX_CURRENT_DENSITY_A_PER_M2 / 1e4} A cm-2 bound`,
      });
    }
  }
  let current: number | null = null;
  if (y.canonicalUnit === 'mol s-1 m-2') current = n.currentDensityAPerM2;
  else if (y.canonicalUnit === 'mol s-1') current = n.currentA;
  const impliedFe = current !== null && current !== 0 ? (y.canonicalValue * electrons * FARADAY_C_PER_MOL) / Math.abs(current) : null;
  if (impliedFe !== null && impliedFe > 1) {
    flags.push({
      code: 'implausible-implied-fe',
      reason: `the yield rate and the printed current imply FE ${basis === 'minimum' ? '≥ ' : ''}${(impliedFe * 100).toPrecision(3)} % (rate·n·F/j, n = ${electrons}); above 100 %`,
    });
  }
  if (impliedJ === null && impliedFe === null) return { check: null, flags };
  return { check: { electrons, electronsBasis: basis, impliedCurrentDensityAPerM2: impliedJ, impliedFaradaicEfficiency: impliedFe }, flags };
}

/** Catalyst names compared without white space, after the printed one is cleaned of markup. */
const compactName = (name: string) => cleanPrinted(name).replace(/\s+/g, '');

/**
 * Checks FE, current and yield rate against each other where all three are known and comparable
 * (an area-normalized rate with a current density, or an absolute rate with a current): the expected
 * rate is FE·j/(n·F). Returns a flag when they disagree by more than {@link CONSISTENCY_TOLERANCE},
 * reporting the electron count the printed numbers imply.
 */
export function checkConsistency(n: NormalizedValues): { checked: boolean; flag?: Flag; impliedElectrons?: number } {
  const fe = n.faradaicEfficiency?.value;
  const y = n.yield;
  if (fe === undefined || y === null || y.kind !== 'rate' || n.electrons === null || !y.canonicalUnit.includes('s-1')) return { checked: false };
  let current: number | null = null;
  if (y.canonicalUnit === 'mol s-1 m-2') current = n.currentDensityAPerM2;
  else if (y.canonicalUnit === 'mol s-1') current = n.currentA;
  if (current === null) return { checked: false };
  const electrons = Math.abs(n.electrons);
  const expected = (fe * Math.abs(current)) / (electrons * FARADAY_C_PER_MOL);
  const impliedElectrons = (fe * Math.abs(current)) / (FARADAY_C_PER_MOL * y.canonicalValue);
  const ratio = y.canonicalValue / expected;
  if (Math.abs(ratio - 1) <= CONSISTENCY_TOLERANCE) return { checked: true, impliedElectrons };
  return {
    checked: true,
    impliedElectrons,
    flag: {
      code: 'inconsistent-fe-current-yield',
      reason: `yield rate is ${ratio.toFixed(2)}× FE·j/(nF) with n = ${electrons}, beyond the ±${CONSISTENCY_TOLERANCE * 100} % tolerance (a project choice, not a literature value); the printed FE, current and yield imply n = ${impliedElectrons.toFixed(2)}`,
    },
  };
}

function normalizeFraction(field: string, printed: string, flags: Flag[]): ParsedFraction | null {
  const parsed = parsePrintedPercent(printed);
  if (parsed === null) return null;
  if (!parsed.ok) {
    flags.push({ code: `unreadable-${field}`, reason: parsed.reason });
    return null;
  }
  return parsed.value;
}

/**
 * `n-source-assumed` when the electrolyte prints N sources the record does not use beside the one(s) it does
 * ("50 mM KNO3/KNO2" with nitrate as the N source): the electron count, and so the plausibility and consistency
 * checks, follow that choice. The reason gives the electrons with each printed alternative. None when the curator
 * flagged it already, when the record names no N source, or when every printed N source is used.
 */
function nitrogenSourceChoiceFlag(input: RecordInput, electrolyte: ElectrolyteComponent[]): Flag | null {
  if (input.flags.some((f) => f.code === 'n-source-assumed') || input.nitrogenSources.length === 0) return null;
  const printed = printedNitrogenSources(electrolyte);
  const unused = printed.filter((id) => !input.nitrogenSources.includes(id));
  if (printed.length < 2 || unused.length === 0) return null;
  const product = input.products[0];
  const electronsWith = (nSources: string[]) =>
    product === undefined ? null : countElectronsOf({ sources: [...input.carbonSources, ...nSources], product }).electrons;
  const n = (e: number | null) => (e === null ? 'no balanced reaction' : e === 0 ? 'n = 0 (no reduction)' : `n = ${Math.abs(e)}`);
  const alternatives = unused.map((id) => `${id} would give ${n(electronsWith([id]))}`).join('; ');
  return {
    code: 'n-source-assumed',
    reason: `the electrolyte prints ${printed.join(' and ')} as N sources; ${input.nitrogenSources.join(' + ')} is used (${n(electronsWith(input.nitrogenSources))}); ${alternatives}`,
  };
}

/**
 * `n-source-from-text` when the record's N source is one a salt would show (nitrate, nitrite, hydroxylamine,
 * ammonia) but the printed electrolyte has none of it (cu97in3-c-urea: nitrate, "0.1 M KHCO3"): the curator took
 * the N source from the source's text, not from the printed electrolyte, and the notes should say where. None when
 * no electrolyte is printed (text-only records), for gas or organic N sources (NO, N2, dimethylamine), or when
 * the curator flagged it already.
 */
function nitrogenSourceFromTextFlag(input: RecordInput, electrolyte: ElectrolyteComponent[]): Flag | null {
  if (electrolyte.length === 0 || input.flags.some((f) => f.code === 'n-source-from-text')) return null;
  const printed = printedNitrogenSources(electrolyte);
  const missing = input.nitrogenSources.filter((id) => PRINTABLE_NITROGEN_SOURCES.includes(id) && !printed.includes(id));
  if (missing.length === 0) return null;
  return {
    code: 'n-source-from-text',
    reason: `the printed electrolyte "${cleanPrinted(input.electrolytePrinted)}" has no component that supplies ${missing.join(' or ')}; the N source ${missing.join(' + ')} is taken from the text, not from the printed electrolyte (${input.notes ? 'the notes say where' : 'no note says where'})`,
  };
}

/**
 * Normalizes a validated record input: canonicalizes its species first (so that `CO2` typed anywhere gets
 * the CO2-purged pH), parses every printed number, converts yields to canonical units, potentials to V vs
 * RHE (stating how the pH was obtained), currents to A m⁻², counts electrons by balancing, leaves out what
 * a flag declares to be something else, and runs the consistency and plausibility checks. Problems become
 * automatic flags, never exceptions.
 */
export function normalizeRecord(entered: RecordInput): CatalyticRecord {
  const input = canonicalizeSpeciesLists(entered);
  const autoFlags: Flag[] = [];
  const assumedReadings: AssumedReading[] = [];
  const faradaicEfficiency = normalizeFraction('faradaic-efficiency', input.faradaicEfficiencyPrinted, autoFlags);
  if (faradaicEfficiency && faradaicEfficiency.value > 1)
    autoFlags.push({ code: 'fe-above-100', reason: `FE ${input.faradaicEfficiencyPrinted} exceeds 100 %` });
  const selectivity = normalizeFraction('selectivity', input.selectivityPrinted, autoFlags);
  const conversion = normalizeFraction('conversion', input.conversionPrinted, autoFlags);
  const electrolyte = parsePrintedElectrolyte(input.electrolytePrinted);
  for (const unread of electrolyte.map(unreadConcentration).filter((t) => t !== null))
    autoFlags.push({
      code: 'unreadable-electrolyte',
      reason: `cannot read the concentration of "${unread}" (a number in M, mM or μM with "." or an unambiguous decimal comma, such as "0.1 M" or "0,1 M"); the component has no concentration`,
    });
  const pH: PHEstimate | null =
    input.pH !== undefined
      ? { value: input.pH, method: 'given', note: 'as given by the source' }
      : estimatePH(electrolyte, input.carbonSources.includes('carbon-dioxide'), input.cellType);
  if (pH?.co2Bulk?.assumed)
    autoFlags.push({
      code: 'cell-type-assumed',
      reason: `pH ${pH.value} estimated for a bulk equilibrated with the CO2 feed (the default for a cell type not stated); in a flow cell a strong base would keep its own pH`,
    });
  const nSourceFlag = nitrogenSourceChoiceFlag(input, electrolyte);
  if (nSourceFlag) autoFlags.push(nSourceFlag);
  const fromTextFlag = nitrogenSourceFromTextFlag(input, electrolyte);
  if (fromTextFlag) autoFlags.push(fromTextFlag);
  const conditionParsed = parsePrintedCondition(input.conditionPrinted);
  if (conditionParsed && !conditionParsed.ok) autoFlags.push({ code: 'unreadable-condition', reason: conditionParsed.reason });
  const condition = conditionParsed?.ok ? conditionParsed.value : null;
  let currentDensityAPerM2: number | null = null;
  let currentA: number | null = null;
  if (condition?.kind === 'current-density') currentDensityAPerM2 = condition.valueAPerM2;
  if (condition?.kind === 'current') {
    currentA = condition.valueA;
    if (input.electrodeAreaCm2) currentDensityAPerM2 = condition.valueA / (input.electrodeAreaCm2 * 1e-4);
  }
  const normalized: NormalizedValues = {
    faradaicEfficiency,
    selectivity,
    conversion,
    yield: normalizeYield(input, autoFlags, assumedReadings),
    condition,
    potentialVvsRHE: normalizePotential(input, condition, pH, autoFlags, assumedReadings),
    pH,
    currentDensityAPerM2,
    currentA,
    electrolyte,
    ...countElectrons(input),
    assumedReadings,
    excluded: [],
    readings: { faradaicEfficiency: null, selectivity: null, conversion: null, yield: null, potentialVvsRHE: null },
    cnCoupling: isCnCouplingProduct(input.products),
    plausibility: null,
    normalizerVersion: NORMALIZER_VERSION,
  };
  excludeFlaggedValues(input, normalized);
  const renamed = input.catalystPrinted !== input.catalyst && compactName(input.catalystPrinted) !== compactName(input.catalyst);
  if (renamed && !input.flags.some((f) => f.code === 'catalyst-renamed')) {
    autoFlags.push({ code: 'catalyst-renamed', reason: `printed "${cleanPrinted(input.catalystPrinted)}", named "${input.catalyst}" here` });
  }
  const consistency = checkConsistency(normalized);
  if (consistency.flag) autoFlags.push(consistency.flag);
  const plausibility = checkPlausibility(normalized, minimumElectrons(input));
  normalized.plausibility = plausibility.check;
  autoFlags.push(...plausibility.flags);
  // A yield rate beyond physical bounds stays printed and flagged but out of the normalized yield (sorts, plots).
  if (plausibility.flags.some((f) => f.code === 'implausible-yield-rate')) leaveOut(input, normalized, 'yield', 'implausible-yield-rate');
  normalized.readings = readingsOf(normalized);
  return { ...input, id: input.id ?? slugId(input.catalyst, input.productPrinted), normalized, autoFlags };
}

/** The printed cell behind each excludable normalized field. */
const PRINTED_OF: Record<ExcludableField, (r: RecordInput) => string> = {
  faradaicEfficiency: (r) => r.faradaicEfficiencyPrinted,
  selectivity: (r) => r.selectivityPrinted,
  conversion: (r) => r.conversionPrinted,
  yield: (r) => r.yieldPrinted,
  potentialVvsRHE: (r) => r.conditionPrinted,
};

/** Leaves a normalized value out (null), listing its printed cell and the flag that excludes it. */
function leaveOut(input: RecordInput, normalized: NormalizedValues, field: ExcludableField, flagCode: string): void {
  if (normalized[field] === null || normalized.excluded.some((e) => e.field === field)) return;
  normalized[field] = null;
  normalized.excluded.push({ field, printed: PRINTED_OF[field](input), flagCode });
  normalized.assumedReadings = normalized.assumedReadings.filter((a) => a.field !== field);
}

/** Leaves out of `normalized` every value a curator flag declares to be something else (`flag.excludes`). */
function excludeFlaggedValues(input: RecordInput, normalized: NormalizedValues): void {
  for (const flag of input.flags) for (const field of flag.excludes ?? []) leaveOut(input, normalized, field, flag.code);
}

/** The {@link NormalizedValues.readings} of normalized values (after exclusions). */
function readingsOf(n: NormalizedValues): Record<ExcludableField, Reading | null> {
  const assumed = (field: ExcludableField) => n.assumedReadings.some((a) => a.field === field);
  const fraction = (v: ParsedFraction | null): Reading | null => (v === null ? null : 'printed');
  return {
    faradaicEfficiency: fraction(n.faradaicEfficiency),
    selectivity: fraction(n.selectivity),
    conversion: fraction(n.conversion),
    yield: n.yield === null ? null : n.yield.reading,
    potentialVvsRHE: n.potentialVvsRHE === null ? null : assumed('potentialVvsRHE') ? 'assumed' : 'printed',
  };
}

/**
 * Whether a record's product is a C–N coupling product: false only when its first product is a registry
 * species whose formula lacks carbon or nitrogen (ammonia, N2, …); a record with no registry product (a
 * generic "arylamine") counts as C–N. See {@link NormalizedValues.cnCoupling}.
 */
export function isCnCouplingProduct(products: readonly string[]): boolean {
  const first = products[0];
  const entry = first === undefined ? undefined : findSpeciesEntry(first);
  if (entry === undefined) return true;
  const counts = parseFormula(entry.formula).counts;
  return (counts.C ?? 0) > 0 && (counts.N ?? 0) > 0;
}

/** Registry ids of the species that are not C–N coupling products (formula without C or without N). */
export const NON_CN_PRODUCT_IDS: readonly string[] = SPECIES_REGISTRY.filter((e) => !isCnCouplingProduct([e.id])).map((e) => e.id);
