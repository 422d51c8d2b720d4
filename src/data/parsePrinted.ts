import type { ParsedFraction } from './recordSchema.js';

/** Either a parsed value or the reason it could not be read (a warning, not an exception). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const EMPTY = /^(—|–|-|n\/a|na|)$/i;

/**
 * Turns text extracted from a paper into plain text: drops `<sub>`/`<sup>` tags (joining exponents to
 * their unit, `h <sup>−1</sup>` → `h-1`, and `g <sup>cat</sup>` → `g_cat`), turns U+2212 into '-', reads
 * a decimal comma as a point where it cannot be a thousands separator ("41,2 %"), and folds white space.
 * @example cleanPrinted('385 mmol h <sup>−1</sup> g <sup>cat</sup> h <sup>−1</sup>') // '385 mmol h-1 g_cat h-1'
 */
export function cleanPrinted(text: string): string {
  return (
    text
      .replace(/[−–]/g, '-')
      // a decimal comma where it cannot group thousands: "41,2 %", "−0,5 V", "0,125 M" (not "1,199 μmol")
      .replace(/(^|[^\d,.])(\d+),(\d+)(?![\d,.])/g, (all, before: string, whole: string, fraction: string) =>
        fraction.length !== 3 || /^0$/.test(whole) ? `${before}${whole}.${fraction}` : all,
      )
      .replace(/\s*<sup>\s*cat\s*<\/sup>/gi, '_cat')
      .replace(/\s*<sub>\s*cat\s*<\/sub>/gi, '_cat')
      .replace(/\s*<sup>\s*(-?\d+)\s*<\/sup>/g, '$1')
      .replace(/\s*<su[bp]>\s*([^<]*?)\s*<\/su[bp]>/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** True when a printed cell is empty or a dash. */
export function isEmptyPrinted(text: string | undefined): boolean {
  return text === undefined || EMPTY.test(cleanPrinted(text));
}

/** A printed percentage as a fraction, rounded to 12 significant digits ("74.9" → 0.749, not 0.7490000000000001). */
function toFraction(percent: string): number {
  return Number((Number(percent) / 100).toPrecision(12));
}

/** Removes spaces inside a formula-like name ("H2 SO4" → "H2SO4"), leaving names with words alone. */
function compactFormula(name: string): string {
  return /[a-z]{3,}/.test(name) ? name : name.replace(/\s+/g, '');
}

const RELATION = /^(>=|<=|≥|≤|>|<|~|≈|close to|nearly|about|approximately|exceeding|above|greater than|more than|over|below|less than)?\s*/i;

/** Relations printed in words in a source's text ("selectivity greater than 75%"), as symbols. */
const RELATION_WORDS: Record<string, ParsedFraction['relation']> = {
  '>=': '≥',
  '<=': '≤',
  '≈': '~',
  'close to': '~',
  nearly: '~',
  about: '~',
  approximately: '~',
  exceeding: '>',
  above: '>',
  'greater than': '>',
  'more than': '>',
  over: '>',
  below: '<',
  'less than': '<',
};

function readRelation(text: string): { relation: ParsedFraction['relation']; rest: string } {
  const m = RELATION.exec(text);
  const symbol = m?.[1]?.toLowerCase() ?? '';
  const relation = RELATION_WORDS[symbol] ?? ((symbol || '=') as ParsedFraction['relation']);
  return { relation, rest: text.slice(m?.[0].length ?? 0) };
}

/**
 * Reads a printed percentage: "37.5%", ">99.9%", "~100%", "11.9 ± 0.6%", and relations in words as a
 * source's text prints them ("close to 100%", "greater than 75%", "exceeding 90.0%"). Returns null for an
 * empty cell.
 */
export function parsePrintedPercent(text: string): Parsed<ParsedFraction> | null {
  if (isEmptyPrinted(text)) return null;
  const clean = cleanPrinted(text);
  const { relation, rest } = readRelation(clean);
  const m = /^(\d+(?:\.\d+)?)\s*(?:(?:±|\+\/-)\s*(\d+(?:\.\d+)?))?\s*%$/.exec(rest);
  if (!m) return { ok: false, reason: `cannot read "${text}" as a percentage such as "37.5%", ">99.9%" or "11.9 ± 0.6%"` };
  const value = toFraction(m[1]!);
  return { ok: true, value: m[2] === undefined ? { value, relation } : { value, relation, uncertainty: toFraction(m[2]!) } };
}

/** A printed yield: a percentage yield, or a rate with its unit (cleaned text). */
export type PrintedYield =
  { kind: 'percent'; fraction: ParsedFraction } | { kind: 'rate'; value: number; relation: ParsedFraction['relation']; uncertainty?: number; unit: string };

/** Reads a printed yield: "76.8%" or "48.9 ± 2.4 mg g−1 h−1" or "0.78 mmol h−1 cm−2". */
export function parsePrintedYield(text: string): Parsed<PrintedYield> | null {
  if (isEmptyPrinted(text)) return null;
  const clean = cleanPrinted(text);
  if (clean.endsWith('%')) {
    const p = parsePrintedPercent(clean);
    return p && (p.ok ? { ok: true, value: { kind: 'percent', fraction: p.value } } : p);
  }
  const { relation, rest } = readRelation(clean);
  const m = /^(\d+(?:\.\d+)?(?:e-?\d+)?)\s*(?:(?:±|\+\/-)\s*(\d+(?:\.\d+)?))?\s+(\S.*)$/.exec(rest);
  if (!m) return { ok: false, reason: `cannot read "${text}" as a yield such as "76.8%" or "0.78 mmol h-1 cm-2"` };
  const rate: PrintedYield = { kind: 'rate', value: Number(m[1]), relation, unit: m[3] ?? '' };
  if (m[2] !== undefined) rate.uncertainty = Number(m[2]);
  return { ok: true, value: rate };
}

/** A printed operating condition. */
export type PrintedCondition =
  | { kind: 'potential'; valueV: number; scale: string }
  | { kind: 'current-density'; valueAPerM2: number }
  | { kind: 'current'; valueA: number }
  | { kind: 'pulsed'; cathodicV: number; anodicV: number; scale: string | null };

const CURRENT_UNITS: Record<string, number> = { A: 1, mA: 1e-3, μA: 1e-6, uA: 1e-6 };
const AREA_UNITS: Record<string, number> = { 'cm-2': 1e4, 'm-2': 1, 'mm-2': 1e6 };

/**
 * Reads a printed condition: "−0.6 V vs. RHE", "-0.9 V vs. Ag/AgCl", "20 mA cm−2", "13 mA",
 * "E_ca = −1.1 V, E_an = 0.4 V" (pulsed). Current densities come back in A m⁻².
 */
export function parsePrintedCondition(text: string): Parsed<PrintedCondition> | null {
  if (isEmptyPrinted(text)) return null;
  const clean = cleanPrinted(text);
  const potential = /^(-?\+?\d+(?:\.\d+)?)\s*V\s*(?:vs\.?|versus)\s*(.+)$/i.exec(clean);
  if (potential) return { ok: true, value: { kind: 'potential', valueV: Number(potential[1]), scale: potential[2]!.trim() } };
  const current = /^(-?\d+(?:\.\d+)?)\s*(A|mA|μA|uA)(?:\s*(cm-2|m-2|mm-2))?$/.exec(clean);
  if (current) {
    const exact = (x: number) => Number(x.toPrecision(12)); // 20 mA cm-2 → 200 A m-2, not 200.00000000000003
    const amps = exact(Number(current[1]) * (CURRENT_UNITS[current[2]!] ?? 1));
    if (current[3]) return { ok: true, value: { kind: 'current-density', valueAPerM2: exact(amps * (AREA_UNITS[current[3]] ?? 1)) } };
    return { ok: true, value: { kind: 'current', valueA: amps } };
  }
  const pulsed = /E_?ca\s*=\s*(-?\d+(?:\.\d+)?)\s*V.*E_?an\s*=\s*(-?\+?\d+(?:\.\d+)?)\s*V(?:\s*vs\.?\s*(.+))?/i.exec(
    clean.replace(/\s+/g, ' ').replace(/E (ca|an)/g, 'E$1'),
  );
  if (pulsed) return { ok: true, value: { kind: 'pulsed', cathodicV: Number(pulsed[1]), anodicV: Number(pulsed[2]), scale: pulsed[3]?.trim() ?? null } };
  return { ok: false, reason: `cannot read "${text}" as a potential ("-0.6 V vs. RHE"), a current density ("20 mA cm-2") or a current ("13 mA")` };
}

/** One electrolyte component, e.g. { name: 'KHCO3', concentrationM: 0.1 }. */
export interface ElectrolyteComponent {
  name: string;
  /** Concentration, mol/L; null when not printed (e.g. "PBS"). */
  concentrationM: number | null;
}

/**
 * Where a printed electrolyte lists its next component: "+", the word "and", or ", " / ";" before a
 * concentration ("0.1 M KNO3 and 0.1 M KHCO3", "0.1 M KOH, 0.5 M K2SO4"). A comma followed by digits with no
 * space ("1,500 M") is part of a number, not a list.
 */
const COMPONENT_SEPARATOR = /\s*\+\s*|\s+and\s+|\s*;\s*|\s*,\s+(?=\d)/;

/**
 * Splits a printed electrolyte into components: "0.1 M KHCO3 + 50 mM KNO3" →
 * [{KHCO3, 0.1}, {KNO3, 0.05}]. Components are joined by "+", "and", "; " or ", " before a concentration
 * (each such component has its own concentration, null when none is printed), or by "/"; a component's
 * concentration may be in M, mM or μM; a bare "/KNO2" after a component keeps its concentration (the source
 * varied the salt at that concentration). A decimal comma is read as {@link cleanPrinted} reads it ("0,1 M"
 * → 0.1 M, the only reading a comma before one digit has); a comma that may group thousands ("1,500 M KOH")
 * is left in place, so the component keeps the unread text as its name with a null concentration (see
 * {@link unreadConcentration}).
 */
export function parsePrintedElectrolyte(text: string): ElectrolyteComponent[] {
  const clean = cleanPrinted(text);
  if (isEmptyPrinted(clean)) return [];
  const components: ElectrolyteComponent[] = [];
  for (const part of clean.split(COMPONENT_SEPARATOR)) {
    let last: number | null = null;
    for (const piece of part.split(/\s*\/\s*/)) {
      // μ (Greek mu) and µ (the micro sign, U+00B5) both print micro
      const m = /^(\d+(?:\.\d+)?)\s*(M|mM|[μµ]M)\s+(.+)$/.exec(piece.trim());
      if (m) {
        // dividing by an exact power of ten: 50 μM is 5e-5 M, not 50 × 1e-6 = 4.9999999999999996e-5
        last = Number(m[1]) / (m[2] === 'mM' ? 1e3 : m[2] === 'M' ? 1 : 1e6);
        components.push({ name: compactFormula(m[3]!.trim()), concentrationM: last });
      } else if (piece.trim()) {
        components.push({ name: compactFormula(piece.trim()), concentrationM: last });
      }
    }
  }
  return components;
}

/**
 * The printed text of a component whose name starts with a number the electrolyte parser could not read as a
 * concentration in M, mM or μM ("1,500MKOH" from "1,500 M KOH", "0.1mol/LKOH"), or null for a readable one.
 * @example unreadConcentration({ name: '1,500MKOH', concentrationM: null }) // '1,500MKOH'
 */
export function unreadConcentration(component: ElectrolyteComponent): string | null {
  return component.concentrationM === null && /^[-+.\d]/.test(component.name) ? component.name : null;
}
