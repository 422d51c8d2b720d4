/**
 * Microenvironment benchmarks: one steady solve on a 200-node grid (without and with migration), a full
 * surface-pH curve (30 current densities, 1–1000 mA cm⁻²) in CO2-saturated 0.5 M KHCO3 with HER — as one
 * continuation sweep against the baseline of 30 independent solves — transient runs (a 20 s current step;
 * 10 square pulses) and the transport–kinetics coupling (iterations and wall time) for the built-in urea model.
 */
import { loadModel } from '../src/store/builtinModels.js';
import { bulkComposition } from '../src/transport/bulkComposition.js';
import { coupleToKinetics } from '../src/transport/coupleToKinetics.js';
import { solveMicroenvironment, solveMicroenvironmentAtCurrents } from '../src/transport/solveMicroenvironment.js';
import { pulseSchedule, transientMicroenvironment } from '../src/transport/transientMicroenvironment.js';
import { coupleStudy } from '../src/studies/transport.js';

/** The process section of bench/results.json. */
export interface ProcessBenchResult {
  singleSolve: { nodes: number; milliseconds: number; newtonIterations: number; converged: boolean };
  singleSolveMigration: { milliseconds: number; newtonIterations: number; converged: boolean };
  /** The continuation sweep; `baselineSeconds`: the same currents solved independently. */
  polarization: { currents: number; seconds: number; converged: number; baselineSeconds: number; baselineConverged: number };
  transient: { case: string; simulatedS: number; steps: number; seconds: number; completed: boolean }[];
  coupling: { currentDensityAPerM2: number; iterations: number; seconds: number; converged: boolean }[];
}

export function runProcessBench(): ProcessBenchResult {
  const bicarbonate = bulkComposition([{ name: 'KHCO3', concentrationM: 0.5 }], true).concentrations;
  const her = [{ from: ['H2O'], to: 'H2', faradaicEfficiency: 1 }];
  const t0 = performance.now();
  const one = solveMicroenvironment({ bulk: bicarbonate, currentDensityAPerM2: 1000, products: her });
  const singleMs = performance.now() - t0;
  const tm = performance.now();
  const withMigration = solveMicroenvironment({ bulk: bicarbonate, currentDensityAPerM2: 1000, products: her, migration: true });
  const migrationMs = performance.now() - tm;
  const currents = Array.from({ length: 30 }, (_, i) => 10 * 1000 ** (i / 29)); // 10 … 10000 A m⁻²
  const t1 = performance.now();
  const curve = solveMicroenvironmentAtCurrents({ bulk: bicarbonate, products: her }, currents);
  const curveS = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  const independent = currents.map((j) => solveMicroenvironment({ bulk: bicarbonate, currentDensityAPerM2: j, products: her }));
  const independentS = (performance.now() - t2) / 1000;
  const transient = [
    { case: 'current step 100 mA cm-2, 20 s', schedule: [{ durationS: 20, currentDensityAPerM2: 1000 }] },
    { case: '10 pulses 100/0 mA cm-2, 1 s/1 s', schedule: pulseSchedule(1000, 1, 0, 1, 10) },
  ].map(({ case: name, schedule }) => {
    const t = performance.now();
    const r = transientMicroenvironment({ bulk: bicarbonate, products: her, schedule });
    return { case: name, simulatedS: r.timesS.at(-1)!, steps: r.steps, seconds: (performance.now() - t) / 1000, completed: r.completed };
  });
  const model = loadModel({ name: 'urea-cu4-ceo2' });
  const bulk = bulkComposition(
    [
      { name: 'KHCO3', concentrationM: 0.1 },
      { name: 'KNO3', concentrationM: 0.05 },
    ],
    true,
  ).concentrations;
  const coupling = [10, 30, 60].map((j) => {
    const t = performance.now();
    const r = coupleToKinetics({ model, bulk, currentDensityAPerM2: j, productSources: coupleStudy.example.productSources });
    return { currentDensityAPerM2: j, iterations: r.iterations, seconds: (performance.now() - t) / 1000, converged: r.converged };
  });
  return {
    singleSolve: { nodes: 201, milliseconds: singleMs, newtonIterations: one.newtonIterations, converged: one.converged },
    singleSolveMigration: { milliseconds: migrationMs, newtonIterations: withMigration.newtonIterations, converged: withMigration.converged },
    polarization: {
      currents: currents.length,
      seconds: curveS,
      converged: curve.filter((c) => c.converged).length,
      baselineSeconds: independentS,
      baselineConverged: independent.filter((c) => c.converged).length,
    },
    transient,
    coupling,
  };
}
