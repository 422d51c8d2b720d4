import { InputError } from '../chem/index.js';
import { SteadyStateSolver } from '../kinetics/analyze/steadyState.js';
import type { CompiledModel } from '../kinetics/parser/compileModel.js';
import { kineticObjectiveValue, solveAt } from './optimizeKineticModel.js';
import { DEFAULT_SEED, SeededRandom } from './random.js';
import { SCREENING_DEFAULTS } from './screeningDefaults.js';

/** One candidate surface: its descriptor values (eV) and optionally their own standard deviations (eV). */
export interface ScreeningCandidate {
  name: string;
  descriptors: Record<string, number>;
  /** Per-descriptor standard deviation, eV (default: the common `sigmaEv`). */
  sigmaEv?: Record<string, number>;
}

/** Options of {@link screenCandidates}; the defaults are {@link SCREENING_DEFAULTS} (the screen study's). */
export interface ScreenCandidatesOptions {
  /** Product whose TOF and FE are reported (default the model's first product). */
  product?: string;
  /** Ranking quantity (default `log10Tof`, {@link SCREENING_DEFAULTS}). */
  rankBy?: 'log10Tof' | 'fe';
  /** Standard deviation of every descriptor without its own, eV (default 0.1, {@link SCREENING_DEFAULTS}). */
  sigmaEv?: number;
  /**
   * Correlation of the errors of a candidate's descriptors (equicorrelated, 0 ≤ ρ < 1; default 0, {@link SCREENING_DEFAULTS}): DFT errors
   * of related adsorbates share the functional's bias.
   */
  correlation?: number;
  /** Monte Carlo samples per candidate (default 500, {@link SCREENING_DEFAULTS}; 10 to 100 000). */
  samples?: number;
  /** k of P(top k) (default 1, {@link SCREENING_DEFAULTS}). */
  topK?: number;
  /** Potential, V vs RHE (default the model's). */
  potentialVvsRHE?: number;
  /** Seed (default 0, {@link DEFAULT_SEED}). */
  seed?: number;
  /** Progress after each candidate. */
  onCandidate?: (done: number, total: number) => void;
}

/** Median and central 90 % interval (5th–95th percentile) of a sampled quantity; NaN without samples. */
export interface SampledQuantity {
  nominal: number;
  median: number;
  p05: number;
  p95: number;
}

/** Screening result of one candidate. */
export interface ScreenedCandidate {
  name: string;
  descriptors: Record<string, number>;
  log10Tof: SampledQuantity;
  fe: SampledQuantity;
  /** Probability of ranking among the top k by `rankBy` (failed samples count as not in the top k). */
  pTopK: number;
  /** Fraction of samples whose steady state failed or whose objective was unresolved. */
  failedFraction: number;
}

/** Result of {@link screenCandidates}. */
export interface ScreenCandidatesResult {
  product: string;
  rankBy: 'log10Tof' | 'fe';
  topK: number;
  samples: number;
  sigmaEv: number;
  correlation: number;
  candidates: ScreenedCandidate[];
  warnings: string[];
}

/** Quantile by linear interpolation between order statistics (Hyndman & Fan 1996, type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

/** The validated settings of a screening (every option filled in), shared by its chunks and their merge. */
export interface ScreeningSettings {
  product: string;
  rankBy: 'log10Tof' | 'fe';
  sigmaEv: number;
  correlation: number;
  samples: number;
  topK: number;
  /** Potential, V vs RHE, or null for the model's. */
  potentialVvsRHE: number | null;
  seed: number;
}

/**
 * The screening of candidates [from, to) of a list: their summaries and, per candidate, the ranking quantity
 * of every sample (NaN when failed), from which a merge computes P(top k) over all candidates.
 */
export interface ScreeningChunk {
  /** Candidate indices [from, to), 0-based, in the full list. */
  range: [number, number];
  screened: Omit<ScreenedCandidate, 'pTopK'>[];
  /** rankValues[i][s]: ranking quantity of sample s of candidate from + i (NaN when failed or unresolved). */
  rankValues: Float64Array[];
}

/**
 * The seed of candidate `index`'s samples: each candidate draws from its own stream, so that a candidate's
 * samples do not depend on which candidates were screened before it in the same process — a screening split
 * into chunks (worker pool) or shards (`screen --shard i/N`) gives exactly the values of one run. Distinct
 * indices give distinct seeds for one `seed` (multiplication by an odd constant is a bijection modulo 2³²;
 * 0x9e3779b1 is ⌊2³²/φ⌋ rounded to odd, Knuth's multiplicative hashing, TAOCP vol. 3 §6.4).
 */
