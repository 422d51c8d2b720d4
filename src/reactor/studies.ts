import { InputError } from '../chem/index.js';
import { cellVoltageBreakdown, type CellVoltageResult, energyPerKgJ, scaleUp } from './cellVoltage.js';
import { type FlowChannelInput, type FlowChannelResult, simulateFlowChannel } from './flowChannel.js';
import { cathodeEquilibriumPotential } from './cathodeEquilibrium.js';
import { type TeaInput, type TeaResult, type TornadoBar, costCurve, levelizedCost, tornado } from './technoEconomics.js';

/** Inputs of {@link flowCellStudy}: the channel, the cathode equilibrium potential, conductivity and a production target. */
export interface FlowCellStudyInput extends FlowChannelInput {
  molarMassGPerMol: number;
  /**
   * Equilibrium potential of the cathode reaction, V vs RHE. Default: from the chemistry core for `product`
   * from `cathodeSources` at `pH` (urea from CO2 + NO3- at pH 7: 0.7592 V), see cathodeEquilibriumPotential.
   */
  cathodeEquilibriumVvsRHE?: number;
  /** Product name, for the default cathode equilibrium potential (e.g. "urea"). */
  product?: string;
  /** Reactants of the cathode reaction (default: CO2 + NO3- for urea, NO3- for NH3). */
  cathodeSources?: string[];
  /** pH for the default cathode equilibrium potential (default 7). */
  pH?: number;
  /** Electrolyte conductivity, S m⁻¹ (default 10). */
  conductivitySPerM?: number;
  /** Production target for the scale-up, t/day (default 1). */
  targetTonnesPerDay?: number;
}

/** A flow cell evaluated end to end: channel, cell voltage at its current, energy per kg and scale-up. */
export interface FlowCellStudyResult {
  channel: FlowChannelResult;
  voltage: CellVoltageResult;
  /** The cathode equilibrium potential used, V vs RHE, and where it came from (`given`, or the balanced reaction at its pH). */
  cathodeEquilibrium: { potentialVvsRHE: number; from: string };
  energyJPerKg: number;
  scaleUp: ReturnType<typeof scaleUp>;
}

/**
 * Channel conversion and production, then the cell voltage at the channel's mean total current density
 * (Tafel slopes 120 mV/dec cathode, 60 mV/dec anode, exchange currents 0.01 and 0.1 A m⁻² — assumed),
 * energy per kg and the plant for the target.
 */
export function flowCellStudy(input: FlowCellStudyInput): FlowCellStudyResult {
  const channel = simulateFlowChannel(input);
  const jTotal = channel.meanPartialCurrentDensityAPerM2 / input.faradaicEfficiency;
  let cathodeEquilibrium: FlowCellStudyResult['cathodeEquilibrium'];
  if (input.cathodeEquilibriumVvsRHE !== undefined) cathodeEquilibrium = { potentialVvsRHE: input.cathodeEquilibriumVvsRHE, from: 'given' };
  else {
    if (input.product === undefined)
      throw new InputError('cathodeEquilibriumVvsRHE', 'a potential in V vs RHE, or the product (and its sources) to compute it', 'neither given');
    const e = cathodeEquilibriumPotential(input.product, { sources: input.cathodeSources, pH: input.pH });
    // energy and current use `electrons`, the cell voltage this reaction: they must describe the same reaction
    if (Math.abs(e.electrons) !== Math.abs(input.electrons))
      throw new InputError(
        'electrons',
        `${Math.abs(e.electrons)}, the electrons per ${input.product} of the cathode reaction ${e.equation} (or cathodeSources for the reaction you mean, or cathodeEquilibriumVvsRHE)`,
        `got ${input.electrons}, which is not the reaction whose equilibrium potential sets the cell voltage`,
      );
    cathodeEquilibrium = { potentialVvsRHE: e.potentialVvsRHE, from: `${e.equation} at pH ${e.pH} (chemistry core)` };
  }
  const voltage = cellVoltageBreakdown({
    cathodeEquilibriumVvsRHE: cathodeEquilibrium.potentialVvsRHE,
    currentDensityAPerM2: jTotal,
    cathodeTafelVPerDecade: 0.12,
    cathodeExchangeCurrentAPerM2: 0.01,
    anodeTafelVPerDecade: 0.06,
    anodeExchangeCurrentAPerM2: 0.1,
    conductivitySPerM: input.conductivitySPerM ?? 10,
    gapM: input.gapM,
  });
  const energyJPerKg = energyPerKgJ({
    electrons: input.electrons,
    cellVoltageV: voltage.cellVoltageV,
    faradaicEfficiency: input.faradaicEfficiency,
    molarMassGPerMol: input.molarMassGPerMol,
  });
  const plant = scaleUp({
    productionTonnesPerDay: input.targetTonnesPerDay ?? 1,
    electrons: input.electrons,
    molarMassGPerMol: input.molarMassGPerMol,
    faradaicEfficiency: input.faradaicEfficiency,
    currentDensityAPerM2: jTotal,
    cellVoltageV: voltage.cellVoltageV,
    cellAreaM2: input.lengthM * input.widthM,
  });
  return { channel, voltage, cathodeEquilibrium, energyJPerKg, scaleUp: plant };
}

/** Levelized cost with its tornado and the break-even curves against FE and current density. */
export function teaStudy(input: TeaInput): {
  result: TeaResult;
  tornado: TornadoBar[];
  costVsFaradaicEfficiency: { value: number; costUsdPerKg: number }[];
  costVsCurrentDensity: { value: number; costUsdPerKg: number }[];
} {
  return {
    result: levelizedCost(input),
    tornado: tornado(input),
    costVsFaradaicEfficiency: costCurve(input, 'faradaicEfficiency', [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]),
    costVsCurrentDensity: costCurve(input, 'currentDensityAPerM2', [100, 200, 500, 1000, 2000, 5000, 10000]),
  };
}
