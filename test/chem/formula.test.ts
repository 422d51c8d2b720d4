import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATOMIC_WEIGHTS_G_PER_MOL } from '../../src/chem/atomicWeights.js';
import { FormulaError, molarMassGPerMol, parseFormula, toHill } from '../../src/chem/formula.js';
import { InputError } from '../../src/chem/InputError.js';

// Hand-computed from the IUPAC 2021 abridged/conventional atomic weights
// (H 1.008, B 10.81, C 12.011, N 14.007, O 15.999, S 32.06, Fe 55.845, Cu 63.546).
const cases: [string, Record<string, number>, number, string, number][] = [
  ['NO3-', { N: 1, O: 3 }, -1, 'NO3^-', 62.004],
  ['NO2^-', { N: 1, O: 2 }, -1, 'NO2^-', 46.005],
  ['CO3^2-', { C: 1, O: 3 }, -2, 'CO3^2-', 60.008],
  ['NH4+', { N: 1, H: 4 }, 1, 'H4N^+', 18.039],
  ['CO(NH2)2', { C: 1, O: 1, N: 2, H: 4 }, 0, 'CH4N2O', 60.056],
  ['C6H10O', { C: 6, H: 10, O: 1 }, 0, 'C6H10O', 98.145],
  ['(CH3)2NH', { C: 2, H: 7, N: 1 }, 0, 'C2H7N', 45.085],
  ['C6H5B(OH)2', { C: 6, H: 7, B: 1, O: 2 }, 0, 'C6H7BO2', 121.93],
  ['CuSO4·5H2O', { Cu: 1, S: 1, O: 9, H: 10 }, 0, 'CuH10O9S', 249.677],
  ['[Fe(CN)6]4-', { Fe: 1, C: 6, N: 6 }, -4, 'C6FeN6^4-', 211.953],
  ['C6H10NOH', { C: 6, H: 11, N: 1, O: 1 }, 0, 'C6H11NO', 113.16],
  ['HCON(CH3)2', { C: 3, H: 7, N: 1, O: 1 }, 0, 'C3H7NO', 73.095],
  ['C6H12N4', { C: 6, H: 12, N: 4 }, 0, 'C6H12N4', 140.19],
  ['NH2CH2COOH', { C: 2, H: 5, N: 1, O: 2 }, 0, 'C2H5NO2', 75.067],
];

describe('parseFormula', () => {
  it.each(cases)('%s → counts, charge, Hill, molar mass', (text, counts, charge, hill, molarMass) => {
    const f = parseFormula(text);
    expect(f.counts).toEqual(counts);
    expect(f.charge).toBe(charge);
    expect(toHill(f)).toBe(hill);
    expect(molarMassGPerMol(f)).toBeCloseTo(molarMass, 3);
  });

  it('reads the charge notations chemists use', () => {
    expect(parseFormula('CO3²⁻').charge).toBe(-2);
    expect(parseFormula('NO₃⁻').counts).toEqual({ N: 1, O: 3 });
    expect(parseFormula('SO4 2-').charge).toBe(-2);
    expect(parseFormula('SO4(2-)').charge).toBe(-2);
    expect(parseFormula('SO4--').charge).toBe(-2);
    expect(parseFormula('Fe3+')).toEqual({ counts: { Fe: 1 }, charge: 3 });
    expect(parseFormula('Cu^2+')).toEqual({ counts: { Cu: 1 }, charge: 2 });
    expect(parseFormula('NO3−').charge).toBe(-1); // U+2212 minus sign
    expect(parseFormula('CuSO4*5H2O').counts.H).toBe(10);
  });

  it.each([
    ['CXxO', 1, 'unknown element "Xx"'],
    ['Co(NH2', 2, '"(" is never closed'],
    ['H2O)', 3, 'unexpected ")"'],
    ['c6', 0, 'capital letter'],
    ['', 0, 'empty formula'],
    ['H0', 1, 'count of zero'],
    ['NaCl·', 5, 'nothing after it'],
    ['C()', 2, 'empty group'],
    ['C6H$', 3, 'unexpected character "$"'],
  ])('rejects %j at position %i', (text, position, message) => {
    let caught: unknown;
    try {
      parseFormula(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FormulaError);
    const error = caught as FormulaError;
    expect(error.position).toBe(position);
    expect(error.field).toBe('formula');
    expect(error.message).toContain(message);
    expect(error.message).toContain(`${text}\n${' '.repeat(position)}^`);
  });

  it('refuses a molar mass for elements without a standard atomic weight', () => {
    expect(() => molarMassGPerMol(parseFormula('TcO4-'))).toThrow(/Tc has no standard atomic weight/);
  });
});

const symbols = Object.keys(ATOMIC_WEIGHTS_G_PER_MOL);

describe('parseFormula properties', () => {
  it('round-trips any formula through Hill notation', () => {
    const formulaArb = fc.record({
      counts: fc.dictionary(fc.constantFrom(...symbols), fc.integer({ min: 1, max: 60 }), { minKeys: 1, maxKeys: 6 }),
      charge: fc.integer({ min: -4, max: 4 }),
    });
    fc.assert(
      fc.property(formulaArb, (f) => {
        const parsed = parseFormula(toHill(f));
        expect(parsed.counts).toEqual(f.counts);
        expect(parsed.charge).toBe(f.charge);
      }),
      { numRuns: 2000 },
    );
  });

  it('nested groups multiply counts (random group structure vs flat count)', () => {
    const term = fc.letrec<{ node: [string, Record<string, number>] }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc
          .tuple(fc.constantFrom('C', 'H', 'N', 'O', 'Cu', 'Fe'), fc.integer({ min: 1, max: 9 }))
          .map(([el, n]): [string, Record<string, number>] => [`${el}${n === 1 ? '' : n}`, { [el]: n }]),
        fc.tuple(fc.array(tie('node'), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 5 })).map(([kids, m]): [string, Record<string, number>] => {
          const counts: Record<string, number> = {};
          for (const [, c] of kids) for (const [el, n] of Object.entries(c)) counts[el] = (counts[el] ?? 0) + n * m;
          return [`(${kids.map((k) => k[0]).join('')})${m === 1 ? '' : m}`, counts];
        }),
      ),
    }));
    fc.assert(
      fc.property(term.node, ([text, counts]) => {
        expect(parseFormula(text).counts).toEqual(counts);
      }),
      { numRuns: 1000 },
    );
  });

  it('random junk never crashes: it parses or throws an InputError', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'CHNOKlaeu()[]{}0123456789+-^·*. ²⁻⁺₂$x'.split('')), maxLength: 20 }), (text) => {
        try {
          const f = parseFormula(text);
          expect(Number.isInteger(f.charge)).toBe(true);
          for (const n of Object.values(f.counts)) expect(Number.isInteger(n) && n > 0).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        try {
          parseFormula(text);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
