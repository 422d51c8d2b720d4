import { AVOGADRO_PER_MOL, FARADAY_C_PER_MOL, assertFiniteInRange } from '../chem/index.js';
import type { CompiledModel } from '../kinetics/parser/compileModel.js';
import { diffusionCoefficientOf } from './diffusionCoefficients.js';
import { CO2_SATURATION_MOL_PER_M3 } from './transportData.js';

const SANDER_2015 = 'R. Sander, Atmos. Chem. Phys. 15, 4399 (2015), doi:10.5194/acp-15-4399-2015 (Henry solubility at 25 °C)';
const SANDER_2023 = "R. Sander, Compilation of Henry's law constants (version 5.0.0), Atmos. Chem. Phys. 23, 10901 (2023), doi:10.5194/acp-23-10901-2023";

/** Henry solubility of gases reacting from the gas phase, mol m⁻³ per bar (25 °C). */
const HENRY_MOL_PER_M3_PER_BAR: Record<string, { value: number; source: string }> = {
  CO2: { value: CO2_SATURATION_MOL_PER_M3, source: SANDER_2015 },
  N2: { value: 0.64, source: `${SANDER_2023}: H^cp(N2) = 6.4e-6 mol m⁻³ Pa⁻¹ (recommended, Burkholder et al. 2019)` },
};

/**
 * Diffusion-limited current density n·F·D·c/δ, A m⁻² (positive).
 * @param electrons - electrons per reactant molecule
 * @param diffusionM2PerS - diffusion coefficient, m² s⁻¹
 * @param concentrationMolPerM3 - bulk concentration, mol m⁻³
 * @param boundaryLayerM - boundary-layer thickness, m
 * @example diffusionLimitedCurrentAPerM2(8, 1.902e-9, 50, 50e-6) // 1468 (0.05 M NO3- → NH3, δ = 50 µm)
 */
export function diffusionLimitedCurrentAPerM2(electrons: number, diffusionM2PerS: number, concentrationMolPerM3: number, boundaryLayerM: number): number {
  assertFiniteInRange('boundaryLayerM', boundaryLayerM, 1e-7, 1e-2, 'm');
  return (Math.abs(electrons) * FARADAY_C_PER_MOL * diffusionM2PerS * concentrationMolPerM3) / boundaryLayerM;
}

/** A reactant's diffusion limit in a model. */
export interface ReactantDiffusionLimit {
  species: string;
  diffusionM2PerS: number;
  /** Dissolved bulk concentration, mol m⁻³ (for a gas: Henry solubility × pressure). */
  concentrationMolPerM3: number;
  boundaryLayerM: number;
  /** D·c/δ, mol m⁻² s⁻¹. */
  limitingFluxMolPerM2PerS: number;
  source: string;
}

/**
 * The diffusion limit of every gas or solution reactant of a model (species that are not products and whose
 * diffusion coefficient is tabulated: the microenvironment's solutes, plus N2 from the CRC table of gases in water; gases with a Henry
 * solubility: CO2, N2). H2O and H⁺ are not checked (water is the solvent; HER at pH ≥ 4 draws on water).
 * Species without data are left out.
 * @param boundaryLayerM - default: the model's `checks.boundaryLayerUm` (50 µm unless set)
 */
export function reactantDiffusionLimits(model: CompiledModel, boundaryLayerM = model.file.checks.boundaryLayerUm * 1e-6): ReactantDiffusionLimit[] {
  const out: ReactantDiffusionLimit[] = [];
  for (const name of model.species) {
    const sp = model.file.species[name]!;
    if (sp.product || sp.phase === 'l') continue;
    const formula = sp.formula ?? name;
    const tabulated = diffusionCoefficientOf(formula);
    if (tabulated === undefined) continue;
    const D = tabulated.diffusionM2PerS;
    let c: number;
    let source = tabulated.source;
    if (sp.phase === 'g') {
      const henry = HENRY_MOL_PER_M3_PER_BAR[formula];
      if (!henry || !sp.pressureBar) continue;
      c = henry.value * sp.pressureBar;
      source += `; ${henry.source}`;
    } else {
      if (!sp.concentrationM) continue;
      c = sp.concentrationM * 1000;
    }
    out.push({ species: name, diffusionM2PerS: D, concentrationMolPerM3: c, boundaryLayerM, limitingFluxMolPerM2PerS: (D * c) / boundaryLayerM, source });
  }
  return out;
}

/** The parts of a steady state the transport check reads. */
export interface TransportCheckInput {
  tofPerS: Record<string, number>;
  currentDensityAPerM2: number;
}

/**
 * Transport check of a kinetic steady state (no transport in it: activities are bulk values): for each
 * reactant with a diffusion limit, the flux the kinetics draws, −TOF·(sites per m²)/N_A, against D·c/δ. A warning
 * names the reactant, both fluxes, and the current density at which it runs out at this selectivity
 * (|j|·limit/flux), to compare with n·F·D·c/δ. Use `cncouple couple` for results with transport.
 * @returns warning lines (empty when every reactant's flux is within its limit)
 */
export function diffusionLimitWarnings(
  model: CompiledModel,
  point: TransportCheckInput,
  limits: ReactantDiffusionLimit[] = reactantDiffusionLimits(model),
): string[] {
  const warnings: string[] = [];
  const sitesMolPerM2 = model.file.siteDensityPerM2 / AVOGADRO_PER_MOL;
  for (const l of limits) {
    const flux = -(point.tofPerS[l.species] ?? 0) * sitesMolPerM2;
    if (!(flux > l.limitingFluxMolPerM2PerS)) continue;
    const jAtLimit = (Math.abs(point.currentDensityAPerM2) * l.limitingFluxMolPerM2PerS) / flux;
    warnings.push(
      `transport: ${l.species} is consumed at ${flux.toExponential(3)} mol m⁻² s⁻¹, ${(flux / l.limitingFluxMolPerM2PerS).toPrecision(3)}× its diffusion limit D·c/δ = ${l.limitingFluxMolPerM2PerS.toExponential(3)} mol m⁻² s⁻¹ (D = ${l.diffusionM2PerS.toExponential(3)} m² s⁻¹, c = ${l.concentrationMolPerM3.toPrecision(3)} mol m⁻³, δ = ${(l.boundaryLayerM * 1e6).toPrecision(3)} µm): at this selectivity it runs out at |j| = ${jAtLimit.toPrecision(3)} A m⁻², not the ${Math.abs(point.currentDensityAPerM2).toPrecision(3)} A m⁻² computed (see cncouple couple)`,
    );
  }
  return warnings;
}

/**
 * Steady-state points with their transport warnings added (`warnings`, only when there are any).
 * @example withTransportWarnings(model, polarizationCurve(model, [-0.3, -0.5]))
 */
export function withTransportWarnings<T extends TransportCheckInput & { warnings?: string[] }>(model: CompiledModel, points: T[]): T[] {
  const limits = reactantDiffusionLimits(model);
  return points.map((p) => {
    const w = diffusionLimitWarnings(model, p, limits);
    return w.length ? { ...p, warnings: [...(p.warnings ?? []), ...w] } : p;
  });
}
