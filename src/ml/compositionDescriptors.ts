import { InputError } from '../chem/index.js';

/**
 * One element's properties as shipped in data/elements/elements.json (sources and primary references in
 * that file's `fields`; null where the source gives no value).
 */
export interface ElementProperties {
  symbol: string;
  atomicNumber: number;
  /** Period 1–7, derived from the atomic number. */
  period: number;
  /** Group 1–18, derived from the atomic number; null for Ce–Lu (no group number). */
  group: number | null;
  /** d electrons of the ground-state configuration outside the noble-gas core (Cu 10, Fe 6, C 0). */
  dElectronCount: number | null;
  /** Pauling electronegativity (CRC Handbook 95th ed. via mendeleev). */
  paulingElectronegativity: number | null;
  /** Empirical atomic radius, pm (Slater 1964 via mendeleev). */
  atomicRadiusPm: number | null;
}

/** The element properties aggregated over a record's elements, in this order. */
export const ELEMENT_DESCRIPTORS = ['paulingElectronegativity', 'dElectronCount', 'atomicRadiusPm', 'group', 'period'] as const;
/** One of {@link ELEMENT_DESCRIPTORS}. */
export type ElementDescriptor = (typeof ELEMENT_DESCRIPTORS)[number];
/** The statistics of one property over a record's elements, in this order. */
export const AGGREGATES = ['mean', 'std', 'min', 'max', 'range', 'weightedMean'] as const;
/** One of {@link AGGREGATES}. */
export type Aggregate = (typeof AGGREGATES)[number];

/** Statistics of one property over a composition; NaN when no element has a value. */
export type PropertyAggregate = Record<Aggregate, number> & {
  /** Elements that had a value (the others are left out of every statistic). */
  count: number;
  /** True when `weightedMean` used composition fractions (else it equals `mean`). */
  weighted: boolean;
};

/**
 * Mean, spread (population standard deviation and range), min, max and fraction-weighted mean of one
 * property over a composition's elements. Elements without a value (null) are left out; fractions are
 * renormalized over the elements that remain. Without fractions the weighted mean is the plain mean.
 *
 * @param values - the property of each element (null: none in the table)
 * @param fractions - composition fraction of each element (same order; any positive scale, e.g. atom % or
 *   mole fractions); omit when the record gives none
 * @example aggregateProperty([1.9, 2.2], [0.75, 0.25]) // mean 2.05, std 0.15, range 0.3, weightedMean 1.975
 * @throws {InputError} when fractions are given with a different length, negative or not finite
 */
export function aggregateProperty(values: readonly (number | null)[], fractions?: readonly number[]): PropertyAggregate {
  if (fractions && fractions.length !== values.length) throw new InputError('fractions', `one per element (${values.length})`, `got ${fractions.length}`);
  fractions?.forEach((f, i) => {
    if (!(Number.isFinite(f) && f >= 0)) throw new InputError(`fractions[${i}]`, 'a finite number ≥ 0', `got ${f}`);
  });
  const kept: { v: number; w: number }[] = [];
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) kept.push({ v, w: fractions ? fractions[i]! : 1 });
  });
  const n = kept.length;
  if (n === 0) return { mean: NaN, std: NaN, min: NaN, max: NaN, range: NaN, weightedMean: NaN, count: 0, weighted: false };
  const mean = kept.reduce((a, k) => a + k.v, 0) / n;
  const std = Math.sqrt(kept.reduce((a, k) => a + (k.v - mean) ** 2, 0) / n);
  const min = Math.min(...kept.map((k) => k.v));
  const max = Math.max(...kept.map((k) => k.v));
  const wSum = kept.reduce((a, k) => a + k.w, 0);
  const weighted = fractions !== undefined && wSum > 0;
  const weightedMean = weighted ? kept.reduce((a, k) => a + k.w * k.v, 0) / wSum : mean;
  return { mean, std, min, max, range: max - min, weightedMean, count: n, weighted };
}

/** Descriptors of one composition: `<property>.<aggregate>` → value (NaN where no element has the property). */
export interface CompositionDescriptors {
  values: Record<string, number>;
  /** Symbols the element table does not hold (left out of every statistic). */
  unknownElements: string[];
  /** True when composition fractions weighted the `weightedMean` columns. */
  weighted: boolean;
}

/**
 * Aggregates every {@link ELEMENT_DESCRIPTORS} property over a composition's elements
 * (`paulingElectronegativity.mean`, `dElectronCount.std`, …).
 *
 * @param elements - element symbols, each once (e.g. `['Cu', 'Ce', 'O']`)
 * @param table - element properties by symbol
 * @param fractions - composition fractions by symbol, when the record gives them (elements missing from it get 0)
 */
export function compositionDescriptors(
  elements: readonly string[],
  table: ReadonlyMap<string, ElementProperties>,
  fractions?: Readonly<Record<string, number>>,
): CompositionDescriptors {
  const unknownElements = elements.filter((e) => !table.has(e));
  const rows = elements.map((e) => table.get(e));
  const f = fractions ? elements.map((e) => fractions[e] ?? 0) : undefined;
  const values: Record<string, number> = {};
  let weighted = false;
  for (const p of ELEMENT_DESCRIPTORS) {
    const agg = aggregateProperty(
      rows.map((r) => (r ? r[p] : null)),
      f,
    );
    weighted ||= agg.weighted;
    for (const a of AGGREGATES) values[`${p}.${a}`] = agg[a];
  }
  return { values, unknownElements, weighted };
}

