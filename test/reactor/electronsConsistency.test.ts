/**
 * One reaction for the electricity and for the rest (/work/notes/audit.md): the flow cell takes its cathode
 * equilibrium potential from a balanced reaction and the TEA its feed consumption from one, while the energy per
 * kg n·F·V/(FE·M), the current and the scale-up use the `electrons` given. A count that differs from that
 * reaction's used to give a silently wrong number: urea (CO2 + 2 NO3-, 16 e-) with `electrons: 8` returned an
 * energy per kg, current and plant for 8 e- beside the cell voltage of the 16-electron reaction.
 */
import { describe, expect, it } from 'vitest';
import { levelizedCost } from '../../src/reactor/technoEconomics.js';
import { flowCellStudy } from '../../src/reactor/studies.js';
import { CHANNEL, M_UREA_G_PER_MOL } from './channelCase.js';

const F = 96485.33212;
const M_UREA = M_UREA_G_PER_MOL;
const base = {
  ...CHANNEL,
  kineticCurrentDensityAPerM2: 500,
  reactantPerProduct: 2,
  faradaicEfficiency: 0.5,
  molarMassGPerMol: M_UREA,
  product: 'urea',
  pH: 7,
};

describe('flow cell: electrons must be those of the cathode reaction', () => {
  it('refuses 8 e- for urea from CO2 + 2 NO3- (16 e-), naming the field and the reaction', () => {
    expect(() => flowCellStudy({ ...base, electrons: 8 })).toThrow(
      /^electrons: got 8, .*\(allowed: 16, the electrons per urea of the cathode reaction CO2 \+ 2 NO3- \+ 18 H\+ \+ 16 e- → CO\(NH2\)2 \+ 7 H2O/,
    );
  });

  it('16 e-: energy per kg = n·F·V/(FE·M) with the cell voltage of that reaction (hand case)', () => {
    const r = flowCellStudy({ ...base, electrons: 16 });
    // E_eq(urea, pH 7) = 0.759180 V vs RHE (NBS + OBIGT ΔfG°), OER 1.229 V → 0.469820 V
    expect(r.voltage.equilibriumV).toBeCloseTo(1.229 - 0.759180386, 8);
    expect(r.energyJPerKg).toBeCloseTo((16 * F * r.voltage.cellVoltageV) / (0.5 * (M_UREA / 1000)), 0);
    // the audit's hand case: Re 224.72, Sh 29.873, j_total 686.1 A m-2, V_cell 1.41759 V → 72.879 MJ kg-1
    expect(r.voltage.cellVoltageV).toBeCloseTo(1.41759, 4);
    expect(r.energyJPerKg / 1e6).toBeCloseTo(72.879, 2);
  });

  it('urea from N2 + CO2 (6 e-) is accepted with its own sources; E_eq from ΔrG° = −46.614 kJ/mol', () => {
    // N2 + CO2(g) + 6 H+ + 6 e- → CO(NH2)2(aq) + H2O: −203.84448 − 237.129 + 394.359 = −46.61448 kJ/mol; 6 H+ per 6 e-
    const r = flowCellStudy({ ...base, electrons: 6, cathodeSources: ['CO2', 'N2'] });
    expect(r.voltage.equilibriumV).toBeCloseTo(1.229 - 46.61448e3 / (6 * F), 8);
    expect(() => flowCellStudy({ ...base, electrons: 16, cathodeSources: ['CO2', 'N2'] })).toThrow(/^electrons: got 16/);
  });

  it('a given equilibrium potential is not checked against any reaction', () => {
    expect(flowCellStudy({ ...base, electrons: 8, cathodeEquilibriumVvsRHE: 0.8 }).voltage.equilibriumV).toBeCloseTo(0.429, 12);
  });
});

describe('TEA: electrons must be those of the reaction the feeds are balanced by', () => {
  const tea = {
    productionTonnesPerDay: 100,
    molarMassGPerMol: M_UREA,
    faradaicEfficiency: 0.5,
    currentDensityAPerM2: 1000,
    cellVoltageV: 3,
    product: 'urea',
    feeds: [{ species: 'CO2' }, { species: 'NO3-' }],
  };
  it('refuses 8 e- for feeds balanced as CO2 + 2 NO3- → urea (16 e-)', () => {
    expect(() => levelizedCost({ ...tea, electrons: 8 })).toThrow(/^electrons: got 8, .*\(allowed: 16, the electrons per urea of CO2 \+ 2 NO3- /);
  });
  it('16 e-: CO2 44.009/60.056 = 0.73280 kg per kg urea, electricity 16·F·3/(0.5·0.060056)/3.6e6 = 42.842 kWh/kg', () => {
    const r = levelizedCost({ ...tea, electrons: 16 });
    expect(r.massBalance.feeds[0]!.consumedKgPerKgProduct).toBeCloseTo(44.009 / 60.056, 10);
    expect(r.energyKWhPerKg).toBeCloseTo((16 * F * 3) / (0.5 * 0.060056) / 3.6e6, 8);
  });
  it('feeds with their own coefficients are not balanced, so not checked', () => {
    const r = levelizedCost({ ...tea, electrons: 8, feeds: [{ species: 'CO2', molPerMolProduct: 1 }] });
    expect(r.energyKWhPerKg).toBeCloseTo((8 * F * 3) / (0.5 * 0.060056) / 3.6e6, 8);
  });
});
