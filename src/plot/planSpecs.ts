import type { TopLevelSpec } from 'vega-lite';
import type { ParityPoint, SurrogateSlice } from '../ml/planExperiments.js';
import { chartHead } from './chartStyle.js';

const r = (x: number) => Number(x.toPrecision(5));

/**
 * Leave-one-out parity plot of one objective: observed value (x) against its leave-one-out prediction (y)
 * with ±1.96σ error bars and the y = x line; one panel per objective.
 */
export function paritySpec(parity: Record<string, ParityPoint[]>): TopLevelSpec {
  const panels = Object.entries(parity).map(([name, points]) => {
    const values = points.map((p) => ({
      line: p.line,
      observed: r(p.observed),
      predicted: r(p.predicted),
      lo: r(p.predicted - 1.96 * p.sd),
      hi: r(p.predicted + 1.96 * p.sd),
    }));
    const all = values.flatMap((v) => [v.observed, v.lo, v.hi]);
    const diag = [
      { observed: Math.min(...all), predicted: Math.min(...all) },
      { observed: Math.max(...all), predicted: Math.max(...all) },
    ];
    const x = { field: 'observed', type: 'quantitative' as const, title: `${name}, observed`, scale: { zero: false } };
    return {
      width: 300,
      height: 300,
      layer: [
        { data: { values: diag }, mark: { type: 'line', color: '#999', strokeDash: [4, 4] }, encoding: { x, y: { field: 'predicted', type: 'quantitative' } } },
        { data: { values }, mark: { type: 'rule', color: '#4c78a8' }, encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } } },
        {
          data: { values },
          mark: { type: 'point', filled: true, color: '#4c78a8' },
          encoding: {
            x,
            y: { field: 'predicted', type: 'quantitative', title: `${name}, leave-one-out prediction (±1.96σ)`, scale: { zero: false } },
            tooltip: [{ field: 'line' }, { field: 'observed' }, { field: 'predicted' }],
          },
        },
      ],
    };
  });
  return { ...chartHead('Surrogate parity (leave-one-out)', 'each run predicted by a model fitted to all the others'), hconcat: panels } as TopLevelSpec;
}

/** Two objectives: every finished run, the Pareto front highlighted and joined. */
export function paretoSpec(names: [string, string], runs: { line: number; a: number; b: number; front: boolean }[]): TopLevelSpec {
  const values = runs.map((p) => ({ line: p.line, [names[0]]: r(p.a), [names[1]]: r(p.b), set: p.front ? 'Pareto front' : 'dominated' }));
  const front = values.filter((v) => v.set === 'Pareto front').sort((a, b) => (a[names[0]] as number) - (b[names[0]] as number));
  const x = { field: names[0], type: 'quantitative' as const, scale: { zero: false } };
  const y = { field: names[1], type: 'quantitative' as const, scale: { zero: false } };
  return {
    ...chartHead('Finished runs and their Pareto front', `${front.length} of ${values.length} runs non-dominated`),
    width: 360,
    height: 300,
    layer: [
      { data: { values: front }, mark: { type: 'line', color: '#e45756' }, encoding: { x, y } },
      {
        data: { values },
        mark: { type: 'point', filled: true },
        encoding: { x, y, color: { field: 'set', type: 'nominal', title: null }, tooltip: [{ field: 'line' }] },
      },
    ],
  } as TopLevelSpec;
}

/**
 * The optimizer's belief: the surrogate's mean over one or two varied inputs (line with a ±1.96σ band, or
 * heat map), with every evaluation on top (failed ones as crosses).
 */
