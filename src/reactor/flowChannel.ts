import { FARADAY_C_PER_MOL, InputError, assertFiniteInRange } from '../chem/index.js';

/**
 * Sherwood numbers of a parallel-plate channel with one active wall (laminar flow), based on the
 * hydraulic diameter d_e = 2·gap:
 * - fully developed, constant wall concentration, opposite wall inert: Sh = 4.86
 *   (R. K. Shah, A. L. London, Laminar Flow Forced Convection in Ducts, Academic Press (1978), Table 104);
 * - developing (Lévêque): Sh = 1.85·(Re·Sc·d_e/L)^(1/3)
 *   (D. Pletcher, F. C. Walsh, Industrial Electrochemistry, 2nd ed., Chapman & Hall (1990), Table 2.7).
 * The larger of the two is used (the developing value holds near the inlet).
 */
export function sherwoodParallelPlate(options: { reynolds: number; schmidt: number; hydraulicDiameterM: number; lengthM: number }): {
  sherwood: number;
  regime: 'developing' | 'fully developed';
} {
  const developing = 1.85 * Math.cbrt((options.reynolds * options.schmidt * options.hydraulicDiameterM) / options.lengthM);
  return developing > 4.86 ? { sherwood: developing, regime: 'developing' } : { sherwood: 4.86, regime: 'fully developed' };
}

/** Mass-transfer-limited single-pass conversion in plug flow: X = 1 − exp(−k_m·a·L/u). */
export function plugFlowConversion(options: {
  massTransferCoefficientMPerS: number;
  specificAreaPerM: number;
  lengthM: number;
  velocityMPerS: number;
}): number {
  return 1 - Math.exp((-options.massTransferCoefficientMPerS * options.specificAreaPerM * options.lengthM) / options.velocityMPerS);
}

/** Inputs of {@link simulateFlowChannel}. */
export interface FlowChannelInput {
  /** Inlet concentration of the limiting reactant, mol m⁻³. */
  inletConcentrationMolPerM3: number;
  /** Mean flow velocity, m s⁻¹. */
  velocityMPerS: number;
  /** Electrode length along the flow, m. */
  lengthM: number;
  /** Electrode width, m. */
  widthM: number;
  /** Inter-electrode gap (channel height), m. */
  gapM: number;
  /** Diffusion coefficient of the reactant, m² s⁻¹. */
  diffusionM2PerS: number;
  /** Kinematic viscosity, m² s⁻¹ (default water at 25 °C, 8.9e-7). */
  kinematicViscosityM2PerS?: number;
  /** Kinetic (activation-controlled) current density of the product, A m⁻² (Infinity: pure mass-transfer control). */
  kineticCurrentDensityAPerM2: number;
  /** Electrons per product molecule. */
  electrons: number;
  /** Moles of the reactant consumed per product molecule (default 1). */
  reactantPerProduct?: number;
  /** Faradaic efficiency of the product (fraction), to report the total current. */
  faradaicEfficiency: number;
}

/** Result of {@link simulateFlowChannel}. */
export interface FlowChannelResult {
  sherwood: number;
  regime: 'developing' | 'fully developed';
  massTransferCoefficientMPerS: number;
  reynolds: number;
  /** Single-pass conversion of the reactant. */
  conversion: number;
  outletConcentrationMolPerM3: number;
  /** Product formed, mol s⁻¹. */
  productionMolPerS: number;
  /** Mean partial current density of the product, A m⁻². */
  meanPartialCurrentDensityAPerM2: number;
  /** Total cell current (partial / FE), A. */
  totalCurrentA: number;
  residenceTimeS: number;
  /** Concentration along the channel, mol m⁻³, at `positionsM`. */
  positionsM: number[];
  concentrationsMolPerM3: number[];
}

/**
 * Parallel-plate flow cell along the flow direction (plug flow): the local partial current is limited by
 * kinetics and mass transfer in series, 1/j = 1/j_kin + 1/(n·F·k_m·c/ν), and depletes the reactant:
 * u·dc/dx = −ν·j/(n·F·gap). Integrated with RK4 over 400 steps.
 */
