/**
 * `screen.literature`: how well do composition descriptors and reported conditions predict a record's FE
 * (or mass-normalized yield rate) across the knowledge base? Fits the GP and the random forest of src/ml
 * with k-fold cross-validation (grouped by catalyst) against the mean predictor and reports the forest's permutation importance.
 * The records are read by the edges (the API route and the CLI, from the same store) and passed in.
 */
import { z } from 'zod';
import type { CatalyticRecord } from '../data/normalizeRecord.js';
import { type LiteratureRow, literatureFeatures } from '../ml/compositionDescriptors.js';
import { type CrossValidateSurrogatesResult, crossValidateSurrogates } from '../ml/crossValidateSurrogates.js';
import { readElementTable } from '../store/elementTable.js';
import type { RecordStore } from '../store/RecordStore.js';
import { seedField } from './requestFields.js';
import { defineStudy } from './study.js';

/** The targets: `fe` (faradaic efficiency, %) and `yield` (log10 of the yield rate in mol s⁻¹ g_cat⁻¹). */
export const LITERATURE_TARGETS = ['fe', 'yield'] as const;

/** Body of `POST /api/screen/literature` and the options of `cncouple screen literature`. */
export const literatureScreenRequestSchema = z.object({
  target: z
    .enum(LITERATURE_TARGETS)
    .default('fe')
    .describe('fe: faradaic efficiency (%); yield: log10 of the yield rate, mol s⁻¹ g_cat⁻¹ (records with a mass-normalized rate only)'),
  folds: z
    .number()
    .int()
    .min(2)
    .max(1000)
    .default(5)
    .describe('cross-validation folds over catalysts (records of one catalyst share a fold; at most the number of catalysts: leave-one-catalyst-out)'),
  seed: seedField('seed of the folds, the forest and the permutations'),
  trees: z.number().int().min(10).max(1000).default(200).describe('random-forest trees'),
  origin: z.enum(['literature', 'user']).optional().describe('only curated literature or only user records (default both)'),
});

/** Input of the study: the request plus the records, read from the store by the edge. */
export const literatureScreenInputSchema = literatureScreenRequestSchema.extend({
  records: z.array(z.custom<CatalyticRecord>((v) => typeof v === 'object' && v !== null && 'normalized' in v, 'a normalized record')).max(200_000),
});

/** The canonical unit of mass-normalized yield rates (src/data/normalizeRecord.ts). */
const PER_GRAM = 'mol s-1 g_cat-1';

/** The target value of a record (null: none, or excluded by a flag); FE in %, yield as log10(mol s⁻¹ g⁻¹). */
export function literatureTarget(r: CatalyticRecord, target: (typeof LITERATURE_TARGETS)[number]): number | null {
  if (target === 'fe') {
    const fe = r.normalized.faradaicEfficiency;
    return fe && Number.isFinite(fe.value) ? 100 * fe.value : null;
  }
  const y = r.normalized.yield;
  return y?.kind === 'rate' && y.canonicalUnit === PER_GRAM && y.canonicalValue > 0 ? Math.log10(y.canonicalValue) : null;
}

/** A record as descriptors see it: its elements (no record gives fractions yet) and its conditions. */
export function literatureRow(r: CatalyticRecord): LiteratureRow {
  return {
    id: r.id,
    elements: r.elements,
    categorical: { strategy: [r.strategy], product: r.products, nitrogenSource: r.nitrogenSources, carbonSource: r.carbonSources },
    numeric: { potentialVvsRHE: r.normalized.potentialVvsRHE, pH: r.normalized.pH?.value ?? null },
  };
}

/** Result of {@link runLiteratureScreen}. */
export interface LiteratureScreenResult extends Omit<CrossValidateSurrogatesResult, 'scores' | 'foldOfRow' | 'groupCount'> {
  /** Distinct catalysts among the records used (the units of the grouped folds). */
  catalysts: number;
  target: (typeof LITERATURE_TARGETS)[number];
  /** Unit of the target and of every RMSE/MAE. */
  targetUnit: string;
  /** Records read, and those used (with the target). */
  recordsRead: number;
  /** Scores without their per-record predictions (those are in `records`). */
  scores: Omit<CrossValidateSurrogatesResult['scores'][number], 'predictions'>[];
  /** Each record used: its target and the held-out predictions. */
  records: { id: string; catalyst: string; origin: string; value: number; fold: number; gaussianProcess: number; randomForest: number }[];
  /** Feature columns (after dropping constant ones), and what was dropped or unknown. */
  features: { columns: string[]; constantColumns: string[]; unknownElements: string[]; weightedRows: number };
  /** Where the element properties come from (data/elements/elements.json). */
  elementTable: { fields: Record<string, { unit: string | null; source: string; primary: string | null }>; sources: Record<string, Record<string, unknown>> };
}

