import type { z } from 'zod';
import { molarMassGPerMol, resolveSpecies } from '../chem/index.js';
import { assertSourcesInElectrolyte, sourcesOfProducts } from '../transport/assertSourcesInElectrolyte.js';
import type { ElectrodeProduct } from '../transport/electrodeStoichiometry.js';
import { electrolyteFromText } from '../transport/electrolyteFromText.js';
import { type MicroenvironmentResult, solveMicroenvironmentAtCurrents } from '../transport/solveMicroenvironment.js';
import { type TransientMicroenvironmentResult, pulseSchedule, transientMicroenvironment } from '../transport/transientMicroenvironment.js';
import {
  TEA_PROCESS_DEFAULTS,
  type microenvRequestSchema,
  type reactorRequestSchema,
  type teaRequestSchema,
  type transientRequestSchema,
} from './inputSchemas.js';
import type { TeaInput } from './technoEconomics.js';
import { TEA_PRESETS, type TeaPresetId } from './teaPresets.js';
import { flowCellStudy, teaStudy } from './studies.js';

/**
 * The bulk composition of a request's `electrolyte`, refusing an electrode reactant (`products[i].from[j]`) the
 * electrolyte does not contain ({@link assertSourcesInElectrolyte}); the `microenv` and `transient` studies
 * check and run through it, whichever edge calls them.
 * @throws {InputError} for unreadable electrolyte text or a reactant it lacks
 */
export function bulkForProducts(input: { electrolyte: string; co2Saturated: boolean; products: readonly ElectrodeProduct[] }) {
  const bulk = electrolyteFromText(input.electrolyte, input.co2Saturated);
  assertSourcesInElectrolyte(sourcesOfProducts(input.products), bulk.concentrations, input.electrolyte);
  return bulk;
}

/** Microenvironment at every requested current density (mA cm⁻²) for a printed electrolyte. */
export function runMicroenvStudy(input: z.output<typeof microenvRequestSchema>): MicroenvironmentResult[] {
  const bulk = bulkForProducts(input);
  return solveMicroenvironmentAtCurrents(
    {
      bulk: bulk.concentrations,
      products: input.products,
      boundaryLayerM: input.boundaryLayerUm * 1e-6,
      migration: input.migration,
      rateConstants: input.rateConstants,
    },
    input.currentDensitiesMAPerCm2.map((j) => j * 10),
  );
}

/** Transient microenvironment for a printed electrolyte under a step program or square pulses (mA cm⁻², s). */
export function runTransientStudy(
  input: z.output<typeof transientRequestSchema>,
  onProgress?: (tS: number, totalS: number) => void,
): TransientMicroenvironmentResult {
  const bulk = bulkForProducts(input);
  const p = input.pulse;
  // pulses: one period repeated until periodic (or a fixed count, still reporting whether it was periodic)
  const schedule = p
    ? pulseSchedule(p.highMAPerCm2 * 10, p.tHighS, p.lowMAPerCm2 * 10, p.tLowS, 1)
    : input.steps!.map((s) => ({ durationS: s.durationS, currentDensityAPerM2: s.currentDensityMAPerCm2 * 10 }));
  const periodic = p
    ? {
        periodic:
          p.periods === 'auto'
            ? { tolerance: p.periodicTolerance, maxPeriods: p.maxPeriods }
            : { tolerance: p.periodicTolerance, maxPeriods: p.periods, stopWhenPeriodic: false },
      }
    : {};
  return transientMicroenvironment({
    bulk: bulk.concentrations,
    products: input.products,
    boundaryLayerM: input.boundaryLayerUm * 1e-6,
    migration: input.migration,
    rateConstants: input.rateConstants,
    rtol: input.rtol,
    schedule,
    ...periodic,
    ...(onProgress ? { onProgress } : {}),
  });
}

/** Flow cell, voltage, energy and scale-up for a product given by name or formula. */
export function runReactorStudy(input: z.output<typeof reactorRequestSchema>) {
  const { product, kineticCurrentDensityAPerM2, ...rest } = input;
  return flowCellStudy({
    ...rest,
    product,
    kineticCurrentDensityAPerM2: kineticCurrentDensityAPerM2 ?? Number.POSITIVE_INFINITY,
    molarMassGPerMol: molarMassGPerMol(resolveSpecies(product, 'product').formula),
  });
}

/** A tea request with its preset applied and every process default filled: what the study ran on (echoed in its result). */
export interface ResolvedTeaInput extends Omit<TeaInput, 'currentDensityAPerM2' | 'molarMassGPerMol' | 'product' | 'overrides'> {
  preset?: TeaPresetId;
  product: string;
  /** Total current density, mA cm⁻² (the library's `currentDensityAPerM2` ÷ 10). */
  currentDensityMAPerCm2: number;
  overrides: Record<string, number>;
}

/**
 * Applies the preset (the request's own fields win; `overrides` and `gasDensitiesKgPerM3` merge key by key; a
 * separation given replaces the preset's) and the process defaults ({@link TEA_PROCESS_DEFAULTS}); the deprecated
 * `currentDensityAPerM2` becomes `currentDensityMAPerCm2` (÷ 10).
 */
export function resolveTeaInput(body: z.output<typeof teaRequestSchema>): ResolvedTeaInput {
  const base = (body.preset ? TEA_PRESETS[body.preset].input : {}) as Partial<ResolvedTeaInput>;
  const given = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<ResolvedTeaInput> & { currentDensityAPerM2?: number };
  const { currentDensityAPerM2, ...own } = given;
  const j = own.currentDensityMAPerCm2 ?? (currentDensityAPerM2 === undefined ? base.currentDensityMAPerCm2 : currentDensityAPerM2 / 10);
  const merged = {
    ...base,
    ...own,
    currentDensityMAPerCm2: j,
    productionTonnesPerDay: own.productionTonnesPerDay ?? base.productionTonnesPerDay ?? TEA_PROCESS_DEFAULTS.productionTonnesPerDay,
    overrides: { ...base.overrides, ...own.overrides },
    ...(base.gasDensitiesKgPerM3 || own.gasDensitiesKgPerM3 ? { gasDensitiesKgPerM3: { ...base.gasDensitiesKgPerM3, ...own.gasDensitiesKgPerM3 } } : {}),
  };
  return merged as ResolvedTeaInput;
}

/** The library input of a resolved tea request (A m⁻², molar mass from the product). */
export function teaInputOf(r: ResolvedTeaInput): TeaInput {
  const { preset: _preset, currentDensityMAPerCm2, ...rest } = r;
  return { ...rest, currentDensityAPerM2: currentDensityMAPerCm2 * 10, molarMassGPerMol: molarMassGPerMol(resolveSpecies(r.product, 'product').formula) };
}

/** Levelized cost, tornado and cost curves for a product given by name or formula (a preset applied first). */
export function runTeaStudy(input: z.output<typeof teaRequestSchema>) {
  const resolved = resolveTeaInput(input);
  return { input: resolved, ...teaStudy(teaInputOf(resolved)) };
}
