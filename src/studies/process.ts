import { microenvironmentSpecs, tornadoSpec } from '../plot/processSpecs.js';
import { microenvRequestSchema, reactorRequestSchema, teaRequestSchema } from '../reactor/inputSchemas.js';
import { runMicroenvStudy, runReactorStudy, runTeaStudy } from '../reactor/runStudies.js';
import { TEA_DEFAULTS } from '../reactor/technoEconomics.js';
import { defineStudy } from './study.js';

/** Electrode microenvironment at each current density (mA cm⁻²), with the plot specs. */
export const microenvStudy = defineStudy({
  name: 'microenv',
  summary: 'Electrode microenvironment: profiles and surface pH at each current density',
  input: microenvRequestSchema,
  runsOn: 'pool',
  example: { electrolyte: '0.5 M KHCO3', co2Saturated: true, currentDensitiesMAPerCm2: [5], products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }], boundaryLayerUm: 100 },
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
  example: { product: 'urea', electrons: 16, faradaicEfficiency: 0.5, inletConcentrationMolPerM3: 50, reactantPerProduct: 2 },
  run: (b) => runReactorStudy(b),
});

/** Levelized cost with its tornado and break-even curves, and the cited defaults. */
export const teaStudy = defineStudy({
  name: 'tea',
  summary: 'Levelized cost, tornado sensitivity and break-even curves',
  input: teaRequestSchema,
  runsOn: 'pool',
  example: { product: 'urea', electrons: 16, faradaicEfficiency: 0.5, currentDensityAPerM2: 3000, cellVoltageV: 3.2 },
  run: (b) => {
    const study = runTeaStudy(b);
    return { ...study, tornadoSpec: tornadoSpec(study.tornado, study.result.costUsdPerKg), defaults: TEA_DEFAULTS };
  },
});
