import { ATOMIC_WEIGHTS_G_PER_MOL, isElementSymbol } from './atomicWeights.js';
import { InputError } from './InputError.js';

/** A parsed chemical formula: element counts (integers ≥ 1) and net charge (elementary charges). */
export interface Formula {
  /** Element symbol → number of atoms, e.g. `{ C: 1, H: 4, N: 2, O: 1 }` for urea. */
  readonly counts: Readonly<Record<string, number>>;
  /** Net charge in units of the elementary charge, e.g. −2 for `CO3^2-`. */
  readonly charge: number;
}

/**
 * A formula that cannot be parsed. The message names the position (0-based) and shows the text with
 * a caret under the offending character, e.g.
 * ```
 * formula: unknown element "Xx" at position 1 (allowed: …)
 * CXxO
 *  ^
 * ```
 */
export class FormulaError extends InputError {
  /** 0-based index of the offending character in the text as given. */
  readonly position: number;
  constructor(text: string, position: number, problem: string, field = 'formula') {
    super(field, FORMULA_ALLOWED, `${problem} at position ${position}`, { detail: `${text}\n${' '.repeat(position)}^` });
    this.name = 'FormulaError';
    this.position = position;
  }
}

const FORMULA_ALLOWED =
  'element symbols with counts, groups in () or [], hydrates joined by · or *, and a final charge such as NO3-, CO3^2-, NH4+, [Fe(CN)6]4-';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';
const MAX_COUNT = 100000;
/**
 * Longest formula text accepted, characters (default 1000): the longest formula in the species registry is
 * well under 100; the limit bounds the parser's work on hostile input (issue 14).
 */
export const MAX_FORMULA_LENGTH = 1000;
/**
 * Deepest bracket nesting accepted (default 16; `[Fe(CN)6]4-` nests 2): the parser recurses once per level,
 * and 10 000 levels overflowed the stack (issue 14).
 */
export const MAX_FORMULA_DEPTH = 16;

/**
 * Rewrites typographic variants to ASCII one character for one character, so that positions in
 * error messages still point into the text as the user typed it: subscript digits → digits,
 * U+2212/en dash → '-', '•' and '⋅' → '·'. Superscripts are kept; the charge reader handles them.
 */
function normalizeCharacters(text: string): string {
  let out = '';
  for (const ch of text) {
    const sub = SUBSCRIPT_DIGITS.indexOf(ch);
    if (sub >= 0) out += String(sub);
    else if (ch === '−' || ch === '–') out += '-';
    else if (ch === '•' || ch === '⋅') out += '·';
    else out += ch;
  }
  return out;
}

/**
 * Reads a trailing charge, returning the charge and the index where the formula body ends.
 * Accepted forms at the end of the text: `-`, `+`, `2-`, `^2-`, `^-`, `-2` (after `^`), `(2-)`, `--`,
 * and Unicode superscripts `²⁻`. Digits directly before a sign are a count, not a charge, except
 * after `]` or `^` or a space (`[Fe(CN)6]4-`, `CO3^2-`, `SO4 2-`), or when the whole body is one
 * element (`Fe3+`, `Cu2+`), as chemists write them.
 */
