import { luFactor, luSolve } from '../../numerics/denseLU.js';
import type { KineticSystem } from './kineticSystem.js';
import type { FullSolverOptions } from './solverOptions.js';

/** Result of {@link integrateCoverages}. */
export interface IntegrationResult {
  /** Coverages at the end time (new array). */
  theta: Float64Array;
  /** Time reached, s. */
  t: number;
  steps: number;
  rejected: number;
  /** ∫ r_j dt over the interval, per step (site⁻¹). */
  integratedRates: Float64Array;
  /** False when the step limit or a singular matrix stopped the integration early. */
  completed: boolean;
}

/** Reusable work arrays of one system size. */
export class IntegratorWork {
  readonly J: Float64Array;
  readonly A: Float64Array;
  readonly piv: Int32Array;
  readonly k1: Float64Array;
  readonly k2: Float64Array;
  readonly y1: Float64Array;
  readonly f: Float64Array;
  readonly r: Float64Array;
  /** ∂r_j/∂x of every member (m × (n + sites)), see {@link KineticSystem.rateDerivatives}. */
  readonly dMember: Float64Array;
  readonly free: Float64Array;
  readonly q1: Float64Array;
  readonly q2: Float64Array;
  constructor(n: number, m: number, sites: number) {
    this.J = new Float64Array(n * n);
    this.A = new Float64Array(n * n);
    this.piv = new Int32Array(n);
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.y1 = new Float64Array(n);
    this.f = new Float64Array(n);
    this.r = new Float64Array(m);
    this.dMember = new Float64Array(m * (n + sites));
    this.free = new Float64Array(sites);
    this.q1 = new Float64Array(m);
    this.q2 = new Float64Array(m);
  }
}

/** Coverage Jacobian ∂(dθ/dt)/∂θ with free sites 1 − Σθ, into `w.J`. */
export function coverageJacobian(sys: KineticSystem, theta: Float64Array, w: IntegratorWork): void {
  const { n, m } = sys;
  sys.freeSites(theta, w.free);
  sys.rateDerivatives(theta, w.free, w.dMember);
  const width = n + sys.sites;
  w.J.fill(0);
  for (let j = 0; j < m; j++) {
    for (let p = sys.stepStart[j]!; p < sys.stepStart[j + 1]!; p++) {
      const k = sys.stepAds[p]!;
      const nu = sys.stepNu[p]!;
      for (let l = 0; l < n; l++) {
        const d = w.dMember[j * width + l]! - w.dMember[j * width + n + sys.siteOf(l)]!;
        if (d !== 0) w.J[k * n + l]! += nu * d;
      }
    }
  }
}

function f(sys: KineticSystem, theta: Float64Array, w: IntegratorWork, out: Float64Array, rOut: Float64Array): void {
  sys.rates(theta, rOut);
  sys.coverageRates(rOut, out);
}

/**
 * Integrates dθ/dt from `theta0` over [0, tEnd] s with the L-stable two-stage Rosenbrock method ROS2
 * (γ = 1 + 1/√2; Verwer et al., SIAM J. Sci. Comput. 20, 1456 (1999)) using the analytic Jacobian, with
 * step-size control from the embedded first-order solution. Every step's net rate is integrated over time
 * as extra ODE components q_j' = r_j(θ) solved with the same Rosenbrock stages and error control, so that
 * the charge passed stays exact when a potential jump makes the rates spike faster than the steps resolve.
 */
export function integrateCoverages(
  sys: KineticSystem,
  theta0: Float64Array,
  tEnd: number,
  options: FullSolverOptions,
  w = new IntegratorWork(sys.n, sys.m, sys.sites),
  initialStep = 1e-12,
): IntegrationResult {
  const { n, m } = sys;
  const gamma = 1 + 1 / Math.SQRT2;
  const y = Float64Array.from(theta0);
  const integratedRates = new Float64Array(m);
  let t = 0;
  let h = Math.min(initialStep, tEnd);
  let steps = 0;
  let rejected = 0;
  // dq_j/dθ_l = dr_j/dθ_l − dr_j/dθ*_site(l) (free sites follow 1 − Σθ)
  const width = n + sys.sites;
  const dr = (j: number, l: number) => w.dMember[j * width + l]! - w.dMember[j * width + n + sys.siteOf(l)]!;
  while (t < tEnd) {
    if (steps + rejected >= options.maxSteps) return { theta: y, t, steps, rejected, integratedRates, completed: false };
    if (t + h > tEnd) h = tEnd - t;
    coverageJacobian(sys, y, w);
    for (let i = 0; i < n * n; i++) w.A[i] = -gamma * h * w.J[i]!;
    for (let i = 0; i < n; i++) w.A[i * n + i]! += 1;
    if (!luFactor(w.A, n, w.piv)) return { theta: y, t, steps, rejected, integratedRates, completed: false };
    f(sys, y, w, w.k1, w.r);
    luSolve(w.A, n, w.piv, w.k1);
    for (let j = 0; j < m; j++) {
      let s1 = w.r[j]!;
      for (let l = 0; l < n; l++) s1 += gamma * h * dr(j, l) * w.k1[l]!;
      w.q1[j] = s1;
    }
    for (let i = 0; i < n; i++) w.y1[i] = y[i]! + h * w.k1[i]!;
    f(sys, w.y1, w, w.k2, w.r);
    for (let i = 0; i < n; i++) w.k2[i]! -= 2 * w.k1[i]!;
    luSolve(w.A, n, w.piv, w.k2);
    for (let j = 0; j < m; j++) {
      let s2 = w.r[j]! - 2 * w.q1[j]!;
      for (let l = 0; l < n; l++) s2 += gamma * h * dr(j, l) * w.k2[l]!;
      w.q2[j] = s2;
    }
    // error = y_{n+1} − (y_n + h k1) = h (k1 + k2) / 2, for coverages and integrated rates alike
    let err = 0;
    for (let i = 0; i < n; i++) {
      const yNew = y[i]! + 1.5 * h * w.k1[i]! + 0.5 * h * w.k2[i]!;
      const e = 0.5 * h * (w.k1[i]! + w.k2[i]!);
      const scale = options.atol + options.rtol * Math.max(Math.abs(y[i]!), Math.abs(yNew));
      err = Math.max(err, Math.abs(e) / scale);
    }
    for (let j = 0; j < m; j++) {
      const qNew = integratedRates[j]! + 1.5 * h * w.q1[j]! + 0.5 * h * w.q2[j]!;
      const e = 0.5 * h * (w.q1[j]! + w.q2[j]!);
      const scale = options.atol + options.rtol * Math.max(Math.abs(integratedRates[j]!), Math.abs(qNew));
      err = Math.max(err, Math.abs(e) / scale);
    }
    if (err <= 1 || h < 1e-18) {
      for (let i = 0; i < n; i++) y[i] = Math.min(1, Math.max(0, y[i]! + 1.5 * h * w.k1[i]! + 0.5 * h * w.k2[i]!));
      for (let j = 0; j < m; j++) integratedRates[j]! += 1.5 * h * w.q1[j]! + 0.5 * h * w.q2[j]!;
      t += h;
      steps++;
    } else {
      rejected++;
    }
    h *= Math.min(5, Math.max(0.2, 0.9 / Math.sqrt(Math.max(err, 1e-10))));
  }
  return { theta: y, t, steps, rejected, integratedRates, completed: true };
}
