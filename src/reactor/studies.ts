import { InputError, resolveSpecies } from '../chem/index.js';
import { cellVoltageBreakdown, type CellVoltageResult, energyPerKgJ, scaleUp } from './cellVoltage.js';
import { type FlowChannelInput, type FlowChannelResult, simulateFlowChannel } from './flowChannel.js';
import { cathodeEquilibriumPotential, cathodeReactionSources } from './cathodeEquilibrium.js';
import { REACTOR_DEFAULTS } from './inputDefaults.js';
import { TABULATED_DIFFUSION_SPECIES, diffusionCoefficientOf } from '../transport/diffusionCoefficients.js';
import { type TeaInput, type TeaResult, type TornadoBar, costCurve, levelizedCost, perProductStoichiometry, tornado } from './technoEconomics.js';

/** Inputs of {@link flowCellStudy}: the channel, the cathode equilibrium potential, conductivity and a production target. */
export interface FlowCellStudyInput extends Omit<FlowChannelInput, 'diffusionM2PerS'> {
  /**
   * Diffusion coefficient of the limiting reactant, m² s⁻¹. Default: the sourced value of `limitingReactant`
   * (CRC Handbook, 25 °C: CO2 1.91e-9, NO3- 1.902e-9); a named reactant without one is refused (give this field);
   * with no reactant named, NO3-'s ({@link REACTOR_DEFAULTS}.assumedDiffusionReactant) is assumed and the result warns.
   */
  diffusionM2PerS?: number;
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
  /**
   * The reactant whose inlet concentration is given, e.g. "NO3-": `reactantPerProduct` is then its coefficient per
   * product molecule in the reaction balanced from `cathodeSources` (urea from CO2 + 2 NO3-: 2), and a
   * `reactantPerProduct` given beside it must equal that. Without it, `reactantPerProduct` is used as given, or
   * {@link REACTOR_DEFAULTS}.reactantPerProduct (1) is assumed and the result says so.
   */
  limitingReactant?: string;
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
  /**
   * Reactant molecules per product molecule used by the channel, and where it came from: the balanced reaction
   * (`limitingReactant` named), `given`, or the assumed default (`assumed: true`).
   */
  stoichiometry: { reactantPerProduct: number; limitingReactant?: string; from: string; assumed: boolean };
  /**
   * The reactant diffusion coefficient the channel used, m² s⁻¹, whose it is (`species`, absent when given without
   * a named reactant) and where it came from (`given`, or the table entry with its source; `assumed: true` when no
   * reactant was named and NO3-'s was taken).
   */
  diffusion: { diffusionM2PerS: number; species?: string; from: string; assumed: boolean };
  /** Assumptions the numbers depend on that the input did not settle ([] when none). */
  warnings: string[];
  energyJPerKg: number;
  scaleUp: ReturnType<typeof scaleUp>;
}

/**
 * Channel conversion and production, then the cell voltage at the channel's mean total current density
 * (Tafel slopes 120 mV/dec cathode, 60 mV/dec anode, exchange currents 0.01 and 0.1 A m⁻² — assumed),
 * energy per kg and the plant for the target.
 */
export function flowCellStudy(input: FlowCellStudyInput): FlowCellStudyResult {
  const warnings: string[] = [];
  const stoichiometry = reactantStoichiometry(input);
  if (stoichiometry.assumed)
    warnings.push(
      `reactantPerProduct: ${stoichiometry.reactantPerProduct} assumed (neither limitingReactant nor reactantPerProduct given); conversion, current and production scale with it — urea with NO3- limiting needs 2 (CO2 + 2 NO3-): name limitingReactant to derive it from the balanced reaction`,
    );
  const diffusion = reactantDiffusion(input, stoichiometry.limitingReactant);
  if (diffusion.assumed)
    warnings.push(
      `diffusionM2PerS: ${diffusion.diffusionM2PerS} m² s⁻¹ of ${diffusion.species} assumed (neither limitingReactant nor diffusionM2PerS given); the mass-transfer coefficient and conversion scale with D^(2/3) (developing) or D (fully developed): name limitingReactant to take its own`,
    );
  const channel = simulateFlowChannel({ ...input, diffusionM2PerS: diffusion.diffusionM2PerS, reactantPerProduct: stoichiometry.reactantPerProduct });
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
  return { channel, voltage, cathodeEquilibrium, stoichiometry, diffusion, warnings, energyJPerKg, scaleUp: plant };
}

