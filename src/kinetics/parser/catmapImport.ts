import { InputError } from '../../chem/index.js';
import { type CatmapEnergyRow, readCatmapEnergyTable } from './catmapEnergyTable.js';
import { compileModel, validateModel } from './compileModel.js';
import type { ModelFileInput } from './modelSchema.js';
import { type PyDict, type PyValue, readPythonLiterals } from './pythonLiteral.js';
import { SHOMATE_GASES } from '../thermodynamics/shomate.js';
import { IDEAL_GASES } from '../thermodynamics/idealGasThermo.js';
import { resolveFormationEnergies } from '../scaler/formationEnergies.js';

/**
 * Hydrogen-bond stabilisations (eV) of CatMAP's `hbond_electrochemical` mode, for the adsorbates where they are
 * nonzero: Peterson et al., Energy Environ. Sci. 3, 1311 (2010), doi:10.1039/c0ee00071j, as tabulated in CatMAP's
 * catmap/data/hbond_data.py (OH on the surface −0.50, a "floppy" OH group −0.25, CO-like −0.10; every other
 * adsorbate 0).
 */
export const CATMAP_HBOND_EV: Readonly<Record<string, number>> = {
  OH: -0.5,
  COOH: -0.25,
  COH: -0.25,
  CHOH: -0.25,
  COHOH: -0.25,
  CH2OH: -0.25,
  CO: -0.1,
  CHO: -0.1,
};

/** Options of {@link importCatmap}. */
export interface ImportCatmapOptions {
  /** The setup file's name, for messages (default `setup.mkm`). */
  setupName?: string;
  /** The energy table's text (CatMAP `input_file`); required when the setup has no inline formation energies. */
  energiesText?: string;
  /** Its name, for messages. */
  energiesName?: string;
  /** Replaces the setup's `gas_thermo_mode`. */
  gasThermoMode?: 'ideal_gas' | 'shomate_gas' | 'frozen_gas' | 'zero_point_gas';
  /** Name of the model (default: the setup file's stem). */
  name?: string;
}

/** The grid the setup asks CatMAP to map, as cncouple sweep options. */
export interface CatmapSweepHint {
  x: string;
  y?: string;
  grid: string;
  potentialVvsRHE?: number;
}

/** What {@link importCatmap} produced. */
export interface ImportCatmapResult {
  /** The model, in the model-file format (write it as YAML). */
  model: ModelFileInput;
  /** Mapped with a remark (approximations, defaults taken). */
  notes: string[];
  /** Setup keys that only steer CatMAP's own solver or output (no meaning for the model). */
  ignored: string[];
  /** The descriptor grid of the setup. */
  sweep?: CatmapSweepHint;
}

/** A setup that uses what the import does not support: every such item is listed. */
export class CatmapImportError extends InputError {
  readonly unsupported: string[];
  constructor(file: string, unsupported: string[]) {
    super(
      file,
      'a CatMAP setup within what docs/model-format.md ("CatMAP import") lists as supported',
      `${unsupported.length} unsupported item(s):\n${unsupported.map((u) => `  - ${u}`).join('\n')}`,
    );
    this.name = 'CatmapImportError';
    this.unsupported = unsupported;
  }
}

const SOLVER_KEYS = new Set([
  'decimal_precision',
  'tolerance',
  'max_rootfinding_iterations',
  'max_bisections',
  'data_file',
  'input_file',
  'output_variables',
  'max_tolerance_decrease',
  'max_damping_iterations',
  'rxn_mechanisms',
  'numerical_representation',
  'perturbation_size',
  'max_initial_guesses',
  'search_directions',
  'descriptor_ranges',
  'resolution',
  'estimate_frequencies',
  'verbose',
  'solver',
  'mapper',
  'parser',
  'thermodynamics',
  'DEBUG',
  'use_numbers_solver',
  'fix_x_star',
  'internally_constrain_coverages',
  'coverage_correction',
  'parse_headers',
  'frequency_unit_conversion',
]);
const KNOWN_KEYS = new Set([
  'rxn_expressions',
  'surface_names',
  'descriptor_names',
  'temperature',
  'voltage',
  'beta',
  'pH',
  'species_definitions',
  'gas_thermo_mode',
  'adsorbate_thermo_mode',
  'electrochemical_thermo_mode',
  'scaling_constraint_dict',
  'scaler',
  'default_constraints',
  'transition_state_scaling_mode',
  'adsorbate_interaction_model',
  'interaction_response_function',
  'interaction_strength',
  'frequency_surface_names',
  'max_entropy_per_mode',
  'pressure_mode',
  'Upzc',
  'CH',
  'field',
  'interaction_fitting_mode',
  'cross_interaction_mode',
  'interaction_scaling_constraint_dict',
  'species_definitions_file',
]);

