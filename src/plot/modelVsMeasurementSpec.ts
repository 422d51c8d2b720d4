import type { TopLevelSpec } from 'vega-lite';
import type { CatalyticRecord } from '../data/normalizeRecord.js';

// Type-only imports: the web app imports this file as it is, so it must not pull the chemistry registry in.

/** One steady state of the model (the shape `POST /api/kinetics/steady` returns). */
export interface ModelCurvePoint {
  /** Electrode potential, V vs RHE. */
  potentialVvsRHE: number;
  /** False where the solver did not converge (left out of the line, counted in the subtitle). */
  converged: boolean;
  /** FE per product, fraction 0…1; null where undefined (no electrons transferred), never drawn as 0. */
  faradaicEfficiency: Record<string, number | null>;
}

/** Options of {@link modelVsMeasurementSpec}. */
export interface ModelVsMeasurementOptions {
  /** The model's products to draw; default: the products the records name that the model makes (all of its products when none). */
  products?: string[];
  /** Plot width, px (default 560). */
  widthPx?: number;
}

/** How a record's plotted point was read: `printed` (or the curator's corrected reading) or `assumed`/`derived` (drawn faint). */
export type MeasurementReading = 'printed' | 'assumed' | 'derived';

/** One record point of {@link modelVsMeasurementSpec}. */
export interface MeasurementPoint {
  id: string;
  catalyst: string;
  /** The model's name of the record's product. */
  product: string;
  /** Normalized potential, V vs RHE. */
  potentialVvsRHE: number;
  /** FE, %. */
  faradaicEfficiencyPercent: number;
  /** FE ± as printed, % (NaN when none is printed). */
  uncertaintyPercent: number;
  reading: MeasurementReading;
}

/** A record that is not drawn, and why (one short phrase). */
export interface LeftOutRecord {
  id: string;
  reason: string;
}

/** Colours of products, in order of first appearance (Vega's category10, https://vega.github.io/vega/docs/schemes/). */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const READINGS = { domain: ['printed', 'assumed', 'derived'] as MeasurementReading[], opacity: [0.95, 0.5, 0.3], shape: ['circle', 'triangle-up', 'diamond'] };

const fmt = (x: number) => Number(x.toPrecision(6));

/** The model product a record measures: its first product, matched case-insensitively to the model's product names; null when the model does not make it. */
function modelProductOf(r: CatalyticRecord, modelProducts: string[]): string | null {
  for (const p of r.products) {
    const hit = modelProducts.find((m) => m.toLowerCase() === p.toLowerCase());
    if (hit !== undefined) return hit;
  }
  return null;
}

/** How a record's FE and potential were read (the least direct of the two). */
function readingOf(r: CatalyticRecord): MeasurementReading {
  const rs = [r.normalized.readings?.faradaicEfficiency, r.normalized.readings?.potentialVvsRHE];
  if (rs.includes('derived')) return 'derived';
  return rs.includes('assumed') ? 'assumed' : 'printed';
}

/**
 * The records' points: FE (%) at the normalized potential (V vs RHE) of every record whose product the model
 * makes, with its printed ± (NaN when none); the other records with the reason they are left out (no FE, no
 * potential on the RHE scale, a product the model does not make).
 */
export function measurementPoints(records: CatalyticRecord[], modelProducts: string[]): { points: MeasurementPoint[]; leftOut: LeftOutRecord[] } {
  const points: MeasurementPoint[] = [];
  const leftOut: LeftOutRecord[] = [];
  for (const r of records) {
    const product = modelProductOf(r, modelProducts);
    const fe = r.normalized.faradaicEfficiency;
    const e = r.normalized.potentialVvsRHE;
    if (product === null) leftOut.push({ id: r.id, reason: `product ${r.products.join(', ') || r.productPrinted} not in the model` });
    else if (fe === null || fe === undefined) leftOut.push({ id: r.id, reason: 'no FE' });
    else if (e === null || e === undefined) leftOut.push({ id: r.id, reason: 'no potential vs RHE' });
    else
      points.push({
        id: r.id,
        catalyst: r.catalyst,
        product,
        potentialVvsRHE: e,
        faradaicEfficiencyPercent: fmt(fe.value * 100),
        uncertaintyPercent: fe.uncertainty === undefined ? Number.NaN : fmt(fe.uncertainty * 100),
        reading: readingOf(r),
      });
  }
  return { points, leftOut };
}

/** Options of {@link overlayPotentialsVvsRHE}. */
export interface OverlayPotentialsOptions {
  /** Margin beyond the records' potentials, V (default 0.2). */
  marginV?: number;
  /** Grid step, V (default 0.05). */
  stepV?: number;
  /** Centre of the range when no record has a potential on the RHE scale, V vs RHE (e.g. the model's own potential); default none (then []). */
  fallbackVvsRHE?: number;
  /** Largest number of potentials (default 81); the step grows to keep within it. */
  maxPoints?: number;
}

/**
 * The potentials (V vs RHE, ascending) at which to solve the model for the overlay: from the lowest record
 * potential − margin to the highest + margin, every `stepV`. Records with an FE count first; when none has
 * one, every record with a potential; when none has a potential, `fallbackVvsRHE` ± margin, else [].
 * @example overlayPotentialsVvsRHE(records) // [-0.9, -0.85, …, -0.5] for one record at −0.7 V
 */