/**
 * The reactant diffusion coefficient: as given, else the named limiting reactant's sourced value, else NO3-'s
 * assumed; a named reactant without a sourced value is refused naming `diffusionM2PerS`.
 */
function reactantDiffusion(input: FlowCellStudyInput, limitingReactant: string | undefined): FlowCellStudyResult['diffusion'] {
  if (input.diffusionM2PerS !== undefined)
    return { diffusionM2PerS: input.diffusionM2PerS, ...(limitingReactant === undefined ? {} : { species: limitingReactant }), from: 'given', assumed: false };
  const species = limitingReactant ?? REACTOR_DEFAULTS.assumedDiffusionReactant;
  const tabulated = diffusionCoefficientOf(species);
  if (tabulated === undefined)
    throw new InputError(
      'diffusionM2PerS',
      `the diffusion coefficient of ${species}, m² s⁻¹ (a sourced default exists only for ${TABULATED_DIFFUSION_SPECIES.join(', ')})`,
      `not given, and there is no sourced value for limitingReactant "${species}"`,
    );
  return {
    diffusionM2PerS: tabulated.diffusionM2PerS,
    species,
    from: `${tabulated.species} in water at infinite dilution, 25 °C: ${tabulated.source}`,
    assumed: limitingReactant === undefined,
  };
}

/**
 * Reactant per product: from the reaction balanced from the cathode sources when the limiting reactant is named
 * (a given value must agree, and so must `electrons`), else as given, else the assumed default.
 */
function reactantStoichiometry(input: FlowCellStudyInput): FlowCellStudyResult['stoichiometry'] {
  const given = input.reactantPerProduct;
  if (input.limitingReactant === undefined) {
    if (given !== undefined)
      return { reactantPerProduct: given, from: 'given (limitingReactant not named, so not checked against a reaction)', assumed: false };
    return {
      reactantPerProduct: REACTOR_DEFAULTS.reactantPerProduct,
      from: 'assumed default (neither limitingReactant nor reactantPerProduct given)',
      assumed: true,
    };
  }
  if (input.product === undefined) throw new InputError('product', 'the product whose cathode reaction is balanced for limitingReactant', 'not given');
  const reactant = resolveSpecies(input.limitingReactant, 'limitingReactant');
  const sources = cathodeReactionSources(input.product, input.cathodeSources);
  const r = perProductStoichiometry(input.product, sources);
  const nu = r.molPerMolProduct.get(reactant.label);
  if (nu === undefined)
    throw new InputError(
      'limitingReactant',
      `a reactant of the cathode reaction ${r.equation}: ${[...r.molPerMolProduct.keys()].filter((s) => s !== 'H+' && s !== 'e-' && s !== 'H2O').join(', ')} (or cathodeSources that include it)`,
      `got "${input.limitingReactant}"`,
    );
  // r.electrons is per molecule of the product, not per equation
  if (Math.abs(r.electrons) !== Math.abs(input.electrons))
    throw new InputError(
      'electrons',
      `${Math.abs(r.electrons)}, the electrons per ${input.product} of the cathode reaction ${r.equation} (or cathodeSources for the reaction you mean)`,
      `got ${input.electrons}, which is not the reaction limitingReactant is balanced in`,
    );
  if (given !== undefined && Math.abs(given - nu) > 1e-9 * nu)
    throw new InputError(
      'reactantPerProduct',
      `${nu}, the ${reactant.label} per ${input.product} of the cathode reaction ${r.equation} (or omit reactantPerProduct)`,
      `got ${given}, which contradicts limitingReactant "${input.limitingReactant}"`,
    );
  return { reactantPerProduct: nu, limitingReactant: reactant.label, from: `${nu} ${reactant.label} per ${input.product} in ${r.equation}`, assumed: false };
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
