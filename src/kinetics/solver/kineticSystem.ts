import type { CompiledModel } from '../parser/compileModel.js';
import type { RateConstants } from '../thermodynamics/rateConstants.js';

/** One side of a step as flat factor arrays: kind 0 = adsorbate (index into θ), 1 = free site (site index). */
interface Side {
  kind: Int8Array;
  index: Int32Array;
  nu: Float64Array;
  activity: number;
}

function side(ads: number[], adsNu: number[], free: number[], freeNu: number[], activity: number): Side {
  const n = ads.length + free.length;
  const s: Side = { kind: new Int8Array(n), index: new Int32Array(n), nu: new Float64Array(n), activity };
  ads.forEach((a, i) => {
    s.kind[i] = 0;
    s.index[i] = a;
    s.nu[i] = adsNu[i]!;
  });
  free.forEach((f, i) => {
    s.kind[ads.length + i] = 1;
    s.index[ads.length + i] = f;
    s.nu[ads.length + i] = freeNu[i]!;
  });
  return s;
}

const pow = (x: number, nu: number) => (nu === 1 ? x : nu === 2 ? x * x : x ** nu);

/**
 * The mean-field rate equations of a compiled model: rates r_j = k_f·a_f·Πθ^ν − k_r·a_r·Πθ^ν with free sites
 * per site type, dθ/dt = Σ_j ν r_j, and analytic derivatives with respect to adsorbate coverages and free
 * sites. Allocation-free after construction: callers pass output arrays.
 */
export class KineticSystem {
  /** Number of adsorbates (coverage unknowns). */
  readonly n: number;
  /** Number of site types. */
  readonly sites: number;
  /** Number of steps. */
  readonly m: number;
  readonly model: CompiledModel;
  readonly kf: Float64Array;
  readonly kr: Float64Array;
  private readonly fwd: Side[];
  private readonly rev: Side[];
  private readonly adsSite: Int32Array;
  private readonly free: Float64Array;
  /**
   * The nonzero ν of each step, compressed by step: entries `stepStart[j] … stepStart[j+1]−1` hold the
   * adsorbates `stepAds[p]` with their ν `stepNu[p]` (products positive). Hot loops walk these, not m × n.
   */
  readonly stepStart: Int32Array;
  readonly stepAds: Int32Array;
  readonly stepNu: Float64Array;
  /** The same nonzero ν compressed by adsorbate: steps `adsSteps[p]` with ν `adsNu[p]` for p in `adsStart[k] …`. */
  readonly adsStart: Int32Array;
  readonly adsSteps: Int32Array;
  readonly adsNu: Float64Array;

  constructor(model: CompiledModel) {
    this.model = model;
    this.n = model.adsorbates.length;
    this.sites = model.sites.length;
    this.m = model.steps.length;
    this.kf = new Float64Array(this.m);
    this.kr = new Float64Array(this.m);
    this.fwd = model.steps.map((s) => side(s.reactAds, s.reactAdsNu, s.reactFree, s.reactFreeNu, s.reactActivity));
    this.rev = model.steps.map((s) => side(s.prodAds, s.prodAdsNu, s.prodFree, s.prodFreeNu, s.prodActivity));
    const nuAds = new Float64Array(this.m * this.n); // ν of adsorbate k in step j, row-major (products positive)
    model.steps.forEach((s, j) => {
      s.reactAds.forEach((a, i) => (nuAds[j * this.n + a]! -= s.reactAdsNu[i]!));
      s.prodAds.forEach((a, i) => (nuAds[j * this.n + a]! += s.prodAdsNu[i]!));
    });
    this.adsSite = Int32Array.from(model.adsorbateSite);
    this.free = new Float64Array(this.sites);
    const byStep: [number, number, number][] = []; // [step, adsorbate, ν], step-major
    for (let j = 0; j < this.m; j++) for (let k = 0; k < this.n; k++) if (nuAds[j * this.n + k] !== 0) byStep.push([j, k, nuAds[j * this.n + k]!]);
    const byAds = [...byStep].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const starts = (entries: [number, number, number][], key: 0 | 1, count: number) => {
      const start = new Int32Array(count + 1);
      for (const e of entries) start[e[key] + 1]!++;
      for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
      return start;
    };
    this.stepStart = starts(byStep, 0, this.m);
    this.stepAds = Int32Array.from(byStep, (e) => e[1]);
    this.stepNu = Float64Array.from(byStep, (e) => e[2]);
    this.adsStart = starts(byAds, 1, this.n);
    this.adsSteps = Int32Array.from(byAds, (e) => e[0]);
    this.adsNu = Float64Array.from(byAds, (e) => e[2]);
  }

