import { InputError } from '../chem/index.js';
import { choleskyInverse, choleskySolve, choleskyWithJitter, forwardSubstitute } from './cholesky.js';
import { type KernelName, kernelCorrelation, kernelLengthScaleFactor, scaledDistance2 } from './kernels.js';
import { minimizeBfgs } from './minimizeBfgs.js';
import { SeededRandom } from './random.js';

/**
 * Gaussian-process regression (Rasmussen & Williams, *Gaussian Processes for Machine Learning*, MIT Press
 * 2006, ch. 2 and 5): ARD Matérn-5/2 or RBF kernel, constant mean, homoscedastic noise and/or known per-point
 * noise; inputs scaled to the unit cube (logarithmically where asked), outputs standardized; hyperparameters
 * by maximizing the log marginal likelihood (analytic gradient, BFGS, several seeded restarts).
 */

/** Input scaling: each input mapped to [0, 1] between `low` and `high` (on a log scale where `log[d]`). */
export interface InputBounds {
  low: number[];
  high: number[];
  /** Per input: scale logarithmically (requires low > 0). Default all false. */
  log?: boolean[];
}

/**
 * Hyperparameters in the model's internal units: length-scales in unit-cube units, variances and mean in
 * units of the standardized output (divide by the output standard deviation; see {@link GaussianProcess.outputScale}).
 */
export interface GaussianProcessHyperparameters {
  /** ARD length-scales, one per input, unit-cube units. */
  lengthScales: number[];
  /** Signal variance σ_f², standardized output units². */
  signalVariance: number;
  /** Homoscedastic noise variance σ_n², standardized output units². */
  noiseVariance: number;
  /** Constant prior mean, standardized output units. */
  mean: number;
}

/** Options of {@link fitGaussianProcess}. */
export interface GaussianProcessOptions {
  /** Covariance function (default `matern52`). */
  kernel?: KernelName;
  /** Input box for the unit-cube scaling (default: the data's own min/max per input). */
  bounds?: InputBounds;
  /** Known noise variance of each observation, in output units² (default none). */
  noiseVariances?: number[];
  /**
   * Fit a homoscedastic noise variance on top of the known ones (default true without `noiseVariances`,
   * false with them; when false σ_n² is fixed at 1e-6 standardized, a jitter).
   */
  fitNoise?: boolean;
  /** Standardize outputs to zero mean and unit variance before fitting (default true). */
  standardizeOutputs?: boolean;
  /** Random restarts of the likelihood maximization besides the default start (default 4). */
  restarts?: number;
  /** Seed of the restarts (default 0). */
  seed?: number;
  /** Use these hyperparameters instead of fitting them. */
  hyperparameters?: GaussianProcessHyperparameters;
}

/** Posterior mean and variance at a set of points, in output units. */
export interface GaussianProcessPrediction {
  mean: number[];
  /** Variance of the latent function (or of a new observation with `includeNoise`), output units². */
  variance: number[];
}

/** Leave-one-out diagnostics of a fit. */
export interface GaussianProcessDiagnostics {
  n: number;
  dimensions: number;
  /** Root-mean-square LOO error, output units. */
  looRmse: number;
  /** (y_i − μ_−i)/σ_−i for each observation (≈ N(0, 1) when the model is calibrated). */
  standardizedResiduals: number[];
  /** Fraction of observations inside their LOO ±1σ interval (68.3 % if calibrated); NaN below 3 points. */
  coverage68: number;
  /** Fraction inside ±1.96σ (95 % if calibrated); NaN below 3 points. */
  coverage95: number;
  /** Plain-words warnings (too few data, miscalibration, length-scales at their bounds). */
  warnings: string[];
}

/** Bounds of the hyperparameter search, in the internal units of {@link GaussianProcessHyperparameters}. */
export const HYPERPARAMETER_BOUNDS = {
  lengthScale: [0.03, 10],
  signalVariance: [0.05, 20],
  noiseVariance: [1e-6, 1],
  mean: [-3, 3],
} as const;
const FIXED_NOISE = 1e-6;

