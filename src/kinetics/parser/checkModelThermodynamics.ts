import { FARADAY_C_PER_MOL, type Phase, equilibriumPotential } from '../../chem/index.js';
import type { CompiledModel } from './compileModel.js';
import { extraProtonShiftEv } from './protonReference.js';

import { DEFAULT_PATHWAY_TOLERANCE_EV } from './modelSchema.js';

export { DEFAULT_PATHWAY_TOLERANCE_EV };

/** The tolerance a check used, and where it comes from (the default is a project choice, not a literature value). */
export interface PathwayTolerance {
  /** Allowed |model − core| per pathway, eV. */
  valueEv: number;
  /** `project default` ({@link DEFAULT_PATHWAY_TOLERANCE_EV}, a project choice with no literature source) or `given` (by the caller, e.g. a model file's `checks.pathwayToleranceEv`). */
  basis: 'project default' | 'given';
}

/** How a tolerance reads in messages, e.g. "0.05 eV (project default, not a literature value; set checks.pathwayToleranceEv)". */
export const describeTolerance = (t: PathwayTolerance) =>
  `${t.valueEv} eV (${t.basis === 'project default' ? 'project default, not a literature value; set checks.pathwayToleranceEv' : 'checks.pathwayToleranceEv'})`;

/** A pathway's overall reaction as the model sums it, checked against the chemistry core. */
export interface PathwayThermodynamics {
  pathway: string;
  /** `ok` within the tolerance, `mismatch` beyond it, `unchecked` when the core cannot give a value (see `message`). */
  status: 'ok' | 'mismatch' | 'unchecked';
  /** Net reaction of the pathway's steps, e.g. `CO2 + 2 NO3- + 18 H+ + 16 e- -> urea + 7 H2O`. */
  netEquation: string;
  /** Electrons consumed by the pathway as written. */
  electrons: number;
  /** H⁺ consumed by the pathway as written. */
  protons: number;
  /** The model's overall ΔG at 0 V vs RHE, the model's pH and temperature and default descriptors, eV. */
  modelDeltaGEv: number;
  /** The core's ΔG for the same reaction and phases (ΔfG° tables, Nernst pH term at the model's T), eV; NaN when unchecked. */
  coreDeltaGEv: number;
  /** model − core, eV; NaN when unchecked. */
  differenceEv: number;
  /** The core's equilibrium potential of the reaction at the model's pH, V vs RHE; NaN when unchecked. */
  equilibriumPotentialVvsRHE: number;
  /** Descriptors on which the overall ΔG depends (slope ≠ 0): thermodynamics cannot depend on binding energies. */
  descriptorSlopes: Record<string, number>;
  /** The tolerance `status` was judged with, and its basis. */
  tolerance: PathwayTolerance;
  message?: string;
}

const fmt = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(3);

/**
 * Checks every pathway of a compiled model against the chemistry core: sums the steps' stoichiometry (the
 * adsorbates must cancel), balances the net reaction with {@link equilibriumPotential} for the model's phases
 * (aq/g/l as declared), and compares the model's overall ΔG at 0 V vs RHE (after the extra-proton pH term of
 * {@link extraProtonShiftEv}) with −n·e·E_RHE from tabulated ΔfG° at the model's pH. The core's data are at
 * 298.15 K; at other temperatures only the pH term follows the model's temperature.
 *
 * @param model - a compiled model (its step ΔG already carry the pH term)
 * @param toleranceEv - allowed |model − core| per pathway, eV; default {@link DEFAULT_PATHWAY_TOLERANCE_EV} = 0.05 eV,
 *   a project choice and not a literature value (each result's `tolerance` and the messages say which was used;
 *   a value equal to the default is reported as the default)
 * @returns one entry per pathway and the warning lines (mismatches, descriptor-dependent totals, unchecked pathways)
 */
