import { luFactor, luSolve } from '../../chem/denseLU.js';
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
  /** Adsorbate coverages (fractions of their site type); a view of {@link SteadyStateResult.state}. */
  theta: Float64Array;
  /** Free-site fraction per site type; a view of {@link SteadyStateResult.state}. */
  free: Float64Array;
  /**
   * Coverages then free sites (n + sites values): the start to continue from. It keeps the free-site
   * fraction of a poisoned surface (e.g. 1e-17) that 1 − Σθ loses to round-off.
   */
  state: Float64Array;
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
  /** Unknowns: every coverage and free site except each site type's dominant member, as logarithms. */
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
  /** ∂r_j/∂x of every member (m × (n + sites)), see {@link KineticSystem.rateDerivatives}. */
  readonly dMember: Float64Array;
  /** One value per site type, scratch (sums of non-dominant members; free sites from 1 − Σθ). */
  readonly siteScratch: Float64Array;
  /** d r_j / d u_v for the Newton unknowns (m × N), scratch of the Jacobian. */
  readonly drdu: Float64Array;
  readonly integrator: IntegratorWork;
  /** Member index (adsorbate k, or n + s for the free site of s) of each unknown. */
  readonly varMember: Int32Array;
  /** Dominant member of each site type (computed as 1 − Σ others). */
  readonly dominant: Int32Array;
  /** Site type of each member. */
  readonly memberSite: Int32Array;
  constructor(sys: KineticSystem) {
    const { n, m, sites } = sys;
    this.N = n;
    this.u = new Float64Array(n);
    this.uTrial = new Float64Array(n);
    this.E = new Float64Array(n);
    this.ETrial = new Float64Array(n);
    this.Jm = new Float64Array(n * n);
    this.du = new Float64Array(n);
    this.piv = new Int32Array(n);
    this.theta = new Float64Array(n);
    this.free = new Float64Array(sites);
    this.r = new Float64Array(m);
    this.fwd = new Float64Array(m);
    this.rev = new Float64Array(m);
    this.dcov = new Float64Array(n);
    this.gross = new Float64Array(n);
    this.dMember = new Float64Array(m * (n + sites));
    this.siteScratch = new Float64Array(sites);
    this.drdu = new Float64Array(m * n);
    this.integrator = new IntegratorWork(n, m, sites);
    this.varMember = new Int32Array(n);
    this.dominant = new Int32Array(sites);
    this.memberSite = new Int32Array(n + sites);
    for (let k = 0; k < n; k++) this.memberSite[k] = sys.siteOf(k);
    for (let s = 0; s < sites; s++) this.memberSite[n + s] = s;
  }
}

/**
 * Fills θ and θ* from the unknowns: non-dominant members are exp(u); each site type's dominant member is
 * 1 − Σ of the others (so the site balance holds exactly and a coverage near 1 keeps full precision in
 * its small complement). Returns false when a dominant member would be negative.
 */
function unpack(sys: KineticSystem, u: Float64Array, w: SteadyStateWork): boolean {
  const { n, sites } = sys;
  const rest = w.siteScratch; // Σ of non-dominant members per site
  rest.fill(0);
  for (let i = 0; i < w.N; i++) {
    const x = Math.exp(u[i]!);
    const member = w.varMember[i]!;
    if (member < n) w.theta[member] = x;
    else w.free[member - n] = x;
    rest[w.memberSite[member]!]! += x;
  }
  for (let s = 0; s < sites; s++) {
    const d = 1 - rest[s]!;
    if (!(d > 0)) return false;
    const member = w.dominant[s]!;
    if (member < n) w.theta[member] = d;
    else w.free[member - n] = d;
  }
  return true;
}

/** Euclidean norm of the first N entries. */
function norm2(E: Float64Array, N: number): number {
  let s2 = 0;
  for (let i = 0; i < N; i++) s2 += E[i]! * E[i]!;
  return Math.sqrt(s2);
}

/** Residual vector E(u): scaled coverage rates of every adsorbate; returns max |E| (Infinity if infeasible). */
function residual(sys: KineticSystem, u: Float64Array, w: SteadyStateWork, E: Float64Array): number {
  const { n } = sys;
  if (!unpack(sys, u, w)) return Number.POSITIVE_INFINITY;
  sys.residualTerms(w.theta, w.free, w.r, w.fwd, w.rev, w.dcov, w.gross);
  let maxGross = 0;
  for (let k = 0; k < n; k++) maxGross = Math.max(maxGross, w.gross[k]!);
  let max = 0;
  for (let k = 0; k < n; k++) {
    E[k] = w.dcov[k]! / (w.gross[k]! + 1e-30 * maxGross + FLUX_FLOOR);
    max = Math.max(max, Math.abs(E[k]!));
  }
  return max;
}

