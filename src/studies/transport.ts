/**
 * The long transport studies, run as background jobs on the worker pool: the transient microenvironment under a
 * current program (`transient`) and FE vs current density with transport–kinetics coupling (`couple`).
 */
import { InputError } from '../chem/index.js';
import { couplingSpec, transientSpec } from '../plot/processSpecs.js';
import { coupleRequestSchema, transientRequestSchema } from '../reactor/inputSchemas.js';
import { bulkForProducts, runTransientStudy } from '../reactor/runStudies.js';
import { couplingCurve } from '../transport/coupleToKinetics.js';
import { electrodeStoichiometry } from '../transport/electrodeStoichiometry.js';
import { electrolyteFromText } from '../transport/electrolyteFromText.js';
import { assertSourcesInElectrolyte } from '../transport/assertSourcesInElectrolyte.js';
import { modelOf } from './requestFields.js';
import { defineStudy } from './study.js';

/** Transient microenvironment under current steps or square pulses (mA cm⁻², s); progress in simulated ms. */
export const transientStudy = defineStudy({
  name: 'transient',
  summary: 'Transient microenvironment under current steps or square pulses (progress: simulated ms)',
  input: transientRequestSchema,
  runsOn: 'job',
  example: {
    electrolyte: '0.5 M K2SO4',
    products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }],
    steps: [{ currentDensityMAPerCm2: 10, durationS: 0.5 }],
  },
  responseVariants: [
    // square pulses: the result adds `periodic` (two periods, so its lastRelativeChange is a number)
    {
      electrolyte: '0.5 M K2SO4',
      products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }],
      pulse: { highMAPerCm2: 10, tHighS: 0.001, lowMAPerCm2: 0, tLowS: 0.001, periods: 2 },
    },
    // NO3- runs out at the surface (Sand time ≈ 2.2 µs at 2 A cm⁻²): the result adds `message` and `depletionTimeS`
    {
      electrolyte: '0.001 M KNO3 + 0.1 M KOH',
      products: [{ to: 'NH3', from: ['NO3-'], faradaicEfficiency: 1 }],
      steps: [{ currentDensityMAPerCm2: 2000, durationS: 0.001 }],
    },
  ],
  // keyed by the electrolyte's and products' species
  responseMaps: [
    'surface',
    'finalProfiles',
    'inventoryStartMolPerM2',
    'inventoryEndMolPerM2',
    'bulkInflowMolPerM2',
    'electrodeProductionMolPerM2',
    'periodic.periodAverageSurface',
  ],
  check: (input) => {
    bulkForProducts(input);
    electrodeStoichiometry(input.products);
  },
  run: (input, report) => runTransientStudy(input, report ? (tS, totalS) => report(Math.round(tS * 1000), Math.round(totalS * 1000)) : undefined),
  figure: (r) => transientSpec(r),
});

/** FE vs current density (mA cm⁻² in, A m⁻² inside) with the kinetics at the local concentrations; progress in currents done. */
export const coupleStudy = defineStudy({
  name: 'couple',
  summary: 'FE vs current density with transport–kinetics coupling (progress: currents done)',
  input: coupleRequestSchema,
  runsOn: 'job',
  example: {
    model: 'urea-cu4-ceo2',
    electrolyte: '0.1 M KHCO3 + 0.05 M KNO3',
    co2Saturated: true,
    currentDensitiesMAPerCm2: [1],
    productSources: { urea: ['CO2', 'NO3-'], NH3: ['NO3-'], NO: ['NO3-'], CO: ['CO2'], H2: ['H2O'] },
  },
  // keyed by the model's products
  responseMaps: ['[].faradaicEfficiency', '[].faradaicEfficiencyBulk'],
  check: (input) => {
    const model = modelOf(input);
    const bulk = electrolyteFromText(input.electrolyte, input.co2Saturated).concentrations;
    for (const p of model.productIndices.map((i) => model.species[i]!)) {
      if (!input.productSources[p]) throw new InputError(`productSources.${p}`, 'the sources of every model product', `missing for "${p}"`);
    }
    // a source the microenvironment does not track (e.g. "NO3" for nitrate) would still balance as a formula and
    // silently couple to a species that is never there; one the electrolyte lacks cannot be consumed
    const sources = Object.entries(input.productSources).flatMap(([p, list]) => list.map((species, i) => ({ field: `productSources.${p}[${i}]`, species })));
    assertSourcesInElectrolyte(sources, bulk, input.electrolyte);
  },
  run: (b, report) => {
    const bulk = electrolyteFromText(b.electrolyte, b.co2Saturated).concentrations;
    const currents = b.currentDensitiesMAPerCm2.map((j) => j * 10); // mA cm⁻² → A m⁻²
    return couplingCurve(
      { model: modelOf(b), bulk, productSources: b.productSources, boundaryLayerM: b.boundaryLayerUm * 1e-6, rateConstants: b.rateConstants },
      currents,
      report,
    );
  },
  figure: (points) => couplingSpec(points),
});
