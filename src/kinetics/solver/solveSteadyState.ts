import { luFactor, luSolve } from './denseLU.js';
import { IntegratorWork, integrateCoverages } from './integrateCoverages.js';
import type { KineticSystem } from './kineticSystem.js';
import type { FullSolverOptions } from './solverOptions.js';

/** A steady state with its verification. */
export interface SteadyStateResult {
  /** True only when the verified residual is within tolerance and the site balance holds. */
  converged: boolean;
  /** How it was reached: Newton from the guess, or time integration followed by Newton. */
  method: 'newton' | 'integration+newton' | 'failed';
  newtonIterations: number;
  /** Max over adsorbates of |dθ/dt| / gross flux (relative residual), verified with free sites 1 − Σθ. */
  residual: number;
  /** Max over adsorbates of |dθ/dt| / max_j |r_j|: how well the net rates close (the TOF-level check). */
  netResidual: number;
  /** Max over site types of |Σθ + θ* − 1|. */
  siteBalanceError: number;
  /** Adsorbate coverages (fractions of their site type). */
  theta: Float64Array;
  /** Free-site fraction per site type. */
  free: Float64Array;
  /** Net rate of every step at the steady state, s⁻¹ per site. */
  rates: Float64Array;
  /** Forward + reverse flux of every step, s⁻¹ per site (the round-off scale of each net rate). */
  grossRates: Float64Array;
}

const LOG_MIN = -575; // θ ≥ 1e-250
/**
 * Flux floor, s⁻¹ per site, added to every gross flux when scaling residuals: a net imbalance below
 * ~1e-22 s⁻¹ (one turnover in 10¹⁴ years) counts as zero, so that dead (fully poisoned) surfaces converge.
 */
const FLUX_FLOOR = 1e-12;

/** Work arrays for the Newton solver of one system size (reuse across solves; no allocation per solve). */
export class SteadyStateWork {
  readonly N: number;
  readonly u: Float64Array;
  readonly uTrial: Float64Array;
  readonly E: Float64Array;
  readonly ETrial: Float64Array;
  readonly Jm: Float64Array;
  readonly du: Float64Array;
  readonly piv: Int32Array;
  readonly theta: Float64Array;
  readonly free: Float64Array;
  readonly r: Float64Array;
  readonly fwd: Float64Array;
  readonly rev: Float64Array;
  readonly dcov: Float64Array;
  readonly gross: Float64Array;
  readonly dTheta: Float64Array;
  readonly dFree: Float64Array;
  readonly integrator: IntegratorWork;
  constructor(sys: KineticSystem) {
    const { n, m, sites } = sys;
    this.N = n + sites;
    this.u = new Float64Array(this.N);
    this.uTrial = new Float64Array(this.N);
    this.E = new Float64Array(this.N);
    this.ETrial = new Float64Array(this.N);
    this.Jm = new Float64Array(this.N * this.N);
    this.du = new Float64Array(this.N);
    this.piv = new Int32Array(this.N);
    this.theta = new Float64Array(n);
    this.free = new Float64Array(sites);
    this.r = new Float64Array(m);
    this.fwd = new Float64Array(m);
    this.rev = new Float64Array(m);
    this.dcov = new Float64Array(n);
    this.gross = new Float64Array(n);
    this.dTheta = new Float64Array(m * n);
    this.dFree = new Float64Array(m * sites);
    this.integrator = new IntegratorWork(n, m, sites);
  }
}

/** Residual vector E(u) of the Newton system (scaled coverage rates, site balances); returns max |E|. */
function residual(sys: KineticSystem, u: Float64Array, w: SteadyStateWork, E: Float64Array): number {
  const { n, sites } = sys;
  for (let k = 0; k < n; k++) w.theta[k] = Math.exp(u[k]!);
  for (let s = 0; s < sites; s++) w.free[s] = Math.exp(u[n + s]!);
  sys.rates(w.theta, w.r, w.free, w.fwd, w.rev);
  sys.coverageRates(w.r, w.dcov);
  sys.grossFlux(w.fwd, w.rev, w.gross);
  let maxGross = 0;
  for (let k = 0; k < n; k++) maxGross = Math.max(maxGross, w.gross[k]!);
  let max = 0;
  for (let k = 0; k < n; k++) {
    E[k] = w.dcov[k]! / (w.gross[k]! + 1e-30 * maxGross + FLUX_FLOOR);
    max = Math.max(max, Math.abs(E[k]!));
  }
  for (let s = 0; s < sites; s++) E[n + s] = w.free[s]! - 1;
  for (let k = 0; k < n; k++) E[n + sys.siteOf(k)]! += w.theta[k]!;
  for (let s = 0; s < sites; s++) max = Math.max(max, Math.abs(E[n + s]!));
  return max;
}

