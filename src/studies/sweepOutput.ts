/**
 * The output of a descriptor sweep, assembled once for every edge: `kinetics sweep --json` / `--csv`, the
 * merge of sharded sweeps (`cncouple merge`), and the API's sweep result (`GET /api/kinetics/sweeps/:id/result`
 * and `/api/jobs/:id/result`, which add only the heat-map spec). Missing values are null, never 0.
 */
import { SWEEP_STATUS_NAMES as STATUS, type SweepField, type SweepResult, type SweepSpec } from '../kinetics/mapper/descriptorSweep.js';

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** One sweep point as a flat record: descriptors, status, reason, residual, per-product values, and `fields`. */
export interface SweepRow {
  x: number;
  y: number | null;
  status: (typeof STATUS)[number];
  reason: string | null;
  residual: number | null;
  tofPerS: Record<string, number | null>;
  faradaicEfficiency: Record<string, number | null>;
  resolved: Record<string, boolean>;
  coverages?: Record<string, number | null>;
  stepRatesPerS?: Record<string, number | null>;
}

/**
 * The points of a sweep as rows (row-major, x fastest), with coverages and step rates when `fields` asks for
 * them; missing values are null, never 0.
 */
export function sweepRows(result: SweepResult, spec: SweepSpec, fields: SweepField[]): SweepRow[] {
  const nx = result.xValues.length;
  const reasons = new Map(result.failures.map((f) => [f.index, f.reason]));
  const products = Object.keys(result.tofPerS);
  const nAds = result.adsorbates.length;
  const nSteps = result.steps.length;
  const rows: SweepRow[] = [];
  for (let i = 0; i < result.status.length; i++) {
    const r = result.rows[0] + Math.floor(i / nx);
    const row: SweepRow = {
      x: result.xValues[i % nx]!,
      y: spec.y ? result.yValues[r]! : null,
      status: STATUS[result.status[i]!]!,
      reason: reasons.get(i) ?? null,
      residual: finiteOrNull(result.residual[i]!),
      tofPerS: Object.fromEntries(products.map((p) => [p, finiteOrNull(result.tofPerS[p]![i]!)])),
      faradaicEfficiency: Object.fromEntries(products.map((p) => [p, finiteOrNull(result.faradaicEfficiency[p]![i]!)])),
      resolved: Object.fromEntries(products.map((p) => [p, result.resolved[p]![i] === 1])),
    };
    if (fields.includes('coverages') && result.coverages)
      row.coverages = Object.fromEntries(result.adsorbates.map((a, k) => [a, finiteOrNull(result.coverages![i * nAds + k]!)]));
    if (fields.includes('rates') && result.stepRatesPerS)
      row.stepRatesPerS = Object.fromEntries(result.steps.map((s, j) => [s, finiteOrNull(result.stepRatesPerS![i * nSteps + j]!)]));
    rows.push(row);
  }
  return rows;
}

const cell = (v: string | number | boolean | null) => {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  return /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
};

/**
 * The sweep as CSV text: one row per point with x, y, status, reason, residual, then per product TOF (s⁻¹
 * per site), log10 TOF, FE and resolved, then the coverages (`theta:<adsorbate>`) and step rates
 * (`rate:<step>`, s⁻¹ per site) when `fields` asks for them. Missing values are empty cells.
 */
