/** cncouple public library API: chemistry core, records, mechanisms, microkinetics, transport, reactor and cost. */
export * from './chem/index.js';
export { recordInputSchema, STRATEGIES, type RecordInput, type RecordInputDraft, type Flag } from './data/recordSchema.js';
export { normalizeRecord, checkConsistency, type CatalyticRecord, type NormalizedValues } from './data/normalizeRecord.js';
export { recordsToCsv, parseRecordCsv } from './data/recordCsv.js';
export { parseModelText, validateModel, compileModel, type CompiledModel } from './kinetics/parser/compileModel.js';
export {
  steadyState,
  polarizationCurve,
  degreeOfRateControl,
  degreeOfRateControlChecked,
  tafelSlope,
  tafelSlopeChecked,
  SteadyStateSolver,
  type SteadyStateObservables,
  type CheckedValue,
} from './kinetics/analyze/steadyState.js';
export { runPulse, type PulseProgram, type PulseResult } from './kinetics/analyze/pulse.js';
export { runRamp, type RampProgram, type RampPoint } from './kinetics/analyze/ramp.js';
export { descriptorSweep, type SweepSpec, type SweepResult } from './kinetics/mapper/descriptorSweep.js';
export { freeEnergyDiagram, branchSelectivity, type PathwayDiagram } from './mechanism/freeEnergyDiagram.js';
export { bulkComposition } from './transport/bulkComposition.js';
export { solveMicroenvironment, electrodeStoichiometry, type MicroenvironmentResult } from './transport/solveMicroenvironment.js';
export { transientMicroenvironment, pulseSchedule, type TransientMicroenvironmentResult } from './transport/transientMicroenvironment.js';
export { coupleToKinetics } from './transport/coupleToKinetics.js';
export { solveDoubleLayer, doubleLayerFromElectrolyte, type DoubleLayerResult, type DoubleLayerFromElectrolyteResult } from './transport/doubleLayer.js';
export { simulateFlowChannel, plugFlowConversion, sherwoodParallelPlate } from './reactor/flowChannel.js';
export { cellVoltageBreakdown, energyPerKgJ, scaleUp } from './reactor/cellVoltage.js';
export { levelizedCost, tornado, costCurve, capitalRecoveryFactor, TEA_DEFAULTS } from './reactor/technoEconomics.js';
