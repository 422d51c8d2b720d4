import { InputError } from '../chem/index.js';
import { imputeColumns } from './compositionDescriptors.js';
import { fitGaussianProcess } from './gaussianProcess.js';
import { fitRandomForest } from './randomForest.js';
import { SeededRandom } from './random.js';

/** Options of {@link crossValidateSurrogates}. */
export interface CrossValidateSurrogatesOptions {
  /** Number of folds (default min(5, n); n = leave-one-out). */
  folds?: number;
  /** Seed of the fold assignment, the forest and the permutations (default 0). */
  seed?: number;
  /** Trees of the random forest (default 200). */
  trees?: number;
  /** Random restarts of each GP hyperparameter fit besides the default start (default 2). */
  gpRestarts?: number;
  /** Permutation repeats per feature group and fold (default 5). */
  permutationRepeats?: number;
  /** Feature group of each column (default: each column its own group); groups are permuted together. */
  groups?: readonly string[];
  /**
   * A label per row; rows with the same label always share a fold (grouped k-fold), so that records of one
   * catalyst are never both trained on and predicted. Default: every row its own group.
   */
  rowGroups?: readonly string[];
  /** Called after each fold. */
  onFold?: (done: number, total: number) => void;
}

/** Held-out accuracy of one model. */
export interface SurrogateScore {
  /** `gaussian-process` (ARD Matérn-5/2, constant mean), `random-forest`, or `mean` (the training folds' mean: the baseline). */
  model: 'gaussian-process' | 'random-forest' | 'mean';
  /** Cross-validated root-mean-square error, target units. */
  rmse: number;
  /** Cross-validated mean absolute error, target units. */
  mae: number;
  /** Cross-validated R² = 1 − Σ(y − ŷ_cv)² / Σ(y − ȳ)² (0: as good as the overall mean; negative: worse). */
  r2: number;
  /** 1 − rmse / rmse(mean baseline): the fraction of the baseline's error the model removes (≤ 0: no better). */
  skillVsMean: number;
  /** Fraction of held-out targets inside the model's ±1.96 σ interval (GP: posterior + noise; forest: per-tree spread); null for the baseline. */
  coverage95: number | null;
  /** Held-out prediction of each row. */
  predictions: number[];
}

/** Permutation importance of one feature group for the random forest, on held-out rows. */
export interface FeatureImportance {
  group: string;
  /** Increase of the cross-validated RMSE when the group's columns are replaced by other rows' values, target units (mean over repeats). */
  rmseIncrease: number;
  /** Standard deviation of that increase over the repeats. */
  rmseIncreaseSd: number;
}

/** Result of {@link crossValidateSurrogates}. */
export interface CrossValidateSurrogatesResult {
  n: number;
  dimensions: number;
  folds: number;
  /** Fold (0 … folds − 1) each row was held out in. */
  foldOfRow: number[];
  /** Number of row groups (distinct `rowGroups` labels; n without them). */
  groupCount: number;
  /** Gaussian process, random forest, mean baseline: same folds. */
  scores: SurrogateScore[];
  /** Random-forest permutation importance by feature group, largest first. */
  importance: FeatureImportance[];
  /** Plain-words warnings. */
  warnings: string[];
}

function score(model: SurrogateScore['model'], y: readonly number[], pred: number[], sd: number[] | null, baseRmse: number): SurrogateScore {
  const n = y.length;
  const ybar = y.reduce((a, b) => a + b, 0) / n;
  let se = 0;
  let ae = 0;
  let st = 0;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i]! - pred[i]!;
    se += e * e;
    ae += Math.abs(e);
    st += (y[i]! - ybar) ** 2;
    if (sd && Math.abs(e) <= 1.96 * sd[i]!) inside++;
  }
  const rmse = Math.sqrt(se / n);
  return {
    model,
    rmse,
    mae: ae / n,
    r2: st > 0 ? 1 - se / st : NaN,
    skillVsMean: baseRmse > 0 ? 1 - rmse / baseRmse : NaN,
    coverage95: sd ? inside / n : null,
    predictions: pred,
  };
}

/**
 * k-fold cross-validation of the two surrogates (Gaussian process and random forest) against the mean
 * predictor on the same folds, with the forest's permutation importance measured on the held-out rows.
 * Missing feature values (NaN) are imputed with the training fold's column means; the GP is refitted
 * (hyperparameters included) in every fold, so its score is not the optimistic closed-form LOO of one fit.
 *
 * @param x - rows × features (NaN = missing)
 * @param y - target per row (finite)
 * @throws {InputError} with fewer than 4 rows, mismatched lengths, a non-finite target or `folds` not an integer ≥ 2
 */
