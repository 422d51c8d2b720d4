import { InputError } from '../../chem/index.js';
import type { ModelFile } from './modelSchema.js';
import { toPythonLiteral } from './pythonLiteral.js';
import { CATMAP_HBOND_EV } from './catmapImport.js';
import { type LinearForm, resolveFormationEnergies } from '../scaler/formationEnergies.js';

/** A model that uses what CatMAP cannot express: every such item is listed. */
export class CatmapExportError extends InputError {
  readonly unsupported: string[];
  constructor(unsupported: string[]) {
    super(
      'model',
      'a model with formation energies that CatMAP can express (docs/model-format.md, "CatMAP export")',
      `${unsupported.length} item(s) CatMAP cannot express:\n${unsupported.map((u) => `  - ${u}`).join('\n')}`,
    );
    this.name = 'CatmapExportError';
    this.unsupported = unsupported;
  }
}

/** What {@link exportCatmap} writes. */
export interface ExportCatmapResult {
  /** The setup file (`.mkm`). */
  setup: string;
  /** The tab-separated energy table it names as `input_file`. */
  energies: string;
  notes: string[];
}

interface Term {
  nu: number;
  name: string;
}
const termsOf = (side: string) =>
  side
    .split(/\s+\+\s+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => {
      const m = /^(\d+(?:\.\d+)?)?\s*(\S+)$/.exec(t)!;
      return { nu: m[1] ? Number(m[1]) : 1, name: m[2]! };
    });
const evaluate = (l: LinearForm, at: Record<string, number>) => Object.entries(l.slopes).reduce((a, [d, s]) => a + s * (at[d] ?? 0), l.intercept);
const fmt = (x: number) => String(Number(x.toPrecision(12)));

/**
 * Writes a model with formation energies as a CatMAP setup and energy table, where CatMAP can express it: gases only
 * (pressures), H⁺ + e⁻ pairs as `pe_g`, descriptors that are adsorbate formation energies, transition states named in
 * the steps. Linear energies are written on descriptor "surfaces" v0…vk placed at the default descriptor values and
 * 1 eV along each descriptor, so that CatMAP's least-squares scaling (all coefficients free) recovers them exactly.
 * @param energiesFile - the name the setup gives as `input_file` (default `energies.txt`)
 * @throws {CatmapExportError} listing everything that has no CatMAP form
 */