export function overlayPotentialsVvsRHE(records: CatalyticRecord[], options: OverlayPotentialsOptions = {}): number[] {
  const marginV = options.marginV ?? 0.2;
  let stepV = options.stepV ?? 0.05;
  const maxPoints = options.maxPoints ?? 81;
  if (!(marginV >= 0) || !(stepV > 0) || !(maxPoints >= 2)) throw new RangeError('overlayPotentialsVvsRHE: marginV ≥ 0, stepV > 0 and maxPoints ≥ 2');
  const withE = records.filter((r) => r.normalized.potentialVvsRHE !== null && r.normalized.potentialVvsRHE !== undefined);
  const withFe = withE.filter((r) => r.normalized.faradaicEfficiency);
  const es = (withFe.length ? withFe : withE).map((r) => r.normalized.potentialVvsRHE!);
  if (!es.length && options.fallbackVvsRHE !== undefined) es.push(options.fallbackVvsRHE);
  if (!es.length) return [];
  const lo = Math.min(...es) - marginV;
  const hi = Math.max(...es) + marginV;
  if ((hi - lo) / stepV + 1 > maxPoints) stepV = (hi - lo) / (maxPoints - 1);
  const n = Math.floor((hi - lo) / stepV + 1e-9) + 1;
  return Array.from({ length: n }, (_, i) => fmt(lo + i * stepV));
}

/**
 * Model vs measurement: the model's FE (%) vs potential (V vs RHE) as lines, and the FE of the literature
 * records it stands for at their normalized potentials as points (error bars where a ± is printed; points
 * resting on an assumed or derived reading drawn faint and in another shape), one colour per product. The
 * title names the model and the records' catalysts; the subtitle counts non-converged potentials and the
 * records left out, with their reasons.
 * @example modelVsMeasurementSpec('urea-cu4-ceo2', steadyPoints, [voCeO2Record])
 */
export function modelVsMeasurementSpec(
  modelName: string,
  curve: ModelCurvePoint[],
  records: CatalyticRecord[],
  options: ModelVsMeasurementOptions = {},
): TopLevelSpec {
  const modelProducts = [...new Set(curve.flatMap((p) => Object.keys(p.faradaicEfficiency)))];
  const { points, leftOut } = measurementPoints(records, modelProducts);
  const named = [...new Set(records.map((r) => modelProductOf(r, modelProducts)).filter((p): p is string => p !== null))];
  const products = options.products ?? (named.length ? named : modelProducts);
  const line = curve.flatMap((p) =>
    p.converged
      ? products.flatMap((product) => {
          const fe = p.faradaicEfficiency[product];
          return fe === null || fe === undefined ? [] : [{ product, potentialVvsRHE: p.potentialVvsRHE, faradaicEfficiencyPercent: fmt(fe * 100) }];
        })
      : [],
  );
  const bars = points
    .filter((p) => Number.isFinite(p.uncertaintyPercent))
    .map((p) => ({
      ...p,
      feLow: Math.max(0, p.faradaicEfficiencyPercent - p.uncertaintyPercent),
      feHigh: Math.min(100, p.faradaicEfficiencyPercent + p.uncertaintyPercent),
    }));
  const color = {
    field: 'product',
    type: 'nominal' as const,
    title: 'Product',
    scale: { domain: products, range: PALETTE.slice(0, Math.max(1, products.length)) },
  };
  const x = { field: 'potentialVvsRHE', type: 'quantitative' as const, title: 'Potential (V vs RHE)', scale: { zero: false } };
  const y = { field: 'faradaicEfficiencyPercent', type: 'quantitative' as const, title: 'Faradaic efficiency (%)', scale: { domain: [0, 100] } };
  const catalysts = [...new Set(records.map((r) => r.catalyst))];
  const unconverged = curve.filter((p) => !p.converged).length;
  const notes = [
    `lines: model steady state (${curve.length - unconverged} of ${curve.length} potentials converged)`,
    `points: ${points.length} of ${records.length} records (${records.map((r) => r.id).join(', ') || 'none'})`,
    ...(leftOut.length ? [`not plotted: ${leftOut.map((l) => `${l.id} (${l.reason})`).join('; ')}`] : []),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Model ${modelName} vs measurement: ${catalysts.join(', ') || 'no records'}`,
      subtitle: notes,
      anchor: 'start',
      fontSize: 15,
      subtitleFontSize: 11,
      subtitleColor: '#555',
    },
    background: 'white',
    width: options.widthPx ?? 560,
    height: 320,
    config: {
      font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
      axis: { labelFontSize: 11, titleFontSize: 12, grid: true },
      legend: { labelFontSize: 11, titleFontSize: 12 },
    },
    layer: [
      {
        name: 'model_curve',
        data: { values: line },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x,
          y,
          color,
          tooltip: [
            { field: 'product', title: 'Model product' },
            { field: 'potentialVvsRHE', title: 'E (V vs RHE)', format: '.3f' },
            { field: 'faradaicEfficiencyPercent', title: 'Model FE (%)', format: '.2f' },
          ],
        },
      },
      {
        name: 'record_error_bars',
        data: { values: bars },
        mark: { type: 'rule', strokeWidth: 1.5 },
        encoding: { x, y: { field: 'feLow', type: 'quantitative' }, y2: { field: 'feHigh' }, color },
      },
      {
        name: 'record_points',
        data: { values: points },
        mark: { type: 'point', filled: true, size: 130, stroke: '#222', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color,
          shape: { field: 'reading', type: 'nominal', title: 'Record reading', scale: { domain: READINGS.domain, range: READINGS.shape } },
          opacity: { field: 'reading', type: 'ordinal', title: 'Record reading', scale: { domain: READINGS.domain, range: READINGS.opacity } },
          tooltip: [
            { field: 'id', title: 'Record' },
            { field: 'catalyst', title: 'Catalyst' },
            { field: 'product', title: 'Product' },
            { field: 'potentialVvsRHE', title: 'E (V vs RHE)', format: '.3f' },
            { field: 'faradaicEfficiencyPercent', title: 'Measured FE (%)', format: '.2f' },
            { field: 'reading', title: 'Reading' },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}
