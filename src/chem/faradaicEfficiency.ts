import { FARADAY_C_PER_MOL } from './constants.js';
import { InputError, assertFiniteInRange } from './InputError.js';

/** Input of {@link faradaicEfficiency}. */
export interface FaradaicEfficiencyOptions {
  /** Electrons transferred per product molecule, |n| (sign ignored: oxidations count too). */
  electrons: number;
  /** Amount of product formed, mol. */
  amountMol: number;
  /** Total charge passed, C (sign ignored). */
  chargeC: number;
}

function assertElectrons(electrons: number): number {
  assertFiniteInRange('electrons', electrons, -1000, 1000, 'electrons per product molecule');
  if (electrons === 0) throw new InputError('electrons', 'a non-zero electron count', 'a non-redox reaction has no faradaic efficiency');
  return Math.abs(electrons);
}

/**
 * Faradaic efficiency FE = n·F·N / Q, as a fraction (0–1 for a consistent measurement; values above 1
 * are returned as computed so that the caller can flag them).
 * @example faradaicEfficiency({ electrons: 16, amountMol: 6.1e-6, chargeC: 12.5 }) // 0.7534
 */
export function faradaicEfficiency({ electrons, amountMol, chargeC }: FaradaicEfficiencyOptions): number {
  const n = assertElectrons(electrons);
  assertFiniteInRange('amountMol', amountMol, 0, Number.MAX_VALUE, 'mol');
  assertFiniteInRange('chargeC', Math.abs(chargeC), Number.MIN_VALUE, Number.MAX_VALUE, 'C, non-zero');
  return (n * FARADAY_C_PER_MOL * amountMol) / Math.abs(chargeC);
}

/** Amount of product, mol, formed by `chargeC` coulombs at faradaic efficiency `faradaicEfficiency` (fraction). */
export function amountFromFaradaicEfficiency(options: { electrons: number; faradaicEfficiency: number; chargeC: number }): number {
  const n = assertElectrons(options.electrons);
  assertFiniteInRange('faradaicEfficiency', options.faradaicEfficiency, 0, 1, '(fraction)');
  assertFiniteInRange('chargeC', options.chargeC, 0, Number.MAX_VALUE, 'C');
  return (options.faradaicEfficiency * options.chargeC) / (n * FARADAY_C_PER_MOL);
}

/** Partial current density of one product, A m⁻² (same sign as the total): j_i = FE_i · j. */
export function partialCurrentDensity(totalCurrentDensityAPerM2: number, faradaicEfficiency: number): number {
  assertFiniteInRange('totalCurrentDensityAPerM2', totalCurrentDensityAPerM2, -1e7, 1e7, 'A m^-2');
  assertFiniteInRange('faradaicEfficiency', faradaicEfficiency, 0, 1, '(fraction)');
  return faradaicEfficiency * totalCurrentDensityAPerM2;
}

/**
 * Production rate of a product, mol s⁻¹ (per whatever the current is normalized to), from a current
 * (or current density) and its faradaic efficiency: r = FE·|I| / (n·F).
 */
export function productionRateFromCurrent(options: { currentA: number; faradaicEfficiency: number; electrons: number }): number {
  const n = assertElectrons(options.electrons);
  assertFiniteInRange('currentA', options.currentA, -1e9, 1e9, 'A');
  assertFiniteInRange('faradaicEfficiency', options.faradaicEfficiency, 0, 1, '(fraction)');
  return (options.faradaicEfficiency * Math.abs(options.currentA)) / (n * FARADAY_C_PER_MOL);
}

/**
 * Energy efficiency of a product: EE = FE · E_eq,cell / V_cell, with E_eq,cell the equilibrium cell
 * voltage (e.g. E°(OER) − E°(cathode reaction), V) and V_cell the applied cell voltage (V, same sign).
 * Returns a fraction.
 */
export function energyEfficiency(options: { faradaicEfficiency: number; equilibriumCellVoltageV: number; cellVoltageV: number }): number {
  assertFiniteInRange('faradaicEfficiency', options.faradaicEfficiency, 0, 1, '(fraction)');
  assertFiniteInRange('equilibriumCellVoltageV', options.equilibriumCellVoltageV, -10, 10, 'V');
  assertFiniteInRange('cellVoltageV', options.cellVoltageV, -100, 100, 'V');
  if (options.cellVoltageV === 0) throw new InputError('cellVoltageV', 'a non-zero cell voltage, V', 'got 0');
  return (options.faradaicEfficiency * options.equilibriumCellVoltageV) / options.cellVoltageV;
}
