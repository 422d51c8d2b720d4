import type { TopLevelSpec } from 'vega-lite';
import type { SweepResult } from '../kinetics/mapper/descriptorSweep.js';

/**
 * Heat map of a 2-D descriptor sweep: log10 TOF (s⁻¹ per site) of one product, or its FE, over the grid;
 * points that did not converge are grey.
 */
export function volcanoSpec(result: SweepResult, product: string, quantity: 'log10Tof' | 'faradaicEfficiency', xName: string, yName: string): TopLevelSpec {
  const xs = result.xValues;
  const ys = result.yValues;
  const dx = xs.length > 1 ? (xs[1]! - xs[0]!) / 2 : 0.05;
  const dy = ys.length > 1 ? (ys[1]! - ys[0]!) / 2 : 0.05;
  const values = result[quantity][product]!;
  const cells = [];
  for (let r = 0; r < ys.length; r++) {
    for (let c = 0; c < xs.length; c++) {
      const i = r * xs.length + c;
      const v = values[i]!;
      cells.push({ x: xs[c]! - dx, x2: xs[c]! + dx, y: ys[r]! - dy, y2: ys[r]! + dy, v: result.converged[i] && Number.isFinite(v) ? Number(v.toPrecision(4)) : null });
    }
  }
  const label = quantity === 'log10Tof' ? `log10 TOF of ${product} (s⁻¹ per site)` : `FE of ${product}`;
  const converged = result.converged.reduce((a, b) => a + b, 0);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${label} over ${xName} × ${yName}`, subtitle: `${converged} of ${result.converged.length} points converged; grey: not converged or no production`, anchor: 'start', fontSize: 15, subtitleFontSize: 11 },
    background: 'white',
    width: 480,
    height: 400,
    config: { font: 'DejaVu Sans, Helvetica, Arial, sans-serif', axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, titleFontSize: 12 } },
    data: { values: cells },
    mark: { type: 'rect', invalid: null },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: `${xName} (eV)`, scale: { zero: false, nice: false } },
      x2: { field: 'x2' },
      y: { field: 'y', type: 'quantitative', title: `${yName} (eV)`, scale: { zero: false, nice: false } },
      y2: { field: 'y2' },
      color: { condition: { test: 'datum.v === null', value: '#cccccc' }, field: 'v', type: 'quantitative', title: quantity === 'log10Tof' ? 'log10 TOF' : 'FE', scale: { scheme: 'viridis' } },
      tooltip: [{ field: 'x', format: '.3f' }, { field: 'y', format: '.3f' }, { field: 'v', title: label }],
    },
  } as TopLevelSpec;
}
