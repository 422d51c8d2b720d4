import { InputError, assertFiniteInRange } from '../../chem/index.js';
import type { CompiledModel } from '../parser/compileModel.js';
import { SteadyStateSolver, descriptorVector } from '../analyze/steadyState.js';
import { checkSolverOptions, type SolverOptions } from '../solver/solverOptions.js';
import { RouteWork, routeConsistentRates } from '../analyze/steadyState.js';

/** One descriptor axis of a sweep. */
export interface SweepAxis {
  name: string;
  /** First and last value, eV. */
  from: number;
  to: number;
  points: number;
}

/** A 1-D or 2-D descriptor grid at a potential. */
export interface SweepSpec {
  x: SweepAxis;
  y?: SweepAxis;
  potentialVvsRHE?: number;
  /** Other descriptor values held fixed. */
  descriptors?: Record<string, number>;
  solver?: SolverOptions;
}

/** Results of a sweep (or of some of its rows), row-major with x fastest. */
export interface SweepResult {
  xValues: number[];
  yValues: number[];
  /** Rows computed, [first, last) in y. */
  rows: [number, number];
  converged: Uint8Array;
  /** log10 of the production TOF (s⁻¹ per site) of each product, NaN where ≤ 0 or not converged. */
  log10Tof: Record<string, Float64Array>;
  /** FE of each product. */
  faradaicEfficiency: Record<string, Float64Array>;
  /** Verified relative residual of each point. */
  residual: Float64Array;
}

/** Evenly spaced values of an axis. */
export function axisValues(axis: SweepAxis): number[] {
  if (!Number.isInteger(axis.points) || axis.points < 1 || axis.points > 2000) throw new InputError(`${axis.name}.points`, 'an integer from 1 to 2000', `got ${axis.points}`);
  assertFiniteInRange(`${axis.name}.from`, axis.from, -20, 20, 'eV');
  assertFiniteInRange(`${axis.name}.to`, axis.to, -20, 20, 'eV');
  return Array.from({ length: axis.points }, (_, i) => (axis.points === 1 ? axis.from : axis.from + ((axis.to - axis.from) * i) / (axis.points - 1)));
}

/**
 * Steady states over a descriptor grid — the mapper stage. Points are visited in serpentine order so that
 * each solve starts from its converged neighbour (continuation); `rows` restricts the work to a band of y
 * rows (for worker threads and resuming), `onRow` reports progress after each row.
 */
export function descriptorSweep(model: CompiledModel, spec: SweepSpec, rows?: [number, number], onRow?: (row: number) => void): SweepResult {
  const xs = axisValues(spec.x);
  const ys = spec.y ? axisValues(spec.y) : [0];
  const xi = model.descriptors.indexOf(spec.x.name);
  const yi = spec.y ? model.descriptors.indexOf(spec.y.name) : -1;
  if (xi < 0) throw new InputError('x.name', `a descriptor of the model (${model.descriptors.join(', ')})`, `unknown descriptor "${spec.x.name}"`);
  if (spec.y && yi < 0) throw new InputError('y.name', `a descriptor of the model (${model.descriptors.join(', ')})`, `unknown descriptor "${spec.y.name}"`);
  const [r0, r1] = rows ?? [0, ys.length];
  const U = spec.potentialVvsRHE ?? model.file.potentialVvsRHE;
  const options = checkSolverOptions(spec.solver);
  const base = descriptorVector(model, spec.descriptors);
  const solver = new SteadyStateSolver(model);
  const size = xs.length * (r1 - r0);
  const products = model.productIndices.map((p) => model.species[p]!);
  const result: SweepResult = {
    xValues: xs,
    yValues: ys,
    rows: [r0, r1],
    converged: new Uint8Array(size),
    log10Tof: Object.fromEntries(products.map((p) => [p, new Float64Array(size).fill(Number.NaN)])),
    faradaicEfficiency: Object.fromEntries(products.map((p) => [p, new Float64Array(size).fill(Number.NaN)])),
    residual: new Float64Array(size),
  };
  const d = Float64Array.from(base);
  const tof = new Float64Array(products.length); // production TOF of each product at the point
  const zs = products.map((p) => model.file.species[p]!.electronsPerMolecule!);
  const route = new RouteWork(model);
  // each step's net production of the products, flat (no Map iteration per point)
  const productNu = model.steps.map((st) => Float64Array.from(model.productIndices, (sp) => st.speciesNet.get(sp) ?? 0));
  const electronsOf = Float64Array.from(model.steps, (st) => st.electrons);
  const log10TofOf = products.map((p) => result.log10Tof[p]!);
  const feOf = products.map((p) => result.faradaicEfficiency[p]!);
  let guess: Float64Array | undefined;
  let rowStartGuess: Float64Array | undefined;
  // the previous row's solutions: the neighbour across a coverage phase boundary is often on the other side
  let previousRow: (Float64Array | undefined)[] = [];
  for (let r = r0; r < r1; r++) {
    if (yi >= 0) d[yi] = ys[r]!;
    guess = rowStartGuess;
    const currentRow: (Float64Array | undefined)[] = new Array(xs.length);
    const forward = (r - r0) % 2 === 0;
    for (let c = 0; c < xs.length; c++) {
      const col = forward ? c : xs.length - 1 - c;
      d[xi] = xs[col]!;
      const above = previousRow[col];
      const res = solver.solveVector(U, d, options, guess, above ? [above] : []);
      const at = (r - r0) * xs.length + col;
      result.residual[at] = res.residual;
      if (res.converged) {
        result.converged[at] = 1;
        // continue from the whole state: a poisoned neighbour's free sites are below 1 − Σθ's round-off
        guess = res.state;
        currentRow[col] = res.state;
        if (c === xs.length - 1) rowStartGuess = res.state;
        // lean observables: route-consistent rates → product TOFs and FEs (no per-point objects)
        const rates = routeConsistentRates(model, res.rates, res.grossRates, route);
        let electrons = 0;
        tof.fill(0);
        for (let j = 0; j < rates.length; j++) {
          electrons += electronsOf[j]! * rates[j]!;
          for (let i = 0; i < products.length; i++) tof[i]! += productNu[j]![i]! * rates[j]!;
        }
        for (let i = 0; i < products.length; i++) {
          const t = tof[i]!;
          log10TofOf[i]![at] = t > 0 ? Math.log10(t) : Number.NaN;
          feOf[i]![at] = electrons !== 0 ? (zs[i]! * t) / electrons : 0;
        }
      }
    }
    onRow?.(r);
    previousRow = currentRow;
  }
  return result;
}