/**
 * Log marginal likelihood log p(y | X, θ) and its gradient (R&W eqs. 2.30 and 5.9) with
 * θ = [ln ℓ_1 … ln ℓ_d, ln σ_f², ln σ_n², c]: ∂/∂θ_j = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ_j), ∂/∂c = Σ α_i, α = K⁻¹(y − c).
 * Returns −Infinity (and a zero gradient) when K is not positive definite.
 *
 * @param x - unit-cube inputs, row-major n × d
 * @param y - outputs (as fitted: standardized)
 * @param extraNoise - known noise variance added to each diagonal entry (length n) or undefined
 */
export function logMarginalLikelihood(
  kernel: KernelName,
  x: Float64Array,
  y: Float64Array,
  extraNoise: Float64Array | undefined,
  theta: Float64Array,
): { value: number; gradient: Float64Array } {
  const n = y.length;
  const d = theta.length - 3;
  const ell = new Float64Array(d);
  for (let k = 0; k < d; k++) ell[k] = Math.exp(theta[k]!);
  const sf2 = Math.exp(theta[d]!);
  const sn2 = Math.exp(theta[d + 1]!);
  const c = theta[d + 2]!;
  const K = new Float64Array(n * n);
  const F = new Float64Array(n * n); // length-scale factor per pair
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const r2 = scaledDistance2(x, i, x, j, ell);
      const k = sf2 * kernelCorrelation(kernel, r2);
      K[i * n + j] = K[j * n + i] = k;
      F[i * n + j] = F[j * n + i] = sf2 * kernelLengthScaleFactor(kernel, r2);
    }
    K[i * n + i]! += sn2 + (extraNoise ? extraNoise[i]! : 0);
  }
  const gradient = new Float64Array(d + 3);
  const chol = choleskyWithJitter(K, n);
  if (!chol || chol.jitter > 0) return { value: Number.NEGATIVE_INFINITY, gradient };
  const { L } = chol;
  const alpha = new Float64Array(n);
  for (let i = 0; i < n; i++) alpha[i] = y[i]! - c;
  const r = Float64Array.from(alpha);
  choleskySolve(L, n, alpha);
  let quad = 0;
  let logDet = 0;
  for (let i = 0; i < n; i++) {
    quad += r[i]! * alpha[i]!;
    logDet += 2 * Math.log(L[i * n + i]!);
  }
  const value = -0.5 * quad - 0.5 * logDet - 0.5 * n * Math.log(2 * Math.PI);
  const Kinv = choleskyInverse(L, n);
  // W = ααᵀ − K⁻¹ (symmetric); gradients are ½ Σ_ij W_ij ∂K_ij
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const w = alpha[i]! * alpha[j]! - Kinv[i * n + j]!;
      const kij = K[i * n + j]! - (i === j ? sn2 + (extraNoise ? extraNoise[i]! : 0) : 0);
      gradient[d]! += 0.5 * w * kij;
      if (i === j) gradient[d + 1]! += 0.5 * w * sn2;
      if (i !== j) {
        const f = F[i * n + j]!;
        for (let k = 0; k < d; k++) {
          const t = (x[i * d + k]! - x[j * d + k]!) / ell[k]!;
          gradient[k]! += 0.5 * w * f * t * t;
        }
      }
    }
    gradient[d + 2]! += alpha[i]!;
  }
  return { value, gradient };
}

/** Scales raw inputs to the unit cube with the given bounds. */
function toUnit(bounds: Required<InputBounds>, row: readonly number[], out: Float64Array, at: number): void {
  const d = bounds.low.length;
  for (let k = 0; k < d; k++) {
    const lo = bounds.low[k]!;
    const hi = bounds.high[k]!;
    const v = row[k]!;
    const u = bounds.log[k] ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
    out[at * d + k] = hi === lo ? 0.5 : u;
  }
}

