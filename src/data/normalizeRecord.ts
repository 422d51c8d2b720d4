import {
  FARADAY_C_PER_MOL,
  InputError,
  balanceHalfReaction,
  memoize,
  convertPotential,
  findSpeciesEntry,
  molarMassGPerMol,
  parseFormula,
  parseYieldRateUnit,
  resolvePotentialScale,
  toCanonicalYieldRate,
} from '../chem/index.js';
import { type PHEstimate, estimatePH } from './estimatePH.js';
import {
  type ElectrolyteComponent,
  type PrintedCondition,
  parsePrintedCondition,
  parsePrintedElectrolyte,
  parsePrintedPercent,
  parsePrintedYield,
} from './parsePrinted.js';
import type { Flag, ParsedFraction, RecordInput } from './recordSchema.js';

/** A yield after normalization. */
export type NormalizedYield =
  | { kind: 'percent'; fraction: ParsedFraction }
  | {
      kind: 'rate';
      /** Value and unit read (from the corrected reading when the printed one is garbled). */
      value: number;
      unit: string;
      fromCorrectedReading: boolean;
      /** In mol s⁻¹ g_cat⁻¹, mol s⁻¹ m⁻², mol s⁻¹ (or without s⁻¹ for a cumulative amount). */
      canonicalValue: number;
      canonicalUnit: string;
    };

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
}

/** A stored record: the input as entered plus normalized values and automatic flags. */
export interface CatalyticRecord extends RecordInput {
  id: string;
  normalized: NormalizedValues;
  /** Flags computed by normalization and the consistency check (the curator's are in `flags`). */
  autoFlags: Flag[];
}

/** Relative tolerance of the FE–current–yield consistency check (15 %). */
export const CONSISTENCY_TOLERANCE = 0.15;

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

function normalizeYield(input: RecordInput, flags: Flag[]): NormalizedYield | null {
  const parsed = parsePrintedYield(input.yieldPrinted);
  if (parsed === null) return null;
  if (!parsed.ok) {
    flags.push({ code: 'unreadable-yield', reason: parsed.reason });
    return null;
  }
  if (parsed.value.kind === 'percent') return { kind: 'percent', fraction: parsed.value.fraction };
  let { value, unit } = parsed.value;
  let fromCorrectedReading = false;
  try {
    parseYieldRateUnit(unit);
  } catch (error) {
    const corrected = input.yieldCorrected === undefined ? null : parsePrintedYield(input.yieldCorrected);
    if (corrected?.ok && corrected.value.kind === 'rate') {
      ({ value, unit } = corrected.value);
      fromCorrectedReading = true;
    } else {
      flags.push({ code: 'yield-unit-unreadable', reason: `${(error as Error).message.split(' (allowed')[0]}; no corrected reading, so no normalized value` });
      return null;
    }
  }
  try {
    const canonical = toCanonicalYieldRate(value, unit, { molarMassGPerMol: productMolarMass(input) });
    return { kind: 'rate', value, unit, fromCorrectedReading, canonicalValue: canonical.value, canonicalUnit: canonical.unit };
  } catch (error) {
    flags.push({ code: 'yield-not-normalized', reason: (error as Error).message.split(' (allowed')[0] ?? 'cannot normalize' });
    return null;
  }
}

function normalizePotential(input: RecordInput, condition: PrintedCondition | null, pH: PHEstimate | null, flags: Flag[]): number | null {
  if (condition?.kind !== 'potential') return null;
  let scale = condition.scale;
  try {
    resolvePotentialScale(scale);
  } catch (error) {
    if (!input.referenceElectrode) {
      flags.push({ code: 'reference-unresolved', reason: `${(error as Error).message.split(' (allowed')[0]}; potential not converted to RHE` });
      return null;
    }
    scale = input.referenceElectrode;
    flags.push({ code: 'reference-filling-assumed', reason: `printed "vs. ${condition.scale}" without its filling; ${input.referenceElectrode} assumed` });
  }
  if (resolvePotentialScale(scale).kind === 'RHE') return condition.valueV;
  if (!pH) {
    flags.push({ code: 'no-ph', reason: `potential printed vs ${condition.scale} and no pH given or estimable; not converted to RHE` });
    return null;
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
      reason: `yield rate is ${ratio.toFixed(2)}× FE·j/(nF) with n = ${electrons}; the printed FE, current and yield imply n = ${impliedElectrons.toFixed(2)}`,
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
 * Normalizes a validated record input: parses every printed number, converts yields to canonical units,
 * potentials to V vs RHE (stating how the pH was obtained), currents to A m⁻², counts electrons by
 * balancing, and runs the consistency check. Problems become automatic flags, never exceptions.
 */
export function normalizeRecord(input: RecordInput): CatalyticRecord {
  const autoFlags: Flag[] = [];
  const faradaicEfficiency = normalizeFraction('faradaic-efficiency', input.faradaicEfficiencyPrinted, autoFlags);
  if (faradaicEfficiency && faradaicEfficiency.value > 1) autoFlags.push({ code: 'fe-above-100', reason: `FE ${input.faradaicEfficiencyPrinted} exceeds 100 %` });
  const selectivity = normalizeFraction('selectivity', input.selectivityPrinted, autoFlags);
  const conversion = normalizeFraction('conversion', input.conversionPrinted, autoFlags);
  const electrolyte = parsePrintedElectrolyte(input.electrolytePrinted);
  const pH: PHEstimate | null =
    input.pH !== undefined ? { value: input.pH, method: 'given', note: 'as given by the source' } : estimatePH(electrolyte, input.carbonSources.includes('carbon-dioxide'));
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
    yield: normalizeYield(input, autoFlags),
    condition,
    potentialVvsRHE: normalizePotential(input, condition, pH, autoFlags),
    pH,
    currentDensityAPerM2,
    currentA,
    electrolyte,
    ...countElectrons(input),
  };
  const consistency = checkConsistency(normalized);
  if (consistency.flag) autoFlags.push(consistency.flag);
  return { ...input, id: input.id ?? slugId(input.catalyst, input.productPrinted), normalized, autoFlags };
}