export function checkModelThermodynamics(
  model: Pick<CompiledModel, 'file' | 'steps' | 'species' | 'adsorbates' | 'descriptors' | 'defaultDescriptors'>,
  toleranceEv = DEFAULT_PATHWAY_TOLERANCE_EV,
): { pathways: PathwayThermodynamics[]; warnings: string[] } {
  const { file } = model;
  if (!(toleranceEv > 0) || !Number.isFinite(toleranceEv)) throw new RangeError(`toleranceEv must be a finite number > 0 eV, got ${toleranceEv}`);
  const tolerance: PathwayTolerance = { valueEv: toleranceEv, basis: toleranceEv === DEFAULT_PATHWAY_TOLERANCE_EV ? 'project default' : 'given' };
  const warnings: string[] = [];
  const pathways = file.pathways.map((pathway): PathwayThermodynamics => {
    const speciesNet = new Map<number, number>();
    const adsNet = new Array<number>(model.adsorbates.length).fill(0);
    let electrons = 0;
    let protons = 0;
    let dG = 0;
    const slopes = new Float64Array(model.descriptors.length);
    for (const id of pathway.steps) {
      const s = model.steps.find((x) => x.id === id)!;
      for (const [k, nu] of s.speciesNet) speciesNet.set(k, (speciesNet.get(k) ?? 0) + nu);
      s.reactAds.forEach((a, i) => (adsNet[a]! -= s.reactAdsNu[i]!));
      s.prodAds.forEach((a, i) => (adsNet[a]! += s.prodAdsNu[i]!));
      electrons += s.electrons;
      protons += s.protons;
      dG += s.dG.intercept;
      for (let d = 0; d < slopes.length; d++) {
        slopes[d]! += s.dG.slopes[d]!;
        dG += s.dG.slopes[d]! * model.defaultDescriptors[d]!;
      }
    }
    const round = (x: number) => Math.round(x * 1e6) / 1e6;
    const side = (sign: number) => {
      const terms = [...speciesNet]
        .filter(([, nu]) => sign * nu > 1e-9)
        .map(([k, nu]) => `${round(Math.abs(nu)) === 1 ? '' : round(Math.abs(nu)) + ' '}${model.species[k]}`);
      if (sign < 0 && protons > 1e-9) terms.push(`${round(protons)} H+`);
      if (sign > 0 && protons < -1e-9) terms.push(`${round(-protons)} H+`);
      if (sign < 0 && electrons > 1e-9) terms.push(`${round(electrons)} e-`);
      if (sign > 0 && electrons < -1e-9) terms.push(`${round(-electrons)} e-`);
      return terms.join(' + ') || '0';
    };
    const netEquation = `${side(-1)} -> ${side(1)}`;
    const descriptorSlopes = Object.fromEntries(model.descriptors.map((d, i) => [d, slopes[i]!]).filter(([, v]) => Math.abs(v as number) > 1e-9));
    const base = { pathway: pathway.name, netEquation, electrons, protons, modelDeltaGEv: dG, descriptorSlopes, tolerance };
    if (Object.keys(descriptorSlopes).length) {
      warnings.push(
        `pathway "${pathway.name}": its overall ΔG depends on descriptors (${Object.entries(descriptorSlopes)
          .map(([d, v]) => `${d} × ${v}`)
          .join(', ')}), but the thermodynamics of ${netEquation} cannot depend on binding energies`,
      );
    }
    const unchecked = (message: string): PathwayThermodynamics => {
      warnings.push(`pathway "${pathway.name}": not checked against the chemistry core: ${message}`);
      return { ...base, status: 'unchecked', coreDeltaGEv: Number.NaN, differenceEv: Number.NaN, equilibriumPotentialVvsRHE: Number.NaN, message };
    };
    const left = model.adsorbates.filter((_, a) => Math.abs(adsNet[a]!) > 1e-9);
    if (left.length) return unchecked(`its steps leave adsorbates unbalanced (${left.join(', ')})`);
    if (Math.abs(electrons) < 1e-9) return unchecked('it transfers no electrons (the core checks redox reactions)');
    const reactants: number[] = [];
    const products: number[] = [];
    for (const [k, nu] of speciesNet) {
      const formula = file.species[model.species[k]!]!.formula ?? model.species[k]!;
      if (formula === 'H2O' || Math.abs(nu) < 1e-9) continue;
      (nu < 0 ? reactants : products).push(k);
    }
    // proton reduction (HER) has no declared reactant: the core balances it from H+
    const reactantFormulas = reactants.map((k) => file.species[model.species[k]!]!.formula ?? model.species[k]!);
    if (!reactantFormulas.length && protons > 1e-9) reactantFormulas.push('H+');
    if (!reactantFormulas.length || !products.length) return unchecked('it has no reactant or no product besides H2O');
    // the product made in the largest amount first: the core reports per molecule of it
    products.sort((a, b) => speciesNet.get(b)! - speciesNet.get(a)!);
    const formulaOf = (k: number) => file.species[model.species[k]!]!.formula ?? model.species[k]!;
    const phases: Record<string, Phase> = {};
    for (const k of [...reactants, ...products]) phases[formulaOf(k)] = file.species[model.species[k]!]!.phase as Phase;
    let core;
    try {
      core = equilibriumPotential(reactantFormulas, products.map(formulaOf), { pH: file.pH, phases });
    } catch (error) {
      return unchecked((error as Error).message.replace(/^[\w/.-]+: /, '').replace(/ \(allowed: [\s\S]*\)$/, ''));
    }
    const perProduct = speciesNet.get(products[0]!)!;
    if (Math.abs(core.electrons * perProduct - electrons) > 1e-6) {
      const message = `the pathway transfers ${round(electrons)} e- for ${round(perProduct)} ${model.species[products[0]!]}, the core's balance ${core.equation} needs ${round(core.electrons * perProduct)}`;
      warnings.push(`pathway "${pathway.name}": ${message}`);
      return { ...base, status: 'mismatch', coreDeltaGEv: Number.NaN, differenceEv: Number.NaN, equilibriumPotentialVvsRHE: core.e0VsRHE, message };
    }
    // ΔG = ν·ΔrG°(pH 0) + (ν_H+ − n)·kT·ln10·pH, the same convention as the compiled steps
    const coreDeltaGEv = (perProduct * core.deltaRGkJPerMol * 1000) / FARADAY_C_PER_MOL + extraProtonShiftEv(protons, electrons, file.pH, file.temperatureK);
    const differenceEv = dG - coreDeltaGEv;
    const ok = Math.abs(differenceEv) <= toleranceEv;
    const usedPhases = core.formationEnergies
      .filter((e) => e.species !== 'H+' && e.species !== 'H2O')
      .map((e) => `${e.species}(${e.phase})`)
      .join(', ');
    const message = `the model's overall ΔG at 0 V vs RHE (pH ${file.pH}, ${file.temperatureK} K) is ${fmt(dG)} eV, the chemistry core's is ${fmt(coreDeltaGEv)} eV (${core.equation}, E = ${core.e0VsRHE.toFixed(4)} V vs RHE at pH ${file.pH}; ${usedPhases}): difference ${fmt(differenceEv)} eV ${ok ? '≤' : '>'} tolerance ${describeTolerance(tolerance)}`;
    if (!ok) warnings.push(`pathway "${pathway.name}": ${message}`);
    return { ...base, status: ok ? 'ok' : 'mismatch', coreDeltaGEv, differenceEv, equilibriumPotentialVvsRHE: core.e0VsRHE, message };
  });
  return { pathways, warnings };
}
