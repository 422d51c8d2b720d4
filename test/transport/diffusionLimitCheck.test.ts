import { describe, expect, it } from 'vitest';
import { compileModel, validateModel } from '../../src/kinetics/parser/compileModel.js';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { loadModel } from '../../src/store/builtinModels.js';
import {
  diffusionLimitWarnings,
  diffusionLimitedCurrentAPerM2,
  reactantDiffusionLimits,
  withTransportWarnings,
} from '../../src/transport/diffusionLimitCheck.js';

// Hand-derived: F = 96485.33212 C/mol; D(NO3-) = 1.902e-9, D(N2) = 2.0e-9 (CRC, gases in water), D(CO2) = 1.91e-9 m² s⁻¹ (CRC);
// N2 solubility 6.4e-6 mol m⁻³ Pa⁻¹ = 0.64 mol m⁻³ bar⁻¹ (Sander 2023, v5.0.0), CO2 34 mol m⁻³ bar⁻¹ (Sander 2015); δ = 50 µm.
const F = 96485.33212;

describe('diffusion-limited currents n·F·D·c/δ', () => {
  it('0.05 M NO3- → NH3 (8 e-): 1468 A m⁻² = 146.8 mA cm⁻² at δ = 50 µm, half that at 100 µm', () => {
    expect(diffusionLimitedCurrentAPerM2(8, 1.902e-9, 50, 50e-6) / ((8 * F * 1.902e-9 * 50) / 50e-6)).toBeCloseTo(1, 9);
    expect(diffusionLimitedCurrentAPerM2(8, 1.902e-9, 50, 50e-6)).toBeCloseTo(1468.1, 1);
    expect(diffusionLimitedCurrentAPerM2(8, 1.902e-9, 50, 100e-6)).toBeCloseTo(734.06, 2);
  });
  it('dissolved N2 at 1 bar → urea (6 e- per N2): 14.8 A m⁻² ≈ 1.5 mA cm⁻²', () => {
    expect(diffusionLimitedCurrentAPerM2(6, 2.0e-9, 0.64, 50e-6)).toBeCloseTo(14.82, 2);
  });
  it('refuses a boundary layer outside 0.1 µm … 1 cm', () => {
    expect(() => diffusionLimitedCurrentAPerM2(8, 1.9e-9, 50, 0)).toThrow(/^boundaryLayerM: /);
  });
});

describe('transport check of kinetic steady states', () => {
  it('lists each built-in reactant with its limit: NO3- and CO2(aq) for urea-cu4-ceo2, N2(g) and CO2 for urea-pdcu-tio2', () => {
    const cu = reactantDiffusionLimits(loadModel({ name: 'urea-cu4-ceo2' }));
    expect(cu.map((l) => l.species).sort()).toEqual(['CO2', 'NO3-']);
    expect(cu.find((l) => l.species === 'NO3-')!.limitingFluxMolPerM2PerS).toBeCloseTo((1.902e-9 * 50) / 50e-6, 12);
    const pd = reactantDiffusionLimits(loadModel({ name: 'urea-pdcu-tio2' }));
    const n2 = pd.find((l) => l.species === 'N2')!;
    expect(n2.concentrationMolPerM3).toBeCloseTo(0.64, 12);
    expect(6 * F * n2.limitingFluxMolPerM2PerS).toBeCloseTo(14.82, 2);
  });

  it('warns when a reactant is consumed beyond D·c/δ, with the current at which it runs out', () => {
    // A + 8 e- → P with A = NO3- at 0.05 M, run hard: the kinetics alone make far more than 1468 A m⁻²
    const m = compileModel(
      validateModel({
        name: 'fast-nitrate',
        units: { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' },
        pH: 0,
        species: {
          'NO3-': { phase: 'aq', concentrationM: 0.05 },
          H2O: { phase: 'l' },
          NH3: { phase: 'aq', concentrationM: 0, product: true, electronsPerMolecule: 8 },
        },
        adsorbates: { 'X*': { formula: 'HNO3', site: 's' } },
        steps: [
          { id: 'ads', equation: 'NO3- + H+ + * -> X*', dG: 0 },
          { id: 'red', equation: 'X* + 8 H+ + 8 e- -> NH3 + 3 H2O + *', dG: -6.5207, Ea: 0.5, beta: 0.0625 },
        ],
      }),
    );
    const o = steadyState(m, { potentialVvsRHE: -1.0 });
    expect(o.converged).toBe(true);
    const flux = (o.tofPerS['NH3']! * 1e19) / 6.02214076e23;
    const limit = (1.902e-9 * 50) / 50e-6;
    expect(flux).toBeGreaterThan(limit);
    const [w] = diffusionLimitWarnings(m, o);
    expect(w).toMatch(/^transport: NO3- is consumed at .* its diffusion limit D·c\/δ = 1\.902e-3 mol m⁻² s⁻¹/);
    // every NO3- here carries 8 net electrons, so it runs out at n·F·D·c/δ = 1468 A m⁻²
    expect(w).toContain('runs out at |j| = 1.47e+3 A m⁻²');
    // a slow point has no warning, and the field is left out
    const slow = steadyState(m, { potentialVvsRHE: 0.5 });
    expect(diffusionLimitWarnings(m, slow)).toEqual([]);
    expect(withTransportWarnings(m, [slow])[0]!.warnings).toBeUndefined();
    expect(withTransportWarnings(m, [o])[0]!.warnings).toHaveLength(1);
  });
});
