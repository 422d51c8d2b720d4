import { InputError } from './InputError.js';

/**
 * Numbers as people type and paste them, read by one unambiguous rule: "." is the only decimal separator; digits may
 * be grouped in threes with a space (plain, thin or no-break), "_" or "'" ("1 000", "1_000", "0.123 456"); a comma
 * is never read, because it is the decimal separator in some languages and the thousands separator in others
 * ("1,234" would be 1.234 or 1234), and the error says how to write the number instead. Also read: the Unicode minus
 * of printed papers ("−0.9"), exponents ("1.5e-3", "1.5 × 10⁻³", "1.5x10^-3") and, when the field says which, a
 * unit typed after the number ("−900 mV"). No imports but {@link InputError}, so the web app bundles the same
 * parser the CLI uses.
 */

/** Options of {@link readHumanNumber} and {@link parseHumanNumber}. */
export interface HumanNumberOptions {
  /**
   * Units the field accepts after the number, each with its factor to the field's own unit, e.g.
   * `{ V: 1, mV: 1e-3 }` for a field in volt or `{ '%': 0.01 }` for a fraction. A number without a unit is
   * taken in the field's unit. Default: no unit accepted.
   */
  units?: Readonly<Record<string, number>>;
}

/** What {@link readHumanNumber} read: the value in the field's unit and the unit typed ('' when none), or why not. */
export type HumanNumberReading = { ok: true; value: number; unit: string } | { ok: false; problem: string; allowed: string };

const MINUS_LIKE = /[\u2212\u2012\u2013\u2014\uFE63\uFF0D]/g;
const SPACE_LIKE = /[\s\u00A0\u2007\u2009\u202F]+/g;
// sign, digits with "." (and "," to refuse it by name), a group separator only before exactly three digits, exponent, rest
const NUMBER = /^([+-])?\s*((?:\d|[.,]\d)(?:[\d.,]|[ '_](?=\d{3}(?!\d)))*)(?:[eE]([+-]?\d+)|\s*[×xX*·]\s*10\s*\^?\s*([+-]?\d+))?\s*(.*)$/;

/** Unicode-normalized text with one kind of minus and one kind of space (superscripts become digits). */
function canonicalText(text: string): string {
  return text.normalize('NFKC').replace(MINUS_LIKE, '-').replace(SPACE_LIKE, ' ').trim();
}

/** Canonical unit text for matching: normalized, without spaces around "/" and "·", single spaces. */
const canonicalUnit = (unit: string) => canonicalText(unit).replace(/\s*([/·])\s*/g, '$1');

/**
 * How a number with commas could be written instead: "0,9" → "0.9"; "1,234" → "1.234 or 1 234"; "1,234,567" →
 * "1 234 567"; "1,234.5" and "1.234,5" → "1 234.5" (the later separator taken as the decimal one).
 */
function commaFreeForms(text: string): string {
  const generic = 'it with "." for the decimals and a space or "_" between groups of three digits';
  const groupedBy = (s: string, sep: string) => new RegExp(`^[1-9]\\d{0,2}(\\${sep}\\d{3})+$`).test(s);
  if (text.includes('.')) {
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const cut = text.lastIndexOf(decimal);
    const [whole, fraction] = [text.slice(0, cut), text.slice(cut + 1)];
    return groupedBy(whole, group) && /^\d+$/.test(fraction) ? `${whole.split(group).join(' ')}.${fraction}` : generic;
  }
  const parts = text.split(',');
  if (parts.length === 2 && /^\d*$/.test(parts[0]!) && /^\d+$/.test(parts[1]!)) {
    const decimal = `${parts[0] || '0'}.${parts[1]}`;
    return groupedBy(text, ',') ? `${decimal} or ${parts.join(' ')}` : decimal;
  }
  return groupedBy(text, ',') ? parts.join(' ') : generic;
}

/** The digits of a number body without group separators ("1 234.5" → "1234.5"), or why they cannot be read. */
function decimalDigits(body: string): { digits: string } | { problem: string } {
  const text = body.replace(/[ '_]/g, '');
  if (text.includes(','))
    return { problem: `"${body}" has a comma (a decimal comma in some languages, a thousands separator in others): write ${commaFreeForms(text)}` };
  if ((text.match(/\./g) ?? []).length > 1) return { problem: `"${body}" has more than one decimal point` };
  return { digits: text };
}

/**
 * Reads a number as a person typed it (see the module comment); never throws.
 * @example readHumanNumber('−0.9') // { ok: true, value: -0.9, unit: '' }
 * @example readHumanNumber('0,9') // { ok: false, problem: '"0,9" has a comma, … write 0.9', allowed: … }
 * @example readHumanNumber('−900 mV', { units: { V: 1, mV: 1e-3 } }) // { ok: true, value: -0.9, unit: 'mV' }
 */
export function readHumanNumber(text: string, options: HumanNumberOptions = {}): HumanNumberReading {
  const units = Object.entries(options.units ?? {});
  const allowed = `a number with "." as the decimal point, such as −0.9, 1 250, 1_250 or 1.5e-3${units.length ? `, optionally followed by ${units.map(([u]) => u).join(', ')}` : ''}`;
  const fail = (problem: string): HumanNumberReading => ({ ok: false, problem, allowed });
  if (typeof text !== 'string') return fail(`got ${JSON.stringify(text)}`);
  const s = canonicalText(text);
  if (s === '') return fail('empty');
  const m = NUMBER.exec(s);
  if (!m) return fail(`"${text.trim()}" does not start with a number`);
  const [, sign = '', body = '', exp1, exp2, rest = ''] = m;
  const parsed = decimalDigits(body);
  if ('problem' in parsed) return fail(parsed.problem);
  const exponent = exp1 ?? exp2;
  let value = Number(`${sign}${parsed.digits}${exponent !== undefined ? `e${exponent}` : ''}`);
  if (!Number.isFinite(value)) return fail(`"${text.trim()}" is not a finite number`);
  let unit = '';
  // "1 00", "1_000_0", "12 34 mV": a separator was followed by a group that is not three digits
  if (/^[ '_]?\d/.test(rest)) {
    const ungrouped = s.replace(/(?<=\d)[ '_](?=\d)/g, '');
    return fail(`"${text.trim()}" has digits grouped other than in threes: write ${ungrouped}, or group in threes as in 1 000 or 1_000`);
  }
  if (rest !== '') {
    const typed = canonicalUnit(rest);
    const match = units.find(([u]) => canonicalUnit(u) === typed);
    if (!match) return fail(units.length ? `unknown unit "${rest}"` : `unexpected "${rest}" after the number`);
    const [name, factor] = match;
    unit = name;
    const inverse = 1 / factor;
    // dividing by an exact power of ten keeps "−900 mV" at −0.9 (−900 × 0.001 is not −0.9 for every value)
    value = Number.isInteger(inverse) ? value / inverse : value * factor;
  }
  return { ok: true, value, unit };
}

/**
 * Reads a number as a person typed it (see {@link readHumanNumber}).
 * @param field - the field's name for the error, e.g. `--charge-C` or `Charge (C)`
 * @throws {InputError} naming the field and the accepted forms
 * @example parseHumanNumber('--ph', '7.0') // 7
 */
export function parseHumanNumber(field: string, text: string, options: HumanNumberOptions = {}): number {
  const reading = readHumanNumber(text, options);
  if (!reading.ok) throw new InputError(field, reading.allowed, reading.problem);
  return reading.value;
}
