import { luFactor, luSolve } from '../../numerics/denseLU.js';
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
  /**
   * Error bound of every net step rate in {@link SteadyStateResult.rates}, s⁻¹ per site: the verified
   * residual and the round-off of the balances carried through the inverse Jacobian to the log-coverages,
   * then to the fluxes, plus the round-off of forward − reverse. Infinity when the state is not converged
   * or its Jacobian is singular. A rate is resolved to relative tolerance ρ when its bound is ≤ ρ·|rate|.
   */
  rateErrorPerS: Float64Array;
  /**
   * True when the state converged only with the flux floor (residuals relative to gross flux + 1e-12 s⁻¹):
   * a dead surface whose trace rates are not resolved by the balances (their error bounds show it).
   */
  floored: boolean;
  /** Forward + reverse flux of every step, s⁻¹ per site (the round-off scale of each net rate). */
  grossRates: Float64Array;
}

const LOG_MIN = -575; // θ ≥ 1e-250
/**
 * Flux floor, s⁻¹ per site, of the last-resort solve only: added to every gross flux when scaling residuals,
 * so a net imbalance below ~1e-22 s⁻¹ counts as zero and a dead (fully poisoned) surface that the plain
 * relative residuals cannot close still converges — with its trace rates marked by their error bounds.
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
  /** One value per site type, scratch (sums of non-dominant members; free sites from 1 − Σθ). */
  readonly siteScratch: Float64Array;
  readonly integrator: IntegratorWork;
  /** Member index (adsorbate k, or n + s for the free site of s) of each unknown. */
  readonly varMember: Int32Array;
  /** Dominant member of each site type (computed as 1 − Σ others). */
  readonly dominant: Int32Array;
  /** Site type of each member. */
  readonly memberSite: Int32Array;
  /** Unknown of each member (−1 for the dominant ones). */
  readonly memberVar: Int32Array;
  /** Flux floor of the residual scaling in use (0: plain relative residuals). */
  floor = 0;
  /** True when Jm holds the LU factors of the plain (floor 0) Jacobian near the current iterate. */
  luValid = false;
  /** Production and consumption of every adsorbate (see {@link KineticSystem.balanceTerms}). */
  readonly prod: Float64Array;
  readonly cons: Float64Array;
  /** Member exponents of every forward and reverse flux (m × (n + sites), {@link KineticSystem.memberExponents}). */
  readonly expF: Float64Array;
  readonly expB: Float64Array;
  /** ∂f_j/∂u_v and ∂b_j/∂u_v (m × N), scratch of the Jacobian. */
  readonly gf: Float64Array;
  readonly gb: Float64Array;
  /** Scratch of the error bounds: a column of J⁻¹, δ log-coverage per unknown, δ log per member. */
  readonly col: Float64Array;
  readonly du2: Float64Array;
  readonly memberLogError: Float64Array;
  /** The unfactored Jacobian of the last Newton iteration, and Levenberg–Marquardt scratch. */
  readonly Jsave: Float64Array;
  readonly Alm: Float64Array;
  /** JᵀJ of the Levenberg–Marquardt step, computed once per iteration (Alm is it damped, then factored). */
  readonly JtJ: Float64Array;
  readonly glm: Float64Array;
  readonly pivLm: Int32Array;
  /** The current state (coverages then free sites) when the unknowns are chosen again. */
  readonly pivotState: Float64Array;
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
    this.siteScratch = new Float64Array(sites);
    this.integrator = new IntegratorWork(n, m, sites);
    this.varMember = new Int32Array(n);
    this.dominant = new Int32Array(sites);
    this.memberSite = new Int32Array(n + sites);
    this.memberVar = new Int32Array(n + sites);
    this.prod = new Float64Array(n);
    this.cons = new Float64Array(n);
    this.expF = new Float64Array(m * (n + sites));
    this.expB = new Float64Array(m * (n + sites));
    sys.memberExponents(this.expF, this.expB);
    this.gf = new Float64Array(m * n);
    this.gb = new Float64Array(m * n);
    this.col = new Float64Array(n);
    this.du2 = new Float64Array(n);
    this.memberLogError = new Float64Array(n + sites);
    this.pivotState = new Float64Array(n + sites);
    this.Jsave = new Float64Array(n * n);
    this.Alm = new Float64Array(n * n);
    this.JtJ = new Float64Array(n * n);
    this.glm = new Float64Array(n);
    this.pivLm = new Int32Array(n);
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

