import { parse as parseYaml } from 'yaml';
import { InputError, type Formula, parseFormula } from '../../chem/index.js';
import { Rational, nullSpace } from '../../numerics/Rational.js';
import { inputErrorFromZod } from '../../chem/zodIssues.js';
import { type ModelFile, type ModelFileInput, modelFileSchema } from './modelSchema.js';
import { resolveFormationEnergies } from '../scaler/formationEnergies.js';
import { type PhysicalConstants, physicalConstants } from '../thermodynamics/physicalConstants.js';
import { extraProtonShiftEv } from './protonReference.js';
import { type PathwayThermodynamics, checkModelThermodynamics, describeTolerance } from './checkModelThermodynamics.js';
import { type DesorptionCheck, checkModelCompleteness } from './checkModelCompleteness.js';

/** A linear form intercept + slopes·descriptors, with slopes aligned to the model's descriptor order. */
export interface CompiledLinear {
  intercept: number;
  slopes: Float64Array;
}

/** A step reduced to index arrays for fast rate evaluation. */
export interface CompiledStep {
  id: string;
  equation: string;
  /** Adsorbate indices and stoichiometric coefficients on each side. */
  reactAds: number[];
  reactAdsNu: number[];
  prodAds: number[];
  prodAdsNu: number[];
  /** Free sites per site-type index on each side. */
  reactFree: number[];
  reactFreeNu: number[];
  prodFree: number[];
  prodFreeNu: number[];
  /** Π activity^ν of gas/solution species on each side (liquids and H+ count as 1: CHE, RHE scale). */
  reactActivity: number;
  prodActivity: number;
  /** Net stoichiometry of gas/solution species (index → ν, products positive). */
  speciesNet: Map<number, number>;
  /** Electrons consumed (reduction > 0). */
  electrons: number;
  /** H⁺ consumed (negative when released). */
  protons: number;
  /**
   * ΔG at 0 V vs RHE and the model's pH, eV: the file's value plus the extra-proton term
   * (protons − electrons)·kT·ln10·pH ({@link extraProtonShiftEv}), already in the intercept.
   */
  dG: CompiledLinear;
  /** The extra-proton term included in `dG`, eV. */
  pHShiftEv: number;
  barrier: { kind: 'none' } | { kind: 'linear'; value: CompiledLinear } | { kind: 'bep'; alpha: number; beta: number };
  beta: number;
  prefactorPerS: number | null;
  source?: string;
}

/** A validated model, ready for the solvers. */
export interface CompiledModel {
  file: ModelFile;
  adsorbates: string[];
  /** Site-type index of each adsorbate. */
  adsorbateSite: number[];
  sites: string[];
  species: string[];
  /** Species indices that are reported products. */
  productIndices: number[];
  descriptors: string[];
  defaultDescriptors: Float64Array;
  steps: CompiledStep[];
  /**
   * Reaction routes: a basis of step combinations that leave every adsorbate unchanged (null space of the
   * adsorbate stoichiometry, exact), as rows of length = steps. Steady-state net rates lie in their span.
   */
  routes: number[][];
  /** The physical constants of the model (`constants:`, default CODATA 2018). */
  constants: PhysicalConstants;
  /** Each pathway's overall ΔG against the chemistry core at the model's pH (see checkModelThermodynamics). */
  pathwayThermodynamics: PathwayThermodynamics[];
  /** Desorption channels the model's energies allow (see checkModelCompleteness). */
  desorption: DesorptionCheck[];
  /** Compile-time warnings (thermodynamics, completeness), each naming the pathway or adsorbate. */
  warnings: string[];
}

const MODEL_ALLOWED = 'a model file as in docs/model-format.md';

/** Reads a model file's text (YAML or JSON) and validates it. @throws {InputError} with the field path */
export function parseModelText(text: string, name = 'model'): ModelFile {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InputError(name, 'YAML or JSON text', (error as Error).message.split('\n')[0] ?? 'unreadable');
  }
  return validateModel(raw as ModelFileInput);
}

/** Validates a model object. @throws {InputError} naming the field path */
export function validateModel(raw: ModelFileInput): ModelFile {
  const parsed = modelFileSchema.safeParse(raw);
  if (!parsed.success) throw inputErrorFromZod(parsed.error, 'model', MODEL_ALLOWED);
  return parsed.data;
}

interface Term {
  coefficient: number;
  name: string;
}

function parseSide(side: string, field: string): Term[] {
  return side
    .split(/\s+\+\s+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => {
      const m = /^(\d+(?:\.\d+)?)?\s*(\S+)$/.exec(t);
      if (!m) throw new InputError(field, 'terms like "2 H+", "NO*", "*" joined by " + "', `cannot read term "${t}"`);
      return { coefficient: m[1] ? Number(m[1]) : 1, name: m[2]! };
    });
}