export function crossValidateSurrogates(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: CrossValidateSurrogatesOptions = {},
): CrossValidateSurrogatesResult {
  const n = y.length;
  if (x.length !== n) throw new InputError('y', `one value per row (${x.length})`, `got ${n}`);
  if (n < 4) throw new InputError('records', 'at least 4 records with the target to cross-validate', `got ${n}`);
  y.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new InputError(`y[${i}]`, 'a finite number', `got ${v}`);
  });
  const d = x[0]!.length;
  if (d === 0) throw new InputError('features', 'at least one feature that varies between records', 'got none');
  const seed = options.seed ?? 0;
  const groups = options.groups ?? Array.from({ length: d }, (_, j) => String(j));
  if (groups.length !== d) throw new InputError('groups', `one per feature (${d})`, `got ${groups.length}`);
  const groupNames = [...new Set(groups)];
  const repeats = options.permutationRepeats ?? 5;
  const labels = options.rowGroups ?? Array.from({ length: n }, (_, i) => String(i));
  if (labels.length !== n) throw new InputError('rowGroups', `one per row (${n})`, `got ${labels.length}`);
  const unique = [...new Set(labels)];
  if (unique.length < 2) throw new InputError('rowGroups', 'at least two groups of rows to hold out', `got ${unique.length}`);
  const requested = options.folds ?? 5;
  // a NaN or fractional k would leave rows in no fold (their predictions silently NaN)
  if (!(Number.isInteger(requested) && requested >= 2)) throw new InputError('folds', 'an integer ≥ 2', `got ${requested}`);
  const k = Math.min(requested, unique.length);
  // folds over a seeded permutation of the groups: group g goes to fold (its rank) mod k
  const foldOfGroup = new Map(new SeededRandom(seed + 1).permutation(unique.length).map((g, rank) => [unique[g]!, rank % k]));
  const fold = labels.map((l) => foldOfGroup.get(l)!);
  const perm = Array.from({ length: n }, (_, i) => i);
  const rng = new SeededRandom(seed + 2);
  const gpMean = new Array<number>(n).fill(NaN);
  const gpSd = new Array<number>(n).fill(NaN);
  const rfMean = new Array<number>(n).fill(NaN);
  const rfSd = new Array<number>(n).fill(NaN);
  const baseMean = new Array<number>(n).fill(NaN);
  const permutedSe = groupNames.map(() => new Array<number>(repeats).fill(0));
  for (let f = 0; f < k; f++) {
    const test = perm.filter((i) => fold[i] === f);
    const train = perm.filter((i) => fold[i] !== f);
    const xi = imputeColumns(x, train);
    const xTrain = train.map((i) => xi[i]!);
    const yTrain = train.map((i) => y[i]!);
    const xTest = test.map((i) => xi[i]!);
    const m = yTrain.reduce((a, b) => a + b, 0) / yTrain.length;
    test.forEach((i) => (baseMean[i] = m));
    const gp = fitGaussianProcess(xTrain, yTrain, { restarts: options.gpRestarts ?? 2, seed: seed + f });
    const gpP = gp.predict(xTest, true);
    test.forEach((i, j) => ((gpMean[i] = gpP.mean[j]!), (gpSd[i] = Math.sqrt(Math.max(0, gpP.variance[j]!)))));
    const rf = fitRandomForest(xTrain, yTrain, { trees: options.trees ?? 200, seed: seed + f });
    const rfP = rf.predict(xTest);
    test.forEach((i, j) => ((rfMean[i] = rfP.mean[j]!), (rfSd[i] = rfP.sd[j]!)));
    // permutation importance: the group's columns of each held-out row taken from a random training row
    groupNames.forEach((g, gi) => {
      const cols = groups.flatMap((name, j) => (name === g ? [j] : []));
      for (let r = 0; r < repeats; r++) {
        const xp = xTest.map((row) => {
          const donor = xTrain[rng.integer(xTrain.length)]!;
          const out = [...row];
          for (const j of cols) out[j] = donor[j]!;
          return out;
        });
        const p = rf.predict(xp).mean;
        test.forEach((i, j) => (permutedSe[gi]![r]! += (y[i]! - p[j]!) ** 2));
      }
    });
    options.onFold?.(f + 1, k);
  }
  const base = score('mean', y, baseMean, null, NaN);
  base.skillVsMean = 0;
  const gpScore = score('gaussian-process', y, gpMean, gpSd, base.rmse);
  const rfScore = score('random-forest', y, rfMean, rfSd, base.rmse);
  const importance = groupNames
    .map((group, gi) => {
      const inc = permutedSe[gi]!.map((se) => Math.sqrt(se / n) - rfScore.rmse);
      const mean = inc.reduce((a, b) => a + b, 0) / inc.length;
      const sd = Math.sqrt(inc.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, inc.length - 1));
      return { group, rmseIncrease: mean, rmseIncreaseSd: sd };
    })
    .sort((a, b) => b.rmseIncrease - a.rmseIncrease);
  const warnings: string[] = [];
  if (n < 10 * d)
    warnings.push(
      `only ${n} records for ${d} features: far fewer than the ~10 per feature a regression needs, so any model can fit noise; only the cross-validated scores measure it, and they too are uncertain with this few records`,
    );
  const best = Math.max(gpScore.skillVsMean, rfScore.skillVsMean);
  if (!(base.rmse > 0)) warnings.push(`the target is ${y[0]} in every record: there is nothing to predict, so the scores (R², skill) are undefined (NaN)`);
  else if (!(best > 0.1))
    warnings.push(
      `neither surrogate predicts held-out records clearly better than their mean (best RMSE reduction ${(100 * best).toFixed(0)} %): the features explain little of the target here`,
    );
  if (base.rmse > 0 && !(rfScore.skillVsMean > 0))
    warnings.push('the random forest does not beat the mean here, so its feature importances say which columns it leans on, not what drives the target');
  if (n < 20) warnings.push(`${k} folds of ${n} records: each held-out score rests on a handful of records and changes with the seed (try --seed)`);
  return { n, dimensions: d, folds: k, foldOfRow: fold, groupCount: unique.length, scores: [gpScore, rfScore, base], importance, warnings };
}
