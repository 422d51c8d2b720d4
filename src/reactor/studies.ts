import { cellVoltageBreakdown, type CellVoltageResult, energyPerKgJ, scaleUp } from './cellVoltage.js';
import { type FlowChannelInput, type FlowChannelResult, simulateFlowChannel } from './flowChannel.js';
import { type TeaInput, type TeaResult, type TornadoBar, costCurve, levelizedCost, tornado } from './technoEconomics.js';

/** Inputs of {@link flowCellStudy}: the channel, the cathode equilibrium potential, conductivity and a production target. */
export interface FlowCellStudyInput extends FlowChannelInput {
  molarMassGPerMol: number;
  /** Equilibrium potential of the cathode reaction, V vs RHE (default urea, 0.811 V). */
  cathodeEquilibriumVvsRHE?: number;
  /** Electrolyte conductivity, S m⁻¹ (default 10). */
  conductivitySPerM?: number;
  /** Production target for the scale-up, t/day (default 1). */
  targetTonnesPerDay?: number;
}

/** A flow cell evaluated end to end: channel, cell voltage at its current, energy per kg and scale-up. */
export interface FlowCellStudyResult {
  channel: FlowChannelResult;
  voltage: CellVoltageResult;
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
  const voltage = cellVoltageBreakdown({
    cathodeEquilibriumVvsRHE: input.cathodeEquilibriumVvsRHE ?? 0.811,
    currentDensityAPerM2: jTotal,
    cathodeTafelVPerDecade: 0.12,
    cathodeExchangeCurrentAPerM2: 0.01,
    anodeTafelVPerDecade: 0.06,
    anodeExchangeCurrentAPerM2: 0.1,
    conductivitySPerM: input.conductivitySPerM ?? 10,
    gapM: input.gapM,
  });
  const energyJPerKg = energyPerKgJ({ electrons: input.electrons, cellVoltageV: voltage.cellVoltageV, faradaicEfficiency: input.faradaicEfficiency, molarMassGPerMol: input.molarMassGPerMol });
  const plant = scaleUp({ productionTonnesPerDay: input.targetTonnesPerDay ?? 1, electrons: input.electrons, molarMassGPerMol: input.molarMassGPerMol, faradaicEfficiency: input.faradaicEfficiency, currentDensityAPerM2: jTotal, cellVoltageV: voltage.cellVoltageV, cellAreaM2: input.lengthM * input.widthM });
  return { channel, voltage, energyJPerKg, scaleUp: plant };
}

/** Levelized cost with its tornado and the break-even curves against FE and current density. */
export function teaStudy(input: TeaInput): { result: TeaResult; tornado: TornadoBar[]; costVsFaradaicEfficiency: { value: number; costUsdPerKg: number }[]; costVsCurrentDensity: { value: number; costUsdPerKg: number }[] } {
  return {
    result: levelizedCost(input),
    tornado: tornado(input),
    costVsFaradaicEfficiency: costCurve(input, 'faradaicEfficiency', [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]),
    costVsCurrentDensity: costCurve(input, 'currentDensityAPerM2', [100, 200, 500, 1000, 2000, 5000, 10000]),
  };
}