export function simulateFlowChannel(input: FlowChannelInput): FlowChannelResult {
  for (const [field, value, min, max, unit] of [
    ['inletConcentrationMolPerM3', input.inletConcentrationMolPerM3, 0, 1e5, 'mol m⁻³'],
    ['velocityMPerS', input.velocityMPerS, 1e-6, 100, 'm s⁻¹'],
    ['lengthM', input.lengthM, 1e-4, 100, 'm'],
    ['widthM', input.widthM, 1e-4, 100, 'm'],
    ['gapM', input.gapM, 1e-6, 1, 'm'],
    ['diffusionM2PerS', input.diffusionM2PerS, 1e-12, 1e-6, 'm² s⁻¹'],
    ['faradaicEfficiency', input.faradaicEfficiency, 1e-6, 1, '(fraction)'],
  ] as const)
    assertFiniteInRange(field, value, min, max, unit);
  if (!(input.kineticCurrentDensityAPerM2 > 0))
    throw new InputError(
      'kineticCurrentDensityAPerM2',
      'a positive current density, A m⁻² (Infinity for mass-transfer control)',
      `got ${input.kineticCurrentDensityAPerM2}`,
    );
  if (!(input.electrons > 0)) throw new InputError('electrons', 'electrons per product molecule (> 0)', `got ${input.electrons}`);
  const nu = input.reactantPerProduct ?? 1;
  const viscosity = input.kinematicViscosityM2PerS ?? 8.9e-7;
  const de = 2 * input.gapM;
  const reynolds = (input.velocityMPerS * de) / viscosity;
  const { sherwood, regime } = sherwoodParallelPlate({ reynolds, schmidt: viscosity / input.diffusionM2PerS, hydraulicDiameterM: de, lengthM: input.lengthM });
  const km = (sherwood * input.diffusionM2PerS) / de;
  const nF = input.electrons * FARADAY_C_PER_MOL;
  const localCurrent = (c: number) => {
    const jLim = (nF * km * Math.max(c, 0)) / nu;
    return Number.isFinite(input.kineticCurrentDensityAPerM2) ? 1 / (1 / input.kineticCurrentDensityAPerM2 + 1 / jLim) : jLim;
  };
  const dcdx = (c: number) => (-nu * localCurrent(c)) / (nF * input.gapM * input.velocityMPerS);
  const steps = 400;
  const dx = input.lengthM / steps;
  let c = input.inletConcentrationMolPerM3;
  const positionsM = [0];
  const concentrationsMolPerM3 = [c];
  for (let i = 0; i < steps; i++) {
    const k1 = dcdx(c);
    const k2 = dcdx(c + (dx / 2) * k1);
    const k3 = dcdx(c + (dx / 2) * k2);
    const k4 = dcdx(c + dx * k3);
    c = Math.max(0, c + (dx / 6) * (k1 + 2 * k2 + 2 * k3 + k4));
    positionsM.push((i + 1) * dx);
    concentrationsMolPerM3.push(c);
  }
  const flowM3PerS = input.velocityMPerS * input.gapM * input.widthM;
  const consumed = (input.inletConcentrationMolPerM3 - c) * flowM3PerS;
  const productionMolPerS = consumed / nu;
  const area = input.lengthM * input.widthM;
  const meanPartial = (productionMolPerS * nF) / area;
  return {
    sherwood,
    regime,
    massTransferCoefficientMPerS: km,
    reynolds,
    conversion: input.inletConcentrationMolPerM3 > 0 ? 1 - c / input.inletConcentrationMolPerM3 : 0,
    outletConcentrationMolPerM3: c,
    productionMolPerS,
    meanPartialCurrentDensityAPerM2: meanPartial,
    totalCurrentA: (meanPartial * area) / input.faradaicEfficiency,
    residenceTimeS: input.lengthM / input.velocityMPerS,
    positionsM,
    concentrationsMolPerM3,
  };
}