export function beliefMapSpec(
  map: { x: { name: string; values: number[] }; y?: { name: string; values: number[] }; mean: number[]; sd: number[] },
  evaluations: { inputs: Record<string, number>; value: number | null }[],
  label: string,
): TopLevelSpec {
  const xName = map.x.name;
  if (!map.y) {
    const values = map.x.values.map((x, i) => ({
      x: r(x),
      mean: r(map.mean[i]!),
      lo: r(map.mean[i]! - 1.96 * map.sd[i]!),
      hi: r(map.mean[i]! + 1.96 * map.sd[i]!),
    }));
    const pts = evaluations.filter((e) => e.value !== null).map((e) => ({ x: r(e.inputs[xName]!), v: r(e.value!) }));
    const x = { field: 'x', type: 'quantitative' as const, title: xName };
    return {
      ...chartHead(`Surrogate of ${label}`, `mean and 95 % band after ${evaluations.length} evaluations`),
      width: 480,
      height: 300,
      layer: [
        {
          data: { values },
          mark: { type: 'area', opacity: 0.25 },
          encoding: { x, y: { field: 'lo', type: 'quantitative', title: label, scale: { zero: false } }, y2: { field: 'hi' } },
        },
        { data: { values }, mark: 'line', encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
        { data: { values: pts }, mark: { type: 'point', filled: true, color: 'black' }, encoding: { x, y: { field: 'v', type: 'quantitative' } } },
      ],
    } as TopLevelSpec;
  }
  const xs = map.x.values;
  const ys = map.y.values;
  const yName = map.y.name;
  const dx = (xs[1]! - xs[0]!) / 2;
  const dy = (ys[1]! - ys[0]!) / 2;
  const cells = ys.flatMap((y, j) => xs.map((x, i) => ({ x: r(x - dx), x2: r(x + dx), y: r(y - dy), y2: r(y + dy), mean: r(map.mean[j * xs.length + i]!) })));
  const pts = evaluations.map((e) => ({ x: r(e.inputs[xName]!), y: r(e.inputs[yName]!), status: e.value === null ? 'failed' : 'evaluated' }));
  return {
    ...chartHead(`Surrogate mean of ${label}`, `${evaluations.length} evaluations (crosses: failed, not used as numbers)`),
    width: 420,
    height: 380,
    layer: [
      {
        data: { values: cells },
        mark: 'rect',
        encoding: {
          x: { field: 'x', type: 'quantitative', title: xName, scale: { domain: [r(xs[0]! - dx), r(xs.at(-1)! + dx)], nice: false } },
          x2: { field: 'x2' },
          y: { field: 'y', type: 'quantitative', title: yName, scale: { domain: [r(ys[0]! - dy), r(ys.at(-1)! + dy)], nice: false } },
          y2: { field: 'y2' },
          color: { field: 'mean', type: 'quantitative', title: label, scale: { scheme: 'viridis' } },
        },
      },
      {
        data: { values: pts },
        mark: { type: 'point', filled: false, color: 'white' },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
          shape: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: ['evaluated', 'failed'], range: ['circle', 'cross'] },
            legend: { symbolStrokeColor: 'black' },
          },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Screened candidates: median log10 TOF with its 5–95 % interval per candidate, coloured by P(top k). */
export function screeningSpec(rows: { name: string; median: number; p05: number; p95: number; pTopK: number }[], label: string, k: number): TopLevelSpec {
  const values = rows.filter((x) => Number.isFinite(x.median)).map((x) => ({ name: x.name, median: r(x.median), p05: r(x.p05), p95: r(x.p95), p: r(x.pTopK) }));
  const y = { field: 'name', type: 'nominal' as const, title: null, sort: { field: 'median', order: 'descending' as const } };
  return {
    ...chartHead(`Screening: ${label}`, `median and 5–95 % interval from descriptor uncertainty; colour: P(top ${k})`),
    width: 420,
    height: Math.max(120, 22 * values.length),
    layer: [
      {
        data: { values },
        mark: 'rule',
        encoding: { y, x: { field: 'p05', type: 'quantitative', title: label, scale: { zero: false } }, x2: { field: 'p95' } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          y,
          x: { field: 'median', type: 'quantitative' },
          color: { field: 'p', type: 'quantitative', title: `P(top ${k})`, scale: { domain: [0, 1], scheme: 'viridis' } },
        },
      },
    ],
  } as TopLevelSpec;
}

/**
 * Regret curves: median simple regret vs evaluations with an interquartile band, one colour per method,
 * log-scaled regret; one panel per problem. `labels` replaces the title, subtitle and y-axis title (for another
 * quantity on the same plot, e.g. a hypervolume gap); values below 1e-6 are drawn at 1e-6.
 */
export function regretSpec(
  panels: { problem: string; unit: string; methods: { method: string; evaluations: number[]; median: number[]; q25: number[]; q75: number[] }[] }[],
  labels: { title?: string; subtitle?: string; yTitle?: string } = {},
): TopLevelSpec {
  const floor = 1e-6;
  return {
    ...chartHead(
      labels.title ?? 'Simple regret vs evaluations',
      labels.subtitle ?? 'median and interquartile range over seeds; regret floored at 1e-6 for the log axis',
    ),
    hconcat: panels.map((p) => {
      const values = p.methods.flatMap((m) =>
        m.evaluations.map((n, i) => ({
          method: m.method,
          n,
          median: r(Math.max(floor, m.median[i]!)),
          q25: r(Math.max(floor, m.q25[i]!)),
          q75: r(Math.max(floor, m.q75[i]!)),
        })),
      );
      const x = { field: 'n', type: 'quantitative' as const, title: 'Evaluations' };
      const color = { field: 'method', type: 'nominal' as const, title: 'Method' };
      return {
        title: p.problem,
        width: 320,
        height: 260,
        data: { values },
        layer: [
          {
            mark: { type: 'area', opacity: 0.2 },
            encoding: {
              x,
              y: { field: 'q25', type: 'quantitative', scale: { type: 'log' }, title: labels.yTitle ?? `Simple regret (${p.unit})` },
              y2: { field: 'q75' },
              color,
            },
          },
          { mark: 'line', encoding: { x, y: { field: 'median', type: 'quantitative' }, color } },
        ],
      };
    }),
  } as TopLevelSpec;
}

/** Slices of one objective's surrogate through its best run: mean with a ±1.96σ band per parameter. */
export function slicesSpec(objective: string, slices: SurrogateSlice[], logScaled: Record<string, boolean>): TopLevelSpec {
  return {
    ...chartHead(`Surrogate slices of ${objective} through the best run`, 'one parameter varied, the others held at the best run; band ±1.96σ'),
    hconcat: slices.map((sl) => {
      const values = sl.values.map((v, i) => ({ v: r(v), mean: r(sl.mean[i]!), lo: r(sl.mean[i]! - 1.96 * sl.sd[i]!), hi: r(sl.mean[i]! + 1.96 * sl.sd[i]!) }));
      const x = { field: 'v', type: 'quantitative' as const, title: sl.parameter, ...(logScaled[sl.parameter] ? { scale: { type: 'log' as const } } : {}) };
      return {
        width: 200,
        height: 180,
        data: { values },
        layer: [
          {
            mark: { type: 'area', opacity: 0.25 },
            encoding: { x, y: { field: 'lo', type: 'quantitative', title: objective, scale: { zero: false } }, y2: { field: 'hi' } },
          },
          { mark: 'line', encoding: { x, y: { field: 'mean', type: 'quantitative' } } },
        ],
      };
    }),
  } as TopLevelSpec;
}