function checkInputs(x: readonly (readonly number[])[], y: readonly number[], options: GaussianProcessOptions): Required<InputBounds> {
  if (x.length !== y.length) throw new InputError('y', `one value per input row (${x.length})`, `got ${y.length}`);
  if (x.length === 0) throw new InputError('x', 'at least one observation', 'got none');
  const d = x[0]!.length;
  if (d === 0) throw new InputError('x[0]', 'at least one input', 'got an empty row');
  x.forEach((row, i) => {
    if (row.length !== d) throw new InputError(`x[${i}]`, `${d} inputs like the first row`, `got ${row.length}`);
    row.forEach((v, k) => {
      if (!Number.isFinite(v)) throw new InputError(`x[${i}][${k}]`, 'a finite number', `got ${v}`);
    });
  });
  y.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new InputError(`y[${i}]`, 'a finite number (leave failed runs out)', `got ${v}`);
  });
  const low = options.bounds?.low ?? Array.from({ length: d }, (_, k) => Math.min(...x.map((r) => r[k]!)));
  const high = options.bounds?.high ?? Array.from({ length: d }, (_, k) => Math.max(...x.map((r) => r[k]!)));
  const log = options.bounds?.log ?? new Array<boolean>(d).fill(false);
  if (low.length !== d || high.length !== d || log.length !== d) throw new InputError('bounds', `low, high and log with ${d} entries`, 'lengths differ');
  for (let k = 0; k < d; k++) {
    if (!(high[k]! >= low[k]!)) throw new InputError(`bounds.high[${k}]`, 'at least bounds.low', `got ${high[k]} < ${low[k]}`);
    if (log[k] && !(low[k]! > 0)) throw new InputError(`bounds.low[${k}]`, 'a positive number on a log scale', `got ${low[k]}`);
  }
  if (options.noiseVariances) {
    if (options.noiseVariances.length !== y.length)
      throw new InputError('noiseVariances', `one per observation (${y.length})`, `got ${options.noiseVariances.length}`);
    options.noiseVariances.forEach((v, i) => {
      if (!(Number.isFinite(v) && v >= 0)) throw new InputError(`noiseVariances[${i}]`, 'a finite number ≥ 0', `got ${v}`);
    });
  }
  return { low, high, log };
}

/** A fitted Gaussian process: posterior predictions, joint samples, closed-form leave-one-out and diagnostics. */
export class GaussianProcess {
  /** Covariance function. */
  readonly kernel: KernelName;
  /** Input scaling used. */
  readonly bounds: Required<InputBounds>;
  /** Fitted (or given) hyperparameters, internal units. */
  readonly hyperparameters: GaussianProcessHyperparameters;
  /** Log marginal likelihood at the hyperparameters (of the standardized outputs). */
  readonly logMarginalLikelihood: number;
  /** Output standardization: y_internal = (y − offset)/scale. */
  readonly outputOffset: number;
  readonly outputScale: number;
  /** Observations (raw inputs and outputs). */
  readonly x: readonly (readonly number[])[];
  readonly y: readonly number[];
  readonly noiseVariances: readonly number[] | undefined;
  private readonly xu: Float64Array;
  private readonly ys: Float64Array;
  private readonly L: Float64Array;
  private readonly alpha: Float64Array;
  private readonly ell: Float64Array;
  private kinvDiag: Float64Array | undefined;

