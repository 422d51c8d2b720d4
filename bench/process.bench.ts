/**
 * Microenvironment benchmarks: one steady solve on a 200-node grid, a full surface-pH curve (30 current
 * densities, 1–1000 mA cm⁻²) in CO2-saturated 0.5 M KHCO3 with HER, and the transport–kinetics coupling
 * (iterations and wall time) for the built-in urea model.
 */
import { loadModel } from '../src/store/builtinModels.js';
import { bulkComposition } from '../src/transport/bulkComposition.js';
import { coupleToKinetics } from '../src/transport/coupleToKinetics.js';
import { solveMicroenvironment } from '../src/transport/solveMicroenvironment.js';

/** The process section of bench/results.json. */
export interface ProcessBenchResult {
  singleSolve: { nodes: number; milliseconds: number; newtonIterations: number; converged: boolean };
  polarization: { currents: number; seconds: number; converged: number };
  coupling: { currentDensityAPerM2: number; iterations: number; seconds: number; converged: boolean }[];
}

export function runProcessBench(): ProcessBenchResult {
  const bicarbonate = bulkComposition([{ name: 'KHCO3', concentrationM: 0.5 }], true).concentrations;
  const her = [{ from: ['H2O'], to: 'H2', faradaicEfficiency: 1 }];
  const t0 = performance.now();
  const one = solveMicroenvironment({ bulk: bicarbonate, currentDensityAPerM2: 1000, products: her });
  const singleMs = performance.now() - t0;
  const currents = Array.from({ length: 30 }, (_, i) => 10 * 1000 ** (i / 29)); // 10 … 10000 A m⁻²
  const t1 = performance.now();
  const curve = currents.map((j) => solveMicroenvironment({ bulk: bicarbonate, currentDensityAPerM2: j, products: her }));
  const curveS = (performance.now() - t1) / 1000;
  const model = loadModel({ name: 'urea-cu4-ceo2' });
  const bulk = bulkComposition([{ name: 'KHCO3', concentrationM: 0.1 }, { name: 'KNO3', concentrationM: 0.05 }], true).concentrations;
  const coupling = [10, 30, 60].map((j) => {
    const t = performance.now();
    const r = coupleToKinetics({ model, bulk, currentDensityAPerM2: j, productSources: { urea: ['CO2', 'NO3-'], NH3: ['NO3-'], H2: ['H2O'] } });
    return { currentDensityAPerM2: j, iterations: r.iterations, seconds: (performance.now() - t) / 1000, converged: r.converged };
  });
  return {
    singleSolve: { nodes: 201, milliseconds: singleMs, newtonIterations: one.newtonIterations, converged: one.converged },
    polarization: { currents: currents.length, seconds: curveS, converged: curve.filter((c) => c.converged).length },
    coupling,
  };
}
