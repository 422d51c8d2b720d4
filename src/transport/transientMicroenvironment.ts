import { FARADAY_C_PER_MOL, InputError, assertFiniteInRange } from '../chem/index.js';
import { type BoundaryLayerInput, type TimeTerm, boundaryLayer } from './finiteVolume.js';
import { PERIODIC_DEFAULTS } from './periodicDefaults.js';
import type { RateConstantSetId } from './transportData.js';

/** One piece of a piecewise-constant current program. */
export interface CurrentSegment {
  /** Duration, s. */
  durationS: number;
  /** Cathodic current density magnitude during the segment, A m⁻². */
  currentDensityAPerM2: number;
}

/** Inputs of {@link transientMicroenvironment}. */
export interface TransientMicroenvironmentInput extends BoundaryLayerInput {
  /** Current program applied from t = 0 to a layer at bulk composition, in order. */
  schedule: CurrentSegment[];
  /** Largest time step, s (default: the total duration / 100; sets the output resolution, not the accuracy). */
  maxStepS?: number;
  /**
   * Relative tolerance of the local error estimate of each BDF2 step (default 1e-3): weighted RMS over all nodes
   * and solutes of |c − c_pred|·2/11 / (rtol·|c| + rtol·1e-6·max bulk) must stay ≤ 1, else the step is
   * rejected and retried smaller.
   */
  rtol?: number;
  /** Called after every accepted step with the time reached and the program's end, s. */
  onProgress?: (tS: number, totalS: number) => void;
  /**
   * Treat `schedule` as one period and repeat it: until the period-averaged surface concentrations change by
   * less than `tolerance` (relative, default 1e-3) from one period to the next, at most `maxPeriods` times
   * (default 1000; both in {@link PERIODIC_DEFAULTS}). With `stopWhenPeriodic: false` exactly `maxPeriods` periods run and the result still says
   * whether the last one was periodic.
   */
  periodic?: { tolerance?: number; maxPeriods?: number; stopWhenPeriodic?: boolean };
}

/** How a repeated program ended (see {@link TransientMicroenvironmentInput.periodic}). */
export interface PeriodicReport {
  /** Periods run. */
  periods: number;
  /** True when the last two period averages agree to `tolerance`. */
  converged: boolean;
  tolerance: number;
  /** Largest relative change of a period-averaged surface concentration between the last two periods (NaN after one period). */
  lastRelativeChange: number;
  /** Surface concentrations averaged over the last period, mol m⁻³. */
  periodAverageSurface: Record<string, number>;
  /** Period average of the surface pH over the last period. */
  periodAverageSurfacePH: number;
}

/** Result of {@link transientMicroenvironment}. */
export interface TransientMicroenvironmentResult {
  /** False when the program could not be followed to its end (see `message`). */
  completed: boolean;
  /** Homogeneous rate-constant set used (null: homogeneous reactions off). */
  rateConstants: RateConstantSetId | null;
  message?: string;
  /** Accepted time levels from 0, s. */
  timesS: number[];
  /** Current density at each time level, A m⁻². */
  currentDensityAPerM2: number[];
  /** Surface concentration of every solute at each time level, mol m⁻³. */
  surface: Record<string, number[]>;
  surfacePH: number[];
  /** Node positions from the electrode, m, and the profiles at the last time level, mol m⁻³. */
  xM: number[];
  finalProfiles: Record<string, number[]>;
  finalPHProfile: number[];
  /** Amount of each solute held in the layer per electrode area, mol m⁻², at t = 0 and at the end. */
  inventoryStartMolPerM2: Record<string, number>;
  inventoryEndMolPerM2: Record<string, number>;
  /** Time integral of the net inflow of each solute from the bulk (x = δ), mol m⁻² (trapezoid rule). */
  bulkInflowMolPerM2: Record<string, number>;
  /** Time integral of the net production of each solute at the electrode, mol m⁻² (exact for the program). */
  electrodeProductionMolPerM2: Record<string, number>;
  /** When a consumed reactant runs out at the surface: the time, s (transition time of the segment). */
  depletionTimeS?: number;
  steps: number;
  /** Steps retried smaller: Newton failures plus local-error rejections. */
  rejectedSteps: number;
  /** Of those, steps rejected by the local error estimate. */
  errorRejectedSteps: number;
  /** For a repeated program: how many periods ran and whether the period averages settled. */
  periodic?: PeriodicReport;
  newtonIterations: number;
}

