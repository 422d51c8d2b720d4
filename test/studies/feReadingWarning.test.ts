/**
 * The FE study names a neutral formula typed where an ion is likely meant (/work/notes/audit.md): "NO3" for
 * nitrate gave FE 84.75 % (n = 18, the NO3 radical) with nothing beside it; nitrate gives 75.34 % (n = 16).
 */
import { describe, expect, it } from 'vitest';
import { faradaicEfficiencyStudy } from '../../src/studies/chemistry.js';

const F = 96485.33212;
const run = (from: string) => faradaicEfficiencyStudy.run(faradaicEfficiencyStudy.input.parse({ from, to: 'urea', chargeC: 12.5, amountMol: 6.1e-6 }));

describe('fe study: how the species were read', () => {
  it('"CO2, NO3": n = 18, FE = 18·F·6.1e-6/12.5 = 0.847527, with the reading named', () => {
    const r = run('CO2, NO3');
    expect(r.electrons).toBe(18);
    expect(r.faradaicEfficiency).toBeCloseTo((18 * F * 6.1e-6) / 12.5, 9);
    expect(r.warnings).toEqual(['"NO3" is read as the neutral species NO3; nitrate is NO3- (write the charge if you mean the ion)']);
  });
  it('"CO2, NO3-": n = 16, FE = 0.753357, no warning', () => {
    const r = run('CO2, NO3-');
    expect(r.faradaicEfficiency).toBeCloseTo((16 * F * 6.1e-6) / 12.5, 9);
    expect(r.warnings).toEqual([]);
  });
});