export function sweepToCsv(result: SweepResult, spec: SweepSpec, fields: SweepField[]): string {
  const rows = sweepRows(result, spec, fields);
  const products = Object.keys(result.tofPerS);
  const header = [
    spec.x.name,
    spec.y?.name ?? 'y',
    'status',
    'reason',
    'residual',
    ...products.flatMap((p) => [`tofPerS:${p}`, `log10Tof:${p}`, `faradaicEfficiency:${p}`, `resolved:${p}`]),
  ];
  if (fields.includes('coverages')) header.push(...result.adsorbates.map((a) => `theta:${a}`));
  if (fields.includes('rates')) header.push(...result.steps.map((s) => `rate:${s}`));
  const lines = [header.map(cell).join(',')];
  for (const row of rows) {
    const values: (string | number | boolean | null)[] = [row.x, row.y, row.status, row.reason, row.residual];
    for (const p of products) {
      const t = row.tofPerS[p]!;
      values.push(t, t !== null && t > 0 ? Math.log10(t) : null, row.faradaicEfficiency[p]!, row.resolved[p]!);
    }
    if (row.coverages) values.push(...result.adsorbates.map((a) => row.coverages![a]!));
    if (row.stepRatesPerS) values.push(...result.steps.map((s) => row.stepRatesPerS![s]!));
    lines.push(values.map(cell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Every grid array of a per-product record as a plain array, null where not finite. */
export const mapArrays = (r: Record<string, Float64Array>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Array.from(v, (x) => (Number.isFinite(x) ? x : null))]));

/** Point-major values (points × names) as one grid array per name, null where missing. */
const columns = (values: Float64Array, names: string[]) =>
  Object.fromEntries(
    names.map((n, k) => [
      n,
      Array.from({ length: values.length / names.length }, (_, i) => (Number.isFinite(values[i * names.length + k]!) ? values[i * names.length + k]! : null)),
    ]),
  );

/** Points ok (status 1), unresolved (2) and failed (0), and how many converged. */
export function sweepCounts(result: SweepResult): { ok: number; unresolved: number; failed: number; converged: number } {
  const counts = { ok: 0, unresolved: 0, failed: 0, converged: result.converged.reduce((a, b) => a + b, 0) };
  for (const st of result.status) counts[st === 1 ? 'ok' : st === 2 ? 'unresolved' : 'failed']++;
  return counts;
}

/**
 * The JSON of a sweep, the same at every edge: what `kinetics sweep --json` prints, what `cncouple merge` prints
 * for the merged shards, and the body of the API's sweep result (plus its heat-map `spec`): counts, the wall
 * time in s (`wallTimeS`: of the run, of the job, or summed over the parts), the axes, and per point status,
 * residual, TOF (s⁻¹ per site), log10 TOF, FE and resolved per product, the failures, and coverages / step
 * rates (s⁻¹ per site) when the sweep computed them. Missing values are null.
 */
export function sweepJson(result: SweepResult, wallTimeS: number) {
  const { ok, unresolved, failed, converged } = sweepCounts(result);
  return {
    points: result.converged.length,
    converged,
    ok,
    unresolved,
    failed,
    wallTimeS,
    xValues: result.xValues,
    yValues: result.yValues,
    status: Array.from(result.status, (st) => STATUS[st] ?? 'failed'),
    residual: Array.from(result.residual, finiteOrNull),
    tofPerS: mapArrays(result.tofPerS),
    log10Tof: mapArrays(result.log10Tof),
    faradaicEfficiency: mapArrays(result.faradaicEfficiency),
    resolved: Object.fromEntries(Object.entries(result.resolved).map(([k, v]) => [k, Array.from(v, (b) => b === 1)])),
    failures: result.failures,
    ...(result.coverages ? { coverages: columns(result.coverages, result.adsorbates) } : {}),
    ...(result.stepRatesPerS ? { stepRatesPerS: columns(result.stepRatesPerS, result.steps) } : {}),
  };
}

/** The one-line text summary of a sweep (points by status, converged, wall time in s). */
export function sweepSummary(result: SweepResult, wallTimeS: number): string {
  const { ok, unresolved, failed, converged } = sweepCounts(result);
  const pct = (k: number) => ((100 * k) / result.status.length).toFixed(1);
  return `${result.status.length} points: ${ok} ok (${pct(ok)} %), ${unresolved} unresolved, ${failed} failed; ${converged} converged; ${wallTimeS.toFixed(2)} s wall`;
}
