import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/chem/index.js';
import { type PyValue, PythonLiteralError, readPythonLiterals, toPythonLiteral } from '../../src/kinetics/parser/pythonLiteral.js';

const key = fc.string({ maxLength: 8 });
const pyValue: fc.Arbitrary<PyValue> = fc.letrec<{ v: PyValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 12 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(key, tie('v'), { maxKeys: 4 }),
  ),
})).v;

describe('restricted Python-literal reader', () => {
  it('reads back every literal it writes (strings with quotes/escapes, floats, nested lists and dicts)', () => {
    fc.assert(
      fc.property(pyValue, (v) => {
        const read = readPythonLiterals(`x = ${toPythonLiteral(v)}\n`).values.x;
        expect(read).toEqual(Object.is(v, -0) ? -0 : v);
      }),
      { numRuns: 400 },
    );
  });
  it('subscript assignments build dicts as CatMAP setups do, comments and line continuations included', () => {
    const text = [
      'species_definitions = {}  # sites and gases',
      "species_definitions['H2_g'] = {'pressure': 1./3.}",
      "species_definitions['s'] = {'site_names': ['111'],",
      "                            'total': 1}",
      "rxn = ['a <-> b',   # first",
      '       "c -> d"]',
      't = (1, 2e-3, -4, .5,)',
      'long = 1 + \\',
      '    2 * 3',
      "s = 'ab' 'cd'",
      "r = r'\\d+'",
    ].join('\n');
    const v = readPythonLiterals(text).values;
    expect(v.species_definitions).toEqual({ H2_g: { pressure: 1 / 3 }, s: { site_names: ['111'], total: 1 } });
    expect(v.rxn).toEqual(['a <-> b', 'c -> d']);
    expect(v.t).toEqual([1, 2e-3, -4, 0.5]);
    expect(v.long).toBe(7);
    expect(v.s).toBe('abcd');
    expect(v.r).toBe('\\d+');
  });
  it.each([
    ['import os', 1, 1, /"import" statements are not read/],
    ["x = __import__('os').system('echo hi')", 1, 5, /the name "__import__" is used as a value|calls/],
    ['x = 1\ny = open("f")', 2, 5, /calls \("open\(…\)"\) are not read/],
    ['x = y', 1, 5, /the name "y" is used as a value/],
    ['x += 1', 1, 3, /operator "\+="/],
    ['x = [1, 2', 1, 10, /expected "," or "\]"/],
    ['model.x = 1', 1, 6, /attributes/],
    ['x = {1, 2}', 1, 7, /sets are not read/],
    ["x = 'a' + 'b'", 1, 9, /applies to numbers only/],
    ['for i in []: pass', 1, 1, /"for" statements are not read/],
    ["x = f'{y}'", 1, 5, /f-strings/],
    ['x = 1/0', 1, 6, /division by zero/],
    ['x = 1; y = 2', 1, 6, /";"/],
    ["x = 'unterminated", 1, 5, /unterminated string/],
  ])('refuses %j at line %i, column %i, never executing it', (text, line, column, message) => {
    let error: unknown;
    try {
      readPythonLiterals(text, 'bad.mkm');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PythonLiteralError);
    const e = error as PythonLiteralError;
    expect(e).toBeInstanceOf(InputError);
    expect([e.line, e.column]).toEqual([line, column]);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(new RegExp(`^bad\\.mkm:${line}:${column}: `));
    expect(e.message.split('\n').at(-1)).toBe(`  ${' '.repeat(column - 1)}^`);
  });
  it('on arbitrary text it either reads literals or throws a PythonLiteralError (nothing else, no side effects)', () => {
    const alphabet = fc.constantFrom(...'ab_= []{}(),:\'"#+-*/.\n\\01eE;fimport'.split(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')),
        (text) => {
          try {
            readPythonLiterals(text);
          } catch (e) {
            expect(e).toBeInstanceOf(PythonLiteralError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
