import { InputError } from '../../chem/index.js';
import type { FormationBlock } from '../parser/formationSchema.js';
import type { ModelFile } from '../parser/modelSchema.js';
import { harmonicThermo } from '../thermodynamics/harmonicThermo.js';
import { IDEAL_GASES, idealGasThermo } from '../thermodynamics/idealGasThermo.js';
import { type PhysicalConstants, physicalConstants, wavenumberToEv } from '../thermodynamics/physicalConstants.js';
import { SHOMATE_GASES, type ShomateData, shomateFreeEnergyCorrectionEv } from '../thermodynamics/shomate.js';
import { type CoefficientConstraint, fitLinearScaling } from './fitLinearScaling.js';

/** intercept + Σ slopes·descriptors, eV, keyed by descriptor name. */
export interface LinearForm {
  intercept: number;
  slopes: Record<string, number>;
}

/** A fitted relation and how well it fits, for reports. */
export interface FittedRelation {
  name: string;
  kind: 'adsorbate' | 'initialState' | 'finalState' | 'bep';
  /** Slopes per descriptor (adsorbates) or [α] (transition states); intercept (β). */
  slopes: Record<string, number>;
  intercept: number;
  rmsEv: number;
  points: number;
}

/** What {@link resolveFormationEnergies} derived. */
export interface ResolvedFormation {
  /** The model with every step's dG (and Ea where a transition state is named) filled in. */
  file: ModelFile;
  /** Electronic formation energy of each named state as a linear form, eV. */
  electronic: Record<string, LinearForm>;
  /** Thermochemical correction of each named state at the temperature, eV. */
  corrections: Record<string, number>;
  /** Relations fitted from the table. */
  fits: FittedRelation[];
  /** Extrapolations and other things worth knowing (not errors). */
  warnings: string[];
}

const zero = (): LinearForm => ({ intercept: 0, slopes: {} });
const toForm = (v: number | { intercept?: number; slopes?: Record<string, number> }): LinearForm =>
  typeof v === 'number' ? { intercept: v, slopes: {} } : { intercept: v.intercept ?? 0, slopes: { ...(v.slopes ?? {}) } };
/** a + f·b */
function axpy(a: LinearForm, f: number, b: LinearForm): LinearForm {
  const slopes = { ...a.slopes };
  for (const [k, v] of Object.entries(b.slopes)) slopes[k] = (slopes[k] ?? 0) + f * v;
  return { intercept: a.intercept + f * b.intercept, slopes };
}
function clean(l: LinearForm) {
  const slopes = Object.fromEntries(Object.entries(l.slopes).filter(([, v]) => v !== 0));
  return { intercept: l.intercept, slopes };
}

interface Term {
  nu: number;
  name: string;
}
/** Sides of an equation as (ν, name) terms, skipping H+, e- and free sites (zero formation energy at 0 V vs RHE). */
function sides(equation: string, field: string): [Term[], Term[]] {
  const parts = equation.split(/\s*(?:<->|->|→|⇌|=)\s*/);
  if (parts.length !== 2) throw new InputError(field, 'reactants -> products', `got "${equation}"`);
  return parts.map((side) =>
    side
      .split(/\s+\+\s+/)
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => {
        const m = /^(\d+(?:\.\d+)?)?\s*(\S+)$/.exec(t);
        if (!m) throw new InputError(field, 'terms like "2 H+", "NO*", "*" joined by " + "', `cannot read term "${t}"`);
        return { nu: m[1] ? Number(m[1]) : 1, name: m[2]! };
      })
      .filter((t) => t.name !== 'H+' && t.name !== 'e-' && !/^\*\w*$/.test(t.name)),
  ) as [Term[], Term[]];
}

/**
 * The scaler stage for models that give formation energies: fits the table's scaling relations, evaluates the
 * thermochemical corrections at `temperatureK` (Shomate gases, harmonic adsorbates, averaged transition states,
 * constant additions), and writes every step's ΔG(0 V vs RHE) = Σν·G(products) − Σν·G(reactants) and, for steps
 * naming a transition state, its forward barrier Ea(0 V) = G(TS) − G(initial state), as linear forms in the
 * descriptors. H⁺ + e⁻ and free sites count zero (computational hydrogen electrode); steps that give dG keep it.
 * @throws {InputError} naming the missing formation energy, the unfit relation or the unknown name
 */
