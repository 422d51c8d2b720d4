import type { TopLevelSpec } from 'vega-lite';
import type { PathwayDiagram } from '../mechanism/freeEnergyDiagram.js';
import { CHART_CONFIG } from './chartStyle.js';

/**
 * Vega-Lite spec of one or more free-energy diagrams overlaid: a horizontal bar per level, dashed
 * connectors, labelled intermediates, the potential in the title.
 */
export function freeEnergyDiagramSpec(diagrams: PathwayDiagram[], title = 'Free-energy diagram'): TopLevelSpec {
  const halfWidth = 0.32;
  const levels = diagrams.flatMap((d) =>
    d.levels.map((l) => ({
      pathway: d.pathway,
      x: l.index - halfWidth,
      x2: l.index + halfWidth,
      xm: l.index,
      G: Number(l.freeEnergyEv.toFixed(4)),
      label: l.label.replace(/\s*\+\s*\*\w*$/, ''),
    })),
  );
  const connectors = diagrams.flatMap((d) =>
    d.levels.slice(1).map((l, i) => ({
      pathway: d.pathway,
      x: d.levels[i]!.index + halfWidth,
      x2: l.index - halfWidth,
      G: Number(d.levels[i]!.freeEnergyEv.toFixed(4)),
      G2: Number(l.freeEnergyEv.toFixed(4)),
    })),
  );
  const U = diagrams[0]?.potentialVvsRHE ?? 0;
  const subtitle = diagrams
    .map(
      (d) =>
        `${d.pathway}: U_L = ${d.limitingPotentialV === null ? '—' : `${d.limitingPotentialV.toFixed(2)} V`} (${d.potentialDeterminingStep ?? 'no electrochemical step'})`,
    )
    .join('; ');
  const color = { field: 'pathway', type: 'nominal' as const, title: 'Pathway' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `${title} at U = ${U.toFixed(2)} V vs RHE`, subtitle, anchor: 'start', fontSize: 15, subtitleFontSize: 11 },
    background: 'white',
    width: 620,
    height: 360,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: connectors },
        mark: { type: 'rule', strokeDash: [4, 3], strokeWidth: 1 },
        encoding: { x: { field: 'x', type: 'quantitative' }, x2: { field: 'x2' }, y: { field: 'G', type: 'quantitative' }, y2: { field: 'G2' }, color },
      },
      {
        data: { values: levels },
        mark: { type: 'rule', strokeWidth: 3 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: 'Reaction coordinate (step)', axis: { tickMinStep: 1, grid: false } },
          x2: { field: 'x2' },
          y: { field: 'G', type: 'quantitative', title: 'ΔG (eV)' },
          color,
          tooltip: [{ field: 'pathway' }, { field: 'label', title: 'state' }, { field: 'G', title: 'ΔG (eV)' }],
        },
      },
      {
        data: { values: levels },
        mark: { type: 'text', dy: -9, fontSize: 9 },
        encoding: { x: { field: 'xm', type: 'quantitative' }, y: { field: 'G', type: 'quantitative' }, text: { field: 'label' }, color },
      },
    ],
  };
}