function splitCharge(text: string): { bodyEnd: number; charge: number } {
  let end = text.length;
  // Unicode superscript charge: ²⁻, ⁺, ³⁺
  const sup = /([⁰¹²³⁴⁵⁶⁷⁸⁹]*)([⁺⁻])$/u.exec(text);
  if (sup) {
    const digits = [...(sup[1] ?? '')].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join('');
    const magnitude = digits === '' ? 1 : Number(digits);
    return { bodyEnd: text.length - sup[0].length, charge: sup[2] === '⁻' ? -magnitude : magnitude };
  }
  const paren = /\((\d*)([+-])\)$/.exec(text);
  if (paren) {
    const magnitude = paren[1] === '' ? 1 : Number(paren[1]);
    return { bodyEnd: text.length - paren[0].length, charge: paren[2] === '-' ? -magnitude : magnitude };
  }
  const caret = /\^(\d*)([+-])(\d*)$/.exec(text);
  if (caret) {
    if (caret[1] !== '' && caret[3] !== '') {
      throw new FormulaError(text, text.length - caret[0].length, 'charge has digits on both sides of its sign');
    }
    const digits = caret[1] || caret[3] || '1';
    const sign = caret[2] === '-' ? -1 : 1;
    return { bodyEnd: text.length - caret[0].length, charge: sign * Number(digits) };
  }
  const repeated = /([+-])\1+$/.exec(text);
  if (repeated) {
    const sign = repeated[1] === '-' ? -1 : 1;
    return { bodyEnd: text.length - repeated[0].length, charge: sign * repeated[0].length };
  }
  const last = text[end - 1];
  if (last !== '+' && last !== '-') return { bodyEnd: end, charge: 0 };
  const sign = last === '-' ? -1 : 1;
  end -= 1;
  let digitStart = end;
  while (digitStart > 0 && /\d/.test(text[digitStart - 1] ?? '')) digitStart--;
  if (digitStart === end) return { bodyEnd: end, charge: sign };
  const before = text[digitStart - 1];
  const singleElement = /^[A-Z][a-z]?$/.test(text.slice(0, digitStart));
  if (before === ']' || before === ' ' || singleElement) {
    return { bodyEnd: digitStart, charge: sign * Number(text.slice(digitStart, end)) };
  }
  return { bodyEnd: end, charge: sign };
}

/**
 * Parses a chemical formula with optional groups, hydrate parts and charge.
 *
 * @param text - e.g. `CO(NH2)2`, `NO3-`, `CO3^2-`, `CuSO4·5H2O`, `[Fe(CN)6]4-`, `C6H5B(OH)2`
 * @param field - input field name used in error messages (default `formula`)
 * @returns element counts and charge
 * @throws {FormulaError} on unknown elements, unbalanced brackets, empty text or stray characters
 * @example parseFormula('CO3^2-') // { counts: { C: 1, O: 3 }, charge: -2 }
 */
export function parseFormula(text: string, field = 'formula'): Formula {
  if (typeof text !== 'string') throw new InputError(field, FORMULA_ALLOWED, `expected text, got ${typeof text}`);
  const original = text;
  const trimmed = normalizeCharacters(text).trimEnd();
  const leading = trimmed.length - trimmed.trimStart().length;
  const src = trimmed;
  if (src.trim() === '') throw new FormulaError(original, 0, 'empty formula', field);
  if (src.length > MAX_FORMULA_LENGTH)
    throw new InputError(field, `${FORMULA_ALLOWED}, at most ${MAX_FORMULA_LENGTH} characters`, `formula of ${src.length} characters`);
  const { bodyEnd, charge } = splitCharge(src);
  const counts = new Map<string, number>();
  let pos = leading;
  const fail = (at: number, problem: string): never => {
    throw new FormulaError(original, at, problem, field);
  };
  const readNumber = (): number | null => {
    const start = pos;
    while (pos < bodyEnd && /\d/.test(src[pos] ?? '')) pos++;
    if (pos === start) return null;
    const n = Number(src.slice(start, pos));
    if (n === 0) fail(start, 'a count of zero');
    if (n > MAX_COUNT) fail(start, `a count above ${MAX_COUNT}`);
    return n;
  };
  const closerOf: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  // Parses a sequence of element/group terms until a closer or hydrate separator; returns counts.
  const parseSequence = (closer: string | null, openAt: number, depth = 0): Map<string, number> => {
    if (depth > MAX_FORMULA_DEPTH) fail(openAt, `brackets nested more than ${MAX_FORMULA_DEPTH} deep`);
    const acc = new Map<string, number>();
    let terms = 0;
    while (pos < bodyEnd) {
      const ch = src[pos] ?? '';
      if (ch === ' ') {
        pos++;
        continue;
      }
      if (closer !== null && ch === closer) {
        if (terms === 0) fail(pos, 'an empty group');
        pos++;
        return acc;
      }
      if (ch === ')' || ch === ']' || ch === '}') fail(pos, `unexpected "${ch}" with no matching opening bracket`);
      if (closer === null && (ch === '·' || ch === '*' || ch === '.')) return acc;
      let inner: Map<string, number>;
      if (ch in closerOf) {
        const at = pos;
        pos++;
        inner = parseSequence(closerOf[ch] ?? ')', at, depth + 1);
      } else if (/[A-Z]/.test(ch)) {
        const at = pos;
        let symbol = ch;
        pos++;
        const next = src[pos] ?? '';
        if (/[a-z]/.test(next) && isElementSymbol(ch + next)) {
          symbol = ch + next;
          pos++;
        } else if (/[a-z]/.test(next) && !isElementSymbol(ch)) {
          fail(at, `unknown element "${ch + next}"`);
        }
        if (!isElementSymbol(symbol)) fail(at, `unknown element "${symbol}"`);
        inner = new Map([[symbol, 1]]);
      } else if (/[a-z]/.test(ch)) {
        fail(pos, `element symbols start with a capital letter, got "${ch}"`);
        inner = new Map();
      } else if (/\d/.test(ch)) {
        fail(pos, 'a number where an element or group was expected');
        inner = new Map();
      } else {
        fail(pos, `unexpected character "${ch}"`);
        inner = new Map();
      }
      const multiplier = readNumber() ?? 1;
      for (const [el, n] of inner) {
        const total = (acc.get(el) ?? 0) + n * multiplier;
        if (!Number.isSafeInteger(total)) fail(pos - 1, `a count of ${el} atoms too large to represent exactly`);
        acc.set(el, total);
      }
      terms++;
    }
    if (closer !== null) fail(openAt, `"${src[openAt]}" is never closed`);
    if (terms === 0) fail(pos, 'nothing to parse');
    return acc;
  };
  let first = true;
  while (pos < bodyEnd) {
    if (!first) pos++; // skip the hydrate separator
    while (src[pos] === ' ') pos++;
    const partMultiplier = first ? 1 : (readNumber() ?? 1);
    if (pos >= bodyEnd) fail(pos, 'a hydrate separator with nothing after it');
    const part = parseSequence(null, pos);
    for (const [el, n] of part) {
      const total = (counts.get(el) ?? 0) + n * partMultiplier;
      if (!Number.isSafeInteger(total)) fail(pos - 1, `a count of ${el} atoms too large to represent exactly`);
      counts.set(el, total);
    }
    first = false;
  }
  if (counts.size === 0) fail(leading, 'no elements');
  return { counts: Object.fromEntries(counts), charge };
}