export function candidateSeed(seed: number, index: number): number {
  return (Math.trunc(seed) + Math.imul(index + 1, 0x9e3779b1)) >>> 0;
}

/** Checks the options of a screening against the model and candidates and fills in the defaults. @throws {InputError} naming the option (`product`, `sigmaEv`, …; the CLI reports it under its flag) */
export function screeningSettings(model: CompiledModel, candidates: readonly ScreeningCandidate[], options: ScreenCandidatesOptions = {}): ScreeningSettings {
  const products = model.productIndices.map((p) => model.species[p]!);
  const product = options.product ?? products[0]!;
  if (!products.includes(product)) throw new InputError('product', `a product of the model (${products.join(', ')})`, `got "${product}"`);
  const D = SCREENING_DEFAULTS;
  const rankBy = options.rankBy ?? D.rankBy;
  const sigma = options.sigmaEv ?? D.sigmaEv;
  if (!(sigma >= 0 && sigma <= 2)) throw new InputError('sigmaEv', 'a number from 0 to 2 eV', `got ${sigma}`);
  const rho = options.correlation ?? D.correlation;
  if (!(rho >= 0 && rho < 1)) throw new InputError('correlation', 'a number from 0 to below 1', `got ${rho}`);
  const S = options.samples ?? D.samples;
  if (!Number.isInteger(S) || S < 10 || S > 100000) throw new InputError('samples', 'an integer from 10 to 100000', `got ${S}`);
  const k = options.topK ?? D.topK;
  if (!Number.isInteger(k) || k < 1) throw new InputError('topK', 'a positive integer', `got ${k}`);
  if (candidates.length === 0) throw new InputError('candidates', 'at least one candidate', 'none given');
  candidates.forEach((c, i) => {
    for (const [n, v] of Object.entries(c.descriptors)) {
      if (!model.descriptors.includes(n))
        throw new InputError(`candidates[${i}].${n}`, `a descriptor of the model (${model.descriptors.join(', ')})`, `unknown descriptor "${n}"`);
      if (!Number.isFinite(v)) throw new InputError(`candidates[${i}].${n}`, 'a finite number, eV', `got ${v}`);
    }
    for (const [n, v] of Object.entries(c.sigmaEv ?? {}))
      if (!(v >= 0 && v <= 2)) throw new InputError(`candidates[${i}].sigma_${n}`, 'a number from 0 to 2 eV', `got ${v}`);
  });
  return {
    product,
    rankBy,
    sigmaEv: sigma,
    correlation: rho,
    samples: S,
    topK: k,
    potentialVvsRHE: options.potentialVvsRHE ?? null,
    seed: options.seed ?? DEFAULT_SEED,
  };
}

/**
 * Screens candidates [from, to) of `candidates` (see {@link screenCandidates}) with settings from
 * {@link screeningSettings}; `onCandidate` gets the candidates done in this range.
 */
export function screenCandidateRange(
  model: CompiledModel,
  candidates: readonly ScreeningCandidate[],
  settings: ScreeningSettings,
  range: [number, number],
  onCandidate?: (done: number, total: number) => void,
): ScreeningChunk {
  const [from, to] = range;
  const { samples: S, sigmaEv: sigma, correlation: rho, rankBy } = settings;
  const solver = new SteadyStateSolver(model);
  const quantities = (['log10Tof', 'fe'] as const).map((q) => ({ quantity: q, product: settings.product }));
  const rankValues: Float64Array[] = [];
  const screened: Omit<ScreenedCandidate, 'pTopK'>[] = [];
  for (let ci = from; ci < to; ci++) {
    const c = candidates[ci]!;
    const rng = new SeededRandom(candidateSeed(settings.seed, ci));
    const names = Object.keys(c.descriptors);
    const nominalInputs = { ...c.descriptors, ...(settings.potentialVvsRHE !== null ? { potential: settings.potentialVvsRHE } : {}) };
    const nominalState = solveAt(solver, nominalInputs);
    const nominal = quantities.map((q) => kineticObjectiveValue(nominalState, q));
    const guess = nominalState.converged ? Float64Array.from(nominalState.state) : undefined;
    const tof: number[] = [];
    const fe: number[] = [];
    const rank = new Float64Array(S).fill(Number.NaN);
    let failed = 0;
    for (let s = 0; s < S; s++) {
      const common = rng.normal();
      const inputs: Record<string, number> = { ...nominalInputs };
      for (const n of names) inputs[n] = c.descriptors[n]! + (c.sigmaEv?.[n] ?? sigma) * (Math.sqrt(rho) * common + Math.sqrt(1 - rho) * rng.normal());
      const obs = solveAt(solver, inputs, guess);
      const a = kineticObjectiveValue(obs, quantities[0]!);
      const b = kineticObjectiveValue(obs, quantities[1]!);
      if (a.status === 'ok') tof.push(a.value!);
      if (b.status === 'ok') fe.push(b.value!);
      const r = rankBy === 'log10Tof' ? a : b;
      if (r.status === 'ok') rank[s] = r.value!;
      else failed++;
    }
    const summarize = (nom: { value: number | null }, v: number[]): SampledQuantity => {
      v.sort((x, y) => x - y);
      return { nominal: nom.value ?? Number.NaN, median: quantile(v, 0.5), p05: quantile(v, 0.05), p95: quantile(v, 0.95) };
    };
    screened.push({
      name: c.name,
      descriptors: c.descriptors,
      log10Tof: summarize(nominal[0]!, tof),
      fe: summarize(nominal[1]!, fe),
      failedFraction: failed / S,
    });
    rankValues.push(rank);
    onCandidate?.(ci - from + 1, to - from);
  }
  return { range: [from, to], screened, rankValues };
}