/** Jacobian of E with respect to u = (ln θ, ln θ*), using the gross fluxes of the last residual call as row scales. */
function jacobian(sys: KineticSystem, w: SteadyStateWork): void {
  const { n, m, sites } = sys;
  const N = w.N;
  sys.rateDerivatives(w.theta, w.free, w.dTheta, w.dFree);
  w.Jm.fill(0);
  let maxGross = 0;
  for (let k = 0; k < n; k++) maxGross = Math.max(maxGross, w.gross[k]!);
  for (let k = 0; k < n; k++) {
    const scale = 1 / (w.gross[k]! + 1e-30 * maxGross + FLUX_FLOOR);
    for (let j = 0; j < m; j++) {
      const nu = sys.nu(j, k);
      if (nu === 0) continue;
      for (let l = 0; l < n; l++) {
        const d = w.dTheta[j * n + l]!;
        if (d !== 0) w.Jm[k * N + l]! += nu * d * w.theta[l]! * scale;
      }
      for (let s = 0; s < sites; s++) {
        const d = w.dFree[j * sites + s]!;
        if (d !== 0) w.Jm[k * N + n + s]! += nu * d * w.free[s]! * scale;
      }
    }
  }
  for (let k = 0; k < n; k++) w.Jm[(n + sys.siteOf(k)) * N + k] = w.theta[k]!;
  for (let s = 0; s < sites; s++) w.Jm[(n + s) * N + n + s] = w.free[s]!;
}

/** Damped Newton on u = (ln θ, ln θ*) from the coverages `guess`; returns iterations used and success. */
function newton(sys: KineticSystem, guess: Float64Array, w: SteadyStateWork, o: FullSolverOptions): { ok: boolean; iterations: number } {
  const { n, sites } = sys;
  const N = w.N;
  const freeGuess = sys.freeSites(guess, new Float64Array(sites));
  for (let k = 0; k < n; k++) w.u[k] = Math.max(LOG_MIN, Math.log(Math.max(guess[k]!, 1e-250)));
  for (let s = 0; s < sites; s++) w.u[n + s] = Math.max(LOG_MIN, Math.log(Math.max(freeGuess[s]!, 1e-250)));
  let norm = residual(sys, w.u, w, w.E);
  let polish = 0;
  for (let it = 0; it < o.maxNewtonIterations; it++) {
    // Below tolerance, keep iterating while it still helps (up to 4 more): quadratic convergence makes the
    // small net rates of quasi-equilibrated steps accurate down to round-off of the gross fluxes.
    if (norm < o.steadyTolerance && (polish++ >= 4 || norm < 1e-15)) return { ok: true, iterations: it };
    jacobian(sys, w);
    if (!luFactor(w.Jm, N, w.piv)) return { ok: false, iterations: it };
    for (let i = 0; i < N; i++) w.du[i] = -w.E[i]!;
    luSolve(w.Jm, N, w.piv, w.du);
    let maxStep = 0;
    for (let i = 0; i < N; i++) {
      if (!Number.isFinite(w.du[i]!)) return { ok: false, iterations: it };
      maxStep = Math.max(maxStep, Math.abs(w.du[i]!));
    }
    let lambda = maxStep > 4 ? 4 / maxStep : 1;
    let accepted = false;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < N; i++) w.uTrial[i] = Math.min(0, Math.max(LOG_MIN, w.u[i]! + lambda * w.du[i]!));
      const trial = residual(sys, w.uTrial, w, w.ETrial);
      if (Number.isFinite(trial) && trial < norm * (1 - 1e-4 * lambda)) {
        w.u.set(w.uTrial);
        w.E.set(w.ETrial);
        norm = trial;
        accepted = true;
        break;
      }
      lambda /= 2;
    }
    if (!accepted) {
      residual(sys, w.u, w, w.E);
      return { ok: norm < o.steadyTolerance, iterations: it + 1 };
    }
    if (polish > 0 && norm < o.steadyTolerance) continue;
  }
  return { ok: norm < o.steadyTolerance, iterations: o.maxNewtonIterations };
}

