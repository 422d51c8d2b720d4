import { BOLTZMANN_J_PER_K, ELEMENTARY_CHARGE_C, FARADAY_C_PER_MOL, FORMATION_GIBBS_ENERGIES, type Phase, parseFormula, toHill } from '../../chem/index.js';
import type { CompiledModel } from './compileModel.js';

/** Where an adsorbate could desorb to, and how favourable that is by the model's own energies. */
export interface DesorptionCheck {
  adsorbate: string;
  /** The molecule it would desorb as (k adsorbates → molecule + k sites), with its phase, e.g. `CO(g)`. */
  molecule: string;
  /** Adsorbates per molecule (2 for H* → H2). */
  adsorbatesPerMolecule: number;
  /** ΔG of k X* → molecule + k * at 0 V vs RHE, eV, with the molecule at the model's activity (unit activity when the model gives none). */
  desorptionDeltaGEv: number;
  /** True when a step of the model turns the adsorbate into that molecule (or back: steps are reversible) without electrons. */
  hasDesorptionStep: boolean;
}

/** Result of {@link checkModelCompleteness}. */
export interface CompletenessResult {
  /** Free energy of each adsorbate relative to the free site and the elements' standard states at 0 V vs RHE, eV (NaN when no chain of steps reaches it from species with tabulated ΔfG°). */
  adsorbateFreeEnergiesEv: Record<string, number>;
  desorption: DesorptionCheck[];
  warnings: string[];
}

const kTOf = (T: number) => (BOLTZMANN_J_PER_K * T) / ELEMENTARY_CHARGE_C;
const evOf = (kJPerMol: number) => (kJPerMol * 1000) / FARADAY_C_PER_MOL;

/**
 * Compile-time completeness check: places every adsorbate on the free-energy scale of the chemistry core
 * (ΔfG° of the species in the model's phases, standard activities; H⁺ at the model's pH and e⁻ at 0 V vs RHE,
 * so that H⁺ + e⁻ = ½H₂) by walking the steps outward from the species, then, for each adsorbate whose
 * formula (or twice it) is a neutral molecule of the model or of the ΔfG° table, computes ΔG of desorbing as
 * that molecule at the model's activity (unit activity when the model gives 0 or none). It warns when that
 * desorption is downhill (ΔG < 0) and no step of the model performs it, and when an adsorbate is made by
 * some step but consumed by none.
 *
 * @example a model with CO2(aq) + * + 2 H+ + 2 e- -> CO* + H2O at ΔG = +0.30 eV and no CO desorption warns
 *   that CO* → CO(g) is downhill by 0.18 eV
 */
