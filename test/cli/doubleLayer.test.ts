import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

describe('cncouple double-layer', () => {
  it('0.1 M KHCO3 at −0.5 V vs pzc: K⁺ enriched below its steric limit, Gauss balance, pH from the Boltzmann factor', async () => {
    const r = await cli('double-layer', '--electrolyte', '0.1 M KHCO3', '--potential-vs-pzc', '-0.5', '--stern-capacitance-F-per-m2', '0.2', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.cations).toEqual(['K+']);
    expect(j.ohp.cationMolPerM3).toBeGreaterThan(100);
    expect(j.ohp.cationMolPerM3).toBeLessThan(j.stericLimitMolPerM3['K+']);
    // Stern: σ = C_S·(E − φ_OHP)
    expect(j.surfaceChargeCPerM2).toBeCloseTo(0.2 * (-0.5 - j.ohp.potentialVvsBulk), 10);
    expect(j.diffuseChargeCPerM2 / -j.surfaceChargeCPerM2).toBeCloseTo(1, 2);
    // 59.16 mV per pH unit at 25 °C
    expect(j.ohp.pH - j.bulkPH).toBeCloseTo(j.ohp.potentialVvsBulk / 0.05916, 3);
    expect(j.profile.xNm[0]).toBe(0);
  });

  it('--potential-vs-she with --pzc-vs-she equals --potential-vs-pzc of their difference', async () => {
    const a = JSON.parse((await cli('double-layer', '--electrolyte', '0.1 M KHCO3', '--potential-vs-she', '-1', '--pzc-vs-she', '-0.5', '--json')).out);
    const b = JSON.parse((await cli('double-layer', '--electrolyte', '0.1 M KHCO3', '--potential-vs-pzc', '-0.5', '--json')).out);
    expect(a.ohp.cationMolPerM3).toBeCloseTo(b.ohp.cationMolPerM3, 8);
  });

  it('bad input exits 2 naming the flag', async () => {
    const none = await cli('double-layer', '--electrolyte', '0.1 M KHCO3');
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^error: --potential-vs-pzc:/);
    const stern = await cli('double-layer', '--electrolyte', '0.1 M KHCO3', '--potential-vs-pzc', '-0.5', '--stern-capacitance-F-per-m2', '0');
    expect(stern.code).toBe(2);
    expect(stern.err).toMatch(/--stern-capacitance-F-per-m2/);
    const salt = await cli('double-layer', '--electrolyte', '0.1 M KCl', '--potential-vs-pzc', '-0.5');
    expect(salt.code).toBe(2);
    expect(salt.err).toMatch(/electrolyte/);
  });
});
