import { microenvironmentSpecs, tornadoSpec } from '../plot/processSpecs.js';
import { microenvRequestSchema, reactorRequestSchema, teaRequestSchema } from '../reactor/inputSchemas.js';
import { bulkForProducts, runMicroenvStudy, runReactorStudy, runTeaStudy } from '../reactor/runStudies.js';
import { FEED_PRICE_DEFAULTS, TEA_DEFAULTS } from '../reactor/technoEconomics.js';
import { TEA_PRESETS } from '../reactor/teaPresets.js';
import { defineStudy } from './study.js';

/** Electrode microenvironment at each current density (mA cm⁻²), with the plot specs. */
export const microenvStudy = defineStudy({
  name: 'microenv',
  summary: 'Electrode microenvironment: profiles and surface pH at each current density',
  input: microenvRequestSchema,
  runsOn: 'pool',
  example: {
    electrolyte: '0.5 M KHCO3',
    co2Saturated: true,
    currentDensitiesMAPerCm2: [5],
    products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }],
    boundaryLayerUm: 100,
  },
  // below and past the limiting current of NO3- (8·F·D·c/δ = 14.7 A m⁻²): the second result adds message,
  // depletionCurrentAPerM2 and largestSolved, and its values are null
  responseVariants: [
    {
      electrolyte: '0.001 M KNO3 + 0.1 M KOH',
      currentDensitiesMAPerCm2: [1, 1000],
      products: [{ to: 'NH3', from: ['NO3-'], faradaicEfficiency: 1 }],
      boundaryLayerUm: 100,
    },
  ],
  // keyed by the electrolyte's and products' species
  responseMaps: [
    'results[].profiles',
    'results[].surface',
    'results[].electrodeFluxMolPerM2S',
    'results[].limitingCurrentAPerM2',
    'results[].largestSolved.profiles',
    'results[].largestSolved.surface',
  ],
  check: (input) => {
    bulkForProducts(input);
  },
  run: (b) => {
    const results = runMicroenvStudy(b);
    return { results, spec: microenvironmentSpecs(results, b.currentDensitiesMAPerCm2) };
  },
});

/** Flow cell: conversion, production, cell voltage, energy per kg and scale-up. */
export const reactorStudy = defineStudy({
  name: 'reactor',
  summary: 'Flow cell: conversion, production, cell voltage, energy per kg, scale-up',
  input: reactorRequestSchema,
  runsOn: 'pool',
  example: { product: 'urea', electrons: 16, faradaicEfficiency: 0.5, inletConcentrationMolPerM3: 50, limitingReactant: 'NO3-' },
  // no limitingReactant named: the result has no stoichiometry.limitingReactant and no diffusion.species
  responseVariants: [
    { product: 'urea', electrons: 16, faradaicEfficiency: 0.5, inletConcentrationMolPerM3: 50, reactantPerProduct: 2, diffusionM2PerS: 1.902e-9 },
  ],
  run: (b) => runReactorStudy(b),
});

/** Levelized cost with its tornado and break-even curves, and the cited defaults. */
export const teaStudy = defineStudy({
  name: 'tea',
  summary: 'Full-scope levelized cost (electrolyzer, feeds, separation, O2 credit; presets such as jouny2018), tornado sensitivity and break-even curves',
  input: teaRequestSchema,
  runsOn: 'pool',
  example: { product: 'urea', electrons: 16, faradaicEfficiency: 0.5, currentDensityAPerM2: 3000, cellVoltageV: 3.2 },
  // a preset named: the result adds the preset (its lines and sources), which the example has not
  responseVariants: [{ preset: 'jouny2018' }],
  // keyed by gas, by feed (`feed:CO2`) and by feed species
  responseMaps: ['input.gasDensitiesKgPerM3', 'result.breakdownUsdPerKg', 'feedPriceDefaults'],
  run: (b) => {
    const study = runTeaStudy(b);
    const preset = study.input.preset === undefined ? undefined : TEA_PRESETS[study.input.preset];
    return {
      ...study,
      ...(preset ? { preset: { id: preset.id, description: preset.description, source: preset.source, lines: preset.lines, caveats: preset.caveats } } : {}),
      tornadoSpec: tornadoSpec(study.tornado, study.result.costUsdPerKg),
      defaults: TEA_DEFAULTS,
      feedPriceDefaults: FEED_PRICE_DEFAULTS,
    };
  },
});
