import { nernstSlopeV, STANDARD_TEMPERATURE_K } from './constants.js';
import { InputError, assertFiniteInRange } from './InputError.js';

/** A reference electrode with its potential vs SHE at 25 °C. */
export interface ReferenceElectrode {
  /** Canonical name, e.g. `Ag/AgCl (sat. KCl)`. */
  readonly name: string;
  /** Accepted spellings (compared after removing spaces, dots, parentheses and case). */
  readonly aliases: readonly string[];
  /** Potential vs SHE at 25 °C, V. */
  readonly potentialVvsSHE: number;
  /** Where the value comes from. */
  readonly source: string;
}

const BARD = 'A. J. Bard, L. R. Faulkner, Electrochemical Methods, 2nd ed., Wiley (2001), table inside the back cover';
const SAWYER = 'D. T. Sawyer, A. Sobkowiak, J. L. Roberts, Electrochemistry for Chemists, 2nd ed., Wiley (1995), Table 5.1 (with liquid junction)';
const INZELT = 'G. Inzelt, A. Lewenstam, F. Scholz (eds.), Handbook of Reference Electrodes, Springer (2013), doi:10.1007/978-3-642-36188-3';
const IJC = 'Reference Electrodes in Metal Corrosion, Int. J. Corros. 2010, 756950, Table 2, doi:10.1155/2010/756950';
const CRC_HGO =
  'W. M. Haynes (ed.), CRC Handbook of Chemistry and Physics, 97th ed. (2016), Electrochemical Series: HgO + H2O + 2e− ⇌ Hg + 2OH−, E° = 0.0977 V, with 1 M KOH taken as unit OH− activity (printed 0.0977, used as 0.098)';

/**
 * Reference electrodes at 25 °C. RHE is not listed: it is computed from the pH.
 * The values are those of the cited tables; a liquid-junction potential of a few mV is within their spread.
 */
export const REFERENCE_ELECTRODES: readonly ReferenceElectrode[] = [
  { name: 'SHE', aliases: ['NHE', 'standard hydrogen electrode'], potentialVvsSHE: 0, source: 'definition' },
  { name: 'SCE', aliases: ['saturated calomel', 'Hg/Hg2Cl2 sat. KCl', 'calomel'], potentialVvsSHE: 0.2412, source: BARD },
  {
    name: 'Ag/AgCl (sat. KCl)',
    aliases: ['Ag/AgCl sat. KCl', 'Ag/AgCl saturated KCl', 'Ag/AgCl sat KCl', 'Ag/AgCl KCl sat'],
    potentialVvsSHE: 0.197,
    source: BARD,
  },
  { name: 'Ag/AgCl (3 M KCl)', aliases: ['Ag/AgCl 3M KCl', 'Ag/AgCl 3 mol/L KCl'], potentialVvsSHE: 0.21, source: INZELT },
  { name: 'Ag/AgCl (3.5 M KCl)', aliases: ['Ag/AgCl 3.5M KCl'], potentialVvsSHE: 0.205, source: SAWYER },
  { name: 'Ag/AgCl (1 M KCl)', aliases: ['Ag/AgCl 1M KCl'], potentialVvsSHE: 0.236, source: IJC },
  { name: 'Hg/HgO (1 M KOH)', aliases: ['Hg/HgO 1M KOH'], potentialVvsSHE: 0.098, source: CRC_HGO },
  { name: 'Hg/HgO (1 M NaOH)', aliases: ['Hg/HgO 1M NaOH'], potentialVvsSHE: 0.14, source: SAWYER },
  { name: 'Hg/HgO (0.1 M NaOH)', aliases: ['Hg/HgO 0.1M NaOH'], potentialVvsSHE: 0.165, source: IJC },
  { name: 'Hg/Hg2SO4 (sat. K2SO4)', aliases: ['Hg/Hg2SO4 sat. K2SO4', 'MSE', 'Hg/Hg2SO4 saturated K2SO4'], potentialVvsSHE: 0.64, source: SAWYER },
  { name: 'Hg/Hg2SO4 (1 M H2SO4)', aliases: ['Hg/Hg2SO4 1M H2SO4'], potentialVvsSHE: 0.6739, source: IJC },
];

/** The names a scale may be given as: every reference electrode, plus `RHE`. */
export const POTENTIAL_SCALE_NAMES: readonly string[] = ['RHE', ...REFERENCE_ELECTRODES.map((r) => r.name)];

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/saturated/g, 'sat')
    .replace(/[\s.()]/g, '');
const AMBIGUOUS: Record<string, string> = {
  'ag/agcl': 'Ag/AgCl needs its filling: "Ag/AgCl sat. KCl", "Ag/AgCl 3 M KCl" or "Ag/AgCl 3.5 M KCl"',
  'hg/hgo': 'Hg/HgO needs its filling: "Hg/HgO 1 M KOH", "Hg/HgO 1 M NaOH" or "Hg/HgO 0.1 M NaOH"',
  'hg/hg2so4': 'Hg/Hg2SO4 needs its filling: "Hg/Hg2SO4 sat. K2SO4" or "Hg/Hg2SO4 1 M H2SO4"',
};