  /** @internal use {@link fitGaussianProcess} */
  constructor(args: {
    kernel: KernelName;
    bounds: Required<InputBounds>;
    hyperparameters: GaussianProcessHyperparameters;
    outputOffset: number;
    outputScale: number;
    x: readonly (readonly number[])[];
    y: readonly number[];
    noiseVariances?: readonly number[];
  }) {
    this.kernel = args.kernel;
    this.bounds = args.bounds;
    this.hyperparameters = args.hyperparameters;
    this.outputOffset = args.outputOffset;
    this.outputScale = args.outputScale;
    this.x = args.x;
    this.y = args.y;
    this.noiseVariances = args.noiseVariances;
    const n = args.y.length;
    const d = args.bounds.low.length;
    this.xu = new Float64Array(n * d);
    args.x.forEach((row, i) => toUnit(this.bounds, row, this.xu, i));
    this.ys = Float64Array.from(args.y, (v) => (v - this.outputOffset) / this.outputScale);
    this.ell = Float64Array.from(this.hyperparameters.lengthScales);
    const h = this.hyperparameters;
    const K = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++)
        K[i * n + j] = K[j * n + i] = h.signalVariance * kernelCorrelation(this.kernel, scaledDistance2(this.xu, i, this.xu, j, this.ell));
      K[i * n + i]! += h.noiseVariance + (args.noiseVariances ? args.noiseVariances[i]! / this.outputScale ** 2 : 0);
    }
    const chol = choleskyWithJitter(K, n);
    if (!chol) throw new RangeError('Gaussian process: the covariance matrix is not positive definite even with jitter');
    this.L = chol.L;
    this.alpha = Float64Array.from(this.ys, (v) => v - h.mean);
    let quad = 0;
    let logDet = 0;
    const r = Float64Array.from(this.alpha);
    choleskySolve(this.L, n, this.alpha);
    for (let i = 0; i < n; i++) {
      quad += r[i]! * this.alpha[i]!;
      logDet += 2 * Math.log(this.L[i * n + i]!);
    }
    this.logMarginalLikelihood = -0.5 * quad - 0.5 * logDet - 0.5 * n * Math.log(2 * Math.PI);
  }

  /** Number of inputs. */
  get dimensions(): number {
    return this.bounds.low.length;
  }

  /** Unit-cube coordinates of raw points (row-major). */
  private unit(points: readonly (readonly number[])[]): Float64Array {
    const d = this.dimensions;
    const out = new Float64Array(points.length * d);
    points.forEach((row, i) => {
      if (row.length !== d) throw new InputError(`x[${i}]`, `${d} inputs`, `got ${row.length}`);
      toUnit(this.bounds, row, out, i);
    });
    return out;
  }

  /** Cross-covariances k(x*, X) for unit-cube points, row-major m × n. */
  private crossCov(xs: Float64Array, m: number): Float64Array {
    const n = this.y.length;
    const Ks = new Float64Array(m * n);
    const sf2 = this.hyperparameters.signalVariance;
    for (let a = 0; a < m; a++) for (let i = 0; i < n; i++) Ks[a * n + i] = sf2 * kernelCorrelation(this.kernel, scaledDistance2(xs, a, this.xu, i, this.ell));
    return Ks;
  }

  /**
   * Posterior mean and variance at raw points (R&W eqs. 2.25–2.26), in output units.
   * @param includeNoise - add the homoscedastic noise variance (predict a new observation; default false)
   */
  predict(points: readonly (readonly number[])[], includeNoise = false): GaussianProcessPrediction {
    const m = points.length;
    const n = this.y.length;
    const xs = this.unit(points);
    const Ks = this.crossCov(xs, m);
    const h = this.hyperparameters;
    const mean: number[] = [];
    const variance: number[] = [];
    const v = new Float64Array(n);
    for (let a = 0; a < m; a++) {
      let mu = h.mean;
      for (let i = 0; i < n; i++) {
        mu += Ks[a * n + i]! * this.alpha[i]!;
        v[i] = Ks[a * n + i]!;
      }
      forwardSubstitute(this.L, n, v);
      let vv = 0;
      for (let i = 0; i < n; i++) vv += v[i]! * v[i]!;
      const s2 = Math.max(0, h.signalVariance - vv) + (includeNoise ? h.noiseVariance : 0);
      mean.push(this.outputOffset + this.outputScale * mu);
      variance.push(s2 * this.outputScale ** 2);
    }
    return { mean, variance };
  }

  /** Posterior joint covariance of the latent function at raw points, output units², row-major m × m. */
  posteriorCovariance(points: readonly (readonly number[])[]): Float64Array {
    const m = points.length;
    const n = this.y.length;
    const xs = this.unit(points);
    const Ks = this.crossCov(xs, m);
    const V = new Float64Array(m * n);
    for (let a = 0; a < m; a++) {
      const v = Ks.slice(a * n, (a + 1) * n);
      forwardSubstitute(this.L, n, v);
      V.set(v, a * n);
    }
    const sf2 = this.hyperparameters.signalVariance;
    const C = new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b <= a; b++) {
        let s = sf2 * kernelCorrelation(this.kernel, scaledDistance2(xs, a, xs, b, this.ell));
        for (let i = 0; i < n; i++) s -= V[a * n + i]! * V[b * n + i]!;
        C[a * m + b] = C[b * m + a] = s * this.outputScale ** 2;
      }
    }
    return C;
  }

  /**
   * Joint posterior samples of the latent function at raw points: `count` arrays of length m, each
   * mean + L z with L the Cholesky factor of the posterior covariance (jittered if needed), z ~ N(0, I).
   */
  sampleJoint(points: readonly (readonly number[])[], count: number, rng: SeededRandom = new SeededRandom(0)): number[][] {
    const m = points.length;
    const { mean } = this.predict(points);
    const C = this.posteriorCovariance(points);
    // the posterior covariance is only semi-definite (e.g. at data points): jitter relative to σ_f²
    const floor = 1e-10 * this.hyperparameters.signalVariance * this.outputScale ** 2;
    for (let a = 0; a < m; a++) C[a * m + a]! += floor;
    const chol = choleskyWithJitter(C, m);
    if (!chol) throw new RangeError('Gaussian process: posterior covariance not positive semi-definite');
    const z = new Float64Array(m);
    const out: number[][] = [];
    for (let s = 0; s < count; s++) {
      for (let a = 0; a < m; a++) z[a] = rng.normal();
      const sample = mean.slice();
      for (let a = 0; a < m; a++) for (let b = 0; b <= a; b++) sample[a]! += chol.L[a * m + b]! * z[b]!;
      out.push(sample);
    }
    return out;
  }

  /**
   * Leave-one-out predictive mean and variance of each observation in closed form, with the
   * hyperparameters held fixed (R&W eqs. 5.10–5.12): μ_−i = y_i − α_i/[K⁻¹]_ii, σ²_−i = 1/[K⁻¹]_ii.
   * The variance is that of the observation (noise included), output units².
   */
  leaveOneOut(): GaussianProcessPrediction {
    const n = this.y.length;
    if (!this.kinvDiag) {
      const Kinv = choleskyInverse(this.L, n);
      this.kinvDiag = Float64Array.from({ length: n }, (_, i) => Kinv[i * n + i]!);
    }
    const mean: number[] = [];
    const variance: number[] = [];
    for (let i = 0; i < n; i++) {
      const kii = this.kinvDiag[i]!;
      mean.push(this.outputOffset + this.outputScale * (this.ys[i]! - this.alpha[i]! / kii));
      variance.push(this.outputScale ** 2 / kii);
    }
    return { mean, variance };
  }

  /**
   * LOO RMSE, standardized residuals, 68/95 % calibration and warnings. Too few data: fewer than 10 runs
   * per input (the n = 10·d rule of Loeppky, Sacks & Welch, *Technometrics* 2009, 51, 366,
   * doi:10.1198/TECH.2009.08040).
   */
  diagnostics(): GaussianProcessDiagnostics {
    const n = this.y.length;
    const d = this.dimensions;
    const loo = this.leaveOneOut();
    let se = 0;
    let in68 = 0;
    let in95 = 0;
    const standardizedResiduals = this.y.map((yi, i) => {
      const e = yi - loo.mean[i]!;
      se += e * e;
      const z = e / Math.sqrt(loo.variance[i]!);
      if (Math.abs(z) <= 1) in68++;
      if (Math.abs(z) <= 1.959964) in95++;
      return z;
    });
    const coverage68 = n >= 3 ? in68 / n : Number.NaN;
    const coverage95 = n >= 3 ? in95 / n : Number.NaN;
    const warnings: string[] = [];
    if (n < 10 * d)
      warnings.push(
        `only ${n} observations for ${d} input(s): fewer than the ~${10 * d} (10 per input) a Gaussian process usually needs to be accurate (Loeppky et al. 2009); treat predictions and intervals as rough`,
      );
    if (n >= 10 && coverage95 < 0.8)
      warnings.push(`only ${(100 * coverage95).toFixed(0)} % of leave-one-out points fall inside their 95 % intervals: the uncertainty is underestimated`);
    if (n >= 10 && coverage68 > 0.95)
      warnings.push(
        `${(100 * coverage68).toFixed(0)} % of leave-one-out points fall inside their 68 % intervals: the uncertainty is overestimated (noise may be too large)`,
      );
    const [lo, hi] = HYPERPARAMETER_BOUNDS.lengthScale;
    this.hyperparameters.lengthScales.forEach((l, k) => {
      if (l <= lo * 1.01) warnings.push(`length-scale of input ${k} at its lower bound (${lo}): the data vary faster than the model can follow, or are noisy`);
      if (l >= hi * 0.99 && d > 1) warnings.push(`length-scale of input ${k} at its upper bound (${hi}): the output hardly depends on input ${k}`);
    });
    return { n, dimensions: d, looRmse: Math.sqrt(se / n), standardizedResiduals, coverage68, coverage95, warnings };
  }

  /**
   * The same model conditioned on extra observations, hyperparameters and scalings unchanged (for Kriging
   * believer batches and pending runs). `noiseVariances` of the new points default to 0.
   */
  condition(points: readonly (readonly number[])[], values: readonly number[], noiseVariances?: readonly number[]): GaussianProcess {
    return new GaussianProcess({
      kernel: this.kernel,
      bounds: this.bounds,
      hyperparameters: this.hyperparameters,
      outputOffset: this.outputOffset,
      outputScale: this.outputScale,
      x: [...this.x, ...points],
      y: [...this.y, ...values],
      noiseVariances: this.noiseVariances
        ? [...this.noiseVariances, ...(noiseVariances ?? values.map(() => 0))]
        : noiseVariances
          ? [...this.y.map(() => 0), ...noiseVariances]
          : undefined,
    });
  }
}

