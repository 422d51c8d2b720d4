/**
 * The defaults of the process studies' inputs, written once: the zod schemas (`inputSchemas.ts`) apply them,
 * and the flag commands (`cncouple microenv|couple|reactor|transient`) and the web app's Process page only show
 * them (this module has no zod and imports only transport/periodicDefaults, which imports nothing, so the CLI
 * reads it at start-up and the browser bundle may take it). Units are in the names.
 */
import { PERIODIC_DEFAULTS } from '../transport/periodicDefaults.js';

/**
 * Boundary-layer thickness δ, µm (default 50): an assumed stagnant layer of a stirred cell, a modelling choice,
 * not a measured value (docs/microenvironment.md); the same default as a kinetic model's `checks.boundaryLayerUm`.
 */
export const DEFAULT_BOUNDARY_LAYER_UM = 50;

/** Defaults of the microenvironment and coupling inputs (`microenv`, `couple`, POST /api/microenv, /api/couple). */
export const MICROENV_DEFAULTS = {
  /** Bulk not saturated with CO2 (default false). */
  co2Saturated: false,
  /** Boundary-layer thickness, µm (default 50, {@link DEFAULT_BOUNDARY_LAYER_UM}). */
  boundaryLayerUm: DEFAULT_BOUNDARY_LAYER_UM,
  /** Migration off: excess supporting electrolyte (default false). */
  migration: false,
} as const;

/** Defaults of the square pulses of a transient run (`transient --pulse`, `pulse` of POST /api/microenv/transient, the Process page). */
export const PULSE_DEFAULTS = {
  /** Periods to run (default "auto": repeat until the period-averaged surface concentrations settle). */
  periods: 'auto',
  /** Relative change of the period averages that counts as periodic (default 1e-3, transport/periodicDefaults). */
  periodicTolerance: PERIODIC_DEFAULTS.tolerance,
  /** Cap on the periods with "auto" (default 1000, transport/periodicDefaults; the result says when it was hit). */
  maxPeriods: PERIODIC_DEFAULTS.maxPeriods,
} as const;

/**
 * Defaults of the flow-cell input (`reactor`, POST /api/reactor): an assumed lab-scale parallel-plate cell,
 * chosen as round illustrative numbers (not taken from a source), except the diffusion coefficient (of a
 * reactant, from the CRC Handbook).
 */
export const REACTOR_DEFAULTS = {
  /**
   * Reactant molecules per product molecule assumed when neither `limitingReactant` nor `reactantPerProduct` is
   * given (1). Right for NH3, NH2OH or an oxime from NO3-, or urea with CO2 limiting; wrong by a factor 2 for urea
   * with NO3- limiting (CO2 + 2 NO3-). The result then says it was assumed (`stoichiometry.assumed`, a warning):
   * name `limitingReactant` to have it derived from the balanced cathode reaction instead.
   */
  reactantPerProduct: 1,
  /**
   * Whose diffusion coefficient the channel uses when `diffusionM2PerS` is not given: the named
   * `limitingReactant`'s sourced value (CRC Handbook 97th ed., 25 °C, infinite dilution, the table in
   * src/transport/diffusionCoefficients.ts: CO2 1.91e-9, NO3- 1.902e-9, NO2- 1.912e-9 m² s⁻¹); a reactant with
   * no sourced value (e.g. NO) is refused, asking for `diffusionM2PerS`. With no reactant named, this one's
   * ("NO3-", 1.902e-9 m² s⁻¹) is assumed and the result warns. The old fixed default was 1.9e-9 m² s⁻¹, NO3-
   * rounded, whatever the reactant.
   */
  assumedDiffusionReactant: 'NO3-',
  /** Mean electrolyte velocity, m s⁻¹ (default 0.05; assumed). */
  velocityMPerS: 0.05,
  /** Electrode length along the flow, m (default 0.1; assumed). */
  lengthM: 0.1,
  /** Electrode width, m (default 0.05; assumed). */
  widthM: 0.05,
  /** Channel gap, m (default 0.002; assumed). */
  gapM: 0.002,
  /** pH for the default cathode equilibrium potential (default 7). */
  pH: 7,
  /** Electrolyte conductivity, S m⁻¹ (default 10; assumed). */
  conductivitySPerM: 10,
  /** Production target of the scale-up, t day⁻¹ (default 1). */
  targetTonnesPerDay: 1,
} as const;