/** A potential scale: a fixed reference electrode, or the RHE (pH-dependent). */
export type PotentialScale = { kind: 'RHE' } | { kind: 'fixed'; electrode: ReferenceElectrode };

/**
 * Resolves a scale name (`RHE`, `SHE`, `SCE`, `Ag/AgCl sat. KCl`, …).
 * @throws {InputError} for unknown names, and for `Ag/AgCl` or `Hg/HgO` without the filling solution,
 *   whose potential differs by up to 40 mV between fillings
 */
export function resolvePotentialScale(name: string, field = 'scale'): PotentialScale {
  const k = key(name ?? '');
  if (k === 'rhe' || k === 'reversiblehydrogenelectrode') return { kind: 'RHE' };
  const electrode = REFERENCE_ELECTRODES.find((r) => key(r.name) === k || r.aliases.some((a) => key(a) === k));
  if (electrode) return { kind: 'fixed', electrode };
  const allowed = POTENTIAL_SCALE_NAMES.join(', ');
  const ambiguous = AMBIGUOUS[k];
  if (ambiguous) throw new InputError(field, allowed, ambiguous);
  throw new InputError(field, allowed, `unknown reference electrode "${name}"`);
}

/** Options of {@link convertPotential}. */
export interface ConvertPotentialOptions {
  /** Electrolyte pH; required when either scale is RHE. */
  pH?: number;
  /** Temperature, K (default 298.15). Enters the Nernstian RHE term only; electrode values are at 25 °C. */
  temperatureK?: number;
  /** Current through the cell, A (negative for cathodic), for iR correction. */
  currentA?: number;
  /** Uncompensated resistance, Ω, for iR correction. */
  resistanceOhm?: number;
}

/** Result of {@link convertPotential}. */
export interface ConvertPotentialResult {
  /** The converted potential, V vs the target scale (iR-corrected when current and resistance are given). */
  potentialV: number;
  /** The iR drop subtracted, V (0 when no correction was asked for). */
  iRDropV: number;
  /** Source and scope notes, e.g. a temperature warning. */
  notes: string[];
}

/**
 * Converts an electrode potential between scales: E(to) = E(from) + E_ref(from) − E_ref(to), with
 * E_RHE vs SHE = −(ln10·RT/F)·pH. Optional iR correction: E − I·R (I negative for cathodic current),
 * applied before the change of scale.
 * @example convertPotential(-0.9, 'Ag/AgCl sat. KCl', 'RHE', { pH: 7 }).potentialV // -0.2889
 */
export function convertPotential(potentialV: number, from: string, to: string, options: ConvertPotentialOptions = {}): ConvertPotentialResult {
  assertFiniteInRange('potentialV', potentialV, -20, 20, 'V');
  const fromScale = resolvePotentialScale(from, 'from');
  const toScale = resolvePotentialScale(to, 'to');
  const temperatureK = assertFiniteInRange('temperatureK', options.temperatureK ?? STANDARD_TEMPERATURE_K, 200, 500, 'K');
  const needsPH = fromScale.kind === 'RHE' || toScale.kind === 'RHE';
  if (needsPH && options.pH === undefined) throw new InputError('pH', 'a pH from -2 to 16', 'the RHE scale needs the electrolyte pH');
  const pH = options.pH === undefined ? 0 : assertFiniteInRange('pH', options.pH, -2, 16);
  const notes: string[] = [];
  let iRDropV = 0;
  if (options.currentA !== undefined || options.resistanceOhm !== undefined) {
    if (options.currentA === undefined || options.resistanceOhm === undefined) {
      throw new InputError('currentA/resistanceOhm', 'both the current (A) and the resistance (Ω)', 'iR correction needs both');
    }
    const i = assertFiniteInRange('currentA', options.currentA, -1e6, 1e6, 'A');
    const r = assertFiniteInRange('resistanceOhm', options.resistanceOhm, 0, 1e9, 'Ω');
    iRDropV = i * r;
  }
  const vsSHE = (scale: PotentialScale) => (scale.kind === 'RHE' ? -nernstSlopeV(temperatureK) * pH : scale.electrode.potentialVvsSHE);
  for (const s of [fromScale, toScale])
    if (s.kind === 'fixed' && s.electrode.source !== 'definition')
      notes.push(`${s.electrode.name}: ${s.electrode.potentialVvsSHE} V vs SHE (${s.electrode.source})`);
  if (Math.abs(temperatureK - STANDARD_TEMPERATURE_K) > 0.5 && (fromScale.kind === 'fixed' || toScale.kind === 'fixed')) {
    notes.push('reference electrode potentials are tabulated at 25 °C; temperature was applied to the RHE term only');
  }
  return { potentialV: potentialV - iRDropV + vsSHE(fromScale) - vsSHE(toScale), iRDropV, notes };
}