function linear(value: unknown, descriptors: string[], field: string): CompiledLinear {
  if (typeof value === 'number') return { intercept: value, slopes: new Float64Array(descriptors.length) };
  const v = value as { intercept: number; slopes: Record<string, number> };
  const slopes = new Float64Array(descriptors.length);
  for (const [name, slope] of Object.entries(v.slopes)) {
    const i = descriptors.indexOf(name);
    if (i < 0)
      throw new InputError(`${field}.slopes.${name}`, `a declared descriptor (${descriptors.join(', ') || 'none declared'})`, `unknown descriptor "${name}"`);
    slopes[i] = slope;
  }
  return { intercept: v.intercept, slopes };
}

/**
 * Compiles a validated model: resolves every term of every step, checks that each step conserves atoms,
 * charge and sites (per site type), and lays the steps out as index arrays.
 * @throws {InputError} naming the step and what does not balance, or the unknown species
 */
export function compileModel(input: ModelFile): CompiledModel {
  // formation energies (if any) become each step's dG and Ea at the model's temperature (scaler + thermodynamics)
  const file = resolveFormationEnergies(input).file;
  const adsorbates = Object.keys(file.adsorbates);
  const species = Object.keys(file.species);
  const sites = file.sites;
  const descriptors = Object.keys(file.descriptors);
  const adsorbateSite = adsorbates.map((a) => {
    const site = file.adsorbates[a]!.site;
    const idx = sites.indexOf(site);
    if (idx < 0) throw new InputError(`adsorbates.${a}.site`, `one of the declared sites (${sites.join(', ')})`, `unknown site "${site}"`);
    return idx;
  });
  const formulaOf = (field: string, text: string): Formula => parseFormula(text, field);
  const adsFormula = adsorbates.map((a) => formulaOf(`adsorbates.${a}.formula`, file.adsorbates[a]!.formula));
  const speciesFormula = species.map((s) => formulaOf(`species.${s}.formula`, file.species[s]!.formula ?? s));
  const activity = species.map((s) => {
    const sp = file.species[s]!;
    if (sp.phase === 'l') return 1;
    if (sp.phase === 'g') return sp.pressureBar ?? 0;
    return sp.concentrationM ?? 0;
  });

  const steps: CompiledStep[] = file.steps.map((step, j) => {
    const field = `steps[${j}] (${step.id})`;
    const parts = step.equation.split(/\s*(?:<->|->|→|⇌|=)\s*/);
    if (parts.length !== 2) throw new InputError(`${field}.equation`, 'reactants -> products', `got "${step.equation}"`);
    const compiled: CompiledStep = {
      id: step.id,
      equation: step.equation,
      reactAds: [],
      reactAdsNu: [],
      prodAds: [],
      prodAdsNu: [],
      reactFree: [],
      reactFreeNu: [],
      prodFree: [],
      prodFreeNu: [],
      reactActivity: 1,
      prodActivity: 1,
      speciesNet: new Map(),
      electrons: 0,
      protons: 0,
      pHShiftEv: 0,
      dG: linear(step.dG!, descriptors, `${field}.dG`), // present: resolveFormationEnergies fills or refuses it
      barrier:
        step.Ea === undefined
          ? { kind: 'none' }
          : typeof step.Ea === 'object' && 'bep' in step.Ea
            ? { kind: 'bep', ...step.Ea.bep }
            : { kind: 'linear', value: linear(step.Ea, descriptors, `${field}.Ea`) },
      beta: step.beta ?? 0.5,
      prefactorPerS: step.prefactorPerS ?? null,
      source: step.source,
    };
    const atoms = new Map<string, number>();
    const siteBalance = new Array<number>(sites.length).fill(0);
    let charge = 0;
    const add = (counts: Record<string, number>, sign: number, nu: number) => {
      for (const [el, n] of Object.entries(counts)) atoms.set(el, (atoms.get(el) ?? 0) + sign * nu * n);
    };
    parts.forEach((sideText, sideIndex) => {
      const sign = sideIndex === 0 ? -1 : 1;
      for (const { coefficient: nu, name } of parseSide(sideText!, `${field}.equation`)) {
        if (name === 'e-') {
          compiled.electrons += sideIndex === 0 ? nu : -nu;
          charge += sign * nu * -1;
        } else if (name === 'H+') {
          compiled.protons += sideIndex === 0 ? nu : -nu;
          add({ H: 1 }, sign, nu);
          charge += sign * nu;
        } else if (/^\*\w*$/.test(name)) {
          const site = name.length > 1 ? name.slice(1) : sites[0]!;
          const s = sites.indexOf(site);
          if (s < 0) throw new InputError(`${field}.equation`, `free sites "*" or "*<site>" with a declared site`, `unknown site in "${name}"`);
          (sideIndex === 0 ? compiled.reactFree : compiled.prodFree).push(s);
          (sideIndex === 0 ? compiled.reactFreeNu : compiled.prodFreeNu).push(nu);
          siteBalance[s]! += sign * nu;
        } else if (adsorbates.includes(name)) {
          const a = adsorbates.indexOf(name);
          (sideIndex === 0 ? compiled.reactAds : compiled.prodAds).push(a);
          (sideIndex === 0 ? compiled.reactAdsNu : compiled.prodAdsNu).push(nu);
          add(adsFormula[a]!.counts, sign, nu);
          charge += sign * nu * adsFormula[a]!.charge;
          siteBalance[adsorbateSite[a]!]! += sign * nu;
        } else if (species.includes(name)) {
          const s = species.indexOf(name);
          add(speciesFormula[s]!.counts, sign, nu);
          charge += sign * nu * speciesFormula[s]!.charge;
          compiled.speciesNet.set(s, (compiled.speciesNet.get(s) ?? 0) + sign * nu);
          if (sideIndex === 0) compiled.reactActivity *= activity[s]! ** nu;
          else compiled.prodActivity *= activity[s]! ** nu;
        } else {
          throw new InputError(
            `${field}.equation`,
            `a declared species (${species.join(', ')}), adsorbate (${adsorbates.join(', ')}), "*", "H+" or "e-"`,
            `unknown species "${name}"`,
          );
        }
      }
    });
    const unbalanced = [...atoms].filter(([, n]) => Math.abs(n) > 1e-9).map(([el, n]) => `${el} ${n > 0 ? '+' : ''}${n}`);
    if (unbalanced.length)
      throw new InputError(`${field}.equation`, 'a step that conserves every element', `unbalanced atoms (products − reactants): ${unbalanced.join(', ')}`);
    if (Math.abs(charge) > 1e-9) throw new InputError(`${field}.equation`, 'a step that conserves charge', `charge changes by ${charge}`);
    const badSite = siteBalance.findIndex((n) => Math.abs(n) > 1e-9);
    if (badSite >= 0)
      throw new InputError(
        `${field}.equation`,
        'a step that conserves sites (adsorbates + free sites of each type)',
        `site "${sites[badSite]}" changes by ${siteBalance[badSite]}`,
      );
    compiled.pHShiftEv = extraProtonShiftEv(compiled.protons, compiled.electrons, file.pH, file.temperatureK);
    compiled.dG.intercept += compiled.pHShiftEv;
    return compiled;
  });

  const productIndices = species.map((s, i) => (file.species[s]!.product ? i : -1)).filter((i) => i >= 0);
  for (const p of productIndices) {
    if (file.species[species[p]!]!.electronsPerMolecule === undefined) {
      throw new InputError(
        `species.${species[p]}.electronsPerMolecule`,
        'electrons consumed per molecule (e.g. 16 for urea from CO2 + NO3-)',
        'needed for the faradaic efficiency of a product',
      );
    }
  }
  for (const pathway of file.pathways) {
    for (const id of pathway.steps)
      if (!steps.some((s) => s.id === id)) throw new InputError(`pathways.${pathway.name}`, 'step ids of this model', `unknown step "${id}"`);
  }
  // ν of each adsorbate in each step, as exact rationals (coefficients like 0.5 scaled by 1000 first)
  const toRational = (x: number) => Rational.of(Math.round(x * 1000), 1000);
  const matrix = adsorbates.map((_, a) =>
    steps.map((s) => {
      let nu = 0;
      s.reactAds.forEach((k, i) => k === a && (nu -= s.reactAdsNu[i]!));
      s.prodAds.forEach((k, i) => k === a && (nu += s.prodAdsNu[i]!));
      return toRational(nu);
    }),
  );
  const routes = nullSpace(matrix, steps.length).basis.map((v) => v.map((x) => x.toNumber()));
  const defaultDescriptors = Float64Array.from(descriptors.map((d) => file.descriptors[d]!));
  const partial = { file, steps, species, adsorbates, adsorbateSite, descriptors, defaultDescriptors };
  const thermodynamics = checkModelThermodynamics(partial, file.checks.pathwayToleranceEv);
  const mismatch = thermodynamics.pathways.find((p) => p.status === 'mismatch');
  if (mismatch && file.checks.onPathwayMismatch === 'refuse') {
    throw new InputError(
      `pathways.${mismatch.pathway}`,
      `steps whose ΔG sum to the chemistry core's value within ${describeTolerance(mismatch.tolerance)} (or checks.onPathwayMismatch: warn)`,
      mismatch.message ?? 'thermodynamic mismatch',
    );
  }
  const completeness = checkModelCompleteness(partial);
  return {
    routes,
    constants: physicalConstants(file.constants),
    pathwayThermodynamics: thermodynamics.pathways,
    desorption: completeness.desorption,
    warnings: [...thermodynamics.warnings, ...completeness.warnings],
    file,
    adsorbates,
    adsorbateSite,
    sites,
    species,
    productIndices,
    descriptors,
    defaultDescriptors,
    steps,
  };
}
