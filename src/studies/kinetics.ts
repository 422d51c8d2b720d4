import { z } from 'zod';
import { runPulse } from '../kinetics/analyze/pulse.js';
import { runPulseUntilPeriodic } from '../kinetics/analyze/pulseUntilPeriodic.js';
import { runRamp } from '../kinetics/analyze/ramp.js';
import { polarizationCurve } from '../kinetics/analyze/steadyState.js';
import { freeEnergyDiagram } from '../mechanism/freeEnergyDiagram.js';
import { freeEnergyDiagramSpec } from '../plot/freeEnergyDiagramSpec.js';
import { withTransportWarnings } from '../transport/diffusionLimitCheck.js';
import { modelRef, hasModel, needModel } from '../kinetics/parser/modelReference.js';
import { modelOf } from './requestFields.js';
import { defineStudy } from './study.js';

const descriptorValues = z.record(z.string().max(100), z.number().finite()).optional().describe('descriptor values, eV');

/** Input of {@link diagramStudy}. */
export const diagramRequestSchema = z
  .object({
    ...modelRef,
    potentialVvsRHE: z.number().min(-5).max(5).default(0),
    pathways: z.array(z.string().max(100)).max(50).optional(),
    descriptors: descriptorValues,
  })
  .refine(hasModel, needModel);
/** Free-energy diagrams (CHE) of a model's pathways at one potential, with their Vega-Lite spec. */
export const diagramStudy = defineStudy({
  name: 'mechanism.diagram',
  summary: 'Free-energy diagrams (CHE) at a potential, limiting potentials, and the Vega-Lite spec',
  input: diagramRequestSchema,
  runsOn: 'pool',
  example: { model: 'oxime-fe', potentialVvsRHE: -0.3 },
  run: (b) => {
    const m = modelOf(b);
    const diagrams = (b.pathways ?? m.file.pathways.map((p) => p.name)).map((p) => freeEnergyDiagram(m, p, b.potentialVvsRHE, b.descriptors));
    return { diagrams, spec: freeEnergyDiagramSpec(diagrams, m.file.name) };
  },
});

/** Input of {@link steadyStudy}. */
export const steadyRequestSchema = z
  .object({ ...modelRef, potentialsVvsRHE: z.array(z.number().min(-5).max(5)).min(1).max(400).optional(), descriptors: descriptorValues })
  .refine(hasModel, needModel);
/** Steady states along a polarization curve (continuation), without the raw state arrays, with transport warnings. */
export const steadyStudy = defineStudy({
  name: 'kinetics.steady',
  summary: 'Steady states (polarization curve with continuation): coverages, rates, FE, current density',
  input: steadyRequestSchema,
  runsOn: 'pool',
  example: { model: 'urea-cu4-ceo2', potentialsVvsRHE: [-0.2, -0.4] },
  // keyed by the model's adsorbates, sites, steps and species
  responseMaps: [
    '[].coverages',
    '[].freeSites',
    '[].stepRatesPerS',
    '[].tofPerS',
    '[].faradaicEfficiency',
    '[].selectivity',
    '[].tofErrorPerS',
    '[].tofResolved',
    '[].faradaicEfficiencyResolved',
    '[].stepRateErrorPerS',
  ],
  run: (b, onProgress) => {
    const m = modelOf(b);
    const potentials = b.potentialsVvsRHE ?? [m.file.potentialVvsRHE];
    const curve = polarizationCurve(m, potentials, { descriptors: b.descriptors });
    onProgress?.(potentials.length, potentials.length);
    return withTransportWarnings(
      m,
      curve.map(({ theta: _t, state: _s, ...rest }) => rest),
    );
  },
});

/** Input of {@link pulseStudy}. */
export const pulseRequestSchema = z
  .object({
    ...modelRef,
    e1V: z.number().min(-5).max(5),
    t1S: z.number().positive().max(1e6),
    e2V: z.number().min(-5).max(5),
    t2S: z.number().positive().max(1e6),
    periods: z
      .union([z.number().int().min(1).max(200), z.literal('auto')])
      .describe('number of periods, or "auto": until the period averages settle within `tolerance` (cap `maxPeriods`)'),
    tolerance: z.number().min(1e-9).max(0.5).default(1e-3),
    maxPeriods: z.number().int().min(3).max(1000).default(1000),
    descriptors: descriptorValues,
  })
  .refine(hasModel, needModel);