/**
 * Merit of the line search: Euclidean norm of the logarithmic residual E (not of the bounded relative
 * residual tanh(E/2), which saturates far from the answer and then vetoes every damped step).
 */
function norm2(E: Float64Array, N: number): number {
  let s2 = 0;
  for (let i = 0; i < N; i++) s2 += E[i]! * E[i]!;
  return Math.sqrt(s2);
}

/** Newton iterations over which a start must make progress (see {@link newton}). */
const STALL_ITERATIONS = 12;

/** Offset of the logarithmic residual: keeps ln((P + τ)/(C + τ)) finite when a side is exactly 0. */
const TINY_FLUX = 1e-300;

/** τ of the residual ln((P + τ)/(C + τ)): tiny, or the flux floor of the last-resort pass. */
function offsetOf(w: SteadyStateWork, n: number): number {
  if (w.floor === 0) return TINY_FLUX;
  let maxGross = 0;
  for (let k = 0; k < n; k++) maxGross = Math.max(maxGross, w.prod[k]! + w.cons[k]!);
  return w.floor + 1e-30 * maxGross;
}

/**
 * Residual vector E(u): for every adsorbate the log of production over consumption, ln((P_k + τ)/(C_k + τ))
 * (≈ its net rate relative to its gross flux near the answer, and nearly linear in the log-coverages far
 * from it, where a relative residual saturates at ±1); returns max |E| (Infinity if infeasible). A member
 * at the lower bound that is still consumed faster than produced counts as balanced (the bound is the answer).
 */
function residual(sys: KineticSystem, u: Float64Array, w: SteadyStateWork, E: Float64Array): number {
  const { n } = sys;
  if (!unpack(sys, u, w)) return Number.POSITIVE_INFINITY;
  sys.balanceTerms(w.theta, w.free, w.fwd, w.rev, w.prod, w.cons);
  const tau = offsetOf(w, n);
  let max = 0;
  for (let k = 0; k < n; k++) {
    let e = Math.log((w.prod[k]! + tau) / (w.cons[k]! + tau));
    if (e < 0) {
      const v = w.memberVar[k]!;
      if (v >= 0 && u[v]! <= LOG_MIN) e = 0;
    }
    E[k] = e;
    max = Math.max(max, Math.abs(e));
  }
  return max;
}

/**
 * Jacobian of E with respect to u (the log of each non-dominant member): first ∂ln f_j/∂u_v and ∂ln b_j/∂u_v
 * from the member exponents (a dominant member x_d = 1 − Σ others contributes −ν_d·x_v/x_d), then
 * J_kv = ∂P_k/∂u_v/(P_k + τ) − ∂C_k/∂u_v/(C_k + τ) over the steps that touch adsorbate k.
 */