/** Runs the screen on records already read. @throws {InputError} with fewer than 4 records holding the target */
export function runLiteratureScreen(
  input: z.output<typeof literatureScreenInputSchema>,
  onProgress?: (done: number, total: number) => void,
): LiteratureScreenResult {
  const used = input.records
    .filter((r) => input.origin === undefined || r.origin === input.origin)
    .map((r) => ({ r, y: literatureTarget(r, input.target) }))
    .filter((e): e is { r: CatalyticRecord; y: number } => e.y !== null);
  const table = readElementTable();
  const features = literatureFeatures(
    used.map((e) => literatureRow(e.r)),
    table.bySymbol,
  );
  const cv = crossValidateSurrogates(
    features.x,
    used.map((e) => e.y),
    {
      folds: input.folds,
      seed: input.seed,
      trees: input.trees,
      groups: features.groups,
      rowGroups: used.map((e) => e.r.catalyst.trim().toLowerCase()),
      onFold: onProgress,
    },
  );
  const products = new Set(used.flatMap((e) => e.r.products)).size;
  const carbon = new Set(used.flatMap((e) => e.r.carbonSources)).size;
  const nitrogen = new Set(used.flatMap((e) => e.r.nitrogenSources)).size;
  const warnings = [
    `these ${used.length} records are few and heterogeneous: ${products} products, ${carbon} carbon and ${nitrogen} nitrogen sources, different cells, electrolytes, potentials or currents and measurement protocols, from different papers; they were collected to map the field, not to train a model, so read the scores and importances as a description of this table, not as a predictor for new catalysts`,
    ...cv.warnings,
    ...(features.unknownElements.length
      ? [`no element properties for ${features.unknownElements.join(', ')} (beyond the shipped table, elements 1–86): left out of the descriptors`]
      : []),
    ...(features.weightedRows === 0
      ? [
          'no record gives composition fractions, so the descriptors are unweighted over the listed elements (support and dopant atoms count as much as the active metal)',
        ]
      : []),
  ];
  const [gp, rf] = cv.scores;
  return {
    target: input.target,
    targetUnit: input.target === 'fe' ? '% (faradaic efficiency)' : 'log10(mol s⁻¹ g_cat⁻¹)',
    recordsRead: input.records.length,
    n: cv.n,
    dimensions: cv.dimensions,
    folds: cv.folds,
    scores: cv.scores.map(({ predictions: _p, ...s }) => s),
    importance: cv.importance,
    warnings,
    catalysts: cv.groupCount,
    records: used.map((e, i) => ({
      id: e.r.id,
      catalyst: e.r.catalyst,
      origin: e.r.origin,
      value: e.y,
      fold: cv.foldOfRow[i]!,
      gaussianProcess: gp!.predictions[i]!,
      randomForest: rf!.predictions[i]!,
    })),
    features: {
      columns: features.columns,
      constantColumns: features.constantColumns,
      unknownElements: features.unknownElements,
      weightedRows: features.weightedRows,
    },
    elementTable: { fields: table.fields, sources: table.sources },
  };
}

/**
 * Every record of the store (curated and user), page by page: what both edges pass to {@link runLiteratureScreen},
 * so that the CLI and the API see the same records.
 */
export async function readAllRecords(store: Pick<RecordStore, 'list'>): Promise<CatalyticRecord[]> {
  const out: CatalyticRecord[] = [];
  for (;;) {
    const page = await store.list({ limit: 10000, offset: out.length, sort: 'id' });
    out.push(...page.records);
    if (page.records.length === 0 || out.length >= page.total) return out;
  }
}

/** The study (the API runs it on a worker thread: it fits a GP and a forest per fold). */
export const literatureScreenStudy = defineStudy({
  name: 'screen.literature',
  summary:
    'Cross-validated GP and random-forest fits of FE (or yield rate) to composition descriptors and conditions of the knowledge base, with feature importance and the small-data warning',
  input: literatureScreenInputSchema,
  runsOn: 'pool',
  example: { target: 'fe', folds: 5, seed: 0, trees: 200, records: [] },
  inputFromStore: true,
  run: runLiteratureScreen,
});