/** Square-wave pulsed potential (V vs RHE, s): period-averaged rates and FE, for a number of periods or until periodic (`periods: 'auto'`). */
export const pulseStudy = defineStudy({
  name: 'kinetics.pulse',
  summary: 'Square-wave pulsed potential: period-averaged rates and FE',
  input: pulseRequestSchema,
  runsOn: 'pool',
  example: { model: 'oxime-fe', e1V: -0.5, t1S: 0.1, e2V: -0.1, t2S: 0.1, periods: 3 },
  // until periodic: the result adds periodic, tolerance, maxPeriods, estimatedDistance and decayPerPeriod
  responseVariants: [{ model: 'oxime-fe', e1V: -0.5, t1S: 0.1, e2V: -0.1, t2S: 0.1, periods: 'auto', maxPeriods: 3 }],
  responseMaps: ['periods[].tofPerS', 'periods[].faradaicEfficiency', 'periods[].coverages'],
  run: (b) => {
    const program = { e1V: b.e1V, t1S: b.t1S, e2V: b.e2V, t2S: b.t2S, descriptors: b.descriptors };
    return b.periods === 'auto'
      ? runPulseUntilPeriodic(modelOf(b), { ...program, tolerance: b.tolerance, maxPeriods: b.maxPeriods })
      : runPulse(modelOf(b), { ...program, periods: b.periods });
  },
});

/** Input of {@link limitingStudy}. */
export const limitingRequestSchema = z.object({ ...modelRef, descriptors: descriptorValues }).refine(hasModel, needModel);
/** Limiting potential (V vs RHE), potential-determining step and uphill chemical steps of every pathway of a model (CHE). */
export const limitingStudy = defineStudy({
  name: 'mechanism.limiting',
  summary: 'Limiting potential (V vs RHE), potential-determining step and uphill chemical steps of every pathway',
  input: limitingRequestSchema,
  runsOn: 'pool',
  example: { model: 'urea-cu4-ceo2' },
  run: (b) => {
    const m = modelOf(b);
    return m.file.pathways.map((p) => {
      const d = freeEnergyDiagram(m, p.name, 0, b.descriptors);
      return {
        pathway: p.name,
        limitingPotentialV: d.limitingPotentialV,
        potentialDeterminingStep: d.potentialDeterminingStep,
        limitingPotentialKind: d.limitingPotentialKind,
        uphillChemicalSteps: d.uphillChemicalSteps,
      };
    });
  },
});

/** Most staircase steps one ramp may take (bounds the work of one request). */
const MAX_RAMP_STEPS = 20_000;
/** Input of {@link rampStudy}. */
export const rampRequestSchema = z
  .object({
    ...modelRef,
    startVvsRHE: z.number().min(-5).max(5).describe('start potential, V vs RHE'),
    vertexVvsRHE: z.number().min(-5).max(5).describe('vertex potential, V vs RHE'),
    scanRateVPerS: z.number().min(1e-6).max(1e4).default(0.05).describe('scan rate, V s⁻¹ (default 0.05)'),
    cycles: z.number().int().min(0).max(100).default(1).describe('0 = linear sweep start → vertex; n = n cycles start → vertex → start (default 1)'),
    stepV: z.number().min(1e-5).max(0.05).default(0.001).describe('staircase step, V (default 0.001)'),
    descriptors: descriptorValues,
  })
  .refine(hasModel, needModel)
  .refine((b) => (Math.abs(b.vertexVvsRHE - b.startVvsRHE) / b.stepV) * Math.max(1, 2 * b.cycles) <= MAX_RAMP_STEPS, {
    message: `at most ${MAX_RAMP_STEPS} staircase steps (|vertex − start| / stepV × 2 × cycles): a larger stepV or fewer cycles`,
    path: ['stepV'],
  });
/** Linear-sweep or cyclic voltammetry of the surface processes (staircase, ROS2): mean current density (A m⁻², negative = cathodic) and coverages per step. */
export const rampStudy = defineStudy({
  name: 'kinetics.ramp',
  summary: 'Linear-sweep or cyclic voltammetry of the surface processes (staircase, ROS2)',
  input: rampRequestSchema,
  runsOn: 'pool',
  example: { model: 'oxime-fe', startVvsRHE: 0, vertexVvsRHE: -0.3, scanRateVPerS: 0.1, cycles: 1, stepV: 0.01 },
  responseMaps: ['points[].coverages'],
  run: (b) =>
    runRamp(modelOf(b), {
      startV: b.startVvsRHE,
      vertexV: b.vertexVvsRHE,
      scanRateVPerS: b.scanRateVPerS,
      cycles: b.cycles,
      stepV: b.stepV,
      descriptors: b.descriptors,
    }),
});
