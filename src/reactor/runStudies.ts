import type { z } from 'zod';
import { molarMassGPerMol, resolveSpecies } from '../chem/index.js';
import { inputErrorFromZod } from '../chem/zodIssues.js';
import { electrolyteFromText } from '../transport/electrolyteFromText.js';
import { type MicroenvironmentResult, solveMicroenvironmentAtCurrents } from '../transport/solveMicroenvironment.js';
import { type TransientMicroenvironmentResult, pulseSchedule, transientMicroenvironment } from '../transport/transientMicroenvironment.js';
import type { microenvRequestSchema, reactorRequestSchema, teaRequestSchema, transientRequestSchema } from './inputSchemas.js';
import { flowCellStudy, teaStudy } from './studies.js';

/** Validates `raw` with a study schema; zod issues become one InputError naming the field path. */
export function validateStudyInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw inputErrorFromZod(parsed.error, 'input', 'the study input format (docs/cli.md)');
  return parsed.data;
}

/** Microenvironment at every requested current density (mA cm⁻²) for a printed electrolyte. */
export function runMicroenvStudy(input: z.output<typeof microenvRequestSchema>): MicroenvironmentResult[] {
  const bulk = electrolyteFromText(input.electrolyte, input.co2Saturated);
  return solveMicroenvironmentAtCurrents(
    { bulk: bulk.concentrations, products: input.products, boundaryLayerM: input.boundaryLayerUm * 1e-6, migration: input.migration, rateConstants: input.rateConstants },
    input.currentDensitiesMAPerCm2.map((j) => j * 10),
  );
}

/** Transient microenvironment for a printed electrolyte under a step program or square pulses (mA cm⁻², s). */
export function runTransientStudy(input: z.output<typeof transientRequestSchema>, onProgress?: (tS: number, totalS: number) => void): TransientMicroenvironmentResult {
  const bulk = electrolyteFromText(input.electrolyte, input.co2Saturated);
  const p = input.pulse;
  // pulses: one period repeated until periodic (or a fixed count, still reporting whether it was periodic)
  const schedule = p
    ? pulseSchedule(p.highMAPerCm2 * 10, p.tHighS, p.lowMAPerCm2 * 10, p.tLowS, 1)
    : input.steps!.map((s) => ({ durationS: s.durationS, currentDensityAPerM2: s.currentDensityMAPerCm2 * 10 }));
  const periodic = p ? { periodic: p.periods === 'auto' ? { tolerance: p.periodicTolerance, maxPeriods: p.maxPeriods } : { tolerance: p.periodicTolerance, maxPeriods: p.periods, stopWhenPeriodic: false } } : {};
  return transientMicroenvironment({ bulk: bulk.concentrations, products: input.products, boundaryLayerM: input.boundaryLayerUm * 1e-6, migration: input.migration, rateConstants: input.rateConstants, rtol: input.rtol, schedule, ...periodic, ...(onProgress ? { onProgress } : {}) });
}

/** Flow cell, voltage, energy and scale-up for a product given by name or formula. */
export function runReactorStudy(input: z.output<typeof reactorRequestSchema>) {
  const { product, kineticCurrentDensityAPerM2, ...rest } = input;
  return flowCellStudy({ ...rest, product, kineticCurrentDensityAPerM2: kineticCurrentDensityAPerM2 ?? Number.POSITIVE_INFINITY, molarMassGPerMol: molarMassGPerMol(resolveSpecies(product, 'product').formula) });
}

/** Levelized cost, tornado and cost curves for a product given by name or formula. */
export function runTeaStudy(input: z.output<typeof teaRequestSchema>) {
  const { product, ...rest } = input;
  return teaStudy({ ...rest, molarMassGPerMol: molarMassGPerMol(resolveSpecies(product, 'product').formula) });
}
