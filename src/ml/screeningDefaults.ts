/**
 * The defaults of a Monte Carlo screening (`screen`, `study screen`, POST /api/screen), written once: the study's
 * schema (src/studies/ml.ts) applies them, {@link screeningSettings} fills them in for library callers, and the
 * `screen` flags only show them in `--help` (this module imports nothing, so the CLI reads it at start-up).
 */
export const SCREENING_DEFAULTS = {
  /**
   * Standard deviation of every descriptor without its own sigma column, eV (default 0.1): an assumed size of a
   * DFT adsorption-energy error, a modelling choice, not a value taken from a source.
   */
  sigmaEv: 0.1,
  /** Correlation of a candidate's descriptor errors, 0 ≤ ρ < 1 (default 0: independent). */
  correlation: 0,
  /** Monte Carlo samples per candidate (default 500). */
  samples: 500,
  /** k of P(top k) (default 1). */
  topK: 1,
  /** Ranking quantity (default log10Tof). */
  rankBy: 'log10Tof',
} as const;