/**
 * Jacobian of E with respect to u (the log of each non-dominant member), row-scaled like E: first
 * d r_j/d u_v = (∂r_j/∂x_v − ∂r_j/∂x_dominant)·x_v for every step and unknown, then J_kv = Σ_j ν_kj·d r_j/d u_v
 * over the steps that touch adsorbate k.
 */
function jacobian(sys: KineticSystem, w: SteadyStateWork): void {
  const { n, m } = sys;
  const N = w.N;
  const width = n + sys.sites;
  sys.rateDerivatives(w.theta, w.free, w.dMember);
  for (let v = 0; v < N; v++) {
    const member = w.varMember[v]!;
    const x = member < n ? w.theta[member]! : w.free[member - n]!;
    const dominant = w.dominant[w.memberSite[member]!]!;
    for (let j = 0; j < m; j++) w.drdu[j * N + v] = (w.dMember[j * width + member]! - w.dMember[j * width + dominant]!) * x;
  }
  w.Jm.fill(0);
  let maxGross = 0;
  for (let k = 0; k < n; k++) maxGross = Math.max(maxGross, w.gross[k]!);
  for (let k = 0; k < n; k++) {
    const scale = 1 / (w.gross[k]! + 1e-30 * maxGross + FLUX_FLOOR);
    for (let p = sys.adsStart[k]!; p < sys.adsStart[k + 1]!; p++) {
      const j = sys.adsSteps[p]!;
      const f = sys.adsNu[p]! * scale;
      for (let v = 0; v < N; v++) w.Jm[k * N + v]! += f * w.drdu[j * N + v]!;
    }
  }
}

/**
 * Chooses each site type's dominant member (largest value) and sets up the unknowns, from coverages — or
 * from a whole state (coverages then free sites, as {@link SteadyStateResult.state}), whose free sites are
 * then taken as given instead of 1 − Σθ.
 */
function chooseVariables(sys: KineticSystem, guess: Float64Array, w: SteadyStateWork): void {
  const { n, sites } = sys;
  const theta = guess.subarray(0, n);
  const whole = guess.length === n + sites;
  const free = whole ? guess.subarray(n) : sys.freeSites(theta, w.siteScratch);
  for (let s = 0; s < sites; s++) {
    let best = n + s;
    let bestValue = free[s]!;
    for (let k = 0; k < n; k++) if (sys.siteOf(k) === s && theta[k]! > bestValue) [best, bestValue] = [k, theta[k]!];
    w.dominant[s] = best;
  }
  let v = 0;
  for (let member = 0; member < n + sites; member++) {
    if (w.dominant[w.memberSite[member]!] === member) continue;
    const x = member < n ? theta[member]! : free[member - n]!;
    w.varMember[v] = member;
    // Start no lower than 1e-30 from coverages alone: a member that round-off put at 0 (e.g. the free site
    // of a poisoned surface, 1 − Σθ) is usually 1e-15…1e-30, reached in a few steps from here, not from
    // 1e-250. A whole state's values are a converged neighbour's own: kept down to 1e-40, since a dead
    // adsorbate converges only once its consumption flux is below the flux floor (θ ≲ 1e-35 for fast steps),
    // and Newton in log θ brings a too-high one down by only a factor e per iteration.
    w.u[v] = Math.log(Math.max(x, whole ? 1e-40 : 1e-30));
    v++;
  }
}