/** A square-wave current program: `periods` × (high for tHighS, then low for tLowS). */
export function pulseSchedule(highAPerM2: number, tHighS: number, lowAPerM2: number, tLowS: number, periods: number): CurrentSegment[] {
  if (!Number.isInteger(periods) || periods < 1 || periods > 10000) throw new InputError('periods', 'an integer from 1 to 10000', `got ${periods}`);
  return Array.from({ length: periods }, () => [
    { durationS: tHighS, currentDensityAPerM2: highAPerM2 },
    { durationS: tLowS, currentDensityAPerM2: lowAPerM2 },
  ]).flat();
}

const FIRST_STEP_S = 1e-6;
/** Largest growth of the step after an accepted one. */
const MAX_GROWTH = 2;
/** BDF2 local error from the gap to a quadratic predictor: LTE ≈ (2/11)·(c − c_pred) (constant-step constants). */
const ERROR_CONSTANT = 2 / 11;

/**
 * Time-dependent 1-D diffusion–reaction across the boundary layer under a piecewise-constant current
 * (a current step, square pulses, any program), starting from the bulk composition. Same finite-volume
 * discretization as the steady solver; variable-step BDF2 in time (BDF1 on the first step of each segment,
 * which restarts at 1 µs after every current jump) with a local error estimate (the gap to a quadratic
 * predictor) that accepts, shrinks or grows each step to keep it within `rtol`; Newton on the log
 * concentrations at each step, a failed Newton retried at a quarter of the size. When a consumed reactant cannot be supplied any more the run stops
 * and reports the time at which it ran out (Sand's transition time for a constant current).
 */