export function resolveFormationEnergies(
  file: ModelFile,
  temperatureK = file.temperatureK,
  constants: PhysicalConstants = physicalConstants(file.constants),
): ResolvedFormation {
  const formation = file.formation as FormationBlock | undefined;
  if (!formation) {
    file.steps.forEach((s, j) => {
      if (s.dG === undefined) throw new InputError(`steps[${j}] (${s.id}).dG`, 'a reaction free energy, or formation energies under `formation:`', 'missing');
      if (s.ts !== undefined)
        throw new InputError(
          `steps[${j}] (${s.id}).ts`,
          'a transition state declared under formation.transitionStates',
          `"${s.ts}" given but the model has no formation block`,
        );
    });
    return { file, electronic: {}, corrections: {}, fits: [], warnings: [] };
  }
  const descriptors = Object.keys(file.descriptors);
  const warnings: string[] = [];
  const fits: FittedRelation[] = [];
  const electronic: Record<string, LinearForm> = {};
  for (const [name, v] of Object.entries(formation.species)) {
    if (!(name in file.species))
      throw new InputError(`formation.species.${name}`, `a declared species (${Object.keys(file.species).join(', ')})`, `unknown species "${name}"`);
    electronic[name] = toForm(v);
  }
  for (const ref of formation.references) {
    if (!(ref in file.species))
      throw new InputError('formation.references', `declared species (${Object.keys(file.species).join(', ')})`, `unknown species "${ref}"`);
    const e = electronic[ref];
    if (e && (e.intercept !== 0 || Object.values(e.slopes).some((s) => s !== 0)))
      throw new InputError(`formation.species.${ref}`, '0 for a reference gas', `reference "${ref}" has a nonzero formation energy`);
  }
  for (const s of Object.keys(file.species)) electronic[s] ??= zero();

  // the table: descriptor values per surface
  const table = formation.table;
  const surfaces = table ? Object.keys(table.surfaces) : [];
  const column = (name: string) => surfaces.map((s) => table!.surfaces[s]![name] ?? Number.NaN);
  const descriptorColumns = table
    ? descriptors.map((d) => {
        const col = table.descriptors[d];
        return col === undefined ? surfaces.map(() => Number.NaN) : column(col);
      })
    : [];
  const tableRows = surfaces.map((_, i) => descriptorColumns.map((c) => c[i]!));

  for (const [name, v] of Object.entries(formation.adsorbates)) {
    if (!(name in file.adsorbates))
      throw new InputError(`formation.adsorbates.${name}`, `a declared adsorbate (${Object.keys(file.adsorbates).join(', ')})`, `unknown adsorbate "${name}"`);
    if (typeof v === 'object' && 'fit' in v) {
      const field = `formation.adsorbates.${name}.fit`;
      if (!table) throw new InputError(field, 'a formation.table to fit against', 'no table given');
      for (const d of Object.keys(v.fit.slopes))
        if (!descriptors.includes(d))
          throw new InputError(`${field}.slopes.${d}`, `a declared descriptor (${descriptors.join(', ')})`, `unknown descriptor "${d}"`);
      const missing = descriptors.filter((d) => table.descriptors[d] === undefined && v.fit.slopes[d] !== 0);
      if (missing.length)
        throw new InputError(
          'formation.table.descriptors',
          `the table column of every descriptor whose slope is fitted`,
          `no column for ${missing.join(', ')}`,
        );
      const slopes = descriptors.map((d) => (v.fit.slopes[d] ?? 'free') as CoefficientConstraint);
      const r = fitLinearScaling(tableRows, column(name), { slopes, intercept: v.fit.intercept as CoefficientConstraint, field });
      electronic[name] = { intercept: r.intercept, slopes: Object.fromEntries(descriptors.map((d, i) => [d, r.slopes[i]!])) };
      fits.push({ name, kind: 'adsorbate', slopes: electronic[name]!.slopes, intercept: r.intercept, rmsEv: r.rmsEv, points: r.points });
    } else {
      electronic[name] = toForm(v);
    }
  }

  const stepIndex = new Map(file.steps.map((s, j) => [s.id, j]));
  const stepSides = file.steps.map((s, j) => sides(s.equation, `steps[${j}] (${s.id}).equation`));
  const need = (name: string, field: string): LinearForm => {
    const e = electronic[name];
    if (!e) throw new InputError(field, `a formation energy for "${name}" under formation.adsorbates`, `missing formation energy of "${name}"`);
    return e;
  };
  const stateForm = (terms: Term[], field: string) => terms.reduce((acc, t) => axpy(acc, t.nu, need(t.name, field)), zero());
  const stateColumn = (terms: Term[]) =>
    surfaces.map((s) =>
      terms.reduce((acc, t) => acc + t.nu * (t.name in file.species ? electronic[t.name]!.intercept : (table!.surfaces[s]![t.name] ?? Number.NaN)), 0),
    );

  for (const [name, ts] of Object.entries(formation.transitionStates)) {
    const field = `formation.transitionStates.${name}`;
    const j = stepIndex.get(ts.step);
    if (j === undefined) throw new InputError(`${field}.step`, `a step id (${[...stepIndex.keys()].join(', ')})`, `unknown step "${ts.step}"`);
    const [is, fs] = stepSides[j]!;
    if ('energy' in ts) {
      const v = ts.energy;
      if (typeof v === 'object' && 'fit' in v) {
        if (!table) throw new InputError(`${field}.energy.fit`, 'a formation.table to fit against', 'no table given');
        const slopes = descriptors.map((d) => (v.fit.slopes[d] ?? 'free') as CoefficientConstraint);
        const r = fitLinearScaling(tableRows, column(name), { slopes, intercept: v.fit.intercept as CoefficientConstraint, field: `${field}.energy.fit` });
        electronic[name] = { intercept: r.intercept, slopes: Object.fromEntries(descriptors.map((d, i) => [d, r.slopes[i]!])) };
        fits.push({ name, kind: 'adsorbate', slopes: electronic[name]!.slopes, intercept: r.intercept, rmsEv: r.rmsEv, points: r.points });
      } else electronic[name] = toForm(v);
      continue;
    }
    const isForm = stateForm(is, `${field} (initial state of ${ts.step})`);
    const fsForm = stateForm(fs, `${field} (final state of ${ts.step})`);
    let alpha = ts.alpha;
    let beta = ts.beta;
    if (alpha === undefined || beta === undefined) {
      if (!table) throw new InputError(field, 'alpha and beta, or a formation.table to fit them from', 'no table given');
      const I = stateColumn(is);
      const F = stateColumn(fs);
      const T = column(name);
      const x = ts.scaling === 'initialState' ? I : ts.scaling === 'finalState' ? F : F.map((f, i) => f - I[i]!);
      const y = ts.scaling === 'bep' ? T.map((t, i) => t - I[i]!) : T;
      const r = fitLinearScaling(
        x.map((v) => [v]),
        y,
        { slopes: [alpha ?? 'free'], intercept: beta ?? 'free', field },
      );
      alpha = r.slopes[0]!;
      beta = r.intercept;
      fits.push({ name, kind: ts.scaling, slopes: { alpha }, intercept: beta, rmsEv: r.rmsEv, points: r.points });
    }
    electronic[name] =
      ts.scaling === 'initialState'
        ? axpy({ intercept: beta, slopes: {} }, alpha, isForm)
        : ts.scaling === 'finalState'
          ? axpy({ intercept: beta, slopes: {} }, alpha, fsForm)
          : axpy(axpy(axpy({ intercept: beta, slopes: {} }, 1, isForm), alpha, fsForm), -alpha, isForm);
  }
  for (const name of Object.keys(electronic))
    for (const d of Object.keys(electronic[name]!.slopes))
      if (!descriptors.includes(d))
        throw new InputError(`formation (${name}).slopes.${d}`, `a declared descriptor (${descriptors.join(', ')})`, `unknown descriptor "${d}"`);

  // thermochemical corrections at T: vibrational part (Shomate / harmonic / zero point) and constant additions
  const vib: Record<string, number> = {};
  const add: Record<string, number> = {};
  const tsNames = new Set(Object.keys(formation.transitionStates));
  for (const [name, th] of Object.entries(formation.thermo)) {
    const field = `formation.thermo.${name}`;
    const isGas = name in file.species;
    if (!isGas && !(name in file.adsorbates) && !tsNames.has(name))
      throw new InputError(field, 'a species, adsorbate or transition state of the model', `unknown name "${name}"`);
    const energies = (th.frequenciesPerCm ?? []).map((w) => wavenumberToEv(w, constants));
    const zpe = energies.reduce((a, e) => a + e / 2, 0);
    add[name] = th.addEv;
    if (th.idealGas !== undefined && th.shomate !== undefined) throw new InputError(field, 'either idealGas or shomate', 'both given');
    if (th.idealGas !== undefined) {
      if (!isGas) throw new InputError(`${field}.idealGas`, 'ideal-gas data for gas species only', `"${name}" is not a species`);
      const data = th.idealGas === 'builtin' ? (IDEAL_GASES[file.species[name]!.formula ?? name] ?? IDEAL_GASES[name]) : th.idealGas;
      if (!data)
        throw new InputError(
          `${field}.idealGas`,
          `builtin (for ${Object.keys(IDEAL_GASES).join(', ')}) or { massAmu, geometry, momentsOfInertiaAmuA2, symmetryNumber, spin, source }`,
          `no built-in ideal-gas data for "${name}"`,
        );
      vib[name] = idealGasThermo(data, energies, temperatureK, 1e5, constants).freeEnergyEv;
    } else if (th.shomate !== undefined) {
      if (!isGas) throw new InputError(`${field}.shomate`, 'Shomate data for gas or solution species only', `"${name}" is not a species`);
      let data: ShomateData | undefined;
      if (th.shomate === 'builtin') {
        const formula = file.species[name]!.formula ?? name;
        data = SHOMATE_GASES[formula] ?? SHOMATE_GASES[name];
        if (!data)
          throw new InputError(
            `${field}.shomate`,
            `builtin (for ${Object.keys(SHOMATE_GASES).join(', ')}) or { ranges, source }`,
            `no built-in Shomate data for "${name}"`,
          );
      } else data = th.shomate;
      if (!data.ranges.some((r) => temperatureK >= r.minK && temperatureK <= r.maxK))
        warnings.push(`${name}: Shomate fit extrapolated to ${temperatureK} K (ranges ${data.ranges.map((r) => `${r.minK}–${r.maxK} K`).join(', ')})`);
      vib[name] = shomateFreeEnergyCorrectionEv(data, temperatureK, zpe, constants);
    } else if (energies.length) {
      vib[name] = th.mode === 'zeroPoint' ? zpe : harmonicThermo(energies, temperatureK, constants).freeEnergyEv;
    }
  }
  // transition states without their own vibrational correction: mean of the adsorbates' in the initial and final states
  for (const [name, ts] of Object.entries(formation.transitionStates)) {
    if (vib[name] !== undefined) continue;
    const [is, fs] = stepSides[stepIndex.get(ts.step)!]!;
    const side = (terms: Term[]) => terms.filter((t) => !(t.name in file.species)).reduce((a, t) => a + t.nu * (vib[t.name] ?? 0), 0);
    if (is.some((t) => vib[t.name] !== undefined) || fs.some((t) => vib[t.name] !== undefined)) vib[name] = (side(is) + side(fs)) / 2;
  }
  const corrections: Record<string, number> = {};
  for (const name of new Set([...Object.keys(vib), ...Object.keys(add)])) corrections[name] = (vib[name] ?? 0) + (add[name] ?? 0);
  const free = (name: string, field: string) => axpy(need(name, field), 1, { intercept: corrections[name] ?? 0, slopes: {} });

  const steps = file.steps.map((step, j) => {
    const field = `steps[${j}] (${step.id})`;
    const [is, fs] = stepSides[j]!;
    const out = { ...step };
    const gIS = is.reduce((acc, t) => axpy(acc, t.nu, free(t.name, `${field}.dG`)), zero());
    if (step.dG === undefined) {
      const gFS = fs.reduce((acc, t) => axpy(acc, t.nu, free(t.name, `${field}.dG`)), zero());
      out.dG = clean(axpy(gFS, -1, gIS));
    }
    if (step.ts !== undefined) {
      const ts = formation.transitionStates[step.ts];
      if (!ts)
        throw new InputError(
          `${field}.ts`,
          `a transition state under formation.transitionStates (${[...tsNames].join(', ') || 'none declared'})`,
          `unknown transition state "${step.ts}"`,
        );
      if (ts.step !== step.id) throw new InputError(`${field}.ts`, `a transition state of this step`, `"${step.ts}" belongs to step "${ts.step}"`);
      if (step.Ea !== undefined) throw new InputError(`${field}.Ea`, 'either Ea or ts, not both', 'both given');
      out.Ea = clean(axpy(free(step.ts, `${field}.ts`), -1, gIS));
    }
    return out;
  });
  return { file: { ...file, steps }, electronic, corrections, fits, warnings };
}
