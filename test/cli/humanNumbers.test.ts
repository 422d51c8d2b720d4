import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const json = async (...argv: string[]) => {
  const r = await cli(...argv, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};

// −0.9 V vs Ag/AgCl (sat. KCl, +0.197 V vs SHE) at pH 7: −0.9 + 0.197 + 0.05916·7 = −0.28888 V vs RHE (as in cli.test.ts)
describe('numbers as people type them, on the command line', () => {
  it('reads the Unicode minus, grouped digits and millivolts as the same potential', async () => {
    const ascii = (await json('potential', '-0.9', '--from', 'Ag/AgCl sat. KCl', '--to', 'RHE', '--ph', '7')).potentialV;
    expect(ascii).toBeCloseTo(-0.2888846, 7);
    for (const typed of ['−0.9', '−900 mV', '−0.9 V', '−0.900_000']) {
      expect((await json('potential', typed, '--from', 'Ag/AgCl sat. KCl', '--to', 'RHE', '--ph', '7.0')).potentialV).toBe(ascii);
    }
  });

  it('names the option and the accepted forms when a number cannot be read', async () => {
    const r = await cli('fe', '--to', 'urea', '--from', 'CO2, NO3-', '--charge-C', '1,250', '--amount-umol', '6.1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--charge-C: "1,250" has a comma (a decimal comma in some languages, a thousands separator in others): write 1.250 or 1 250');
    const decimalComma = await cli('potential', '−0,9', '--from', 'Ag/AgCl sat. KCl', '--to', 'RHE', '--ph', '7');
    expect(decimalComma.code).toBe(2);
    expect(decimalComma.err).toContain('write 0.9');
  });

  it('fe: warnings in the JSON output, amounts printed without float noise', async () => {
    // FE = 16 · 96485.33212 · 6.1e-6 / 0.1 = 94.17 (fraction), far above 1
    const high = await json('fe', '--to', 'urea', '--from', 'CO2, NO3-', '--charge-C', '0.1', '--amount-umol', '6.1');
    expect(high.faradaicEfficiency).toBeCloseTo(94.1697, 3);
    expect(high.warnings).toEqual(['FE above 100 % — check the charge, amount or electron count']);
    expect((await json('fe', '--to', 'urea', '--from', 'CO2, NO3-', '--charge-C', '12.5', '--amount-umol', '6.1')).warnings).toEqual([]);
    const text = (await cli('fe', '--to', 'urea', '--from', 'CO2, NO3-', '--charge-C', '12.5', '--amount-umol', '6.1')).out;
    expect(text).toContain('N = 0.0000061 mol');
  });
});