/** Verifies a candidate: residual with free sites 1 − Σθ (not the solver's own), site balance. */
function verify(sys: KineticSystem, w: SteadyStateWork, method: SteadyStateResult['method'], iterations: number, tolerance: number): SteadyStateResult {
  const { n, sites } = sys;
  const theta = new Float64Array(n);
  for (let k = 0; k < n; k++) theta[k] = Math.exp(w.u[k]!);
  const freeCarried = new Float64Array(sites);
  for (let s = 0; s < sites; s++) freeCarried[s] = Math.exp(w.u[n + s]!);
  const rates = new Float64Array(sys.m);
  const fwd = new Float64Array(sys.m);
  const rev = new Float64Array(sys.m);
  sys.rates(theta, rates, freeCarried, fwd, rev);
  const dcov = sys.coverageRates(rates, new Float64Array(n));
  const gross = sys.grossFlux(fwd, rev, new Float64Array(n));
  let maxGross = 0;
  for (let k = 0; k < n; k++) maxGross = Math.max(maxGross, gross[k]!);
  let maxNet = 0;
  for (let j = 0; j < sys.m; j++) maxNet = Math.max(maxNet, Math.abs(rates[j]!));
  let res = 0;
  let netResidual = 0;
  let netClosed = true;
  for (let k = 0; k < n; k++) {
    const d = Math.abs(dcov[k]!);
    res = Math.max(res, d / (gross[k]! + 1e-30 * maxGross + FLUX_FLOOR));
    netResidual = Math.max(netResidual, d / (maxNet + 1e-300));
    // Net rates must close to 1e-6 of the largest net rate, unless round-off of the gross flux (or the
    // flux floor of a dead surface) forbids it.
    if (d > Math.max(1e-6 * maxNet, 1e-13 * gross[k]!, 1e-20)) netClosed = false;
  }
  const balance = sys.freeSites(theta, new Float64Array(sites));
  let siteBalanceError = 0;
  for (let s = 0; s < sites; s++) siteBalanceError = Math.max(siteBalanceError, Math.abs(balance[s]! - freeCarried[s]!));
  const converged = res <= 10 * tolerance && netClosed && siteBalanceError <= 1e-9 && theta.every(Number.isFinite);
  const grossRates = new Float64Array(sys.m);
  for (let j = 0; j < sys.m; j++) grossRates[j] = fwd[j]! + rev[j]!;
  return { converged, method: converged ? method : 'failed', newtonIterations: iterations, residual: res, netResidual, siteBalanceError, theta, free: freeCarried, rates, grossRates };
}

/**
 * Steady-state coverages of a kinetic system: damped Newton on log-coverages (free sites as unknowns with
 * the site balance as equations) from `guess`; when that fails, ROS2 time integration from the guess (or a
 * clean surface) to 10⁸ s, then Newton again. Every answer is verified (relative residual, site balance)
 * and reported as not converged rather than returned as if it were.
 */
export function solveSteadyState(sys: KineticSystem, options: FullSolverOptions, guess?: Float64Array, w = new SteadyStateWork(sys)): SteadyStateResult {
  const start = guess ?? new Float64Array(sys.n).fill(1e-3 / Math.max(1, sys.n));
  const first = newton(sys, start, w, options);
  if (first.ok) {
    const v = verify(sys, w, 'newton', first.iterations, options.steadyTolerance);
    if (v.converged) return v;
  }
  let theta: Float64Array = guess ? Float64Array.from(guess) : new Float64Array(sys.n);
  for (const tEnd of [1e2, 1e5, 1e8]) {
    const integrated = integrateCoverages(sys, theta, tEnd, options, w.integrator);
    theta = integrated.theta;
    const polish = newton(sys, theta, w, options);
    if (polish.ok) {
      const v = verify(sys, w, 'integration+newton', first.iterations + polish.iterations, options.steadyTolerance);
      if (v.converged) return v;
    }
  }
  // the last Newton left its best iterate in w.u: verify it (it may still pass), else report the failure
  return verify(sys, w, 'integration+newton', first.iterations, options.steadyTolerance);
}
