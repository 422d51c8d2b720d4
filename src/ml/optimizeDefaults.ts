/**
 * The defaults of a virtual-lab optimization (`kinetics optimize`, `study kinetics.optimize`,
 * POST /api/kinetics/optimize), written once: the study's schema (src/studies/ml.ts) applies them,
 * {@link optimizeKineticModel} falls back to them for library callers, the `kinetics optimize` flags show them in
 * `--help`, and the web page's virtual-lab form takes {@link defaultLocalBudget} for its "auto" local evaluations
 * (this module imports nothing). That form's evaluations field starts at 12, not at `budget`, and always sends it.
 */
export const OPTIMIZE_DEFAULTS = {
  /** Steady-state (or pulse-program) evaluations in all (default 20). */
  budget: 20,
  /** Periods simulated per pulse-program evaluation (default 10); no periodic state by then = a failed evaluation. */
  periods: 10,
  /** Share of the budget the local phase takes by default (0.3: the last ⌊0.3 × budget⌋ evaluations). */
  localShare: 0.3,
  /** The default local phase runs only when the budget is at least this many evaluations per varied input (10). */
  localMinBudgetPerInput: 10,
} as const;

/**
 * Evaluations of the local phase when none are asked for: ⌊0.3 × budget⌋ when the budget is at least 10 per
 * varied input, else 0 (no local phase). Never more than budget − 3 (⌊0.3 × b⌋ ≤ b − 3 for every b ≥ 10).
 * @example defaultLocalBudget(40, 2) // 12
 * @example defaultLocalBudget(12, 2) // 0
 */
export function defaultLocalBudget(budget: number, variedInputs: number): number {
  const D = OPTIMIZE_DEFAULTS;
  return budget >= D.localMinBudgetPerInput * variedInputs ? Math.floor(D.localShare * budget) : 0;
}
