import type { TopLevelSpec } from 'vega-lite';
import type { ParityPoint } from '../ml/planExperiments.js';

const config = { font: 'DejaVu Sans, Helvetica, Arial, sans-serif', axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { labelFontSize: 11, titleFontSize: 12 } };
const head = (text: string, subtitle: string) => ({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: { text, subtitle, anchor: 'start' as const }, background: 'white', config });
const r = (x: number) => Number(x.toPrecision(5));

/**
 * Leave-one-out parity plot of one objective: observed value (x) against its leave-one-out prediction (y)
 * with ±1.96σ error bars and the y = x line; one panel per objective.
 */
export function paritySpec(parity: Record<string, ParityPoint[]>): TopLevelSpec {
  const panels = Object.entries(parity).map(([name, points]) => {
    const values = points.map((p) => ({ line: p.line, observed: r(p.observed), predicted: r(p.predicted), lo: r(p.predicted - 1.96 * p.sd), hi: r(p.predicted + 1.96 * p.sd) }));
    const all = values.flatMap((v) => [v.observed, v.lo, v.hi]);
    const diag = [{ observed: Math.min(...all), predicted: Math.min(...all) }, { observed: Math.max(...all), predicted: Math.max(...all) }];
    const x = { field: 'observed', type: 'quantitative' as const, title: `${name}, observed`, scale: { zero: false } };
    return {
      width: 300,
      height: 300,
      layer: [
        { data: { values: diag }, mark: { type: 'line', color: '#999', strokeDash: [4, 4] }, encoding: { x, y: { field: 'predicted', type: 'quantitative' } } },
        { data: { values }, mark: { type: 'rule', color: '#4c78a8' }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
        { data: { values }, mark: { type: 'point', filled: true, color: '#4c78a8' }, encoding: { x, y: { field: 'predicted', type: 'quantitative', title: `${name}, leave-one-out prediction (±1.96σ)`, scale: { zero: false } }, tooltip: [{ field: 'line' }, { field: 'observed' }, { field: 'predicted' }] } },
      ],
    };
  });
  return { ...head('Surrogate parity (leave-one-out)', 'each run predicted by a model fitted to all the others'), hconcat: panels } as TopLevelSpec;
}

/** Two objectives: every finished run, the Pareto front highlighted and joined. */
export function paretoSpec(names: [string, string], runs: { line: number; a: number; b: number; front: boolean }[]): TopLevelSpec {
  const values = runs.map((p) => ({ line: p.line, [names[0]]: r(p.a), [names[1]]: r(p.b), set: p.front ? 'Pareto front' : 'dominated' }));
  const front = values.filter((v) => v.set === 'Pareto front').sort((a, b) => (a[names[0]] as number) - (b[names[0]] as number));
  const x = { field: names[0], type: 'quantitative' as const, scale: { zero: false } };
  const y = { field: names[1], type: 'quantitative' as const, scale: { zero: false } };
  return {
    ...head('Finished runs and their Pareto front', `${front.length} of ${values.length} runs non-dominated`),
    width: 360,
    height: 300,
    layer: [
      { data: { values: front }, mark: { type: 'line', color: '#e45756' }, encoding: { x, y } },
      { data: { values }, mark: { type: 'point', filled: true }, encoding: { x, y, color: { field: 'set', type: 'nominal', title: null }, tooltip: [{ field: 'line' }] } },
    ],
  } as TopLevelSpec;
}
