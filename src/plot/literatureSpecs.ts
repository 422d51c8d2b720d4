import type { TopLevelSpec } from 'vega-lite';
import { findSpeciesEntry } from '../chem/index.js';
import { type CatalyticRecord, isCnCouplingProduct } from '../data/normalizeRecord.js';

const STRATEGY_COLORS = {
  domain: ['defect engineering', 'coordination environment design', 'interface engineering', 'dual-site synergy', 'emerging architectures'],
  range: ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e'],
};

/** Shared look: readable fonts, white background, a subtitle saying what was left out. */
function frame(title: string, subtitle: string) {
  return {
    title: { text: title, subtitle, anchor: 'start' as const, fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555' },
    background: 'white',
    width: 560,
    height: 340,
    config: {
      font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
      axis: { labelFontSize: 11, titleFontSize: 12, grid: true, labelLimit: 240 },
      legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
    },
  };
}

/**
 * How a plotted value was obtained, as the legend shows it: `printed` (printed, or the curator's corrected
 * reading of the source's own text), `assumed` (an assumed unit reading or an estimated pH) or `derived`
 * (from a printed comparison). A point resting on several values takes the least direct of them.
 */
export type PlotReading = 'printed' | 'assumed' | 'derived';

/** Legend order and encoding of {@link PlotReading}: printed points opaque, assumed and derived ones faint and hollow-looking. */
const READINGS = { domain: ['printed', 'assumed', 'derived'] as PlotReading[], opacity: [0.9, 0.45, 0.2], shape: ['circle', 'triangle-up', 'diamond'] };

function plotReading(r: CatalyticRecord, fields: ('faradaicEfficiency' | 'yield' | 'potentialVvsRHE')[]): PlotReading {
  const readings = fields.map((f) => r.normalized.readings?.[f] ?? (f === 'yield' && r.normalized.yield?.reading) ?? 'printed');
  if (readings.includes('derived')) return 'derived';
  return readings.includes('assumed') ? 'assumed' : 'printed';
}

/**
 * The records a literature plot draws: records whose product is not a C–N coupling product (NH3 from
 * NO2−, say; `normalized.cnCoupling` false) are baselines and left out, counted in the subtitle — unless
 * no C–N record is among those given (a list filtered on that product asks for them).
 */
function plottable(records: CatalyticRecord[]): { drawn: CatalyticRecord[]; baselines: number } {
  const cn = records.filter((r) => r.normalized.cnCoupling ?? isCnCouplingProduct(r.products));
  if (cn.length === 0) return { drawn: records, baselines: 0 };
  return { drawn: cn, baselines: records.length - cn.length };
}

/** The subtitle's note on left-out baselines ('' when none). */
const baselineNote = (n: number) => (n ? `; ${n} record${n === 1 ? '' : 's'} of a product without C–N coupling (NH3 …) not plotted` : '');

/** The product's registry name when the record names a species, else the product as printed. */
function productName(r: CatalyticRecord): string {
  const first = r.products[0];
  return (first !== undefined && findSpeciesEntry(first)?.name) || r.productPrinted;
}

/** One plotted point of {@link feVsPotentialSpec}. */
interface FePoint {
  id: string;
  catalyst: string;
  product: string;
  strategy: string;
  potentialVvsRHE: number;
  faradaicEfficiencyPercent: number;
  reading: PlotReading;
}

/**
 * Faradaic efficiency (%) vs potential (V vs RHE), coloured by design strategy, shaped by product, with
 * opacity by {@link PlotReading} (a potential converted with an estimated pH is `assumed`): one point per
 * record with both values. Records without a potential on the RHE scale (galvanostatic, or no pH) and
 * baselines of a product without C–N coupling are counted in the subtitle, not plotted.
 */
export function feVsPotentialSpec(records: CatalyticRecord[], title = 'Faradaic efficiency vs potential'): TopLevelSpec {
  const points: FePoint[] = [];
  const { drawn, baselines } = plottable(records);
  for (const r of drawn) {
    const fe = r.normalized.faradaicEfficiency?.value;
    const e = r.normalized.potentialVvsRHE;
    if (fe === undefined || e === null) continue;
    const reading = plotReading(r, ['faradaicEfficiency', 'potentialVvsRHE']);
    points.push({
      id: r.id,
      catalyst: r.catalyst,
      product: productName(r),
      strategy: r.strategy,
      potentialVvsRHE: e,
      faradaicEfficiencyPercent: Number((fe * 100).toPrecision(6)),
      reading,
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...frame(title, `${points.length} of ${records.length} records have both FE and a potential on the RHE scale${baselineNote(baselines)}`),
    data: { values: points },
    mark: { type: 'point', filled: true, size: 90, opacity: 0.85 },
    encoding: {
      x: { field: 'potentialVvsRHE', type: 'quantitative', title: 'Potential (V vs RHE)', scale: { zero: false } },
      y: { field: 'faradaicEfficiencyPercent', type: 'quantitative', title: 'Faradaic efficiency (%)', scale: { domain: [0, 100] } },
      color: { field: 'strategy', type: 'nominal', title: 'Design strategy', scale: STRATEGY_COLORS },
      shape: { field: 'product', type: 'nominal', title: 'Product' },
      opacity: { field: 'reading', type: 'ordinal', title: 'Reading', scale: { domain: READINGS.domain, range: READINGS.opacity } },
      tooltip: [
        { field: 'catalyst', title: 'Catalyst' },
        { field: 'product', title: 'Product' },
        { field: 'potentialVvsRHE', title: 'E (V vs RHE)', format: '.3f' },
        { field: 'faradaicEfficiencyPercent', title: 'FE (%)', format: '.1f' },
        { field: 'reading', title: 'Reading' },
      ],
    },
  };
}

/** Which normalization of yield rates to compare. */
export type YieldBasis = 'catalyst-mass' | 'area';

/**
 * Yield rates by design strategy, on a log axis, in mmol h⁻¹ g_cat⁻¹ (basis `catalyst-mass`) or
 * mmol h⁻¹ cm⁻² (basis `area`), coloured by product, shaped and faded by {@link PlotReading}. Only records
 * with a normalized rate of that basis (an implausible rate, or one a flag leaves out, has none); baselines
 * of a product without C–N coupling are counted in the subtitle, not plotted.
 */
export function yieldByStrategySpec(records: CatalyticRecord[], basis: YieldBasis = 'catalyst-mass'): TopLevelSpec {
  const unit = basis === 'catalyst-mass' ? 'mol s-1 g_cat-1' : 'mol s-1 m-2';
  // mol s-1 g-1 → mmol h-1 g-1: × 3.6e6; mol s-1 m-2 → mmol h-1 cm-2: × 3.6e6 / 1e4
  const factor = basis === 'catalyst-mass' ? 3.6e6 : 360;
  const label = basis === 'catalyst-mass' ? 'Yield rate (mmol h⁻¹ g_cat⁻¹, log scale)' : 'Yield rate (mmol h⁻¹ cm⁻², log scale)';
  const { drawn, baselines } = plottable(records);
  const points = drawn.flatMap((r) => {
    const y = r.normalized.yield;
    if (y?.kind !== 'rate' || y.canonicalUnit !== unit || y.canonicalValue <= 0) return [];
    return [
      {
        id: r.id,
        catalyst: r.catalyst,
        product: productName(r),
        strategy: r.strategy,
        yieldRate: Number((y.canonicalValue * factor).toPrecision(6)),
        reading: plotReading(r, ['yield']),
        lane: '',
      },
    ];
  });
  // Spread points of one strategy and product over three lanes, in order of yield, so labels do not overlap.
  points.sort((a, b) => a.yieldRate - b.yieldRate);
  const seen = new Map<string, number>();
  for (const p of points) {
    const key = `${p.strategy}|${p.product}`;
    const i = seen.get(key) ?? 0;
    seen.set(key, i + 1);
    p.lane = `${p.product} ${i % 3}`;
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...frame(
      `Yield rate by design strategy (per ${basis === 'catalyst-mass' ? 'catalyst mass' : 'electrode area'})`,
      `${points.length} of ${records.length} records have a yield rate normalized this way${baselineNote(baselines)}`,
    ),
    data: { values: points },
    layer: [
      {
        mark: { type: 'point', filled: true, size: 110, opacity: 0.85 },
        encoding: {
          y: { field: 'strategy', type: 'nominal', title: 'Design strategy', sort: STRATEGY_COLORS.domain, axis: { labelLimit: 220 } },
          yOffset: { field: 'lane', type: 'nominal' },
          x: { field: 'yieldRate', type: 'quantitative', title: label, scale: { type: 'log' } },
          color: { field: 'product', type: 'nominal', title: 'Product' },
          shape: { field: 'reading', type: 'nominal', title: 'Reading', scale: { domain: READINGS.domain, range: READINGS.shape } },
          opacity: { field: 'reading', type: 'ordinal', title: 'Reading', scale: { domain: READINGS.domain, range: READINGS.opacity } },
          tooltip: [
            { field: 'catalyst', title: 'Catalyst' },
            { field: 'product', title: 'Product' },
            { field: 'yieldRate', title: basis === 'catalyst-mass' ? 'mmol h⁻¹ g_cat⁻¹' : 'mmol h⁻¹ cm⁻²', format: '.4g' },
            { field: 'reading', title: 'Reading' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 7, dy: -7, fontSize: 9, color: '#333' },
        encoding: {
          y: { field: 'strategy', type: 'nominal', sort: STRATEGY_COLORS.domain },
          yOffset: { field: 'lane', type: 'nominal' },
          x: { field: 'yieldRate', type: 'quantitative', scale: { type: 'log' } },
          text: { field: 'catalyst' },
        },
      },
    ],
  };
}