export function checkModelCompleteness(
  model: Pick<CompiledModel, 'file' | 'steps' | 'species' | 'adsorbates' | 'adsorbateSite' | 'descriptors' | 'defaultDescriptors'>,
): CompletenessResult {
  const { file } = model;
  const kT = kTOf(file.temperatureK);
  const warnings: string[] = [];
  const tableEnergy = (formula: string, phase?: Phase) => {
    const hill = toHill(parseFormula(formula));
    const candidates = FORMATION_GIBBS_ENERGIES.filter((e) =>
      e.isomerSpecific ? e.formula === formula.replace(/\s+/g, '') : toHill(parseFormula(e.formula)) === hill,
    );
    return phase ? candidates.find((e) => e.phase === phase) : candidates[0];
  };
  const speciesG = model.species.map((name) => {
    const sp = file.species[name]!;
    const e = tableEnergy(sp.formula ?? name, sp.phase);
    return e ? evOf(e.deltaFGkJPerMol) : Number.NaN;
  });
  const gH = -kT * Math.LN10 * file.pH; // H+(aq) at 10^-pH
  const gE = -gH; // e- at 0 V vs RHE: H+ + e- = ½H2 = 0
  const G = new Array<number>(model.adsorbates.length).fill(Number.NaN);
  const stepDG = model.steps.map((s) => {
    let v = s.dG.intercept;
    for (let d = 0; d < s.dG.slopes.length; d++) v += s.dG.slopes[d]! * model.defaultDescriptors[d]!;
    return v;
  });
  // Σ ν·G over known terms of a step (products +, reactants −); the unknown adsorbates are returned separately
  for (let pass = 0, changed = true; changed && pass < model.steps.length + 1; pass++) {
    changed = false;
    model.steps.forEach((s, j) => {
      let known = 0;
      const unknown: { a: number; nu: number }[] = [];
      for (const [k, nu] of s.speciesNet) known += nu * speciesG[k]!;
      known += -s.protons * gH - s.electrons * gE;
      s.reactAds.forEach((a, i) => (Number.isNaN(G[a]!) ? unknown.push({ a, nu: -s.reactAdsNu[i]! }) : (known -= s.reactAdsNu[i]! * G[a]!)));
      s.prodAds.forEach((a, i) => (Number.isNaN(G[a]!) ? unknown.push({ a, nu: s.prodAdsNu[i]! }) : (known += s.prodAdsNu[i]! * G[a]!)));
      const distinct = [...new Set(unknown.map((u) => u.a))];
      if (distinct.length !== 1 || !Number.isFinite(known)) return;
      const nu = unknown.reduce((sum, u) => sum + u.nu, 0);
      if (Math.abs(nu) < 1e-12) return;
      G[distinct[0]!] = (stepDG[j]! - known) / nu;
      changed = true;
    });
  }
  const desorption: DesorptionCheck[] = [];
  model.adsorbates.forEach((name, a) => {
    const formula = parseFormula(file.adsorbates[name]!.formula);
    const consumed = model.steps.some((s) => s.reactAds.includes(a));
    const produced = model.steps.some((s) => s.prodAds.includes(a));
    if (produced && !consumed) warnings.push(`adsorbate ${name} is made by a step but consumed by none: it can only accumulate`);
    if (formula.charge !== 0 || Number.isNaN(G[a]!)) return;
    for (const k of [1, 2]) {
      const counts = Object.fromEntries(Object.entries(formula.counts).map(([el, n]) => [el, n * k]));
      const hill = toHill({ counts, charge: 0 });
      // the model's own species first (its phase and activity), then the table's default phase at unit activity
      const own = model.species.findIndex((sp) => toHill(parseFormula(file.species[sp]!.formula ?? sp)) === hill);
      let g: number;
      let label: string;
      let ownIndex = -1;
      if (own >= 0 && Number.isFinite(speciesG[own]!)) {
        const sp = file.species[model.species[own]!]!;
        const activity = sp.phase === 'l' ? 1 : sp.phase === 'g' ? sp.pressureBar : sp.concentrationM;
        g = speciesG[own]! + (activity && activity > 0 ? kT * Math.log(activity) : 0);
        label = `${model.species[own]}(${sp.phase})`;
        ownIndex = own;
      } else {
        const e = FORMATION_GIBBS_ENERGIES.find((x) => !x.isomerSpecific && toHill(parseFormula(x.formula)) === hill);
        if (!e) continue;
        g = evOf(e.deltaFGkJPerMol);
        label = `${e.formula}(${e.phase})`;
      }
      const dG = g - k * G[a]!;
      const hasDesorptionStep =
        ownIndex >= 0 &&
        // steps are reversible: X* → molecule, or molecule → X* run backwards
        model.steps.some(
          (s) =>
            s.electrons === 0 &&
            ((s.reactAds.includes(a) && (s.speciesNet.get(ownIndex) ?? 0) > 0) || (s.prodAds.includes(a) && (s.speciesNet.get(ownIndex) ?? 0) < 0)),
        );
      desorption.push({ adsorbate: name, molecule: label, adsorbatesPerMolecule: k, desorptionDeltaGEv: dG, hasDesorptionStep });
      if (dG < 0 && !hasDesorptionStep) {
        warnings.push(
          `adsorbate ${name}: desorbing as ${label} (${k === 1 ? '' : `${k} ${name} → `}${label}) is downhill by ${(-dG).toFixed(3)} eV by the model's own energies (0 V vs RHE, pH ${file.pH}), but no step releases it${ownIndex >= 0 ? '' : ` (declare ${label.replace(/\(.*/, '')} as a species and add the step)`}`,
        );
      }
      break;
    }
  });
  return { adsorbateFreeEnergiesEv: Object.fromEntries(model.adsorbates.map((n, a) => [n, G[a]!])), desorption, warnings };
}
