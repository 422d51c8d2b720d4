import { AVOGADRO_PER_MOL, FARADAY_C_PER_MOL, InputError, assertFiniteInRange } from '../../chem/index.js';
import type { CompiledModel } from '../parser/compileModel.js';
import { rateConstants } from '../thermodynamics/rateConstants.js';
import { IntegratorWork, integrateCoverages } from '../solver/integrateCoverages.js';
import { KineticSystem } from '../solver/kineticSystem.js';
import { type SolverOptions, checkSolverOptions } from '../solver/solverOptions.js';
import { descriptorVector } from '../scaler/stepEnergetics.js';

/** A linear sweep (one segment) or cyclic voltammogram (back and forth) of the potential. */
export interface RampProgram {
  /** Start and vertex potentials, V vs RHE. */
  startV: number;
  vertexV: number;
  /** Scan rate, V s⁻¹ (> 0). */
  scanRateVPerS: number;
  /** 0 = linear sweep start → vertex; n ≥ 1 = n full cycles start → vertex → start. */
  cycles: number;
  /** Potential step of the staircase, V (default 1 mV). */
  stepV?: number;
  descriptors?: Record<string, number>;
  initialCoverages?: Float64Array;
  solver?: SolverOptions;
}

/** One point of a voltammogram: the mean faradaic current over one staircase step. */
export interface RampPoint {
  /** Time at the end of the step, s. */
  timeS: number;
  potentialVvsRHE: number;
  /** Mean current density over the step, A m⁻² (negative = cathodic). */
  currentDensityAPerM2: number;
  coverages: Record<string, number>;
}

/**
 * Linear-sweep and cyclic voltammetry of the surface processes: the potential moves as a staircase of
 * `stepV` steps (as digital potentiostats do), the coverages are integrated through each step with ROS2,
 * and the mean faradaic current of each step is reported (no double-layer charging).
 */
export function runRamp(model: CompiledModel, program: RampProgram): { points: RampPoint[]; steps: number; completed: boolean } {
  assertFiniteInRange('startV', program.startV, -5, 5, 'V vs RHE');
  assertFiniteInRange('vertexV', program.vertexV, -5, 5, 'V vs RHE');
  assertFiniteInRange('scanRateVPerS', program.scanRateVPerS, 1e-6, 1e4, 'V s⁻¹');
  const stepV = assertFiniteInRange('stepV', program.stepV ?? 0.001, 1e-5, 0.05, 'V');
  if (!Number.isInteger(program.cycles) || program.cycles < 0 || program.cycles > 100)
    throw new InputError('cycles', 'an integer from 0 (linear sweep) to 100', `got ${program.cycles}`);
  if (program.startV === program.vertexV) throw new InputError('vertexV', 'a potential different from startV', 'the sweep has no range');
  const options = checkSolverOptions({ rtol: 1e-5, atol: 1e-10, ...program.solver });
  const d = descriptorVector(model, program.descriptors);
  const sys = new KineticSystem(model);
  const work = new IntegratorWork(sys.n, sys.m, sys.sites);
  const n = Math.max(1, Math.round(Math.abs(program.vertexV - program.startV) / stepV));
  const dE = (program.vertexV - program.startV) / n;
  const dt = Math.abs(dE) / program.scanRateVPerS;
  const sequence: number[] = [];
  const leg = (from: number, sign: number) =>
    Array.from({ length: n }, (_, i) => from + sign * (i + 0.5) * Math.abs(dE) * Math.sign(program.vertexV - program.startV));
  if (program.cycles === 0) sequence.push(...leg(program.startV, 1));
  for (let c = 0; c < program.cycles; c++) sequence.push(...leg(program.startV, 1), ...leg(program.vertexV, -1));
  const chargePerSite = (FARADAY_C_PER_MOL * model.file.siteDensityPerM2) / AVOGADRO_PER_MOL; // C m⁻² per electron per site
  let theta: Float64Array = program.initialCoverages ? Float64Array.from(program.initialCoverages) : new Float64Array(sys.n);
  const points: RampPoint[] = [];
  let t = 0;
  let steps = 0;
  for (const E of sequence) {
    sys.setRateConstants(rateConstants(model, E, d));
    const r = integrateCoverages(sys, theta, dt, options, work, Math.min(1e-9, dt));
    steps += r.steps;
    theta = r.theta;
    t += dt;
    let electrons = 0;
    model.steps.forEach((s, j) => (electrons += s.electrons * r.integratedRates[j]!));
    points.push({
      timeS: t,
      potentialVvsRHE: E,
      currentDensityAPerM2: (-chargePerSite * electrons) / dt,
      coverages: Object.fromEntries(model.adsorbates.map((a, k) => [a, theta[k]!])),
    });
    if (!r.completed) return { points, steps, completed: false };
  }
  return { points, steps, completed: true };
}
