import { describe, expect, it } from 'vitest';
import { cathodeEquilibriumPotential } from '../../src/reactor/cathodeEquilibrium.js';
import { flowCellStudy } from '../../src/reactor/studies.js';

// Hand-derived (NBS ΔfG°, kJ/mol; urea(aq) −203.84448, OBIGT): urea from CO2(g) + 2 NO3-: ΔrG° = −1251.908 kJ/mol,
// E° = 1251.908e3/(16 F) = 0.81094 V; 18 H+ per 16 e-: E_RHE(pH) = E° − (18/16 − 1)·0.05915935·pH.
// NH3(aq) from NO3-: ΔrG° = −629.147 kJ/mol, E° = 0.81509 V, 9 H+ per 8 e-.
const F = 96485.33212;
const slope = 0.05915935;
const ureaE0 = 1251.908e3 / (16 * F);
const nh3E0 = 629.147e3 / (8 * F);

describe('cathode equilibrium potential from the chemistry core, pH-dependent', () => {
  it('urea from CO2 + NO3-: 0.8109 V at pH 0, 0.7592 V at pH 7 (not a constant 0.811)', () => {
    expect(cathodeEquilibriumPotential('urea', { pH: 0 }).potentialVvsRHE).toBeCloseTo(ureaE0, 4);
    const at7 = cathodeEquilibriumPotential('urea');
    expect(at7.pH).toBe(7);
    expect(at7.potentialVvsRHE).toBeCloseTo(ureaE0 - (2 / 16) * slope * 7, 4);
    expect(at7.potentialVvsRHE).toBeCloseTo(0.7592, 4);
    expect(at7.equation).toBe('CO2 + 2 NO3- + 18 H+ + 16 e- → CO(NH2)2 + 7 H2O');
  });
  it('NH3 from NO3-: 9 H+ per 8 e-; other products need their sources', () => {
    expect(cathodeEquilibriumPotential('NH3', { pH: 13 }).potentialVvsRHE).toBeCloseTo(nh3E0 - (1 / 8) * slope * 13, 4);
    expect(() => cathodeEquilibriumPotential('glycine')).toThrow(/^cathodeSources: no default sources for glycine/);
  });
  it('the flow-cell study uses it unless a potential is given', () => {
    const base = {
      inletConcentrationMolPerM3: 50,
      velocityMPerS: 0.05,
      lengthM: 0.1,
      widthM: 0.05,
      gapM: 0.002,
      diffusionM2PerS: 1.9e-9,
      kineticCurrentDensityAPerM2: 200,
      electrons: 16,
      reactantPerProduct: 2,
      faradaicEfficiency: 0.5,
      molarMassGPerMol: 60.06,
    };
    const computed = flowCellStudy({ ...base, product: 'urea', pH: 7 });
    expect(computed.voltage.equilibriumV).toBeCloseTo(1.229 - (ureaE0 - (2 / 16) * slope * 7), 4);
    expect(computed.cathodeEquilibrium.from).toMatch(/at pH 7 \(chemistry core\)$/);
    const given = flowCellStudy({ ...base, product: 'urea', cathodeEquilibriumVvsRHE: 0.8 });
    expect(given.voltage.equilibriumV).toBeCloseTo(0.429, 12);
    expect(() => flowCellStudy(base)).toThrow(/^cathodeEquilibriumVvsRHE: neither given/);
  });
});
