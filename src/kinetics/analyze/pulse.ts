import { InputError, assertFiniteInRange } from '../../chem/index.js';
import type { CompiledModel } from '../parser/compileModel.js';
import { rateConstants } from '../thermodynamics/rateConstants.js';
import { IntegratorWork, integrateCoverages } from '../solver/integrateCoverages.js';
import { KineticSystem } from '../solver/kineticSystem.js';
import { type SolverOptions, checkSolverOptions } from '../solver/solverOptions.js';
import { descriptorVector } from '../scaler/stepEnergetics.js';

/** A square-wave potential program: E1 for t1, then E2 for t2, repeated. */
export interface PulseProgram {
  /** First potential, V vs RHE. */
  e1V: number;
  /** Duration of E1, s. */
  t1S: number;
  e2V: number;
  t2S: number;
  periods: number;
  descriptors?: Record<string, number>;
  /** Starting coverages (default: clean surface). */
  initialCoverages?: Float64Array;
  solver?: SolverOptions;
}

/** Period-averaged results of one period. */
export interface PeriodAverage {
  period: number;
  /** Mean production of each species over the period, s⁻¹ per site. */
  tofPerS: Record<string, number>;
  /** Mean electron consumption, s⁻¹ per site. */
  electronRatePerS: number;
  /** FE of each reported product over the period (fraction of the charge passed). */
  faradaicEfficiency: Record<string, number>;
  /** Coverages at the end of the period. */
  coverages: Record<string, number>;
  /** Largest change of any coverage from the previous period's end. */
  coverageChange: number;
}

/** Result of {@link runPulse}. */
export interface PulseResult {
  periods: PeriodAverage[];
  /** First period after which coverages repeat within 1e-6 (periodic steady state), or null. */
  periodicFromPeriod: number | null;
  steps: number;
  rejectedSteps: number;
  /** False when an integration hit its step limit. */
  completed: boolean;
}

/**
 * Simulates a pulsed potential (as in the pulsed-electrolysis work the review cites): integrates the
 * coverages through each half-period with ROS2 and reports period-averaged production rates and FE, and
 * when the periodic steady state is reached.
 */
export function runPulse(model: CompiledModel, program: PulseProgram): PulseResult {
  assertFiniteInRange('e1V', program.e1V, -5, 5, 'V vs RHE');
  assertFiniteInRange('e2V', program.e2V, -5, 5, 'V vs RHE');
  assertFiniteInRange('t1S', program.t1S, 1e-9, 1e6, 's');
  assertFiniteInRange('t2S', program.t2S, 1e-9, 1e6, 's');
  if (!Number.isInteger(program.periods) || program.periods < 1 || program.periods > 100000)
    throw new InputError('periods', 'an integer from 1 to 100000', `got ${program.periods}`);
  // Period averages need ~1e-5 relative accuracy, not the 1e-6 of a steady-state fallback (a 2nd-order
  // method pays ~3× the steps for the extra digit); callers may tighten it.
  const options = checkSolverOptions({ rtol: 1e-5, atol: 1e-10, ...program.solver });
  const d = descriptorVector(model, program.descriptors);
  const sys = new KineticSystem(model);
  const work = new IntegratorWork(sys.n, sys.m, sys.sites);
  const k1 = rateConstants(model, program.e1V, d);
  const k2 = rateConstants(model, program.e2V, d);
  let theta: Float64Array = program.initialCoverages ? Float64Array.from(program.initialCoverages) : new Float64Array(sys.n);
  const periods: PeriodAverage[] = [];
  let periodicFromPeriod: number | null = null;
  let steps = 0;
  let rejected = 0;
  let h1 = 1e-12;
  let h2 = 1e-12;
  const periodS = program.t1S + program.t2S;
  for (let p = 1; p <= program.periods; p++) {
    const start = theta;
    sys.setRateConstants(k1);
    const a = integrateCoverages(sys, theta, program.t1S, options, work, h1);
    sys.setRateConstants(k2);
    const b = integrateCoverages(sys, a.theta, program.t2S, options, work, h2);
    steps += a.steps + b.steps;
    rejected += a.rejected + b.rejected;
    // restart each half-period from a small step: the potential jump makes the first steps stiff
    h1 = Math.min(1e-9, program.t1S);
    h2 = Math.min(1e-9, program.t2S);
    theta = b.theta;
    const tof: Record<string, number> = Object.fromEntries(model.species.map((s) => [s, 0]));
    let electrons = 0;
    model.steps.forEach((step, j) => {
      const integral = a.integratedRates[j]! + b.integratedRates[j]!;
      electrons += (step.electrons * integral) / periodS;
      for (const [sp, nu] of step.speciesNet) tof[model.species[sp]!]! += (nu * integral) / periodS;
    });
    const fe: Record<string, number> = {};
    for (const pi of model.productIndices) {
      const name = model.species[pi]!;
      // no net electrons in the period: FE is undefined (NaN; null in JSON), never a silent 0
      fe[name] = electrons !== 0 ? (model.file.species[name]!.electronsPerMolecule! * tof[name]!) / electrons : NaN;
    }
    let change = 0;
    for (let k = 0; k < sys.n; k++) change = Math.max(change, Math.abs(theta[k]! - start[k]!));
    periods.push({
      period: p,
      tofPerS: tof,
      electronRatePerS: electrons,
      faradaicEfficiency: fe,
      coverages: Object.fromEntries(model.adsorbates.map((x, k) => [x, theta[k]!])),
      coverageChange: change,
    });
    if (periodicFromPeriod === null && p > 1 && change < 1e-6) periodicFromPeriod = p;
    if (!a.completed || !b.completed) return { periods, periodicFromPeriod, steps, rejectedSteps: rejected, completed: false };
  }
  return { periods, periodicFromPeriod, steps, rejectedSteps: rejected, completed: true };
}
