import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/chem/InputError.js';
import { parseHumanNumber, readHumanNumber } from '../../src/chem/parseHumanNumber.js';

const value = (text: string, units?: Record<string, number>) => {
  const r = readHumanNumber(text, { units });
  if (!r.ok) throw new Error(`${text}: ${r.problem}`);
  return r.value;
};
const problem = (text: string, units?: Record<string, number>) => {
  const r = readHumanNumber(text, { units });
  return r.ok ? `read as ${r.value}` : r.problem;
};

describe('readHumanNumber', () => {
  it('reads the minus signs of printed papers', () => {
    expect(value('−0.9')).toBe(-0.9); // U+2212, as in the review's Table 1
    expect(value('–0.55')).toBe(-0.55); // en dash
    expect(value('－1')).toBe(-1); // full-width hyphen-minus
    expect(value(' -0.9 ')).toBe(-0.9);
    expect(value('+0.1')).toBe(0.1);
  });

  it('reads thin, no-break and plain spaces between digit groups', () => {
    expect(value('1 000')).toBe(1000);
    expect(value('1\u2009000\u2009000')).toBe(1e6);
    expect(value('12\u202F345.5')).toBe(12345.5);
    expect(value('1\u00A0250')).toBe(1250);
  });

  it('"." is the decimal point wherever it stands; "_" and "\'" group digits like a space', () => {
    expect(value('1.234')).toBe(1.234);
    expect(value('0.125')).toBe(0.125);
    expect(value('.5')).toBe(0.5);
    expect(value('1_000_000')).toBe(1e6);
    expect(value("1'250.5")).toBe(1250.5);
    expect(value('0.123 456')).toBe(0.123456);
    expect(value('−1_234.5')).toBe(-1234.5);
  });

  it('never reads a comma, and says how to write the number instead', () => {
    const comma = '(a decimal comma in some languages, a thousands separator in others)';
    expect(problem('0,9')).toBe(`"0,9" has a comma ${comma}: write 0.9`);
    expect(problem('1,234')).toBe(`"1,234" has a comma ${comma}: write 1.234 or 1 234`);
    expect(problem('1,234,567')).toBe(`"1,234,567" has a comma ${comma}: write 1 234 567`);
    expect(problem('1,234.5')).toBe(`"1,234.5" has a comma ${comma}: write 1 234.5`);
    expect(problem('1.234,5')).toBe(`"1.234,5" has a comma ${comma}: write 1 234.5`);
    expect(problem('0,125')).toBe(`"0,125" has a comma ${comma}: write 0.125`);
    expect(problem('1,2.3,4')).toMatch(/has a comma .*: write it with "\." for the decimals/);
    expect(problem('1.2.3')).toBe('"1.2.3" has more than one decimal point');
    expect(problem('1.234.567')).toBe('"1.234.567" has more than one decimal point'); // a dot never groups
  });

  it('reads exponents in code and in print', () => {
    expect(value('1.5e-3')).toBe(1.5e-3);
    expect(value('1.5E3')).toBe(1500);
    expect(value('6.1 × 10⁻⁶')).toBe(6.1e-6);
    expect(value('6.1x10^-6')).toBe(6.1e-6);
    expect(value('2·10³')).toBe(2000);
  });

  it('reads a unit typed after the number, in the field’s unit', () => {
    const volt = { V: 1, mV: 1e-3 };
    expect(value('−900 mV', volt)).toBe(-0.9);
    expect(value('-0.9 V', volt)).toBe(-0.9);
    expect(value('-0.9V', volt)).toBe(-0.9);
    expect(value('-0.9', volt)).toBe(-0.9);
    expect(value('42.5 %', { '%': 0.01 })).toBe(0.425);
    expect(value('50 mA cm⁻²', { 'mA cm-2': 1, 'A m-2': 0.1 })).toBe(50); // superscripts are read as digits
    expect(readHumanNumber('−900 mV', { units: volt })).toEqual({ ok: true, value: -0.9, unit: 'mV' });
  });

  it('refuses text that is not a number, naming what it saw', () => {
    expect(problem('4o.2%', { '%': 0.01 })).toBe('unknown unit "o.2%"');
    expect(problem('abc')).toBe('"abc" does not start with a number');
    expect(problem('')).toBe('empty');
    expect(problem('   ')).toBe('empty');
    expect(problem('5 kV', { V: 1 })).toBe('unknown unit "kV"');
    // a space groups exactly three digits; the error says how to write it instead of calling the rest a unit
    expect(problem('12 5')).toBe('"12 5" has digits grouped other than in threes: write 125, or group in threes as in 1 000 or 1_000');
    expect(problem('1_000_0', { V: 1 })).toBe('"1_000_0" has digits grouped other than in threes: write 10000, or group in threes as in 1 000 or 1_000');
    expect(problem('12 34 mV', { mV: 1e-3 })).toBe(
      '"12 34 mV" has digits grouped other than in threes: write 1234 mV, or group in threes as in 1 000 or 1_000',
    );
    expect(problem('5 kV', { V: 1 })).toBe('unknown unit "kV"'); // a unit after a space is still a unit
    expect(problem('1e999')).toBe('"1e999" is not a finite number');
    expect(problem('NaN')).toBe('"NaN" does not start with a number');
    expect(problem('Infinity')).toBe('"Infinity" does not start with a number');
  });

  it('reads back every finite double as JavaScript prints it, with either minus', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const printed = x === 0 ? 0 : x; // String(-0) is "0"
        expect(value(String(x))).toBe(printed);
        expect(value(String(x).replace('-', '−'))).toBe(printed);
      }),
    );
  });

  it('round trip: every finite double, printed with "." and its integer digits grouped by spaces, "_" or "\'", reads back exactly', () => {
    const separators = [' ', '\u2009', '\u202F', '\u00A0', '_', "'"];
    /** JavaScript's shortest round-trip text, the integer part grouped in threes with `sep`, either minus. */
    const format = (x: number, sep: string, unicodeMinus: boolean) => {
      const text = String(x);
      const m = /^(-?)(\d+)(.*)$/.exec(text)!;
      const grouped = m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
      return `${m[1] ? (unicodeMinus ? '−' : '-') : ''}${grouped}${m[3]}`;
    };
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...separators), fc.boolean(), (x, sep, unicodeMinus) => {
        const printed = x === 0 ? 0 : x; // String(-0) is "0"
        expect(value(format(x, sep, unicodeMinus))).toBe(printed);
      }),
    );
  });

  it('round trip through Intl: en-US text with its "," grouping swapped for a thin space reads back as the ungrouped value', () => {
    const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (x) => {
        const text = grouped.format(x).replaceAll(',', '\u2009');
        const independent = Number(grouped.format(x).replaceAll(',', '')); // the same digits, no grouping: JavaScript's own reading
        expect(value(text)).toBe(independent);
      }),
    );
  });

  it('a comma is never read silently: every text with one is refused, whatever the locale that printed it', () => {
    const formats = ['fr-FR', 'de-DE', 'en-US'].map((l) => new Intl.NumberFormat(l, { minimumFractionDigits: 1, maximumFractionDigits: 2 }));
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        for (const f of formats) {
          const text = f.format(x);
          const r = readHumanNumber(text);
          if (text.includes(',')) expect(r.ok).toBe(false);
        }
      }),
    );
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(readHumanNumber(`${a},${b}`).ok).toBe(false);
      }),
    );
  });

  it('scales by the unit factor exactly for powers of ten', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (n) => {
        expect(value(`${n} mV`, { V: 1, mV: 1e-3 })).toBe(n / 1000);
        expect(value(`${n}\u2009%`, { '%': 0.01 })).toBe(n / 100);
      }),
    );
  });
});

describe('parseHumanNumber', () => {
  it('throws an InputError naming the field and the accepted forms', () => {
    expect(parseHumanNumber('--ph', '7.0')).toBe(7);
    expect(() => parseHumanNumber('--charge-C', 'twelve')).toThrow(InputError);
    expect(() => parseHumanNumber('--charge-C', 'twelve')).toThrow(
      '--charge-C: "twelve" does not start with a number (allowed: a number with "." as the decimal point, such as −0.9, 1 250, 1_250 or 1.5e-3)',
    );
    expect(() => parseHumanNumber('--ph', '7,0')).toThrow(
      '--ph: "7,0" has a comma (a decimal comma in some languages, a thousands separator in others): write 7.0 (allowed: a number with "." as the decimal point',
    );
  });
});