  /** Sets the rate constants (s⁻¹). */
  setRateConstants(k: RateConstants): void {
    this.kf.set(k.kf);
    this.kr.set(k.kr);
  }

  /** Free-site fraction of each site type, 1 − Σθ, into `out`. */
  freeSites(theta: Float64Array, out: Float64Array = this.free): Float64Array {
    out.fill(1);
    for (let k = 0; k < this.n; k++) out[this.adsSite[k]!]! -= theta[k]!;
    return out;
  }

  private term(s: Side, theta: Float64Array, free: Float64Array): number {
    let t = s.activity;
    for (let p = 0; p < s.kind.length; p++) t *= pow(s.kind[p] === 0 ? theta[s.index[p]!]! : free[s.index[p]!]!, s.nu[p]!);
    return t;
  }

  /** Net rates r_j (s⁻¹ per site) into `out`, with free sites 1 − Σθ (the time integrator's rate equations). */
  rates(theta: Float64Array, out: Float64Array): Float64Array {
    const f = this.freeSites(theta);
    for (let j = 0; j < this.m; j++) out[j] = this.kf[j]! * this.term(this.fwd[j]!, theta, f) - this.kr[j]! * this.term(this.rev[j]!, theta, f);
    return out;
  }

  /** dθ/dt (s⁻¹) into `out` from net rates `r`. */
  coverageRates(r: Float64Array, out: Float64Array): Float64Array {
    out.fill(0);
    for (let j = 0; j < this.m; j++) {
      const rj = r[j]!;
      if (rj === 0) continue;
      for (let p = this.stepStart[j]!; p < this.stepStart[j + 1]!; p++) out[this.stepAds[p]!]! += this.stepNu[p]! * rj;
    }
    return out;
  }

  /**
   * The steady-state residual terms in one pass over the steps: net rates `r`, dθ/dt `dcov` and the gross
   * flux through each adsorbate, Σ_j |ν_kj|(forward_j + reverse_j) (the scale of relative residuals), with
   * forward and reverse fluxes in `fwd`/`rev`; all s⁻¹ per site.
   */
  residualTerms(theta: Float64Array, free: Float64Array, r: Float64Array, fwd: Float64Array, rev: Float64Array, dcov: Float64Array, gross: Float64Array): void {
    dcov.fill(0);
    gross.fill(0);
    for (let j = 0; j < this.m; j++) {
      const a = this.kf[j]! * this.term(this.fwd[j]!, theta, free);
      const b = this.kr[j]! * this.term(this.rev[j]!, theta, free);
      const rj = a - b;
      const g = a + b;
      r[j] = rj;
      fwd[j] = a;
      rev[j] = b;
      for (let p = this.stepStart[j]!; p < this.stepStart[j + 1]!; p++) {
        const k = this.stepAds[p]!;
        const nu = this.stepNu[p]!;
        dcov[k]! += nu * rj;
        gross[k]! += Math.abs(nu) * g;
      }
    }
  }

  /**
   * Production and consumption of every adsorbate, kept apart (s⁻¹ per site): `prod[k]` = Σ_j ν_kj·(forward
   * flux if ν_kj > 0, else reverse flux), `cons[k]` the rest, with forward and reverse fluxes into `fwd`/`rev`.
   * dθ_k/dt = prod − cons, each to full relative precision however small or unequal they are.
   */
  balanceTerms(theta: Float64Array, free: Float64Array, fwd: Float64Array, rev: Float64Array, prod: Float64Array, cons: Float64Array): void {
    prod.fill(0);
    cons.fill(0);
    for (let j = 0; j < this.m; j++) {
      const a = this.kf[j]! * this.term(this.fwd[j]!, theta, free);
      const b = this.kr[j]! * this.term(this.rev[j]!, theta, free);
      fwd[j] = a;
      rev[j] = b;
      for (let p = this.stepStart[j]!; p < this.stepStart[j + 1]!; p++) {
        const k = this.stepAds[p]!;
        const nu = this.stepNu[p]!;
        if (nu > 0) {
          prod[k]! += nu * a;
          cons[k]! += nu * b;
        } else {
          prod[k]! -= nu * b;
          cons[k]! -= nu * a;
        }
      }
    }
  }