function jacobian(sys: KineticSystem, w: SteadyStateWork): void {
  const { n, m } = sys;
  const N = w.N;
  const width = n + sys.sites;
  const { gf, gb, expF, expB } = w;
  for (let v = 0; v < N; v++) {
    const member = w.varMember[v]!;
    const x = member < n ? w.theta[member]! : w.free[member - n]!;
    const dominant = w.dominant[w.memberSite[member]!]!;
    const xd = dominant < n ? w.theta[dominant]! : w.free[dominant - n]!;
    const ratio = x / xd;
    for (let j = 0; j < m; j++) {
      gf[j * N + v] = (expF[j * width + member]! - expF[j * width + dominant]! * ratio) * w.fwd[j]!;
      gb[j * N + v] = (expB[j * width + member]! - expB[j * width + dominant]! * ratio) * w.rev[j]!;
    }
  }
  w.Jm.fill(0);
  const tau = offsetOf(w, n);
  for (let k = 0; k < n; k++) {
    const own = w.memberVar[k]!;
    if (w.E[k] === 0 && own >= 0 && w.u[own]! <= LOG_MIN) {
      w.Jm[k * N + own] = 1; // keeps the bound: Newton's step for it is −E_k = 0
      continue;
    }
    const sp = 1 / (w.prod[k]! + tau);
    const sc = 1 / (w.cons[k]! + tau);
    for (let p = sys.adsStart[k]!; p < sys.adsStart[k + 1]!; p++) {
      const j = sys.adsSteps[p]!;
      const nu = sys.adsNu[p]!;
      // ν > 0: ∂E = ν·∂f/P − ν·∂b/C; ν < 0: ∂E = −ν·∂b/P + ν·∂f/C
      const a = nu > 0 ? nu * sp : nu * sc; // weight of ∂f_j
      const b = nu > 0 ? -nu * sc : -nu * sp; // weight of ∂b_j
      for (let v = 0; v < N; v++) w.Jm[k * N + v]! += a * gf[j * N + v]! + b * gb[j * N + v]!;
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
    w.memberVar[member] = -1;
    if (w.dominant[w.memberSite[member]!] === member) continue;
    w.memberVar[member] = v;
    const x = member < n ? theta[member]! : free[member - n]!;
    w.varMember[v] = member;
    // Start no lower than 1e-30 from coverages alone: a member that round-off put at 0 (e.g. the free site
    // of a poisoned surface, 1 − Σθ) is usually 1e-15…1e-30, reached in a few steps from here, not from
    // 1e-250. A whole state's values are a converged neighbour's own, kept as they are (down to the bound).
    w.u[v] = Math.max(LOG_MIN, Math.log(Math.max(x, whole ? 1e-300 : 1e-30)));
    v++;
  }
}

/** True when some non-dominant member is more than twice its site type's dominant member. */
function needsRepivot(sys: KineticSystem, w: SteadyStateWork): boolean {
  const n = sys.n;
  for (let v = 0; v < w.N; v++) {
    const member = w.varMember[v]!;
    const d = w.dominant[w.memberSite[member]!]!;
    const x = member < n ? w.theta[member]! : w.free[member - n]!;
    const xd = d < n ? w.theta[d]! : w.free[d - n]!;
    if (x > 2 * xd) return true;
  }
  return false;
}

/**
 * Largest step fraction that keeps every site type's dominant member positive: each of the k members of a
 * site type that the step raises may take at most 1/(k + 1) of the dominant member's share, so the step can
 * hand a site over from one dominant member to another (the next iteration then chooses the unknowns again)
 * instead of being rejected as infeasible and halved away.
 */
function feasibleStep(sys: KineticSystem, w: SteadyStateWork): number {
  const n = sys.n;
  const rising = w.siteScratch;
  rising.fill(0);
  for (let v = 0; v < w.N; v++) if (w.du[v]! > 0) rising[w.memberSite[w.varMember[v]!]!]!++;
  let lambda = 1;
  for (let v = 0; v < w.N; v++) {
    const step = w.du[v]!;
    if (!(step > 0)) continue;
    const member = w.varMember[v]!;
    const s = w.memberSite[member]!;
    const d = w.dominant[s]!;
    const x = member < n ? w.theta[member]! : w.free[member - n]!;
    const xd = d < n ? w.theta[d]! : w.free[d - n]!;
    const room = Math.log1p(xd / (rising[s]! + 1) / x);
    if (room < step * lambda) lambda = room / step;
  }
  return lambda;
}

/** Marquardt damping factors tried in turn (relative to the diagonal of JᵀJ). */
const LM_DAMPING = [1e-6, 1e-3, 1e-1, 1, 10, 1e3];

/**
 * One Levenberg–Marquardt step from w.u with the unfactored Jacobian in w.Jsave: (JᵀJ + μ·diag JᵀJ)·δ = −JᵀE
 * for increasing μ (a descent direction of ‖E‖ even where J is nearly singular), each capped at 8 in log
 * units and to feasibility; the first that lowers the merit is taken (w.u, w.E updated). Returns the new
 * merit, or −1 when none lowers it.
 */
function levenbergMarquardt(sys: KineticSystem, w: SteadyStateWork, merit: number): number {
  const N = w.N;
  const J = w.Jsave;
  const A = w.Alm;
  const JtJ = w.JtJ;
  const g = w.glm;
  // the normal equations once per iteration (JᵀJ is symmetric: the upper triangle, mirrored); each damping
  // value below only copies them and scales the diagonal
  for (let a = 0; a < N; a++) {
    let ga = 0;
    for (let k = 0; k < N; k++) ga += J[k * N + a]! * w.E[k]!;
    g[a] = ga;
    for (let b = a; b < N; b++) {
      let s = 0;
      for (let k = 0; k < N; k++) s += J[k * N + a]! * J[k * N + b]!;
      JtJ[a * N + b] = s;
      JtJ[b * N + a] = s;
    }
  }
  for (const mu of LM_DAMPING) {
    A.set(JtJ);
    for (let a = 0; a < N; a++) A[a * N + a] = JtJ[a * N + a]! * (1 + mu) + 1e-300;
    if (!luFactor(A, N, w.pivLm)) continue;
    for (let a = 0; a < N; a++) w.du[a] = -g[a]!;
    luSolve(A, N, w.pivLm, w.du);
    let maxStep = 0;
    for (let a = 0; a < N; a++) maxStep = Math.max(maxStep, Math.abs(w.du[a]!));
    if (!Number.isFinite(maxStep) || maxStep === 0) continue;
    const lambda = Math.min(maxStep > 8 ? 8 / maxStep : 1, feasibleStep(sys, w));
    for (let i = 0; i < N; i++) w.uTrial[i] = Math.min(0, Math.max(LOG_MIN, w.u[i]! + lambda * w.du[i]!));
    const trial = residual(sys, w.uTrial, w, w.ETrial);
    const trialMerit = norm2(w.ETrial, N);
    if (Number.isFinite(trial) && trialMerit < merit) {
      w.u.set(w.uTrial);
      w.E.set(w.ETrial);
      return trialMerit;
    }
  }
  return -1;
}

/** Damped Newton on the log of the non-dominant members from the coverages `guess`. */
function newton(sys: KineticSystem, guess: Float64Array, w: SteadyStateWork, o: FullSolverOptions): { ok: boolean; iterations: number } {
  const N = w.N;
  w.luValid = false;
  chooseVariables(sys, guess, w);
  let norm = residual(sys, w.u, w, w.E);
  if (!Number.isFinite(norm)) return { ok: false, iterations: 0 };
  // Line search on the 2-norm (every component may progress), convergence on the max-norm.
  let merit = norm2(w.E, N);
  let polish = 0;
  let meritBefore = merit; // the merit STALL_ITERATIONS iterations ago
  for (let it = 0; it < o.maxNewtonIterations; it++) {
    // Stagnation: a start whose merit fell by less than 10 % over the last STALL_ITERATIONS iterations
    // (a near-singular Jacobian far from the answer) is abandoned for the next start or the integrator.
    if (it > 0 && it % STALL_ITERATIONS === 0) {
      if (merit > 0.9 * meritBefore && norm >= o.steadyTolerance) return { ok: false, iterations: it };
      meritBefore = merit;
    }
    // Below tolerance, keep iterating once more (quadratic convergence): quadratic convergence makes the
    // small net rates of quasi-equilibrated steps accurate down to round-off of the gross fluxes.
    if (norm < o.steadyTolerance && (polish++ >= 1 || norm < 1e-15)) return { ok: true, iterations: it };
    if (N === 0) return { ok: true, iterations: it };
    if (needsRepivot(sys, w)) {
      // a member has overtaken its site's dominant one (e.g. the free site computed as 1 − Σθ is vanishing
      // while CO* takes over): choose the unknowns again from the current state, whose residual is unchanged
      for (let s = 0; s < w.pivotState.length; s++) w.pivotState[s] = s < sys.n ? w.theta[s]! : w.free[s - sys.n]!;
      chooseVariables(sys, w.pivotState, w);
      residual(sys, w.u, w, w.E);
    }
    jacobian(sys, w);
    w.Jsave.set(w.Jm);
    w.luValid = luFactor(w.Jm, N, w.piv);
    let maxStep = Number.POSITIVE_INFINITY;
    if (w.luValid) {
      for (let i = 0; i < N; i++) w.du[i] = -w.E[i]!;
      luSolve(w.Jm, N, w.piv, w.du);
      maxStep = 0;
      for (let i = 0; i < N; i++) maxStep = Math.max(maxStep, Math.abs(w.du[i]!));
      if (!Number.isFinite(maxStep)) maxStep = Number.POSITIVE_INFINITY;
    }
    if (w.floor > 0) w.luValid = false; // factors of the floored Jacobian: not the one the error bounds need
    let lambda = maxStep > 8 ? 8 / maxStep : 1;
    if (Number.isFinite(maxStep)) lambda = Math.min(lambda, feasibleStep(sys, w));
    let accepted = false;
    // a polishing step (already within tolerance) is taken whole or not at all: near round-off the merit
    // need not decrease, and halving it 30 times would cost 30 residuals for nothing. A Newton step that
    // must be cut below 1e-3 of itself points along a near-null direction of J: Levenberg–Marquardt instead.
    const polishing = norm < o.steadyTolerance;
    const maxTries = polishing ? 1 : lambda < 1e-3 ? 0 : 30;
    for (let tries = 0; tries < maxTries; tries++) {
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
    if (!accepted && !polishing) {
      const lm = levenbergMarquardt(sys, w, merit);
      if (lm >= 0) {
        merit = lm;
        norm = 0;
        for (let i = 0; i < N; i++) norm = Math.max(norm, Math.abs(w.E[i]!));
        accepted = true;
      }
    }
    if (!accepted) {
      residual(sys, w.u, w, w.E);
      return { ok: norm < o.steadyTolerance, iterations: it + 1 };
    }
    if (polish > 0 && norm < o.steadyTolerance) continue;
  }
  return { ok: norm < o.steadyTolerance, iterations: o.maxNewtonIterations };
}

/**
 * Error bounds of the net step rates at the state in w.u (plain relative residual E in w.E and its Jacobian's
 * LU factors in w.Jm): δu ≤ |J⁻¹|·(|E| + 8ε) for the log of every unknown, the dominant members' errors from
 * the site balance, then {@link KineticSystem.rateErrors}. Writes into `out` (Infinity when J is singular).
 */
function rateErrorBounds(sys: KineticSystem, w: SteadyStateWork, out: Float64Array): void {
  const { n, sites } = sys;
  const N = w.N;
  if (!w.luValid) {
    const floor = w.floor;
    w.floor = 0;
    residual(sys, w.u, w, w.E);
    w.floor = floor;
    if (N > 0) {
      jacobian(sys, w);
      w.luValid = luFactor(w.Jm, N, w.piv);
    } else w.luValid = true;
  } else {
    residual(sys, w.u, w, w.E); // the fluxes of the final iterate (the factors may be of the one before)
  }
  if (!w.luValid) {
    out.fill(Number.POSITIVE_INFINITY);
    return;
  }
  const du = w.du2;
  du.fill(0);
  for (let k = 0; k < N; k++) {
    const eta = Math.abs(w.E[k]!) + 8 * Number.EPSILON;
    w.col.fill(0);
    w.col[k] = 1;
    luSolve(w.Jm, N, w.piv, w.col);
    for (let v = 0; v < N; v++) du[v]! += Math.abs(w.col[v]!) * eta;
  }
  const le = w.memberLogError;
  w.siteScratch.fill(0);
  for (let member = 0; member < n + sites; member++) {
    const v = w.memberVar[member]!;
    if (v < 0) continue;
    le[member] = du[v]!;
    const x = member < n ? w.theta[member]! : w.free[member - n]!;
    w.siteScratch[w.memberSite[member]!]! += x * du[v]!;
  }
  for (let s = 0; s < sites; s++) {
    const d = w.dominant[s]!;
    const x = d < n ? w.theta[d]! : w.free[d - n]!;
    le[d] = w.siteScratch[s]! / x + 2 * Number.EPSILON;
  }
  for (let i = 0; i < le.length; i++) if (!Number.isFinite(le[i]!)) le[i] = Number.POSITIVE_INFINITY;
  sys.rateErrors(w.fwd, w.rev, le, out);
}

/**
 * Verifies a candidate: residual with free sites 1 − Σθ (not the solver's own), site balance, net-rate
 * closure; then the error bound of every net rate ({@link rateErrorBounds}).
 */
function verify(sys: KineticSystem, w: SteadyStateWork, method: SteadyStateResult['method'], iterations: number, tolerance: number): SteadyStateResult {
  const { n, sites } = sys;
  unpack(sys, w.u, w);
  // the answer's arrays are its own (views of one allocation); the rest is scratch of the work arrays
  const m = sys.m;
  const buffer = new Float64Array(n + sites + 3 * m);
  const state = buffer.subarray(0, n + sites);
  state.set(w.theta);
  state.set(w.free, n);
  const theta = state.subarray(0, n);
  const freeCarried = state.subarray(n);
  const rates = buffer.subarray(n + sites, n + sites + m);
  const grossRates = buffer.subarray(n + sites + m, n + sites + 2 * m);
  const rateErrorPerS = buffer.subarray(n + sites + 2 * m);
  const { fwd, rev, dcov, gross } = w;
  sys.residualTerms(theta, freeCarried, rates, fwd, rev, dcov, gross);
  const floored = w.floor > 0;
  let maxGross = 0;
  for (let k = 0; k < n; k++) maxGross = Math.max(maxGross, gross[k]!);
  let maxNet = 0;
  for (let j = 0; j < sys.m; j++) maxNet = Math.max(maxNet, Math.abs(rates[j]!));
  let res = 0;
  let netResidual = 0;
  let netClosed = true;
  for (let k = 0; k < n; k++) {
    const d = Math.abs(dcov[k]!);
    const v = w.memberVar[k]!;
    const atBound = dcov[k]! < 0 && v >= 0 && w.u[v]! <= LOG_MIN;
    res = Math.max(res, atBound ? 0 : floored ? d / (gross[k]! + 1e-30 * maxGross + w.floor) : d / Math.max(gross[k]!, 1e-300));
    netResidual = Math.max(netResidual, d / (maxNet + 1e-300));
    // Net rates must close to 1e-6 of the largest net rate, unless round-off of the gross flux (or the
    // flux floor of a dead surface) forbids it.
    if (d > Math.max(1e-6 * maxNet, 1e-13 * gross[k]!, 1e-20) && !atBound) netClosed = false;
  }
  const balance = sys.freeSites(theta, w.siteScratch);
  let siteBalanceError = 0;
  for (let s = 0; s < sites; s++) siteBalanceError = Math.max(siteBalanceError, Math.abs(balance[s]! - freeCarried[s]!));
  const converged = res <= 10 * tolerance && netClosed && siteBalanceError <= 1e-9 && theta.every(Number.isFinite);
  for (let j = 0; j < m; j++) grossRates[j] = fwd[j]! + rev[j]!;
  if (converged) rateErrorBounds(sys, w, rateErrorPerS);
  else rateErrorPerS.fill(Number.POSITIVE_INFINITY);
  return {
    converged,
    method: converged ? method : 'failed',
    newtonIterations: iterations,
    residual: res,
    netResidual,
    siteBalanceError,
    theta,
    free: freeCarried,
    state,
    rates,
    grossRates,
    rateErrorPerS,
    floored: converged && floored,
  };
}

/**
 * Which searches {@link solveSteadyState} runs after Newton from the guess and the alternatives. A caller that
 * has already run the full search at the same rate constants (the homotopy's last step, after the direct
 * solve failed) skips the parts that would only repeat it.
 */
export interface SolvePlan {
  /** Fresh, clean-surface and poisoned-surface starts (default true). */
  otherStarts: boolean;
  /** Time integration from a clean surface (default true; the integration from the guess always runs). */
  integrateFromClean: boolean;
  /** The last-resort pass with the flux floor (default true). */
  flooredPass: boolean;
}

/** Every search: what a solve without a history runs. */
export const FULL_SEARCH: Readonly<SolvePlan> = { otherStarts: true, integrateFromClean: true, flooredPass: true };

/**
 * Steady-state coverages of a kinetic system: damped Newton on log-coverages from `guess`, then from
 * `alternatives` (e.g. other converged neighbours), fresh starts and poisoned-surface starts; when that
 * fails, ROS2 time integration from the guess (or a clean surface) to 10⁸ s, then Newton again. Residuals
 * are each adsorbate's net rate relative to its gross flux (production + consumption), without any floor,
 * so trace coverages of a poisoned surface are resolved like any other; only when no start converges that
 * way does a last pass accept a residual relative to gross flux + 1e-12 s⁻¹ (`floored`). Every answer is
 * verified (relative residual, site balance) and reported as not converged rather than returned as if it
 * were, and carries an error bound for every net rate. A guess or alternative is coverages, or a whole
 * state (coverages then free sites, {@link SteadyStateResult.state}: continuation from a poisoned surface
 * then starts from its true free-site fraction).
 */
export function solveSteadyState(
  sys: KineticSystem,
  options: FullSolverOptions,
  guess?: Float64Array,
  w = new SteadyStateWork(sys),
  alternatives: Float64Array[] = [],
  plan: Readonly<SolvePlan> = FULL_SEARCH,
): SteadyStateResult {
  w.floor = 0;
  const fresh = () => new Float64Array(sys.n).fill(1e-3 / Math.max(1, sys.n));
  const first = newton(sys, guess ?? fresh(), w, options);
  if (first.ok) {
    const v = verify(sys, w, 'newton', first.iterations, options.steadyTolerance);
    if (v.converged) return v;
  }
  // Multi-start before integrating: a nearly clean surface, then each adsorbate nearly covering its site
  // (poisoned states are where continuation most often starts from the wrong side).
  let iterations = first.iterations;
  const starts: Float64Array[] = [...alternatives];
  if (plan.otherStarts) {
    if (guess) starts.push(fresh());
    starts.push(new Float64Array(sys.n).fill(1e-6));
    for (let k = 0; k < sys.n; k++) {
      const g = new Float64Array(sys.n).fill(1e-9);
      g[k] = 0.999;
      starts.push(g);
    }
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
  const integrated: Float64Array[] = [];
  const origins = guess ? [guess.subarray(0, sys.n)] : [];
  if (plan.integrateFromClean || !guess) origins.push(new Float64Array(sys.n));
  for (const origin of origins) {
    let theta: Float64Array = Float64Array.from(origin);
    for (const tEnd of [1e2, 1e5, 1e8]) {
      theta = integrateCoverages(sys, theta, tEnd, rough, w.integrator).theta;
      const polish = newton(sys, theta, w, options);
      iterations += polish.iterations;
      if (polish.ok) {
        const v = verify(sys, w, 'integration+newton', iterations, options.steadyTolerance);
        if (v.converged) return v;
      }
    }
    integrated.push(theta);
  }
  if (!plan.flooredPass) {
    // the last Newton's state, verified (reported as not converged unless it passes verification)
    return verify(sys, w, 'integration+newton', iterations, options.steadyTolerance);
  }
  // Last resort: the flux floor (a dead surface's trace balances count as closed), from the guess and the
  // integrated states; the rate error bounds then say which rates the balances did not resolve.
  w.floor = FLUX_FLOOR;
  let last: SteadyStateResult | undefined;
  for (const g of [...(guess ? [guess] : []), ...integrated]) {
    const attempt = newton(sys, g, w, options);
    iterations += attempt.iterations;
    last = verify(sys, w, 'integration+newton', iterations, options.steadyTolerance);
    if (last.converged) break;
  }
  w.floor = 0;
  return last!;
}