export function transientMicroenvironment(input: TransientMicroenvironmentInput): TransientMicroenvironmentResult {
  if (!Array.isArray(input.schedule) || input.schedule.length === 0)
    throw new InputError('schedule', 'a non-empty list of {durationS, currentDensityAPerM2}', 'it is empty');
  input.schedule.forEach((seg, i) => {
    assertFiniteInRange(`schedule[${i}].durationS`, seg.durationS, 1e-6, 1e6, 's');
    assertFiniteInRange(`schedule[${i}].currentDensityAPerM2`, seg.currentDensityAPerM2, 0, 1e5, 'A m⁻²');
  });
  const period = input.schedule.reduce((s, seg) => s + seg.durationS, 0);
  const tolerance = input.periodic?.tolerance ?? PERIODIC_DEFAULTS.tolerance;
  const maxPeriods = input.periodic ? (input.periodic.maxPeriods ?? PERIODIC_DEFAULTS.maxPeriods) : 1;
  if (input.periodic) {
    assertFiniteInRange('periodic.tolerance', tolerance, 0, 1, '(relative)');
    if (!Number.isInteger(maxPeriods) || maxPeriods < 1 || maxPeriods > 100000)
      throw new InputError('periodic.maxPeriods', 'an integer from 1 to 100000', `got ${maxPeriods}`);
  }
  const stopWhenPeriodic = input.periodic?.stopWhenPeriodic !== false;
  const total = period * maxPeriods;
  const maxStep = input.maxStepS ?? period / 100;
  assertFiniteInRange('maxStepS', maxStep, 1e-9, 1e6, 's');
  const rtol = input.rtol ?? 1e-3;
  assertFiniteInRange('rtol', rtol, 1e-8, 0.1, '(relative)');

  const layer = boundaryLayer(input);
  const { u, c, K, S, solutes, stoich, bulk, vol, x } = layer;
  const N = K * S; // concentrations (the time term's history), node by node
  const inventory = () => Object.fromEntries(solutes.map((s, i) => [s.name, Array.from({ length: K }, (_, k) => vol(k) * c(k, i)).reduce((a, b) => a + b, 0)]));
  /** Net inflow from the bulk node into the layer, mol m⁻² s⁻¹. */
  const inflow = () => solutes.map((_, i) => layer.inflowFromRight(K - 1, i));

  const timesS = [0];
  const currents = [input.schedule[0]!.currentDensityAPerM2];
  const surface: Record<string, number[]> = Object.fromEntries(solutes.map((s, i) => [s.name, [c(0, i)]]));
  const surfacePH = [layer.pHAt(0)];
  const record = (t: number, jA: number) => {
    timesS.push(t);
    currents.push(jA);
    solutes.forEach((s, i) => surface[s.name]!.push(c(0, i)));
    surfacePH.push(layer.pHAt(0));
  };
  const inventoryStartMolPerM2 = inventory();
  const bulkInflow = new Float64Array(S);
  const electrodeProductionMolPerM2: Record<string, number> = Object.fromEntries(solutes.map((s) => [s.name, 0]));

  const cNow = new Float64Array(N);
  const cPrev = new Float64Array(N);
  const cPrev2 = new Float64Array(N);
  const cNew = new Float64Array(N);
  const atol = rtol * 1e-6 * Math.max(...bulk);
  /** Weighted RMS local error of the step just solved (into cNew) against the quadratic through the last three levels. */
  const localError = (dt: number, dtPrev: number, dtPrev2: number) => {
    // Lagrange extrapolation to t+dt from t (0), t−dtPrev, t−dtPrev−dtPrev2
    const t1 = -dtPrev;
    const t2 = -dtPrev - dtPrev2;
    const l0 = ((dt - t1) * (dt - t2)) / ((0 - t1) * (0 - t2));
    const l1 = ((dt - 0) * (dt - t2)) / ((t1 - 0) * (t1 - t2));
    const l2 = ((dt - 0) * (dt - t1)) / ((t2 - 0) * (t2 - t1));
    let sum = 0;
    for (let n = 0; n < N; n++) {
      const pred = l0 * cNow[n]! + l1 * cPrev[n]! + l2 * cPrev2[n]!;
      const e = (ERROR_CONSTANT * (cNew[n]! - pred)) / (rtol * Math.abs(cNew[n]!) + atol);
      sum += e * e;
    }
    return Math.sqrt(sum / N);
  };
  const uSaved = new Float64Array(u.length);
  const time: TimeTerm = { leadPerS: 0, history: new Float64Array(N) };
  const snapshot = (into: Float64Array) => {
    for (let k = 0; k < K; k++) for (let i = 0; i < S; i++) into[k * S + i] = c(k, i);
  };
  snapshot(cNow);

  let t = 0;
  let steps = 0;
  let rejected = 0;
  let errorRejected = 0;
  let message: string | undefined;
  let depletionTimeS: number | undefined;
  // period averages of the surface concentrations and pH (trapezoid over the accepted steps)
  const average = new Float64Array(S);
  const previousAverage = new Float64Array(S);
  let averagePH = 0;
  let periodsRun = 0;
  let lastChange = Number.NaN;
  let periodicConverged = false;
  periods: for (let p = 0; p < maxPeriods; p++) {
    average.fill(0);
    averagePH = 0;
    const periodStart = t;
    for (const seg of input.schedule) {
      const jA = seg.currentDensityAPerM2;
      const tEnd = t + seg.durationS;
      let dt = Math.min(FIRST_STEP_S, seg.durationS);
      let dtPrev = 0; // 0: restart with BDF1
      let dtPrev2 = 0; // 0: no error estimate yet (fewer than three levels in this segment)
      while (t < tEnd * (1 - 1e-12)) {
        dt = Math.min(dt, maxStep, tEnd - t);
        if (dtPrev === 0) {
          time.leadPerS = 1 / dt;
          for (let n = 0; n < N; n++) time.history[n] = -cNow[n]! / dt;
        } else {
          const w = dt / dtPrev;
          time.leadPerS = (1 + 2 * w) / (1 + w) / dt;
          for (let n = 0; n < N; n++) time.history[n] = (-(1 + w) * cNow[n]! + ((w * w) / (1 + w)) * cPrev[n]!) / dt;
        }
        const inflowBefore = inflow();
        uSaved.set(u);
        if (!layer.newton(jA, time)) {
          layer.load(uSaved);
          rejected++;
          dt /= 4;
          if (dt < 1e-9 * Math.max(t, 1e-3)) {
            const starved = solutes.find((s, i) => (stoich[s.name] ?? 0) < 0 && c(0, i) < 1e-3 * bulk[i]!);
            if (starved) {
              depletionTimeS = t;
              message = `${starved.name} runs out at the surface at t ≈ ${t.toPrecision(4)} s (${jA} A m⁻² cannot be supplied by diffusion and homogeneous reactions)`;
            } else message = `the time step fell below ${dt.toExponential(1)} s at t = ${t.toPrecision(4)} s`;
            break periods;
          }
          continue;
        }
        let growth: number;
        if (dtPrev > 0 && dtPrev2 > 0) {
          snapshot(cNew);
          const err = localError(dt, dtPrev, dtPrev2);
          const factor = err > 0 ? 0.9 * err ** (-1 / 3) : MAX_GROWTH;
          if (err > 1) {
            layer.load(uSaved);
            rejected++;
            errorRejected++;
            dt *= Math.max(0.2, factor);
            continue;
          }
          growth = Math.min(MAX_GROWTH, Math.max(1, factor));
        } else growth = 1.3; // the first steps of a segment: no estimate yet, grow gently
        const inflowAfter = inflow();
        for (let i = 0; i < S; i++) bulkInflow[i]! += ((inflowBefore[i]! + inflowAfter[i]!) / 2) * dt;
        for (const s of solutes) electrodeProductionMolPerM2[s.name]! += ((stoich[s.name] ?? 0) * jA * dt) / FARADAY_C_PER_MOL;
        for (let i = 0; i < S; i++) average[i]! += ((cNow[i]! + c(0, i)) / 2) * dt;
        averagePH += ((surfacePH.at(-1)! + layer.pHAt(0)) / 2) * dt;
        cPrev2.set(cPrev);
        cPrev.set(cNow);
        snapshot(cNow);
        t += dt;
        steps++;
        record(t, jA);
        input.onProgress?.(t, total);
        dtPrev2 = dtPrev;
        dtPrev = dt;
        dt *= growth;
      }
    }
    periodsRun++;
    const span = t - periodStart;
    for (let i = 0; i < S; i++) average[i]! /= span;
    averagePH /= span;
    if (p > 0) {
      const floor = 1e-9 * Math.max(...bulk);
      lastChange = 0;
      for (let i = 0; i < S; i++) lastChange = Math.max(lastChange, Math.abs(average[i]! - previousAverage[i]!) / Math.max(Math.abs(average[i]!), floor));
      periodicConverged = lastChange < tolerance;
      if (periodicConverged && stopWhenPeriodic) break;
    }
    previousAverage.set(average);
  }
  // stopped early because the state became periodic: the run is complete at t, not at the cap's duration
  if (message === undefined && t < total) input.onProgress?.(t, t);
  return {
    completed: message === undefined,
    rateConstants: layer.rateConstants,
    ...(message ? { message } : {}),
    timesS,
    currentDensityAPerM2: currents,
    surface,
    surfacePH,
    xM: x,
    finalProfiles: layer.profiles(),
    finalPHProfile: Array.from({ length: K + 1 }, (_, k) => layer.pHAt(k)),
    inventoryStartMolPerM2,
    inventoryEndMolPerM2: inventory(),
    bulkInflowMolPerM2: Object.fromEntries(solutes.map((s, i) => [s.name, bulkInflow[i]!])),
    electrodeProductionMolPerM2,
    ...(depletionTimeS === undefined ? {} : { depletionTimeS }),
    steps,
    rejectedSteps: rejected,
    errorRejectedSteps: errorRejected,
    ...(input.periodic
      ? {
          periodic: {
            periods: periodsRun,
            converged: periodicConverged,
            tolerance,
            lastRelativeChange: lastChange,
            periodAverageSurface: Object.fromEntries(solutes.map((s, i) => [s.name, average[i]!])),
            periodAverageSurfacePH: averagePH,
          },
        }
      : {}),
    newtonIterations: layer.newtonIterations(),
  };
}
