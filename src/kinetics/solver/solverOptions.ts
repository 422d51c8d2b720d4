import { InputError, assertFiniteInRange } from '../../chem/index.js';

/** Options of the steady-state and transient solvers (all optional). */
export interface SolverOptions {
  /** Relative tolerance of the steady-state residual: max_k |dθ_k/dt| / gross flux_k (default 1e-10). */
  steadyTolerance?: number;
  /** Newton iterations before falling back to time integration (default 100). */
  maxNewtonIterations?: number;
  /** Relative tolerance of the time integrator (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance of the time integrator on coverages (default 1e-12). */
  atol?: number;
  /** Step limit of one integration (default 200000). */
  maxSteps?: number;
  /**
   * Relative tolerance to which a reported rate, TOF or FE counts as resolved: its error bound (from the
   * verified residual and round-off) is at most this fraction of its value (default 1e-6).
   */
  rateTolerance?: number;
}

/** The options with every default filled in. */
export type FullSolverOptions = Required<SolverOptions>;

/** Normalizes solver options once into a fully filled object, checking each value. */
export function checkSolverOptions(options: SolverOptions = {}): FullSolverOptions {
  const o = {
    steadyTolerance: options.steadyTolerance ?? 1e-10,
    maxNewtonIterations: options.maxNewtonIterations ?? 100,
    rtol: options.rtol ?? 1e-6,
    atol: options.atol ?? 1e-12,
    maxSteps: options.maxSteps ?? 200_000,
    rateTolerance: options.rateTolerance ?? 1e-6,
  };
  assertFiniteInRange('rateTolerance', o.rateTolerance, 1e-12, 1);
  assertFiniteInRange('steadyTolerance', o.steadyTolerance, 1e-15, 1e-2);
  assertFiniteInRange('rtol', o.rtol, 1e-12, 1e-1);
  assertFiniteInRange('atol', o.atol, 1e-20, 1e-3);
  if (!Number.isInteger(o.maxNewtonIterations) || o.maxNewtonIterations < 1)
    throw new InputError('maxNewtonIterations', 'a positive integer', `got ${o.maxNewtonIterations}`);
  if (!Number.isInteger(o.maxSteps) || o.maxSteps < 1) throw new InputError('maxSteps', 'a positive integer', `got ${o.maxSteps}`);
  return o;
}
