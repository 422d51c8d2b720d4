import { microenvironmentSpecs, tornadoSpec } from '../plot/processSpecs.js';
import { coupleRequestSchema, microenvRequestSchema, reactorRequestSchema, teaRequestSchema } from '../reactor/inputSchemas.js';
import { runMicroenvStudy, runReactorStudy, runTeaStudy } from '../reactor/runStudies.js';
import { TEA_DEFAULTS } from '../reactor/technoEconomics.js';
import { couplingCurve } from '../transport/coupleToKinetics.js';
import { electrolyteFromText } from '../transport/electrolyteFromText.js';
import { modelOf } from './kinetics.js';
import { defineStudy } from './study.js';

/** Electrode microenvironment at each current density (mA cm⁻²), with the plot specs. */
export const microenvStudy = defineStudy({
  name: 'microenv',
  summary: 'Electrode microenvironment: profiles and surface pH at each current density',
  input: microenvRequestSchema,
  runsOn: 'pool',
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
  run: (b) => runReactorStudy(b),
});

/** Levelized cost with its tornado and break-even curves, and the cited defaults. */
export const teaStudy = defineStudy({
  name: 'tea',
  summary: 'Levelized cost, tornado sensitivity and break-even curves',
  input: teaRequestSchema,
  runsOn: 'pool',
  run: (b) => {
    const study = runTeaStudy(b);
    return { ...study, tornadoSpec: tornadoSpec(study.tornado, study.result.costUsdPerKg), defaults: TEA_DEFAULTS };
  },
});

/**
 * FE vs current density with transport–kinetics coupling: one point per current (mA cm⁻² in, A m⁻² in the
 * points), each self-consistent in surface concentrations and pH. The API runs it as a job (POST /api/couple);
 * `couple` and `study couple` run it in-process.
 */
export const coupleStudy = defineStudy({
  name: 'couple',
  summary: 'FE vs current density with and without transport (self-consistent surface concentrations and pH)',
  input: coupleRequestSchema,
  runsOn: 'pool',
  run: (b, onProgress) => {
    const bulk = electrolyteFromText(b.electrolyte, b.co2Saturated).concentrations;
    const currentsAPerM2 = b.currentDensitiesMAPerCm2.map((j) => j * 10); // mA cm⁻² → A m⁻²
    return couplingCurve({ model: modelOf(b), bulk, productSources: b.productSources, boundaryLayerM: b.boundaryLayerUm * 1e-6, rateConstants: b.rateConstants }, currentsAPerM2, onProgress);
  },
});