export function exportCatmap(file: ModelFile, energiesFile = 'energies.txt'): ExportCatmapResult {
  const bad: string[] = [];
  const notes: string[] = [];
  if (!file.formation)
    throw new CatmapExportError(['the model gives step energies (dG), not formation energies (formation:); CatMAP needs formation energies']);
  const formation = file.formation;
  const mainSite = file.sites[0]!;
  const cmName = (ours: string) => {
    const m = /^(.+)\*(\w*)$/.exec(ours);
    return m ? `${m[1]}_${m[2] || mainSite}` : ours;
  };
  const plain = (ours: string) => /^(.+)\*\w*$/.exec(ours)?.[1] ?? ours;
  for (const [name, sp] of Object.entries(file.species))
    if (sp.phase !== 'g') bad.push(`species ${name}: phase ${sp.phase} (CatMAP species here are gases with pressures)`);
  if (file.constants !== 'catmap') notes.push(`constants: ${file.constants} — CatMAP uses its own (constants: catmap); rates differ in the last digits`);

  // descriptors must be adsorbates' formation energies with slope 1
  const descriptors = Object.keys(file.descriptors);
  const descriptorAds: string[] = [];
  for (const d of descriptors) {
    const hit = Object.entries(formation.adsorbates).find(
      ([, v]) => typeof v === 'object' && !('fit' in v) && (v.intercept ?? 0) === 0 && Object.keys(v.slopes ?? {}).length === 1 && v.slopes?.[d] === 1,
    );
    if (!hit) bad.push(`descriptor ${d}: CatMAP descriptors are adsorbate formation energies (an adsorbate with formation energy { slopes: { ${d}: 1 } })`);
    else descriptorAds.push(hit[0]);
  }
  const resolved = (() => {
    try {
      return resolveFormationEnergies(file);
    } catch (error) {
      bad.push((error as Error).message);
      return null;
    }
  })();

  const rxns: string[] = [];
  const gasUsed = new Set<string>();
  let anyPe = false;
  const betas = new Set<number>();
  file.steps.forEach((step, j) => {
    const where = `steps[${j}] (${step.id})`;
    if (step.dG !== undefined) bad.push(`${where}: gives dG directly; CatMAP derives it from formation energies`);
    if (step.Ea !== undefined && step.ts === undefined) bad.push(`${where}: gives Ea directly; CatMAP needs a named transition state (ts:)`);
    if (step.prefactorPerS !== undefined) bad.push(`${where}: prefactorPerS (CatMAP uses kB·T/h)`);
    const [lhs, rhs] = step.equation.split(/\s*(?:<->|->|→|⇌|=)\s*/) as [string, string];
    const sideText = (terms: Term[]): { text: string[]; sites: number; pe: number } => {
      const h = terms.filter((t) => t.name === 'H+').reduce((a, t) => a + t.nu, 0);
      const e = terms.filter((t) => t.name === 'e-').reduce((a, t) => a + t.nu, 0);
      if (h !== e) bad.push(`${where}: ${h} H+ with ${e} e- (CatMAP's pe_g is a proton–electron pair)`);
      const text: string[] = [];
      let sites = 0;
      for (const t of terms) {
        const c = t.nu === 1 ? '' : String(t.nu);
        if (t.name === 'H+' || t.name === 'e-') continue;
        if (/^\*\w*$/.test(t.name)) {
          text.push(`${c}*_${t.name.slice(1) || mainSite}`);
          sites += t.nu;
        } else if (t.name in file.species) {
          text.push(`${c}${t.name}_g`);
          gasUsed.add(t.name);
        } else {
          text.push(`${c}${cmName(t.name)}`);
          sites += t.nu;
        }
      }
      for (let k = 0; k < Math.min(h, e); k++) text.push('pe_g');
      return { text, sites, pe: Math.min(h, e) };
    };
    const is = sideText(termsOf(lhs));
    const fs = sideText(termsOf(rhs));
    const n = is.pe - fs.pe;
    if (n !== 0) {
      anyPe = true;
      betas.add(step.beta ?? 0.5);
    }
    let expr = `${is.text.join(' + ')} <-> ${fs.text.join(' + ')}`;
    if (step.ts !== undefined) {
      const free = Math.max(is.sites - 1, 0);
      if (!step.ts.includes('-')) bad.push(`${where}: transition state "${step.ts}" — CatMAP recognises transition states by a "-" in the name`);
      if (n !== 0 && !/pe|ele/.test(plain(step.ts)))
        bad.push(`${where}: transition state "${step.ts}" of an electrochemical step must contain "pe" in its name for CatMAP to shift it with the potential`);
      if (Math.abs(n) > 1) bad.push(`${where}: transition state of a ${Math.abs(n)}-electron step (CatMAP shifts transition states by one pair)`);
      expr = `${is.text.join(' + ')} <-> ${[cmName(step.ts), ...(free ? [`${free === 1 ? '' : free}*_${mainSite}`] : [])].join(' + ')} -> ${fs.text.join(' + ')}`;
    }
    if (n !== 0 && step.beta !== undefined) expr += `; beta=${step.beta}`;
    rxns.push(expr);
  });
  // thermo modes: one per class
  const thermo = formation.thermo;
  const gasModes = new Set(
    Object.keys(file.species).map((g) =>
      thermo[g]?.idealGas === 'builtin'
        ? 'ideal_gas'
        : thermo[g]?.idealGas
          ? 'custom'
          : thermo[g]?.shomate === 'builtin'
            ? 'shomate_gas'
            : thermo[g]?.shomate
              ? 'custom'
              : thermo[g]?.frequenciesPerCm && thermo[g]?.mode === 'zeroPoint'
                ? 'zero_point_gas'
                : 'frozen_gas',
    ),
  );
  if (gasModes.has('custom')) bad.push('formation.thermo: own Shomate ranges or ideal-gas data (CatMAP reads its own tables)');
  if (gasModes.size > 1) bad.push(`formation.thermo: gases mix ${[...gasModes].join(', ')} (CatMAP has one gas_thermo_mode)`);
  const adsNames = Object.keys(file.adsorbates);
  const adsModes = new Set(
    adsNames.map((a) => (thermo[a]?.frequenciesPerCm ? (thermo[a]!.mode === 'zeroPoint' ? 'zero_point_adsorbate' : 'harmonic_adsorbate') : 'frozen_adsorbate')),
  );
  if (adsModes.size > 1) bad.push(`formation.thermo: adsorbates mix ${[...adsModes].join(', ')} (CatMAP has one adsorbate_thermo_mode)`);
  const hbond = adsNames.some((a) => (thermo[a]?.addEv ?? 0) !== 0);
  if (hbond)
    for (const a of adsNames)
      if ((thermo[a]?.addEv ?? 0) !== (CATMAP_HBOND_EV[plain(a)] ?? 0))
        bad.push(
          `formation.thermo.${a}.addEv = ${thermo[a]?.addEv ?? 0}: CatMAP adds constants only as its hydrogen-bond table (${CATMAP_HBOND_EV[plain(a)] ?? 0} eV for ${plain(a)})`,
        );
  for (const ts of Object.keys(formation.transitionStates))
    if ((thermo[ts]?.addEv ?? 0) !== 0) bad.push(`formation.thermo.${ts}.addEv: constant additions to transition states`);
  if (betas.size > 1) notes.push('several β: written per reaction (; beta=…)');
  if (bad.length || !resolved) throw new CatmapExportError(bad);

  // energies on descriptor "surfaces": v0 at the defaults, vi one eV along descriptor i
  const points = [{ ...file.descriptors }, ...descriptors.map((d) => ({ ...file.descriptors, [d]: file.descriptors[d]! + 1 }))];
  const surfaceNames = points.map((_, i) => `v${i}`);
  const rows: string[] = ['surface_name\tsite_name\tspecies_name\tformation_energy\tbulk_structure\tfrequencies\tother_parameters\treference'];
  const freqText = (name: string) => `[${(thermo[name]?.frequenciesPerCm ?? []).join(',')}]`;
  for (const g of gasUsed) {
    const e = resolved.electronic[g]!;
    rows.push(`None\tgas\t${g}\t${fmt(e.intercept)}\tNone\t${freqText(g)}\t[]\tcncouple export of ${file.name}`);
  }
  if (anyPe) rows.push(`None\tgas\tpe\t0\tNone\t[]\t[]\tcomputational hydrogen electrode`);
  const surfaceSpecies = [...adsNames, ...Object.keys(formation.transitionStates)];
  points.forEach((at, i) => {
    for (const a of surfaceSpecies) {
      const e = resolved.electronic[a]!;
      const site = /\*(\w*)$/.exec(a)?.[1] || mainSite;
      rows.push(`${surfaceNames[i]}\t${site}\t${plain(a)}\t${fmt(evaluate(e, at))}\tvirtual\t${freqText(a)}\t[]\tcncouple export of ${file.name}`);
    }
  });
  const constraints: Record<string, null[]> = {};
  for (const a of surfaceSpecies) if (!descriptorAds.includes(a)) constraints[cmName(a)] = new Array<null>(descriptors.length + 1).fill(null);
  const speciesDefs: string[] = [];
  for (const g of gasUsed) speciesDefs.push(`species_definitions['${g}_g'] = ${toPythonLiteral({ pressure: file.species[g]!.pressureBar ?? 0 })}`);
  if (anyPe) speciesDefs.push(`species_definitions['pe_g'] = {'pressure': 1.0}`);
  for (const site of file.sites) speciesDefs.push(`species_definitions['${site}'] = {'site_names': ['${site}'], 'total': 1}`);
  const range = (d: string) => [file.descriptors[d]! - 1, file.descriptors[d]! + 1];
  const gasMode = [...gasModes][0] ?? 'frozen_gas';
  const adsMode = [...adsModes][0] ?? 'frozen_adsorbate';
  const setup = [
    `# CatMAP setup written by cncouple export catmap from the model "${file.name}"`,
    `# energies: ${energiesFile} (descriptor "surfaces" v0…v${descriptors.length}; see docs/model-format.md)`,
    `rxn_expressions = ${toPythonLiteral(rxns)}`,
    `surface_names = ${toPythonLiteral(surfaceNames)}`,
    `descriptor_names = ${toPythonLiteral(descriptorAds.map(cmName))}`,
    `descriptor_ranges = ${toPythonLiteral(descriptors.map(range))}`,
    `resolution = 15`,
    `temperature = ${file.temperatureK}`,
    ...(anyPe ? [`voltage = ${file.potentialVvsRHE}`, `beta = ${[...betas][0] ?? 0.5}`, `pH = ${file.pH}`] : []),
    `species_definitions = {}`,
    ...speciesDefs,
    `input_file = '${energiesFile}'`,
    `data_file = '${file.name}.pkl'`,
    `gas_thermo_mode = '${gasMode}'`,
    `adsorbate_thermo_mode = '${adsMode}'`,
    ...(anyPe ? [`electrochemical_thermo_mode = '${hbond ? 'hbond_electrochemical' : 'simple_electrochemical'}'`] : []),
    `scaling_constraint_dict = ${toPythonLiteral(constraints)}`,
    `decimal_precision = 100`,
    `tolerance = 1e-50`,
    `max_rootfinding_iterations = 100`,
    `max_bisections = 3`,
    '',
  ].join('\n');
  return { setup, energies: rows.join('\n') + '\n', notes };
}
