/**
 * Kinetics benchmarks: steady-state solves per second and converged fraction on a 100 × 100 descriptor grid
 * of the built-in urea model (Newton with continuation, one thread, and on the pool of warm worker threads), against a
 * baseline in the same run: plain time integration to steady state (ROS2 from a clean surface to 10⁸ s)
 * on a sample of the same grid; and transient pulses (steps/s, wall time for 100 periods).
 */
import os from 'node:os';
import { runParallelSweep } from '../src/jobs/runParallelSweep.js';
import { closeWorkerPools } from '../src/jobs/workerPool.js';
import { runPulse } from '../src/kinetics/analyze/pulse.js';
import { descriptorSweep } from '../src/kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../src/kinetics/parser/compileModel.js';
import { integrateCoverages } from '../src/kinetics/solver/integrateCoverages.js';
import { KineticSystem } from '../src/kinetics/solver/kineticSystem.js';
import { checkSolverOptions } from '../src/kinetics/solver/solverOptions.js';
import { rateConstants } from '../src/kinetics/thermodynamics/rateConstants.js';
import { builtinModelText } from '../src/store/builtinModels.js';

/** The kinetics section of bench/results.json. */
export interface KineticsBenchResult {
  steadyState: {
    grid: string;
    points: number;
    solvesPerSecond: number;
    coldSolvesPerSecond: number;
    convergedFraction: number;
    maxResidual: number;
    wallSeconds: number;
  };
  steadyStateParallel: { workers: number; solvesPerSecond: number; coldSolvesPerSecond: number; convergedFraction: number; wallSeconds: number };
  baselineTimeIntegration: { sampledPoints: number; solvesPerSecond: number; reachedSteadyFraction: number; method: string };
  transient: { periods: number; steps: number; stepsPerSecond: number; wallSeconds: number; periodicFromPeriod: number | null };
}

const spec = { x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 100 }, y: { name: 'dG_CO', from: -0.5, to: 1.0, points: 100 } };

/** Runs the kinetics benchmarks. */
export async function runKineticsBench(): Promise<KineticsBenchResult> {
  const text = builtinModelText('urea-cu4-ceo2');
  const model = compileModel(parseModelText(text));
  // first run cold (JIT compiling while it runs), then the same sweep again warm: the throughput reported
  const tCold = performance.now();
  descriptorSweep(model, spec);
  const wallCold = (performance.now() - tCold) / 1000;
  const t0 = performance.now();
  const sweep = descriptorSweep(model, spec);
  const wall = (performance.now() - t0) / 1000;
  const converged = sweep.converged.reduce((a, b) => a + b, 0);
  let maxResidual = 0;
  sweep.residual.forEach((r, i) => sweep.converged[i] && (maxResidual = Math.max(maxResidual, r)));

  // the pool's first sweep (workers load the modules and compile the solver while they run), then the same
  // sweep on the warm pool: the median of three
  const workers = os.availableParallelism();
  const timedParallel = async () => {
    const t = performance.now();
    const result = await runParallelSweep({ modelText: text, spec, workers });
    return { result, wall: (performance.now() - t) / 1000 };
  };
  const coldParallel = await timedParallel();
  const warmRuns = [await timedParallel(), await timedParallel(), await timedParallel()].sort((a, b) => a.wall - b.wall);
  const { result: parallel, wall: wallParallel } = warmRuns[1]!;
  const convergedParallel = parallel.converged.reduce((a, b) => a + b, 0);
  await closeWorkerPools();

  // Baseline: integrate from a clean surface to 1e8 s (rtol 1e-6) and test the end state's relative residual.
  const sys = new KineticSystem(model);
  const options = checkSolverOptions();
  const d = Float64Array.from(model.defaultDescriptors);
  const sample = 100;
  let reached = 0;
  const r = new Float64Array(sys.m);
  const fwd = new Float64Array(sys.m);
  const rev = new Float64Array(sys.m);
  const dcov = new Float64Array(sys.n);
  const gross = new Float64Array(sys.n);
  const free = new Float64Array(sys.sites);
  const t2 = performance.now();
  for (let i = 0; i < sample; i++) {
    const p = (i * 97) % 10000; // spread over the grid
    d[0] = sweep.xValues[p % 100]!;
    d[1] = sweep.yValues[Math.floor(p / 100)]!;
    sys.setRateConstants(rateConstants(model, model.file.potentialVvsRHE, d));
    const end = integrateCoverages(sys, new Float64Array(sys.n), 1e8, options);
    sys.residualTerms(end.theta, sys.freeSites(end.theta, free), r, fwd, rev, dcov, gross);
    let worst = 0;
    for (let k = 0; k < sys.n; k++) worst = Math.max(worst, Math.abs(dcov[k]!) / (gross[k]! + 1e-12));
    if (end.completed && worst < 1e-8) reached++;
  }
  const wallBaseline = (performance.now() - t2) / 1000;

  const t3 = performance.now();
  const pulse = runPulse(model, { e1V: -0.5, t1S: 1, e2V: -0.1, t2S: 1, periods: 100 });
  const wallPulse = (performance.now() - t3) / 1000;

  return {
    steadyState: {
      grid: '100x100',
      points: sweep.converged.length,
      solvesPerSecond: sweep.converged.length / wall,
      coldSolvesPerSecond: sweep.converged.length / wallCold,
      convergedFraction: converged / sweep.converged.length,
      maxResidual,
      wallSeconds: wall,
    },
    steadyStateParallel: {
      workers,
      solvesPerSecond: parallel.converged.length / wallParallel,
      coldSolvesPerSecond: parallel.converged.length / coldParallel.wall,
      convergedFraction: convergedParallel / parallel.converged.length,
      wallSeconds: wallParallel,
    },
    baselineTimeIntegration: {
      sampledPoints: sample,
      solvesPerSecond: sample / wallBaseline,
      reachedSteadyFraction: reached / sample,
      method: 'ROS2 (rtol 1e-6) from a clean surface to 1e8 s, relative residual < 1e-8',
    },
    transient: {
      periods: 100,
      steps: pulse.steps,
      stepsPerSecond: pulse.steps / wallPulse,
      wallSeconds: wallPulse,
      periodicFromPeriod: pulse.periodicFromPeriod,
    },
  };
}
