/**
 * Independent check of the steady-state solver: dumps a compiled model's step structure and rate constants
 * at one point (model name or YAML path, potential V vs RHE, optional descriptors as JSON), with the tool's
 * own steady state, as JSON for scripts/independent/exactSteadyState.py (60-digit mpmath solution).
 */
import { readFileSync } from 'node:fs';
import { loadModel } from '../../src/store/builtinModels.js';
import { rateConstants } from '../../src/kinetics/thermodynamics/rateConstants.js';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { descriptorVector } from '../../src/kinetics/scaler/stepEnergetics.js';
const [name, potential, descJson] = process.argv.slice(2);
const model = loadModel(name!.endsWith('.yaml') ? { text: readFileSync(name!, 'utf8') } : { name: name! });
const descriptors = descJson ? JSON.parse(descJson) : {};
const U = Number(potential);
const k = rateConstants(model, U, descriptorVector(model, descriptors));
const obs = steadyState(model, { potentialVvsRHE: U, descriptors });
const out = {
  adsorbates: model.adsorbates,
  adsorbateSite: model.adsorbateSite,
  sites: model.sites,
  species: model.species,
  steps: model.steps.map((s, j) => ({
    id: s.id,
    reactAds: s.reactAds,
    reactAdsNu: s.reactAdsNu,
    prodAds: s.prodAds,
    prodAdsNu: s.prodAdsNu,
    reactFree: s.reactFree,
    reactFreeNu: s.reactFreeNu,
    prodFree: s.prodFree,
    prodFreeNu: s.prodFreeNu,
    reactActivity: s.reactActivity,
    prodActivity: s.prodActivity,
    kf: k.kf[j],
    kr: k.kr[j],
    speciesNet: [...s.speciesNet.entries()],
  })),
  tool: {
    converged: obs.converged,
    coverages: obs.coverages,
    freeSites: obs.freeSites,
    tofPerS: obs.tofPerS,
    stepRatesPerS: obs.stepRatesPerS,
    state: Array.from(obs.state),
    extra: Object.fromEntries(Object.entries(obs).filter(([key]) => !['theta', 'state', 'coverages', 'freeSites', 'tofPerS', 'stepRatesPerS'].includes(key))),
  },
};
console.log(JSON.stringify(out));
