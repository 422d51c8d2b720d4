import type { TopLevelSpec } from 'vega-lite';
import { SWEEP_STATUS, type SweepResult } from '../kinetics/mapper/descriptorSweep.js';
import { CHART_CONFIG } from './chartStyle.js';

/** Category of a heat-map cell that has no colour-scale value, with its fill. */
const CATEGORIES = [
  { key: 'unresolved', label: 'unresolved (error bound > rate tolerance)', color: '#f781bf' },
  { key: 'failed', label: 'not converged', color: '#555555' },
  { key: 'none', label: 'no net production (TOF ≤ 0) or FE undefined', color: '#cccccc' },
] as const;

/**
 * Heat map of a 2-D descriptor sweep: log10 TOF (s⁻¹ per site) of one product, or its FE, over the grid.
 * Only cells whose value is resolved (status ok, or this product's TOF and FE resolved) take the colour scale;
 * unresolved cells (converged, but the value's error bound exceeds the rate tolerance), failed cells and
 * cells without a value (TOF ≤ 0, FE undefined) are drawn in the fixed colours of a second legend. The
 * tooltip shows the value of every converged cell and its status.
 */
export function volcanoSpec(result: SweepResult, product: string, quantity: 'log10Tof' | 'faradaicEfficiency', xName: string, yName: string): TopLevelSpec {
  const xs = result.xValues;
  const ys = result.yValues;
  const dx = xs.length > 1 ? (xs[1]! - xs[0]!) / 2 : 0.05;
  const dy = ys.length > 1 ? (ys[1]! - ys[0]!) / 2 : 0.05;
  const values = result[quantity][product]!;
  const resolved = result.resolved[product]!;
  const cells = [];
  const counts = { ok: 0, unresolved: 0, failed: 0, none: 0 };
  for (let r = 0; r < ys.length; r++) {
    for (let c = 0; c < xs.length; c++) {
      const i = r * xs.length + c;
      const v = values[i]!;
      const status = result.status[i]! === SWEEP_STATUS.failed ? 'failed' : !resolved[i] ? 'unresolved' : Number.isFinite(v) ? 'ok' : 'none';
      counts[status]++;
      const shown = status !== 'failed' && Number.isFinite(v) ? Number(v.toPrecision(4)) : null;
      cells.push({
        x: xs[c]! - dx,
        x2: xs[c]! + dx,
        y: ys[r]! - dy,
        y2: ys[r]! + dy,
        v: status === 'ok' ? shown : null,
        value: shown,
        status,
        category: status === 'ok' ? null : CATEGORIES.find((k) => k.key === status)!.label,
      });
    }
  }
  const label = quantity === 'log10Tof' ? `log10 TOF of ${product} (s⁻¹ per site)` : `FE of ${product}`;
  const position = {
    x: { field: 'x', type: 'quantitative', title: `${xName} (eV)`, scale: { zero: false, nice: false } },
    x2: { field: 'x2' },
    y: { field: 'y', type: 'quantitative', title: `${yName} (eV)`, scale: { zero: false, nice: false } },
    y2: { field: 'y2' },
    tooltip: [{ field: 'x', format: '.3f' }, { field: 'y', format: '.3f' }, { field: 'value', title: label }, { field: 'status' }],
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${label} over ${xName} × ${yName}`,
      subtitle: `${counts.ok} of ${result.status.length} cells resolved; ${counts.unresolved} unresolved, ${counts.failed} not converged, ${counts.none} without a value`,
      anchor: 'start',
      fontSize: 15,
      subtitleFontSize: 11,
    },
    background: 'white',
    width: 480,
    height: 400,
    config: CHART_CONFIG,
    data: { values: cells },
    layer: [
      {
        transform: [{ filter: 'datum.status === "ok"' }],
        mark: { type: 'rect', invalid: null },
        encoding: {
          ...position,
          color: { field: 'v', type: 'quantitative', title: quantity === 'log10Tof' ? 'log10 TOF' : 'FE', scale: { scheme: 'viridis' } },
        },
      },
      {
        transform: [{ filter: 'datum.status !== "ok"' }],
        mark: { type: 'rect' },
        encoding: {
          ...position,
          color: {
            field: 'category',
            type: 'nominal',
            title: 'cell',
            scale: { domain: CATEGORIES.map((k) => k.label), range: CATEGORIES.map((k) => k.color) },
            legend: { orient: 'bottom', direction: 'vertical', labelLimit: 440 },
          },
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } as TopLevelSpec;
}