/** Formats a charge as a suffix: 0 → '', −1 → '^-', +2 → '^2+'. */
export function formatCharge(charge: number): string {
  if (charge === 0) return '';
  const magnitude = Math.abs(charge);
  return `^${magnitude === 1 ? '' : magnitude}${charge < 0 ? '-' : '+'}`;
}

/**
 * Hill notation: C first, then H, then the other elements alphabetically; without carbon, all
 * alphabetically. Charge appended as `^2-`. Parsing the result gives back the same formula.
 * @example toHill(parseFormula('CO(NH2)2')) // 'CH4N2O'
 */
export function toHill(formula: Formula): string {
  const symbols = Object.keys(formula.counts);
  const hasCarbon = symbols.includes('C');
  symbols.sort((a, b) => {
    if (hasCarbon) {
      const rank = (s: string) => (s === 'C' ? 0 : s === 'H' ? 1 : 2);
      const d = rank(a) - rank(b);
      if (d !== 0) return d;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const body = symbols.map((s) => (formula.counts[s] === 1 ? s : `${s}${formula.counts[s]}`)).join('');
  return body + formatCharge(formula.charge);
}

/**
 * Molar mass in g/mol from IUPAC standard atomic weights. Electron mass is neglected (as in the
 * IUPAC convention for ions). Throws when an element has no standard atomic weight.
 * @example molarMassGPerMol(parseFormula('CO(NH2)2')) // 60.056
 */
export function molarMassGPerMol(formula: Formula): number {
  let sum = 0;
  for (const [symbol, n] of Object.entries(formula.counts)) {
    const weight = ATOMIC_WEIGHTS_G_PER_MOL[symbol];
    if (weight === null || weight === undefined) {
      throw new InputError('formula', 'elements with a standard atomic weight', `${symbol} has no standard atomic weight (no stable isotope)`);
    }
    sum += weight * n;
  }
  return sum;
}