/**
 * Joins the chunks of a screening (in any order; together they must cover candidates 0 … n−1 once) into its
 * result: P(top k) ranks every candidate sample by sample.
 * @throws {RangeError} when the chunks leave out or repeat a candidate
 */
export function combineScreeningChunks(settings: ScreeningSettings, chunks: readonly ScreeningChunk[]): ScreenCandidatesResult {
  const sortedChunks = [...chunks].sort((a, b) => a.range[0] - b.range[0]);
  let next = 0;
  for (const c of sortedChunks) {
    if (c.range[0] !== next || c.screened.length !== c.range[1] - c.range[0] || c.rankValues.length !== c.screened.length)
      throw new RangeError(`screening chunks must cover the candidates once, in order: expected a chunk from ${next}, got ${c.range[0]}–${c.range[1]}`);
    next = c.range[1];
  }
  const screened = sortedChunks.flatMap((c) => c.screened);
  const rankValues = sortedChunks.flatMap((c) => c.rankValues);
  const { samples: S, topK: k } = settings;
  const n = screened.length;
  const inTop = new Float64Array(n);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let s = 0; s < S; s++) {
    const ok = order.filter((i) => !Number.isNaN(rankValues[i]![s]!));
    ok.sort((a, b) => rankValues[b]![s]! - rankValues[a]![s]! || a - b);
    for (const i of ok.slice(0, k)) inTop[i]! += 1 / S;
  }
  const warnings: string[] = [];
  screened.forEach((c) => {
    if (c.failedFraction > 0.05)
      warnings.push(`${c.name}: ${(100 * c.failedFraction).toFixed(0)} % of samples failed or were unresolved; its quantiles use the rest`);
  });
  if (k >= n) warnings.push(`top ${k} of ${n} candidates: every probability is 1 unless samples failed`);
  return {
    product: settings.product,
    rankBy: settings.rankBy,
    topK: k,
    samples: S,
    sigmaEv: settings.sigmaEv,
    correlation: settings.correlation,
    candidates: screened.map((c, i) => ({ ...c, pTopK: inTop[i]! })),
    warnings,
  };
}

/**
 * Screening with uncertainty: each candidate's descriptors are sampled as d + σ·ε with ε normal (optionally
 * equicorrelated across the candidate's descriptors, independent between candidates; each candidate from its own
 * seeded stream, {@link candidateSeed}), every sample is a verified steady state of the model, and each candidate
 * gets the median and 5–95 % interval of log10 TOF and FE of `product` and its probability of being in the top k
 * by `rankBy` (ranked sample by sample). Failed or unresolved samples are left out of the quantiles, counted in
 * `failedFraction`, and never rank. The same as {@link screenCandidateRange} over every candidate, then
 * {@link combineScreeningChunks}: chunks on a worker pool or shards on a cluster give the same numbers.
 */
export function screenCandidates(
  model: CompiledModel,
  candidates: readonly ScreeningCandidate[],
  options: ScreenCandidatesOptions = {},
): ScreenCandidatesResult {
  const settings = screeningSettings(model, candidates, options);
  return combineScreeningChunks(settings, [screenCandidateRange(model, candidates, settings, [0, candidates.length], options.onCandidate)]);
}