/** One categorical variable's levels as one column each: 1 where the row has the level, else 0 (several levels allowed: multi-hot). */
export interface OneHotEncoding {
  /** Column names `<variable>=<level>`, levels sorted. */
  columns: string[];
  /** One row per input row. */
  rows: number[][];
}

/**
 * One-hot (multi-hot for list-valued variables such as the N sources) encoding of one categorical variable.
 * A row with no level (an empty list) is all zeros. Levels are sorted so that the columns do not depend on
 * the row order.
 *
 * @example oneHot('strategy', [['a'], ['b'], ['a']]) // columns strategy=a, strategy=b; rows [1,0], [0,1], [1,0]
 */
export function oneHot(variable: string, values: readonly (readonly string[])[]): OneHotEncoding {
  const levels = [...new Set(values.flat())].sort();
  return {
    columns: levels.map((l) => `${variable}=${l}`),
    rows: values.map((v) => levels.map((l) => (v.includes(l) ? 1 : 0))),
  };
}

/** A knowledge-base record reduced to what the descriptors need (built at the studies edge from a record). */
export interface LiteratureRow {
  id: string;
  /** Element symbols of the catalyst. */
  elements: readonly string[];
  /** Composition fractions by symbol, when the record gives them. */
  fractions?: Readonly<Record<string, number>>;
  /** Categorical conditions: variable → levels (empty = none stated). */
  categorical: Readonly<Record<string, readonly string[]>>;
  /** Numeric conditions: variable → value (null = not stated); e.g. potentialVvsRHE, pH. */
  numeric: Readonly<Record<string, number | null>>;
}

/** The feature matrix of a set of records. */
export interface FeatureMatrix {
  /** Column names: `<property>.<aggregate>`, numeric conditions, `<numeric> missing` indicators, one-hot columns. */
  columns: string[];
  /** The variable each column belongs to (one-hot columns share their categorical variable): the unit of feature importance. */
  groups: string[];
  /** Rows × columns; NaN where a value is missing (impute before fitting: {@link imputeColumns}). */
  x: number[][];
  /** Columns left out because every row has the same value (they carry no information). */
  constantColumns: string[];
  /** Symbols of the records that the element table does not hold. */
  unknownElements: string[];
  /** Records whose fractions weighted the `weightedMean` columns (0: they equal the means). */
  weightedRows: number;
}

/**
 * Composition descriptors plus conditions for each row: element properties aggregated over the catalyst's
 * elements ({@link compositionDescriptors}), numeric conditions with a `missing` indicator column when any
 * row lacks them, and categorical conditions one-hot encoded. Constant columns are dropped; the
 * `weightedMean` columns are dropped when no row gives fractions (they would copy the means).
 */
export function literatureFeatures(rows: readonly LiteratureRow[], table: ReadonlyMap<string, ElementProperties>): FeatureMatrix {
  const columns: string[] = [];
  const groups: string[] = [];
  const cols: number[][] = [];
  const add = (name: string, group: string, values: number[]) => (columns.push(name), groups.push(group), cols.push(values));
  const described = rows.map((r) => compositionDescriptors(r.elements, table, r.fractions));
  const weightedRows = described.filter((d) => d.weighted).length;
  for (const p of ELEMENT_DESCRIPTORS) {
    for (const a of AGGREGATES) {
      if (a === 'weightedMean' && weightedRows === 0) continue;
      add(
        `${p}.${a}`,
        `${p}.${a}`,
        described.map((d) => d.values[`${p}.${a}`]!),
      );
    }
  }
  const numericNames = [...new Set(rows.flatMap((r) => Object.keys(r.numeric)))].sort();
  for (const name of numericNames) {
    const v = rows.map((r) => r.numeric[name] ?? NaN);
    add(name, name, v);
    if (v.some((x) => !Number.isFinite(x)))
      add(
        `${name} missing`,
        name,
        v.map((x) => (Number.isFinite(x) ? 0 : 1)),
      );
  }
  const categoricalNames = [...new Set(rows.flatMap((r) => Object.keys(r.categorical)))].sort();
  for (const name of categoricalNames) {
    const enc = oneHot(
      name,
      rows.map((r) => r.categorical[name] ?? []),
    );
    enc.columns.forEach((c, j) =>
      add(
        c,
        name,
        enc.rows.map((row) => row[j]!),
      ),
    );
  }
  const constantColumns: string[] = [];
  const keep: number[] = [];
  cols.forEach((c, j) => {
    const finite = c.filter(Number.isFinite);
    if (finite.length === 0 || (finite.length === c.length && finite.every((v) => v === finite[0]))) constantColumns.push(columns[j]!);
    else keep.push(j);
  });
  return {
    columns: keep.map((j) => columns[j]!),
    groups: keep.map((j) => groups[j]!),
    x: rows.map((_, i) => keep.map((j) => cols[j]![i]!)),
    constantColumns,
    unknownElements: [...new Set(described.flatMap((d) => d.unknownElements))].sort(),
    weightedRows,
  };
}

/**
 * Replaces NaN entries by the mean of the column over `fitRows` (the training rows only, so held-out rows
 * do not leak into the imputation); a column with no value there becomes 0.
 */
export function imputeColumns(x: readonly (readonly number[])[], fitRows: readonly number[]): number[][] {
  const d = x[0]?.length ?? 0;
  const means = Array.from({ length: d }, (_, k) => {
    const v = fitRows.map((i) => x[i]![k]!).filter(Number.isFinite);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0;
  });
  return x.map((row) => row.map((v, k) => (Number.isFinite(v) ? v : means[k]!)));
}
