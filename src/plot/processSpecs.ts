import type { TopLevelSpec } from 'vega-lite';
import type { TornadoBar } from '../reactor/technoEconomics.js';
import type { MicroenvironmentResult } from '../transport/solveMicroenvironment.js';
import type { TransientMicroenvironmentResult } from '../transport/transientMicroenvironment.js';
import type { CouplingCurvePoint } from '../transport/coupleToKinetics.js';
import { chartHead } from './chartStyle.js';

/** x axis of current density in mA cm⁻² on a log scale (field `j`). */
const logCurrentAxis = { field: 'j', type: 'quantitative' as const, title: 'Current density (mA cm⁻², log scale)', scale: { type: 'log' as const } };

/**
 * One result: pH and concentration profiles across the boundary layer (x in µm, log concentrations).
 * Several results: surface pH vs current density (mA cm⁻²).
 */
export function microenvironmentSpecs(results: MicroenvironmentResult[], currentsMAPerCm2: number[]): TopLevelSpec {
  if (results.length > 1) {
    const values = results.flatMap((r, i) => (r.converged ? [{ j: currentsMAPerCm2[i]!, pH: Number(r.surfacePH.toFixed(3)) }] : []));
    return {
      ...chartHead('Surface pH vs current density', `bulk pH ${results[0]!.bulkPH.toFixed(2)}; ${values.length} of ${results.length} currents solved`),
      width: 480,
      height: 300,
      data: { values },
      mark: { type: 'line', point: true },
      encoding: { x: logCurrentAxis, y: { field: 'pH', type: 'quantitative', title: 'Surface pH', scale: { zero: false } } },
    };
  }
  const r = results[0]!;
  const rows = Object.entries(r.profiles).flatMap(([species, c]) =>
    c.map((v, k) => ({ species, xUm: Number((r.xM[k]! * 1e6).toPrecision(5)), cM: v / 1000 })).filter((p) => p.cM > 1e-14),
  );
  const ph = r.pHProfile.map((v, k) => ({ xUm: Number((r.xM[k]! * 1e6).toPrecision(5)), pH: v }));
  const potential = r.potentialProfileV.some((v) => v !== 0)
    ? [
        {
          width: 260,
          height: 260,
          data: { values: r.potentialProfileV.map((v, k) => ({ xUm: Number((r.xM[k]! * 1e6).toPrecision(5)), mV: v * 1000 })) },
          mark: 'line',
          encoding: {
            x: { field: 'xUm', type: 'quantitative', title: 'Distance from electrode (µm)' },
            y: { field: 'mV', type: 'quantitative', title: 'Potential vs bulk (mV)' },
          },
        },
      ]
    : [];
  return {
    ...chartHead(
      `Electrode microenvironment at ${currentsMAPerCm2[0]} mA cm⁻²`,
      r.converged ? `surface pH ${r.surfacePH.toFixed(2)}, bulk pH ${r.bulkPH.toFixed(2)}` : `not solved: ${r.message}`,
    ),
    hconcat: [
      {
        width: 300,
        height: 260,
        data: { values: ph },
        mark: 'line',
        encoding: {
          x: { field: 'xUm', type: 'quantitative', title: 'Distance from electrode (µm)' },
          y: { field: 'pH', type: 'quantitative', title: 'pH', scale: { zero: false } },
        },
      },
      {
        width: 360,
        height: 260,
        data: { values: rows },
        mark: 'line',
        encoding: {
          x: { field: 'xUm', type: 'quantitative', title: 'Distance from electrode (µm)' },
          y: { field: 'cM', type: 'quantitative', title: 'Concentration (M, log scale)', scale: { type: 'log' } },
          color: { field: 'species', type: 'nominal', title: 'Species' },
        },
      },
      ...potential,
    ],
  } as TopLevelSpec;
}

/** Transient run: surface pH and current density (mA cm⁻²) vs time (s), stacked with a shared time axis. */
export function transientSpec(r: TransientMicroenvironmentResult): TopLevelSpec {
  const values = r.timesS.map((t, k) => ({ t: Number(t.toPrecision(6)), pH: Number(r.surfacePH[k]!.toFixed(4)), j: r.currentDensityAPerM2[k]! / 10 }));
  const x = { field: 't', type: 'quantitative' as const, title: 'Time (s)' };
  return {
    ...chartHead(
      'Surface pH under the current program',
      r.completed ? `${r.steps} time steps; final surface pH ${r.surfacePH.at(-1)!.toFixed(2)}` : `stopped: ${r.message}`,
    ),
    data: { values },
    vconcat: [
      { width: 520, height: 220, mark: 'line', encoding: { x, y: { field: 'pH', type: 'quantitative', title: 'Surface pH', scale: { zero: false } } } },
      {
        width: 520,
        height: 90,
        mark: { type: 'line', interpolate: 'step-before' },
        encoding: { x, y: { field: 'j', type: 'quantitative', title: 'j (mA cm⁻²)' } },
      },
    ],
  } as TopLevelSpec;
}

/** FE vs current density (mA cm⁻², log) per product: with transport (solid) and at bulk concentrations (dashed). */
export function couplingSpec(points: CouplingCurvePoint[]): TopLevelSpec {
  const values = points.flatMap((p) =>
    p.faradaicEfficiency
      ? Object.keys(p.faradaicEfficiency).flatMap((product) => [
          { j: p.currentDensityAPerM2 / 10, product, case: 'with transport and local pH', fePercent: 100 * p.faradaicEfficiency![product]! },
          { j: p.currentDensityAPerM2 / 10, product, case: 'bulk concentrations', fePercent: 100 * p.faradaicEfficiencyBulk![product]! },
        ])
      : [],
  );
  const solved = points.filter((p) => p.converged).length;
  return {
    ...chartHead('Faradaic efficiency vs current density', `${solved} of ${points.length} currents self-consistent; dashed: kinetics at bulk concentrations`),
    width: 480,
    height: 300,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: logCurrentAxis,
      y: { field: 'fePercent', type: 'quantitative', title: 'Faradaic efficiency (%)', scale: { domain: [0, 100] } },
      color: { field: 'product', type: 'nominal', title: 'Product' },
      strokeDash: {
        field: 'case',
        type: 'nominal',
        title: 'Kinetics at',
        sort: ['with transport and local pH', 'bulk concentrations'],
        legend: { labelLimit: 300, symbolType: 'stroke' },
      },
    },
  } as TopLevelSpec;
}

/** Tornado chart: levelized cost at the low and high value of each parameter around the base cost. */
export function tornadoSpec(bars: TornadoBar[], baseCostUsdPerKg: number): TopLevelSpec {
  const values = bars.flatMap((b) => [
    { parameter: b.parameter, side: 'low (−20 %)', cost: b.costAtLowUsdPerKg, base: baseCostUsdPerKg },
    { parameter: b.parameter, side: 'high (+20 %)', cost: b.costAtHighUsdPerKg, base: baseCostUsdPerKg },
  ]);
  return {
    ...chartHead('Sensitivity of the levelized cost', `base ${baseCostUsdPerKg.toFixed(3)} USD/kg; each parameter ±20 %`),
    width: 480,
    height: { step: 22 },
    data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'parameter', type: 'nominal', sort: bars.map((b) => b.parameter), title: null },
      x: { field: 'cost', type: 'quantitative', title: 'Levelized cost (USD per kg)' },
      x2: { field: 'base' },
      color: { field: 'side', type: 'nominal', title: 'Parameter value' },
    },
  } as TopLevelSpec;
}