interface Term {
  nu: number;
  kind: 'site' | 'gas' | 'pe' | 'ele' | 'ads';
  /** CatMAP name without suffix (adsorbates, gases), or the site. */
  name: string;
  site: string;
}

const isDict = (v: PyValue | undefined): v is PyDict => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads a CatMAP setup file (`*.mkm`, read as Python literals, never executed) and its energy table, and maps them
 * onto the model-file format: gases (pressures) and the proton–electron pair `pe_g` (→ `H+ + e-`, computational
 * hydrogen electrode), adsorbates and sites, elementary steps with their transition states, descriptors (adsorbate
 * formation energies), the scaling relations CatMAP would fit (`scaling_constraint_dict`: fixed, sign-bounded or free
 * slopes; initial-state, final-state and BEP transition-state scaling), thermochemical modes (Shomate gases, harmonic
 * or zero-point adsorbates, hydrogen-bond corrections), temperature, voltage, β (also per reaction) and CatMAP's
 * physical constants. Anything it cannot map is collected and refused together.
 * @throws {CatmapImportError} listing every unsupported item; {@link PythonLiteralError} for what is not a literal
 */
export function importCatmap(setupText: string, options: ImportCatmapOptions = {}): ImportCatmapResult {
  const file = options.setupName ?? 'setup.mkm';
  const { values: s } = readPythonLiterals(setupText, file);
  const unsupported: string[] = [];
  const notes: string[] = [];
  const ignored: string[] = [];
  for (const key of Object.keys(s)) {
    if (SOLVER_KEYS.has(key)) ignored.push(key);
    else if (!KNOWN_KEYS.has(key)) notes.push(`"${key}" is not a setting the import knows; left out`);
  }
  // model-level refusals
  const interaction = s.adsorbate_interaction_model;
  if (interaction !== undefined && interaction !== null && interaction !== 'ideal')
    unsupported.push(
      `adsorbate_interaction_model = ${JSON.stringify(interaction)}: coverage-dependent (interacting) energies are not in the model format (only 'ideal'/None)`,
    );
  for (const k of [
    'interaction_response_function',
    'interaction_strength',
    'interaction_scaling_constraint_dict',
    'cross_interaction_mode',
    'interaction_fitting_mode',
  ])
    if (s[k] !== undefined && (interaction ?? 'ideal') !== 'ideal') unsupported.push(`${k}: part of an adsorbate interaction model`);
  if (s.scaler !== undefined && s.scaler !== 'GeneralizedLinearScaler')
    unsupported.push(`scaler = ${JSON.stringify(s.scaler)}: only GeneralizedLinearScaler (linear scaling in adsorbate-energy descriptors)`);
  if (s.max_entropy_per_mode !== undefined) unsupported.push('max_entropy_per_mode: low-frequency cut-offs of harmonic modes are not implemented');
  if (s.pressure_mode !== undefined && s.pressure_mode !== null) unsupported.push(`pressure_mode = ${JSON.stringify(s.pressure_mode)}: only fixed pressures`);
  if (s.species_definitions_file !== undefined) unsupported.push('species_definitions_file: give the definitions in the setup file itself');

  const temperatureK = typeof s.temperature === 'number' ? s.temperature : Number.NaN;
  if (!Number.isFinite(temperatureK)) unsupported.push('temperature: a number in K is required (temperature as a descriptor is not supported)');

  // species definitions: sites and gases
  const defs = isDict(s.species_definitions) ? s.species_definitions : ({} as PyDict);
  const sites: string[] = [];
  const siteNames = new Map<string, string>(); // CatMAP site name in the table (e.g. "111") → site key
  for (const [key, def] of Object.entries(defs)) {
    if (!isDict(def)) {
      unsupported.push(`species_definitions['${key}']: expected a dict`);
      continue;
    }
    if ('site_names' in def || 'total' in def) {
      if (def.total !== undefined && def.total !== 1)
        unsupported.push(
          `species_definitions['${key}'].total = ${JSON.stringify(def.total)}: site totals other than 1 are not supported (each site type is one pool of fraction 1)`,
        );
      sites.push(key);
      const names = Array.isArray(def.site_names) ? def.site_names : [];
      for (const n of names) if (typeof n === 'string') siteNames.set(n, key);
      for (const k of Object.keys(def)) if (k !== 'site_names' && k !== 'total') notes.push(`species_definitions['${key}'].${k}: left out`);
    }
  }
  if (sites.length === 0) sites.push('s');
  if (sites.includes('s')) sites.sort((a, b) => (a === 's' ? -1 : b === 's' ? 1 : 0));
  const mainSite = sites[0]!;
  const ourAds = (name: string, site: string) => `${name}*${site === mainSite ? '' : site}`;

  // reactions
  const rxns = Array.isArray(s.rxn_expressions) ? s.rxn_expressions : [];
  if (rxns.length === 0) unsupported.push('rxn_expressions: a non-empty list of reaction strings is required');
  const globalBeta = typeof s.beta === 'number' ? s.beta : 0.5;
  if (s.beta !== undefined && typeof s.beta !== 'number') unsupported.push('beta: a number');
  const gases = new Set<string>();
  const adsorbates = new Map<string, { name: string; site: string }>();
  const tsOf = new Map<string, { name: string; site: string; step: string }>();
  const steps: { id: string; is: Term[]; fs: Term[]; ts?: string; beta?: number; electrochemical: boolean }[] = [];
  const readTerm = (text: string, where: string): Term | null => {
    const m = /^(\d*)\s*(.+)$/.exec(text.trim());
    if (!m || !m[2]) {
      unsupported.push(`${where}: cannot read term "${text}"`);
      return null;
    }
    const nu = m[1] ? Number(m[1]) : 1;
    const t = m[2].trim();
    let site: string;
    let name: string;
    let mm: RegExpExecArray | null;
    if ((mm = /^\*(?:_(\w+))?$/.exec(t))) return { nu, kind: 'site', name: mm[1] ?? mainSite, site: mm[1] ?? mainSite };
    if ((mm = /^(.+)_g$/.exec(t))) {
      if (mm[1] === 'pe') return { nu, kind: 'pe', name: 'pe', site: '' };
      if (mm[1] === 'ele') return { nu, kind: 'ele', name: 'ele', site: '' };
      if (mm[1] === 'H' || mm[1] === 'OH') unsupported.push(`${where}: "${t}" (pH-corrected proton/hydroxide gases) — write proton–electron pairs as pe_g`);
      return { nu, kind: 'gas', name: mm[1]!, site: '' };
    }
    if ((mm = /^(.+?)\*(?:_(\w+))?$/.exec(t))) {
      name = mm[1]!;
      site = mm[2] ?? mainSite;
    } else if ((mm = /^(.+)_(\w+)$/.exec(t)) && sites.includes(mm[2]!)) {
      name = mm[1]!;
      site = mm[2]!;
    } else if (/^(.+)_(dl|aq)$/.test(t)) {
      unsupported.push(`${where}: "${t}": double-layer/solution species of CatMAP's electrochemistry extensions`);
      return null;
    } else {
      unsupported.push(`${where}: cannot tell the phase of "${t}" (gases end in _g, adsorbates in * or _<site>)`);
      return null;
    }
    if (!sites.includes(site)) unsupported.push(`${where}: site "${site}" of "${t}" is not defined in species_definitions`);
    return { nu, kind: 'ads', name, site };
  };
  rxns.forEach((rx, i) => {
    const id = `r${i + 1}`;
    const where = `rxn_expressions[${i}]`;
    if (typeof rx !== 'string') {
      unsupported.push(`${where}: expected a string`);
      return;
    }
    const [body, ...opts] = rx.split(';');
    let beta: number | undefined;
    for (const o of opts) {
      const m = /^\s*beta\s*=\s*([-+0-9.eE]+)\s*$/.exec(o);
      if (m && Number.isFinite(Number(m[1]))) beta = Number(m[1]);
      else if (o.trim()) unsupported.push(`${where}: reaction option "${o.trim()}" (only beta=… is read)`);
    }
    const states = body!.split(/\s*(?:<->|->)\s*/);
    if (states.length < 2 || states.length > 3) {
      unsupported.push(`${where}: "${rx}" — expected IS <-> FS or IS <-> TS -> FS`);
      return;
    }
    const parse = (state: string) =>
      state
        .split('+')
        .map((t) => t.trim())
        .filter(Boolean)
        .map((t) => readTerm(t, where));
    const terms = states.map(parse);
    if (terms.some((side) => side.some((t) => t === null))) return;
    const [is, mid, fs] = (states.length === 3 ? terms : [terms[0], undefined, terms[1]]) as [Term[], Term[] | undefined, Term[]];
    let ts: string | undefined;
    if (mid) {
      const tsTerms = mid.filter((t) => t.kind !== 'site');
      if (tsTerms.length !== 1 || tsTerms[0]!.kind !== 'ads' || tsTerms[0]!.nu !== 1) {
        unsupported.push(`${where}: the transition state "${states[1]}" must be one adsorbed species (plus free sites)`);
        return;
      }
      const t = tsTerms[0]!;
      ts = ourAds(t.name, t.site);
      if (tsOf.has(ts))
        unsupported.push(`${where}: transition state "${t.name}" also appears in ${tsOf.get(ts)!.step} (each transition state belongs to one step here)`);
      tsOf.set(ts, { name: t.name, site: t.site, step: id });
    }
    const all = [...is, ...fs];
    if (all.some((t) => t.kind === 'ele'))
      unsupported.push(
        `${where}: ele_g (an electron without a proton) — the model format conserves charge and has no electrode charge; only pe_g steps are mapped`,
      );
    for (const t of all) {
      if (t.kind === 'gas') gases.add(t.name);
      if (t.kind === 'ads') adsorbates.set(ourAds(t.name, t.site), { name: t.name, site: t.site });
    }
    steps.push({ id, is, fs, ...(ts ? { ts } : {}), ...(beta !== undefined ? { beta } : {}), electrochemical: all.some((t) => t.kind === 'pe') });
  });
  for (const [ads] of adsorbates) if (tsOf.has(ads)) unsupported.push(`"${ads}" is both an adsorbate and a transition state`);

  // descriptors: adsorbate formation energies
  const descriptorNames = Array.isArray(s.descriptor_names) ? s.descriptor_names.filter((d): d is string => typeof d === 'string') : [];
  const ranges = Array.isArray(s.descriptor_ranges) ? s.descriptor_ranges : [];
  const descriptorAds = new Map<string, string>(); // descriptor → our adsorbate name
  descriptorNames.forEach((d) => {
    const m = /^(.+)_(\w+)$/.exec(d);
    const ours = m && sites.includes(m[2]!) ? ourAds(m[1]!, m[2]!) : undefined;
    if (!ours || !adsorbates.has(ours)) unsupported.push(`descriptor "${d}": only adsorbate formation energies of the network (name_site) can be descriptors`);
    else descriptorAds.set(d, ours);
  });
  const descriptors = Object.fromEntries(
    descriptorNames.map((d, i) => {
      const r = ranges[i];
      return [d, Array.isArray(r) && typeof r[0] === 'number' && typeof r[1] === 'number' ? (r[0] + r[1]) / 2 : 0];
    }),
  );

  // energies
  let rows: CatmapEnergyRow[] = [];
  if (options.energiesText !== undefined) rows = readCatmapEnergyTable(options.energiesText, options.energiesName ?? 'energies.txt');
  else unsupported.push(`no energy table: give --energies (the setup's input_file ${JSON.stringify(s.input_file ?? '')})`);
  const surfaces = Array.isArray(s.surface_names) ? s.surface_names.filter((x): x is string => typeof x === 'string') : [];
  if (surfaces.length === 0 && options.energiesText !== undefined) unsupported.push('surface_names: the surfaces to fit scaling relations on are required');
  const catmapToOurs = (species: string, site: string): string | undefined => {
    if (site === 'gas') return gases.has(species) ? species : undefined;
    const key = siteNames.get(site) ?? (sites.includes(site) ? site : undefined);
    if (!key) return undefined;
    const ours = ourAds(species, key);
    return adsorbates.has(ours) || tsOf.has(ours) ? ours : undefined;
  };
  const tableSurfaces: Record<string, Record<string, number>> = Object.fromEntries(surfaces.map((x) => [x, {}]));
  const gasEnergy: Record<string, number> = {};
  const freqs = new Map<string, number[][]>();
  const freqSurfaces = Array.isArray(s.frequency_surface_names) ? s.frequency_surface_names.filter((x): x is string => typeof x === 'string') : [];
  for (const r of rows) {
    const ours = catmapToOurs(r.species, r.site);
    if (r.species === 'pe' || r.species === 'ele') continue;
    if (!ours) continue;
    if (r.site === 'gas') {
      if (Number.isFinite(r.formationEnergyEv)) gasEnergy[ours] = r.formationEnergyEv;
    } else if (r.surface !== null && r.surface in tableSurfaces && Number.isFinite(r.formationEnergyEv)) tableSurfaces[r.surface]![ours] = r.formationEnergyEv;
    if (r.frequenciesPerCm.length && (r.site === 'gas' || freqSurfaces.length === 0 || (r.surface !== null && freqSurfaces.includes(r.surface))))
      freqs.set(ours, [...(freqs.get(ours) ?? []), r.frequenciesPerCm]);
  }
  // CatMAP's table parser uses the mean of the frequency sets found for a species
  const meanFreqs = (name: string): number[] | undefined => {
    const sets = freqs.get(name);
    if (!sets?.length) return undefined;
    const n = sets[0]!.length;
    if (!sets.every((f) => f.length === n)) return sets[0];
    return sets[0]!.map((_, k) => sets.reduce((a, f) => a + f[k]!, 0) / sets.length);
  };

  // scaling relations
  const constraints = isDict(s.scaling_constraint_dict) ? s.scaling_constraint_dict : ({} as PyDict);
  const defaultConstraints = Array.isArray(s.default_constraints) ? s.default_constraints : ['+', '+', null];
  const defaultTsMode = typeof s.transition_state_scaling_mode === 'string' ? s.transition_state_scaling_mode : 'initial_state';
  const catmapKey = (ours: string) => {
    const m = /^(.+)\*(\w*)$/.exec(ours)!;
    return `${m[1]}_${m[2] || mainSite}`;
  };
  const coefficient = (c: PyValue | undefined, where: string): number | '+' | '-' | 'free' | undefined => {
    if (c === null || c === undefined) return 'free';
    if (c === '+' || c === '-') return c;
    if (typeof c === 'number') return c;
    unsupported.push(`${where}: constraint ${JSON.stringify(c)} (only None, '+', '-' or a number)`);
    return undefined;
  };
  const fitSpec = (list: PyValue[], where: string) => {
    if (list.length !== descriptorNames.length + 1) {
      unsupported.push(`${where}: ${list.length} constraints for ${descriptorNames.length} descriptors + intercept`);
      return undefined;
    }
    const slopes = Object.fromEntries(descriptorNames.map((d, i) => [d, coefficient(list[i], where)]));
    return { fit: { slopes, intercept: coefficient(list.at(-1), where) } };
  };
  const formationAds: Record<string, unknown> = {};
  const dataOn = (name: string) => surfaces.filter((x) => tableSurfaces[x]![name] !== undefined).length;
  for (const [ours] of adsorbates) {
    const d = [...descriptorAds].find(([, a]) => a === ours)?.[0];
    if (d) {
      formationAds[ours] = { slopes: { [d]: 1 } };
      continue;
    }
    const c = constraints[catmapKey(ours)] ?? defaultConstraints;
    if (!Array.isArray(c)) {
      unsupported.push(`scaling_constraint_dict['${catmapKey(ours)}'] = ${JSON.stringify(c)}: adsorbates take a list of constraints`);
      continue;
    }
    if (options.energiesText !== undefined && dataOn(ours) === 0)
      unsupported.push(`${catmapKey(ours)}: no formation energy on any of surface_names in the energy table`);
    const spec = fitSpec(c, `scaling_constraint_dict['${catmapKey(ours)}']`);
    if (spec) formationAds[ours] = spec;
  }
  const formationTs: Record<string, unknown> = {};
  for (const [ours, t] of tsOf) {
    const key = catmapKey(ours);
    const c = constraints[key] ?? defaultTsMode;
    if (Array.isArray(c)) {
      const spec = fitSpec(c, `scaling_constraint_dict['${key}']`);
      if (spec) formationTs[ours] = { step: t.step, energy: spec };
      continue;
    }
    const m = typeof c === 'string' ? /^(initial_state|final_state|BEP)(?::(.*))?$/.exec(c) : null;
    if (!m) {
      unsupported.push(
        `scaling_constraint_dict['${key}'] = ${JSON.stringify(c)}: transition states take 'initial_state', 'final_state', 'BEP' (optionally ':[slope, intercept]') or a list`,
      );
      continue;
    }
    const scaling = m[1] === 'initial_state' ? 'initialState' : m[1] === 'final_state' ? 'finalState' : 'bep';
    let params: PyValue = null;
    if (m[2]) {
      try {
        params = readPythonLiterals(`p = ${m[2]}`, `scaling_constraint_dict['${key}']`).values.p ?? null;
      } catch {
        params = 'bad';
      }
      if (!Array.isArray(params) || params.length < 1 || params.length > 2 || !params.every((x) => typeof x === 'number')) {
        unsupported.push(`scaling_constraint_dict['${key}'] = ${JSON.stringify(c)}: parameters must be [slope] or [slope, intercept]`);
        continue;
      }
    }
    const p = (params ?? []) as number[];
    formationTs[ours] = { step: t.step, scaling, ...(p[0] !== undefined ? { alpha: p[0] } : {}), ...(p[1] !== undefined ? { beta: p[1] } : {}) };
    if (options.energiesText !== undefined && p.length < 2 && dataOn(ours) === 0)
      unsupported.push(`${key}: no transition-state energy on any of surface_names to fit its ${m[1]} scaling`);
  }

  // thermochemistry
  const thermo: Record<string, unknown> = {};
  const gasMode = options.gasThermoMode ?? (typeof s.gas_thermo_mode === 'string' ? s.gas_thermo_mode : 'ideal_gas');
  if (options.gasThermoMode && s.gas_thermo_mode !== options.gasThermoMode)
    notes.push(`gas_thermo_mode ${JSON.stringify(s.gas_thermo_mode ?? 'ideal_gas')} replaced by ${options.gasThermoMode} (--gas-thermo)`);
  const gasFreq = (g: string) => meanFreqs(g);
  if (gasMode === 'ideal_gas') {
    for (const g of gases) {
      if (!IDEAL_GASES[g])
        unsupported.push(
          `ideal_gas: no built-in rigid-rotor data for ${g}_g (built in: ${Object.keys(IDEAL_GASES).join(', ')}); choose --gas-thermo shomate_gas, zero_point_gas or frozen_gas, or add formation.thermo.${g}.idealGas by hand`,
        );
      else if (!gasFreq(g)) unsupported.push(`ideal_gas: ${g}_g needs its vibrational frequencies in the energy table`);
      else thermo[g] = { idealGas: 'builtin', frequenciesPerCm: gasFreq(g) };
    }
  } else if (gasMode === 'shomate_gas') {
    for (const g of gases) {
      if (!SHOMATE_GASES[g])
        unsupported.push(
          `shomate_gas: no built-in Shomate data for ${g}_g (built in: ${Object.keys(SHOMATE_GASES).join(', ')}); add formation.thermo.${g}.shomate by hand`,
        );
      else thermo[g] = { shomate: 'builtin', ...(gasFreq(g) ? { frequenciesPerCm: gasFreq(g) } : {}) };
    }
  } else if (gasMode === 'zero_point_gas') {
    for (const g of gases) if (gasFreq(g)) thermo[g] = { frequenciesPerCm: gasFreq(g), mode: 'zeroPoint' };
  } else if (gasMode !== 'frozen_gas') {
    unsupported.push(`gas_thermo_mode = ${JSON.stringify(gasMode)}: supported: ideal_gas, shomate_gas, zero_point_gas, frozen_gas`);
  }
  const adsMode = typeof s.adsorbate_thermo_mode === 'string' ? s.adsorbate_thermo_mode : 'harmonic_adsorbate';
  if (adsMode === 'harmonic_adsorbate' || adsMode === 'zero_point_adsorbate') {
    for (const [ours] of adsorbates) {
      const f = meanFreqs(ours);
      if (f) thermo[ours] = { frequenciesPerCm: f, ...(adsMode === 'zero_point_adsorbate' ? { mode: 'zeroPoint' } : {}) };
      else if (adsMode === 'harmonic_adsorbate')
        unsupported.push(`${catmapKey(ours)}: harmonic_adsorbate needs its vibrational frequencies in the energy table`);
    }
    for (const [ours] of tsOf) {
      const f = meanFreqs(ours);
      if (f) thermo[ours] = { frequenciesPerCm: f, ...(adsMode === 'zero_point_adsorbate' ? { mode: 'zeroPoint' } : {}) };
    }
  } else if (adsMode !== 'frozen_adsorbate') {
    unsupported.push(`adsorbate_thermo_mode = ${JSON.stringify(adsMode)}: supported: harmonic_adsorbate, zero_point_adsorbate, frozen_adsorbate`);
  }
  const hasPe = steps.some((st) => st.electrochemical);
  const echem = s.electrochemical_thermo_mode;
  if (echem === 'hbond_electrochemical') {
    for (const [ours, a] of adsorbates) {
      const corr = CATMAP_HBOND_EV[a.name];
      if (corr)
        thermo[ours] = {
          ...((thermo[ours] as object | undefined) ?? {}),
          addEv: corr,
          source: 'hydrogen bonding, Peterson et al. 2010 doi:10.1039/c0ee00071j (CatMAP hbond_electrochemical)',
        };
    }
    notes.push('hbond_electrochemical: hydrogen-bond corrections of Peterson et al. (2010) added to the adsorbates that have one');
  } else if (echem === 'simple_electrochemical' || (echem === undefined && !hasPe)) {
    /* CHE with β: the model format's own convention */
  } else if (echem === undefined) {
    notes.push('pe_g without an electrochemical_thermo_mode: mapped with the computational hydrogen electrode (as simple_electrochemical)');
  } else {
    unsupported.push(
      `electrochemical_thermo_mode = ${JSON.stringify(echem)}: ${/field/.test(String(echem)) ? 'field-dependent energies are not in the model format' : 'supported: simple_electrochemical, hbond_electrochemical'}`,
    );
  }
  if ((s.Upzc !== undefined || s.field !== undefined || s.CH !== undefined) && !/field/.test(String(echem)))
    notes.push('Upzc/field/CH given without a field mode: left out');

  if (unsupported.length) throw new CatmapImportError(file, unsupported);

  // species and the model
  const species: Record<string, { phase: 'g'; pressureBar: number; formula?: string; product?: boolean; electronsPerMolecule?: number }> = {};
  for (const g of gases) {
    const def = defs[`${g}_g`];
    const p = isDict(def) && typeof def.pressure === 'number' ? def.pressure : undefined;
    if (p === undefined) notes.push(`${g}_g: no pressure given; 0 bar`);
    species[g] = { phase: 'g', pressureBar: p ?? 0 };
  }
  const termText = (t: Term) => {
    const c = t.nu === 1 ? '' : `${t.nu} `;
    if (t.kind === 'pe') return t.nu === 1 ? 'H+ + e-' : `${t.nu} H+ + ${t.nu} e-`;
    if (t.kind === 'site') return `${c}*${t.site === mainSite ? '' : t.site}`;
    if (t.kind === 'gas') return `${c}${t.name}`;
    return `${c}${ourAds(t.name, t.site)}`;
  };
  const references = [...gases].filter((g) => (gasEnergy[g] ?? 0) === 0);
  const model: ModelFileInput = {
    name: options.name ?? file.replace(/^.*[\\/]/, '').replace(/\.mkm$/i, ''),
    description: `Imported from the CatMAP setup ${file.replace(/^.*[\\/]/, '')}${options.energiesName ? ` and ${options.energiesName.replace(/^.*[\\/]/, '')}` : ''} by cncouple import catmap.`,
    source: 'CatMAP setup (see description)',
    units: { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' },
    temperatureK,
    pH: typeof s.pH === 'number' ? s.pH : 0,
    potentialVvsRHE: typeof s.voltage === 'number' ? s.voltage : 0,
    sites,
    constants: 'catmap',
    descriptors,
    species,
    adsorbates: Object.fromEntries([...adsorbates].map(([ours, a]) => [ours, { formula: a.name, site: a.site }])),
    steps: steps.map((st) => ({
      id: st.id,
      equation: `${st.is.map(termText).join(' + ')} -> ${st.fs.map(termText).join(' + ')}`,
      ...(st.ts ? { ts: st.ts } : {}),
      ...(st.electrochemical ? { beta: st.beta ?? globalBeta } : {}),
      source: `CatMAP rxn_expressions[${Number(st.id.slice(1)) - 1}]`,
    })),
    formation: {
      references,
      species: Object.fromEntries(Object.entries(gasEnergy).filter(([, e]) => e !== 0)),
      adsorbates: formationAds as never,
      transitionStates: formationTs as never,
      table: { descriptors: Object.fromEntries(descriptorAds), surfaces: tableSurfaces },
      thermo: thermo as never,
    },
  };
  if (hasPe && typeof s.pH !== 'number') notes.push('pH not given: 0 (potentials are on the RHE scale, where pe_g needs no pH)');

  // products: species made by some reaction route, with the electrons of that route per molecule
  let compiled: ReturnType<typeof compileModel>;
  try {
    compiled = compileModel(validateModel(model));
  } catch (error) {
    throw new CatmapImportError(file, [`the mapped model does not compile: ${(error as Error).message}`]);
  }
  for (const [si, name] of compiled.species.entries()) {
    for (const route of compiled.routes) {
      let net = 0;
      let electrons = 0;
      route.forEach((w, j) => {
        net += w * (compiled.steps[j]!.speciesNet.get(si) ?? 0);
        electrons += w * compiled.steps[j]!.electrons;
      });
      if (Math.abs(net) > 1e-9) {
        const sign = Math.sign(net);
        const perMolecule = Math.abs(electrons / net) < 1e-9 ? 0 : (sign * electrons) / (sign * net);
        const sp = species[name]!;
        if (sign > 0 && (sp.pressureBar === 0 || !sp.product)) {
          if (sp.product && sp.electronsPerMolecule !== perMolecule)
            notes.push(`${name}: routes with different electrons per molecule; kept ${sp.electronsPerMolecule}`);
          else {
            sp.product = true;
            sp.electronsPerMolecule = Math.round(perMolecule * 1000) / 1000;
          }
        }
      }
    }
  }
  const resolved = resolveFormationEnergies(validateModel(model));
  for (const f of resolved.fits)
    notes.push(
      `fitted ${f.name} (${f.kind}): intercept ${f.intercept.toFixed(4)} eV, slopes ${Object.entries(f.slopes)
        .map(([k, v]) => `${k} ${v.toFixed(4)}`)
        .join(', ')}; rms ${f.rmsEv.toFixed(3)} eV over ${f.points} surfaces`,
    );
  notes.push(...resolved.warnings);

  const res = Array.isArray(s.resolution) ? s.resolution : typeof s.resolution === 'number' ? [s.resolution, s.resolution] : [];
  const axis = (i: number) => {
    const r = ranges[i];
    return Array.isArray(r) && typeof r[0] === 'number' && typeof r[1] === 'number' ? `${descriptorNames[i]}:${r[0]}:${r[1]}` : undefined;
  };
  const sweep: CatmapSweepHint | undefined = axis(0)
    ? {
        x: axis(0)!,
        ...(axis(1) ? { y: axis(1)! } : {}),
        grid: `${res[0] ?? 15}x${res[1] ?? res[0] ?? 15}`,
        ...(hasPe ? { potentialVvsRHE: model.potentialVvsRHE } : {}),
      }
    : undefined;
  return { model, notes, ignored, ...(sweep ? { sweep } : {}) };
}