  /**
   * Exponent of every member in the forward and reverse flux of every step: ∂ln f_j/∂ln x_i into
   * `forward` and ∂ln b_j/∂ln x_i into `reverse` (m × (n + sites), row-major; adsorbate k at column k, the
   * free site of site type s at n + s).
   */
  memberExponents(forward: Float64Array, reverse: Float64Array): void {
    const width = this.n + this.sites;
    forward.fill(0);
    reverse.fill(0);
    for (let j = 0; j < this.m; j++) {
      for (const [s, out] of [
        [this.fwd[j]!, forward],
        [this.rev[j]!, reverse],
      ] as const) {
        for (let p = 0; p < s.kind.length; p++) out[j * width + (s.kind[p] === 0 ? s.index[p]! : this.n + s.index[p]!)]! += s.nu[p]!;
      }
    }
  }

  /**
   * Derivatives of the net rates with respect to every member — adsorbate coverage k (column k) and free
   * site of site type s (column n + s) — at (θ, free), into `dMember` (m × (n + sites), row-major). Used for
   * both the coverage Jacobian and the Newton system with free sites as unknowns.
   */
  rateDerivatives(theta: Float64Array, free: Float64Array, dMember: Float64Array): void {
    dMember.fill(0);
    const width = this.n + this.sites;
    for (let j = 0; j < this.m; j++) {
      for (let reverse = 0; reverse < 2; reverse++) {
        // forward term with +k_f, reverse term with −k_r (no per-call allocation: this runs per Newton step)
        const s = reverse === 0 ? this.fwd[j]! : this.rev[j]!;
        const k = reverse === 0 ? this.kf[j]! : this.kr[j]!;
        const sign = reverse === 0 ? 1 : -1;
        const len = s.kind.length;
        for (let p = 0; p < len; p++) {
          // d/dx_p of k·a·Π x^ν = k·a·ν_p x_p^(ν_p−1) Π_{q≠p} x_q^ν_q
          let d = sign * k * s.activity * s.nu[p]!;
          for (let q = 0; q < len; q++) {
            const x = s.kind[q] === 0 ? theta[s.index[q]!]! : free[s.index[q]!]!;
            d *= q === p ? pow(x, s.nu[q]! - 1) : pow(x, s.nu[q]!);
          }
          dMember[j * width + (s.kind[p] === 0 ? s.index[p]! : this.n + s.index[p]!)]! += d;
        }
      }
    }
  }

  /**
   * Error bound of every net step rate (s⁻¹ per site) into `out`, from error bounds of the logarithm of every
   * member (adsorbate k at index k, free site of site type s at n + s) in `memberLogError` and the round-off
   * of the fluxes and of r_j = forward − reverse: |δr_j| ≤ f_j·(e^(4ε + Σ_f ν|δln x|) − 1) + b_j·(e^(4ε + Σ_b ν|δln x|) − 1)
   * + 4ε·(f_j + b_j) (ε = Number.EPSILON; exponents capped at 700), with the forward and reverse fluxes
   * `fwd`/`rev` of {@link residualTerms} at the same state.
   */
  rateErrors(fwd: Float64Array, rev: Float64Array, memberLogError: Float64Array, out: Float64Array): Float64Array {
    const eps = 4 * Number.EPSILON;
    for (let j = 0; j < this.m; j++) {
      let ef = eps;
      const f = this.fwd[j]!;
      for (let p = 0; p < f.kind.length; p++) ef += f.nu[p]! * memberLogError[f.kind[p] === 0 ? f.index[p]! : this.n + f.index[p]!]!;
      let eb = eps;
      const b = this.rev[j]!;
      for (let p = 0; p < b.kind.length; p++) eb += b.nu[p]! * memberLogError[b.kind[p] === 0 ? b.index[p]! : this.n + b.index[p]!]!;
      // a relative error above 1 bounds nothing about a positive flux beyond its own size (e^δ − 1 ≥ δ)
      out[j] = fwd[j]! * Math.expm1(Math.min(ef, 700)) + rev[j]! * Math.expm1(Math.min(eb, 700)) + eps * (fwd[j]! + rev[j]!);
    }
    return out;
  }

  /** Site type of adsorbate k. */
  siteOf(k: number): number {
    return this.adsSite[k]!;
  }
}