/** Damped Newton on the log of the non-dominant members from the coverages `guess`. */
function newton(sys: KineticSystem, guess: Float64Array, w: SteadyStateWork, o: FullSolverOptions): { ok: boolean; iterations: number } {
  const N = w.N;
  chooseVariables(sys, guess, w);
  let norm = residual(sys, w.u, w, w.E);
  if (!Number.isFinite(norm)) return { ok: false, iterations: 0 };
  // Line search on the 2-norm (every component may progress), convergence on the max-norm.
  let merit = norm2(w.E, N);
  let polish = 0;
  for (let it = 0; it < o.maxNewtonIterations; it++) {
    // Below tolerance, keep iterating once more (quadratic convergence): quadratic convergence makes the
    // small net rates of quasi-equilibrated steps accurate down to round-off of the gross fluxes.
    if (norm < o.steadyTolerance && (polish++ >= 1 || norm < 1e-15)) return { ok: true, iterations: it };
    if (N === 0) return { ok: true, iterations: it };
    jacobian(sys, w);
    if (!luFactor(w.Jm, N, w.piv)) return { ok: norm < o.steadyTolerance, iterations: it };
    for (let i = 0; i < N; i++) w.du[i] = -w.E[i]!;
    luSolve(w.Jm, N, w.piv, w.du);
    let maxStep = 0;
    for (let i = 0; i < N; i++) {
      if (!Number.isFinite(w.du[i]!)) return { ok: norm < o.steadyTolerance, iterations: it };
      maxStep = Math.max(maxStep, Math.abs(w.du[i]!));
    }
    let lambda = maxStep > 8 ? 8 / maxStep : 1;
    let accepted = false;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < N; i++) w.uTrial[i] = Math.min(0, Math.max(LOG_MIN, w.u[i]! + lambda * w.du[i]!));
      const trial = residual(sys, w.uTrial, w, w.ETrial);
      const trialMerit = norm2(w.ETrial, N);
      if (Number.isFinite(trial) && trialMerit < merit * (1 - 1e-4 * lambda)) {
        w.u.set(w.uTrial);
        w.E.set(w.ETrial);
        norm = trial;
        merit = trialMerit;
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

/** Verifies a candidate: residual with free sites 1 − Σθ (not the solver's own), site balance, net-rate closure. */
function verify(sys: KineticSystem, w: SteadyStateWork, method: SteadyStateResult['method'], iterations: number, tolerance: number): SteadyStateResult {
  const { n, sites } = sys;
  unpack(sys, w.u, w);
  // the answer's arrays are its own; the rest is scratch of the work arrays
  const state = new Float64Array(n + sites);
  state.set(w.theta);
  state.set(w.free, n);
  const theta = state.subarray(0, n);
  const freeCarried = state.subarray(n);
  const rates = new Float64Array(sys.m);
  const { fwd, rev, dcov, gross } = w;
  sys.residualTerms(theta, freeCarried, rates, fwd, rev, dcov, gross);
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
  const balance = sys.freeSites(theta, w.siteScratch);
  let siteBalanceError = 0;
  for (let s = 0; s < sites; s++) siteBalanceError = Math.max(siteBalanceError, Math.abs(balance[s]! - freeCarried[s]!));
  const converged = res <= 10 * tolerance && netClosed && siteBalanceError <= 1e-9 && theta.every(Number.isFinite);
  const grossRates = new Float64Array(sys.m);
  for (let j = 0; j < sys.m; j++) grossRates[j] = fwd[j]! + rev[j]!;
  return { converged, method: converged ? method : 'failed', newtonIterations: iterations, residual: res, netResidual, siteBalanceError, theta, free: freeCarried, state, rates, grossRates };
}

/**
 * Steady-state coverages of a kinetic system: damped Newton on log-coverages from `guess`, then from
 * `alternatives` (e.g. other converged neighbours), fresh starts and poisoned-surface starts; when that fails, ROS2 time integration from the guess (or a
 * clean surface) to 10⁸ s, then Newton again. Every answer is verified (relative residual, site balance)
 * and reported as not converged rather than returned as if it were. A guess or alternative is coverages,
 * or a whole state (coverages then free sites, {@link SteadyStateResult.state}: continuation from a
 * poisoned surface then starts from its true free-site fraction).
 */
export function solveSteadyState(sys: KineticSystem, options: FullSolverOptions, guess?: Float64Array, w = new SteadyStateWork(sys), alternatives: Float64Array[] = []): SteadyStateResult {
  const fresh = () => new Float64Array(sys.n).fill(1e-3 / Math.max(1, sys.n));
  const first = newton(sys, guess ?? fresh(), w, options);
  if (first.ok) {
    const v = verify(sys, w, 'newton', first.iterations, options.steadyTolerance);
    if (v.converged) return v;
  }
  // Multi-start before integrating: a nearly clean surface, then each adsorbate nearly covering its site
  // (poisoned states are where continuation most often starts from the wrong side).
  let iterations = first.iterations;
  const starts: Float64Array[] = [...alternatives, ...(guess ? [fresh()] : []), new Float64Array(sys.n).fill(1e-6)];
  for (let k = 0; k < sys.n; k++) {
    const g = new Float64Array(sys.n).fill(1e-9);
    g[k] = 0.999;
    starts.push(g);
  }
  for (const g of starts) {
    const attempt = newton(sys, g, w, options);
    iterations += attempt.iterations;
    if (attempt.ok) {
      const v = verify(sys, w, 'newton', iterations, options.steadyTolerance);
      if (v.converged) return v;
    }
  }
  // The integration only has to bring Newton into its basin: loose tolerances, Newton polishes after.
  // From the guess first, then from a clean surface (the physical start of an experiment).
  const rough = { ...options, rtol: Math.max(options.rtol, 1e-3), atol: Math.max(options.atol, 1e-9) };
  for (const origin of guess ? [guess.subarray(0, sys.n), new Float64Array(sys.n)] : [new Float64Array(sys.n)]) {
    let theta: Float64Array = Float64Array.from(origin);
    for (const tEnd of [1e2, 1e5, 1e8]) {
      const integrated = integrateCoverages(sys, theta, tEnd, rough, w.integrator);
      theta = integrated.theta;
      const polish = newton(sys, theta, w, options);
      iterations += polish.iterations;
      if (polish.ok) {
        const v = verify(sys, w, 'integration+newton', iterations, options.steadyTolerance);
        if (v.converged) return v;
      }
    }
  }
  // the last Newton left its best iterate in w.u: verify it (it may still pass), else report the failure
  return verify(sys, w, 'integration+newton', iterations, options.steadyTolerance);
}
