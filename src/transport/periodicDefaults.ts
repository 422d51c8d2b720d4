/**
 * Defaults of a transient run repeated until periodic (`periodic` of {@link transientMicroenvironment}), written
 * once here, below the reactor: reactor/inputDefaults.ts takes them for `PULSE_DEFAULTS` (the schemas, the
 * flag commands and the web app's Process page). This module imports nothing, so the browser bundle may take it
 * through reactor/inputDefaults (eslint.config.js, webSharedValues).
 */
export const PERIODIC_DEFAULTS = {
  /** Relative change of the period-averaged surface concentrations that counts as periodic (default 1e-3). */
  tolerance: 1e-3,
  /** Cap on the periods run (default 1000; the result says when it was hit). */
  maxPeriods: 1000,
} as const;
