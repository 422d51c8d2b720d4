import { InputError, assertFiniteInRange } from '../../chem/index.js';
import type { CompiledModel } from '../parser/compileModel.js';
import { SteadyStateSolver } from '../analyze/steadyState.js';
import { descriptorVector } from '../scaler/stepEnergetics.js';
import { checkSolverOptions, type SolverOptions } from '../solver/solverOptions.js';
import { TurnoverWork, turnoverOf } from '../analyze/turnover.js';

/** One descriptor axis of a sweep. */
export interface SweepAxis {
  name: string;
  /** First and last value, eV. */
  from: number;
  to: number;
  points: number;
}

/** Optional per-point outputs of a sweep: coverages, step rates, residual (always kept). */
export const SWEEP_FIELDS = ['coverages', 'rates', 'residual'] as const;
/** One optional per-point output of a sweep ({@link SWEEP_FIELDS}). */
export type SweepField = (typeof SWEEP_FIELDS)[number];

/** Status of a sweep point: its code in {@link SweepResult.status}. */
export const SWEEP_STATUS = { failed: 0, ok: 1, unresolved: 2 } as const;
/** Status names by code. */
export const SWEEP_STATUS_NAMES = ['failed', 'ok', 'unresolved'] as const;
export type SweepStatus = (typeof SWEEP_STATUS_NAMES)[number];

/** A 1-D or 2-D descriptor grid at a potential. */
export interface SweepSpec {
  x: SweepAxis;
  y?: SweepAxis;
  potentialVvsRHE?: number;
  /** Other descriptor values held fixed. */
  descriptors?: Record<string, number>;
  solver?: SolverOptions;
  /** Extra outputs per point (default none): 'coverages' (θ of every adsorbate), 'rates' (net step rates). */
  fields?: SweepField[];
}

/** Results of a sweep (or of some of its rows), row-major with x fastest. */
export interface SweepResult {
  xValues: number[];
  yValues: number[];
  /** Rows computed, [first, last) in y. */
  rows: [number, number];
  converged: Uint8Array;
  /**
   * Status of each point ({@link SWEEP_STATUS}): 1 ok (converged, every product's TOF and FE resolved to the
   * rate tolerance), 2 unresolved (converged, but some product's TOF or FE is not resolved), 0 failed.
   */
  status: Uint8Array;
  /** Why each failed point failed, by point index (row-major within these rows). */
  failures: { index: number; reason: string }[];
  /** Net production TOF of each product, s⁻¹ per site (may be ≤ 0), NaN where not converged. */
  tofPerS: Record<string, Float64Array>;
  /** log10 of the production TOF (s⁻¹ per site) of each product, NaN where ≤ 0 or not converged. */
  log10Tof: Record<string, Float64Array>;
  /** FE of each product, NaN where not converged or undefined (no electrons transferred). */
  faradaicEfficiency: Record<string, Float64Array>;
  /** 1 where the product's TOF and FE are both resolved to the rate tolerance, else 0. */
  resolved: Record<string, Uint8Array>;
  /** Verified relative residual of each point. */
  residual: Float64Array;
  /** With field 'coverages': θ of every adsorbate ({@link SweepResult.adsorbates} order), point-major. */
  coverages?: Float64Array;
  /** With field 'rates': net rate of every step ({@link SweepResult.steps} order), s⁻¹ per site, point-major. */
  stepRatesPerS?: Float64Array;
  /** Adsorbate names (the columns of `coverages`). */
  adsorbates: string[];
  /** Step ids (the columns of `stepRatesPerS`). */
  steps: string[];
}

/** An empty result for `size` points (every value NaN, every point failed until solved). */
export function emptySweepResult(model: CompiledModel, xs: number[], ys: number[], rows: [number, number], fields: SweepField[] = []): SweepResult {
  const size = xs.length * (rows[1] - rows[0]);
  const products = model.productIndices.map((p) => model.species[p]!);
  const perProduct = () => Object.fromEntries(products.map((p) => [p, new Float64Array(size).fill(Number.NaN)]));
  return {
    xValues: xs,
    yValues: ys,
    rows,
    converged: new Uint8Array(size),
    status: new Uint8Array(size),
    failures: [],
    tofPerS: perProduct(),
    log10Tof: perProduct(),
    faradaicEfficiency: perProduct(),
    resolved: Object.fromEntries(products.map((p) => [p, new Uint8Array(size)])),
    residual: new Float64Array(size).fill(Number.NaN),
    ...(fields.includes('coverages') ? { coverages: new Float64Array(size * model.adsorbates.length).fill(Number.NaN) } : {}),
    ...(fields.includes('rates') ? { stepRatesPerS: new Float64Array(size * model.steps.length).fill(Number.NaN) } : {}),
    adsorbates: model.adsorbates,
    steps: model.steps.map((s) => s.id),
  };
}

/** Evenly spaced values of an axis. */
export function axisValues(axis: SweepAxis): number[] {
  if (!Number.isInteger(axis.points) || axis.points < 1 || axis.points > 2000)
    throw new InputError(`${axis.name}.points`, 'an integer from 1 to 2000', `got ${axis.points}`);
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
  const products = model.productIndices.map((p) => model.species[p]!);
  for (const f of spec.fields ?? [])
    if (!(SWEEP_FIELDS as readonly string[]).includes(f)) throw new InputError('fields', SWEEP_FIELDS.join(', '), `got "${f}"`);
  const result = emptySweepResult(model, xs, ys, [r0, r1], spec.fields);
  const rateTolerance = options.rateTolerance;
  const nAds = model.adsorbates.length;
  const nSteps = model.steps.length;
  const d = Float64Array.from(base);
  const turnover = new TurnoverWork(model);
  const productIndices = model.productIndices;
  const log10TofOf = products.map((p) => result.log10Tof[p]!);
  const tofOf = products.map((p) => result.tofPerS[p]!);
  const feOf = products.map((p) => result.faradaicEfficiency[p]!);
  const resolvedOf = products.map((p) => result.resolved[p]!);
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
      if (!res.converged) {
        result.failures.push({
          index: at,
          reason: `no start converged: best verified residual ${res.residual.toExponential(2)} (tolerance ${options.steadyTolerance.toExponential(0)}), site balance error ${res.siteBalanceError.toExponential(2)}`,
        });
      } else {
        result.converged[at] = 1;
        // continue from the whole state: a poisoned neighbour's free sites are below 1 − Σθ's round-off
        guess = res.state;
        currentRow[col] = res.state;
        if (c === xs.length - 1) rowStartGuess = res.state;
        // lean observables: TOF, FE and resolution as a single solve reports them (no per-point objects)
        const t = turnoverOf(model, res, rateTolerance, turnover);
        const rates = t.rates;
        for (let i = 0; i < products.length; i++) {
          const tof = t.tof[productIndices[i]!]!;
          tofOf[i]![at] = tof;
          log10TofOf[i]![at] = tof > 0 ? Math.log10(tof) : Number.NaN;
          feOf[i]![at] = t.faradaicEfficiency[i]!;
          resolvedOf[i]![at] = t.tofResolved[i]! & t.faradaicEfficiencyResolved[i]!;
        }
        result.status[at] = t.allResolved ? SWEEP_STATUS.ok : SWEEP_STATUS.unresolved;
        if (result.coverages) for (let k = 0; k < nAds; k++) result.coverages[at * nAds + k] = res.theta[k]!;
        if (result.stepRatesPerS) for (let j = 0; j < nSteps; j++) result.stepRatesPerS[at * nSteps + j] = rates[j]!;
      }
    }
    onRow?.(r);
    previousRow = currentRow;
  }
  return result;
}