const sigmoid = (u: number) => 1 / (1 + Math.exp(-u));

/**
 * Fits a Gaussian process to observations `x` (n rows of d raw inputs) and `y` (n outputs).
 * Hyperparameters maximize the log marginal likelihood within {@link HYPERPARAMETER_BOUNDS}: BFGS on a
 * logistic reparametrization of the bounded log-parameters, from a default start (ℓ = 0.5, σ_f² = 1,
 * σ_n² = 0.01, c = 0) and `restarts` seeded random starts; the best optimum wins.
 *
 * @example const gp = fitGaussianProcess([[0], [0.5], [1]], [0, 1, 0]); gp.predict([[0.25]]).mean
 * @throws {InputError} for non-finite data, mismatched lengths or bad bounds
 */
export function fitGaussianProcess(x: readonly (readonly number[])[], y: readonly number[], options: GaussianProcessOptions = {}): GaussianProcess {
  const bounds = checkInputs(x, y, options);
  const kernel = options.kernel ?? 'matern52';
  const n = y.length;
  const d = bounds.low.length;
  const standardize = options.standardizeOutputs ?? true;
  let offset = 0;
  let scale = 1;
  if (standardize) {
    offset = y.reduce((a, b) => a + b, 0) / n;
    const v = n > 1 ? y.reduce((a, b) => a + (b - offset) ** 2, 0) / (n - 1) : 0;
    scale = v > 0 ? Math.sqrt(v) : 1;
  }
  const make = (hyperparameters: GaussianProcessHyperparameters) =>
    new GaussianProcess({ kernel, bounds, hyperparameters, outputOffset: offset, outputScale: scale, x, y, noiseVariances: options.noiseVariances });
  if (options.hyperparameters) return make(options.hyperparameters);

  const fitNoise = options.fitNoise ?? !options.noiseVariances;
  const xu = new Float64Array(n * d);
  x.forEach((row, i) => toUnit(bounds, row, xu, i));
  const ys = Float64Array.from(y, (v) => (v - offset) / scale);
  const extra = options.noiseVariances ? Float64Array.from(options.noiseVariances, (v) => v / scale ** 2) : undefined;
  // bounded parameters p = lo + (hi − lo)·sigmoid(u), on ln ℓ, ln σ_f², ln σ_n² and c
  const B = HYPERPARAMETER_BOUNDS;
  const lo = [
    ...new Array<number>(d).fill(Math.log(B.lengthScale[0])),
    Math.log(B.signalVariance[0]),
    Math.log(fitNoise ? B.noiseVariance[0] : FIXED_NOISE),
    B.mean[0],
  ];
  const hi = [
    ...new Array<number>(d).fill(Math.log(B.lengthScale[1])),
    Math.log(B.signalVariance[1]),
    Math.log(fitNoise ? B.noiseVariance[1] : FIXED_NOISE),
    B.mean[1],
  ];
  const free = lo.map((l, i) => hi[i]! > l);
  const toTheta = (u: Float64Array) => Float64Array.from(lo, (l, i) => (free[i] ? l + (hi[i]! - l) * sigmoid(u[i]!) : l));
  const objective = (u: Float64Array) => {
    const theta = toTheta(u);
    const r = logMarginalLikelihood(kernel, xu, ys, extra, theta);
    const g = new Float64Array(u.length);
    for (let i = 0; i < u.length; i++) {
      if (!free[i]) continue;
      const s = sigmoid(u[i]!);
      g[i] = -r.gradient[i]! * (hi[i]! - lo[i]!) * s * (1 - s);
    }
    return { value: -r.value, gradient: g };
  };
  const toU = (p: number, i: number) => {
    if (!free[i]) return 0;
    const s = Math.min(1 - 1e-9, Math.max(1e-9, (p - lo[i]!) / (hi[i]! - lo[i]!)));
    return Math.log(s / (1 - s));
  };
  const rng = new SeededRandom(options.seed ?? 0);
  const starts: Float64Array[] = [Float64Array.from([...new Array<number>(d).fill(Math.log(0.5)), 0, Math.log(0.01), 0], toU)];
  for (let r = 0; r < (options.restarts ?? 4); r++) starts.push(Float64Array.from(lo, (_, i) => (free[i] ? 4 * rng.uniform() - 2 : 0)));
  let best: { u: Float64Array; value: number } | null = null;
  for (const u0 of starts) {
    const res = minimizeBfgs(objective, u0, { maxIterations: 200, gradientTolerance: 1e-5 });
    if (Number.isFinite(res.value) && (!best || res.value < best.value)) best = { u: res.x, value: res.value };
  }
  if (!best) throw new RangeError('Gaussian process: no hyperparameters give a positive-definite covariance (duplicate inputs without noise?)');
  const theta = toTheta(best.u);
  return make({
    lengthScales: Array.from(theta.subarray(0, d), Math.exp),
    signalVariance: Math.exp(theta[d]!),
    noiseVariance: Math.exp(theta[d + 1]!),
    mean: theta[d + 2]!,
  });
}
