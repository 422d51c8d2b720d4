import { InputError } from '../../chem/index.js';

/**
 * How one coefficient of a scaling fit is treated: `'free'`, `'+'` (≥ 0), `'-'` (≤ 0), or a number (fixed) —
 * CatMAP's `scaling_constraint_dict` entries None, '+', '-' and a number.
 */
export type CoefficientConstraint = 'free' | '+' | '-' | number;

/** Options of {@link fitLinearScaling}. */
export interface FitLinearScalingOptions {
  /** One constraint per descriptor slope (default all `'free'`). */
  slopes?: readonly CoefficientConstraint[];
  /** Constraint of the intercept (default `'free'`). */
  intercept?: CoefficientConstraint;
  /** Name for error messages (default `fit`). */
  field?: string;
}

/** A fitted relation y = intercept + Σ slopes·x. */
export interface FitLinearScalingResult {
  slopes: number[];
  /** eV. */
  intercept: number;
  /** Root-mean-square residual over the points used, eV. */
  rmsEv: number;
  /** Points used (rows without a NaN). */
  points: number;
}

/** Solves the small dense system A·x = b (Gaussian elimination with partial pivoting); null when singular. */
function solveSmall(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    const scale = Math.max(...m.map((row) => Math.abs(row[c]!)), 1e-300);
    if (Math.abs(m[p]![c]!) <= 1e-12 * scale) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Least-squares linear scaling relation y = b + Σ mᵢ·xᵢ over surfaces (rows), as CatMAP's generalized linear
 * scaler fits adsorption and transition-state energies against descriptor energies: coefficients may be free,
 * fixed, or sign-bounded (the bounded problem is solved exactly by trying every set of active bounds, which is
 * cheap for the two or three coefficients of a scaling relation). Rows with a NaN are skipped.
 * @param x - descriptor values per surface, eV (rows: surfaces; columns: descriptors)
 * @param y - the fitted energy per surface, eV
 * @throws {InputError} when fewer usable points than free coefficients remain, or the points do not determine them
 * @example fitLinearScaling([[0], [1]], [1, 3]) // slope 2, intercept 1
 */
export function fitLinearScaling(x: readonly (readonly number[])[], y: readonly number[], options: FitLinearScalingOptions = {}): FitLinearScalingResult {
  const field = options.field ?? 'fit';
  if (x.length !== y.length) throw new InputError(field, 'one row of descriptor values per energy', `${x.length} rows for ${y.length} energies`);
  const k = x[0]?.length ?? options.slopes?.length ?? 0;
  const constraints: CoefficientConstraint[] = [...(options.slopes ?? new Array<CoefficientConstraint>(k).fill('free')), options.intercept ?? 'free'];
  if (constraints.length !== k + 1) throw new InputError(`${field}.slopes`, `${k} slope constraints (one per descriptor)`, `got ${constraints.length - 1}`);
  const rows: number[][] = [];
  const ys: number[] = [];
  x.forEach((row, i) => {
    if (row.length !== k) throw new InputError(`${field}[${i}]`, `${k} descriptor values`, `got ${row.length}`);
    if (row.every(Number.isFinite) && Number.isFinite(y[i]!)) {
      rows.push([...row, 1]);
      ys.push(y[i]!);
    }
  });
  const fixed = constraints.map((c) => (typeof c === 'number' ? c : null));
  const bounded = constraints.map((c, i) => (c === '+' || c === '-' ? i : -1)).filter((i) => i >= 0);
  const sse = (coef: number[]) => rows.reduce((s, r, i) => s + (r.reduce((a, v, j) => a + v * coef[j]!, 0) - ys[i]!) ** 2, 0);
  let best: number[] | null = null;
  let bestSse = Number.POSITIVE_INFINITY;
  let tooFew = false;
  for (let mask = 0; mask < 1 << bounded.length; mask++) {
    const value = [...fixed];
    bounded.forEach((j, b) => mask & (1 << b) && (value[j] = 0));
    const freeIdx = value.map((v, j) => (v === null ? j : -1)).filter((j) => j >= 0);
    if (freeIdx.length > rows.length) {
      tooFew = true;
      continue;
    }
    const rhs = ys.map((yi, i) => yi - rows[i]!.reduce((a, v, j) => a + (value[j] === null ? 0 : v * value[j]!), 0));
    const ata = freeIdx.map((p) => freeIdx.map((q) => rows.reduce((s, r) => s + r[p]! * r[q]!, 0)));
    const atb = freeIdx.map((p) => rows.reduce((s, r, i) => s + r[p]! * rhs[i]!, 0));
    const sol = freeIdx.length ? solveSmall(ata, atb) : [];
    if (!sol) continue;
    const coef = value.map((v) => v ?? 0);
    freeIdx.forEach((j, i) => (coef[j] = sol[i]!));
    const feasible = constraints.every((c, j) => (c === '+' ? coef[j]! >= -1e-12 : c === '-' ? coef[j]! <= 1e-12 : true));
    if (!feasible) continue;
    const s = sse(coef);
    if (s < bestSse - 1e-15) {
      bestSse = s;
      best = coef;
    }
  }
  if (!best) {
    const free = constraints.filter((c) => typeof c !== 'number').length;
    throw new InputError(
      field,
      `at least as many surfaces with energies as free coefficients (${free}), spread enough to determine them`,
      tooFew ? `only ${rows.length} usable point(s)` : 'the points do not determine the coefficients',
    );
  }
  return { slopes: best.slice(0, k), intercept: best[k]!, rmsEv: Math.sqrt(bestSse / Math.max(rows.length, 1)), points: rows.length };
}
