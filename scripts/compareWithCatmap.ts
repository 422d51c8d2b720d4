/**
 * Compares cncouple with CatMAP's own answers point by point: imports a CatMAP setup with `importCatmap`, solves
 * every descriptor point of CatMAP's production-rate map alone (`SteadyStateSolver`, no continuation) and prints the
 * largest relative difference of the product rates where CatMAP's rate is ≥ 1e-18 s⁻¹, and how far apart the rates
 * below that are (log10). CatMAP's JSON comes from scripts/runCatmap.py.
 * Usage: npx tsx scripts/compareWithCatmap.ts setup.mkm energies.txt catmap-out.json [gasThermoMode|-] [potential V]
 */
import { readFileSync } from 'node:fs';
import { SteadyStateSolver } from '../src/kinetics/analyze/steadyState.js';
import { importCatmap } from '../src/kinetics/parser/catmapImport.js';
import { compileModel, validateModel } from '../src/kinetics/parser/compileModel.js';

const [setup, energies, outJson, gas, potential] = process.argv.slice(2);
if (!setup || !energies || !outJson) throw new Error('usage: compareWithCatmap.ts setup.mkm energies.txt catmap-out.json [gasThermoMode|-] [potential V]');
const U = potential ? Number(potential) : 0;
const { model } = importCatmap(readFileSync(setup, 'utf8'), {
  setupName: setup,
  energiesText: readFileSync(energies, 'utf8'),
  ...(gas && gas !== '-' ? { gasThermoMode: gas as 'ideal_gas' } : {}),
});
const m = compileModel(validateModel(model));
const catmap = JSON.parse(readFileSync(outJson, 'utf8')) as { runS: number; labels: { production_rate: string[] }; production_rate: [number[], number[]][] };
const labels = catmap.labels.production_rate;
const products = m.productIndices.map((p) => m.species[p]!);
const solver = new SteadyStateSolver(m);
const names = Object.keys(m.file.descriptors);
let worst = 0;
let compared = 0;
let below = 0;
let worstBelow = 0;
let notConverged = 0;
const t0 = performance.now();
for (const [d, values] of catmap.production_rate) {
  const r = solver.solve({ potentialVvsRHE: U, descriptors: Object.fromEntries(names.map((n, i) => [n, d[i]!])) });
  if (!r.converged) {
    notConverged++;
    continue;
  }
  for (const p of products) {
    const ref = values[labels.indexOf(`${p}_g`)]!;
    const ours = r.tofPerS[p]!;
    if (Math.abs(ref) >= 1e-18) {
      compared++;
      worst = Math.max(worst, Math.abs(ours / ref - 1));
    } else {
      below++;
      if (ref !== 0 && ours !== 0) worstBelow = Math.max(worstBelow, Math.abs(Math.log10(Math.abs(ours)) - Math.log10(Math.abs(ref))));
    }
  }
}
console.log({
  points: catmap.production_rate.length,
  compared,
  maxRelativeDifference: worst,
  belowFloor: below,
  maxLog10DifferenceBelowFloor: worstBelow,
  notConverged,
  cncoupleMs: performance.now() - t0,
  catmapRunS: catmap.runS,
});
