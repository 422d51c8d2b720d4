import { InputError, assertFiniteInRange } from '../../chem/index.js';
import type { CompiledModel } from '../parser/compileModel.js';
import { type PeriodAverage, type PulseProgram, type PulseResult, runPulse } from './pulse.js';

/** A pulse program that runs until the period averages are periodic (see {@link runPulseUntilPeriodic}). */
export interface PulseUntilPeriodicProgram extends Omit<PulseProgram, 'periods'> {
  /**
   * Stop when the estimated distance of every period average from its periodic limit is below this (default
   * 1e-3): rates relative to the largest species rate of the period, FE as a fraction of the charge.
   */
  tolerance?: number;
  /** Cap on the number of periods (default 1000); reaching it gives `periodic: false`. */
  maxPeriods?: number;
}

/** Result of {@link runPulseUntilPeriodic}: {@link PulseResult} plus the convergence of the period averages. */
export interface PulseUntilPeriodicResult extends PulseResult {
  /** True when the period averages settled within `tolerance` before the cap (and every integration completed). */
  periodic: boolean;
  tolerance: number;
  maxPeriods: number;
  /**
   * Estimated distance of the last period's averages from the periodic limit (same scale as `tolerance`):
   * Δₙ·ρ/(1 − ρ) with Δₙ the change from the previous period and ρ = Δₙ/Δₙ₋₁ the decay per period (exact for a
   * single exponential mode); Infinity (JSON null) while the changes do not decay. NaN before period 3.
   */
  estimatedDistance: number;
  /** Measured decay of the changes per period, ρ (NaN before period 3). */
  decayPerPeriod: number;
}

/** The period averages as one vector: every species rate scaled by the largest one, then every FE. */
function averagesOf(p: PeriodAverage): number[] {
  const rates = Object.values(p.tofPerS);
  const scale = Math.max(...rates.map(Math.abs));
  return [...rates.map((r) => (scale > 0 ? r / scale : 0)), ...Object.values(p.faradaicEfficiency)];
}

/** Largest change between two periods' values; an undefined value (NaN, e.g. FE without net electrons) in both is no change, in one of them an infinite one. */
const maxChange = (a: number[], b: number[]) =>
  a.reduce(
    (m, x, i) =>
      Number.isNaN(x) && Number.isNaN(b[i]!) ? m : Math.max(m, Number.isNaN(x) || Number.isNaN(b[i]!) ? Number.POSITIVE_INFINITY : Math.abs(x - b[i]!)),
    0,
  );

/**
 * Pulsed potential until the period averages are periodic (issue 11 item 5): runs {@link runPulse} one period
 * at a time from the previous period's end coverages, and stops at the first period n ≥ 3 whose estimated
 * distance from the periodic limit, Δₙ·ρ/(1 − ρ) with ρ = Δₙ/Δₙ₋₁, is ≤ `tolerance` (Δ = largest change of a
 * period average from the previous period: species rates relative to the largest, FE in fractions). With a
 * single decaying mode (ρ constant) this estimate is the exact distance |Pₙ − P∞|. At `maxPeriods` it stops
 * with `periodic: false`. Changes that no longer decay (ρ ≥ 1) but are below 1 % of the tolerance count as
 * integration noise (ROS2 at rtol 1e-5) and also end the run as periodic.
 */
export function runPulseUntilPeriodic(model: CompiledModel, program: PulseUntilPeriodicProgram): PulseUntilPeriodicResult {
  const tolerance = assertFiniteInRange('tolerance', program.tolerance ?? 1e-3, 1e-9, 0.5);
  const maxPeriods = program.maxPeriods ?? 1000;
  if (!Number.isInteger(maxPeriods) || maxPeriods < 3 || maxPeriods > 100000)
    throw new InputError('maxPeriods', 'an integer from 3 to 100000', `got ${maxPeriods}`);
  const { tolerance: _t, maxPeriods: _m, ...pulse } = program;
  const periods: PeriodAverage[] = [];
  let steps = 0;
  let rejected = 0;
  let theta = program.initialCoverages;
  let previous: number[] | undefined;
  let lastDelta = Number.NaN;
  let estimatedDistance = Number.NaN;
  let decayPerPeriod = Number.NaN;
  let periodicFromPeriod: number | null = null;
  const result = (periodic: boolean, completed: boolean): PulseUntilPeriodicResult => ({
    periods,
    periodicFromPeriod,
    steps,
    rejectedSteps: rejected,
    completed,
    periodic,
    tolerance,
    maxPeriods,
    estimatedDistance,
    decayPerPeriod,
  });
  for (let n = 1; n <= maxPeriods; n++) {
    const block = runPulse(model, { ...pulse, periods: 1, ...(theta ? { initialCoverages: theta } : {}) });
    const p = block.periods[0]!;
    steps += block.steps;
    rejected += block.rejectedSteps;
    periods.push({ ...p, period: n });
    if (periodicFromPeriod === null && n > 1 && p.coverageChange < 1e-6) periodicFromPeriod = n;
    if (!block.completed) return result(false, false);
    theta = Float64Array.from(model.adsorbates.map((a) => p.coverages[a]!));
    const current = averagesOf(p);
    if (previous) {
      const delta = maxChange(current, previous);
      if (Number.isFinite(lastDelta)) {
        decayPerPeriod = lastDelta > 0 ? delta / lastDelta : 0;
        estimatedDistance = decayPerPeriod < 1 ? (delta * decayPerPeriod) / (1 - decayPerPeriod) : Number.POSITIVE_INFINITY;
        // changes that stopped decaying (ρ ≥ 1) at 1 % of the tolerance are integration noise, not a drift
        if (estimatedDistance <= tolerance || (decayPerPeriod >= 1 && delta <= tolerance / 100)) return result(true, true);
      }
      lastDelta = delta;
    }
    previous = current;
  }
  return result(false, true);
}
