/** Options of {@link minimizeBfgs}. */
export interface MinimizeBfgsOptions {
  /** Iteration limit (default 100). */
  maxIterations?: number;
  /** Stop when the gradient's infinity norm falls below this (default 1e-6). */
  gradientTolerance?: number;
  /** Largest change of any coordinate in one iteration (default 1). */
  maxStep?: number;
}

/** Result of {@link minimizeBfgs}. */
export interface MinimizeBfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
}

/**
 * Unconstrained quasi-Newton minimization (BFGS inverse-Hessian update with a backtracking Armijo line
 * search; Nocedal & Wright, *Numerical Optimization*, 2nd ed. 2006, algorithm 6.1 and eq. 6.17). The update is
 * skipped when the curvature sᵀy ≤ 0, and a non-finite trial value counts as a failed step.
 *
 * @param f - objective returning its value and gradient at x
 */
export function minimizeBfgs(
  f: (x: Float64Array) => { value: number; gradient: Float64Array },
  x0: Float64Array,
  options: MinimizeBfgsOptions = {},
): MinimizeBfgsResult {
  const maxIterations = options.maxIterations ?? 100;
  const gtol = options.gradientTolerance ?? 1e-6;
  const maxStep = options.maxStep ?? 1;
  const n = x0.length;
  let x: Float64Array = Float64Array.from(x0);
  let { value, gradient } = f(x);
  if (!Number.isFinite(value)) return { x, value, iterations: 0 };
  const H = new Float64Array(n * n);
  const resetH = () => {
    H.fill(0);
    for (let i = 0; i < n; i++) H[i * n + i] = 1;
  };
  resetH();
  const p = new Float64Array(n);
  let it = 0;
  for (; it < maxIterations; it++) {
    let gmax = 0;
    for (let i = 0; i < n; i++) gmax = Math.max(gmax, Math.abs(gradient[i]!));
    if (gmax < gtol) break;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= H[i * n + j]! * gradient[j]!;
      p[i] = s;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) slope += p[i]! * gradient[i]!;
    if (!(slope < 0)) {
      resetH();
      for (let i = 0; i < n; i++) p[i] = -gradient[i]!;
      slope = 0;
      for (let i = 0; i < n; i++) slope += p[i]! * gradient[i]!;
    }
    // trust-region-like cap: no coordinate moves by more than maxStep in one iteration
    let pmax = 0;
    for (let i = 0; i < n; i++) pmax = Math.max(pmax, Math.abs(p[i]!));
    let step = pmax > maxStep ? maxStep / pmax : 1;
    let accepted: { x: Float64Array; value: number; gradient: Float64Array } | null = null;
    for (let ls = 0; ls < 40; ls++) {
      const xt = new Float64Array(n);
      for (let i = 0; i < n; i++) xt[i] = x[i]! + step * p[i]!;
      const ft = f(xt);
      if (Number.isFinite(ft.value) && ft.value <= value + 1e-4 * step * slope) {
        accepted = { x: xt, value: ft.value, gradient: ft.gradient };
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    let sy = 0;
    for (let i = 0; i < n; i++) {
      s[i] = accepted.x[i]! - x[i]!;
      y[i] = accepted.gradient[i]! - gradient[i]!;
      sy += s[i]! * y[i]!;
    }
    const improvement = value - accepted.value;
    x = accepted.x;
    value = accepted.value;
    gradient = accepted.gradient;
    if (sy > 1e-12) {
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      const Hy = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Hy[i]! += H[i * n + j]! * y[j]!;
      let yHy = 0;
      for (let i = 0; i < n; i++) yHy += y[i]! * Hy[i]!;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] = H[i * n + j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
        }
      }
    }
    if (improvement < 1e-12 * Math.max(1, Math.abs(value))) break;
  }
  return { x, value, iterations: it };
}
