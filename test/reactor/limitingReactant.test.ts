/**
 * Reactant per product from the named limiting reactant (/work/notes/audit.md): `reactantPerProduct` used to
 * default to 1 silently, so urea from nitrate (CO2 + 2 NO3- → urea) got twice the current and production per
 * mol of nitrate that the reaction allows. Naming `limitingReactant` derives it from the balanced reaction.
 */
import { describe, expect, it } from 'vitest';
import { flowCellStudy } from '../../src/reactor/studies.js';
import { reactorStudy } from '../../src/studies/process.js';
import { CHANNEL, M_UREA_G_PER_MOL } from './channelCase.js';

const M_UREA = M_UREA_G_PER_MOL;
const base = {
  ...CHANNEL,
  kineticCurrentDensityAPerM2: 500,
  faradaicEfficiency: 0.5,
  molarMassGPerMol: M_UREA,
  product: 'urea',
  electrons: 16,
  pH: 7,
};

describe('flow cell: reactant per product from the limiting reactant', () => {
  it('urea with NO3- limiting: 2 NO3- per urea from CO2 + 2 NO3- + 18 H+ + 16 e-, and the audit hand case (72.879 MJ/kg)', () => {
    const r = flowCellStudy({ ...base, limitingReactant: 'NO3-' });
    expect(r.stoichiometry).toMatchObject({ reactantPerProduct: 2, limitingReactant: 'NO3-', assumed: false });
    expect(r.stoichiometry.from).toMatch(/^2 NO3- per urea in CO2 \+ 2 NO3- \+ 18 H\+ \+ 16 e- → CO\(NH2\)2 \+ 7 H2O/);
    expect(r.warnings).toEqual([]);
    // the audit's hand case for ν = 2: Re 224.72, Sh 29.873, j_total 686.1 A m-2, V_cell 1.41759 V → 72.879 MJ kg-1
    expect(r.channel.reynolds).toBeCloseTo(224.72, 2);
    expect(r.voltage.cellVoltageV).toBeCloseTo(1.41759, 4);
    expect(r.energyJPerKg / 1e6).toBeCloseTo(72.879, 2);
    // nitrate consumed = 2 × urea produced: mol/s of product = (c_in − c_out)·Q / 2
    const q = base.velocityMPerS * base.widthM * base.gapM;
    expect(r.channel.productionMolPerS).toBeCloseTo(((base.inletConcentrationMolPerM3 - r.channel.outletConcentrationMolPerM3) * q) / 2, 12);
  });

  it('urea with CO2 limiting: 1; NH3 from NO3-: 1', () => {
    expect(flowCellStudy({ ...base, limitingReactant: 'CO2' }).stoichiometry.reactantPerProduct).toBe(1);
    expect(flowCellStudy({ ...base, product: 'NH3', electrons: 8, molarMassGPerMol: 17.031, limitingReactant: 'NO3-' }).stoichiometry.reactantPerProduct).toBe(
      1,
    );
  });

  it('refuses a reactantPerProduct that contradicts the balanced reaction, naming the field and the balanced value', () => {
    expect(() => flowCellStudy({ ...base, limitingReactant: 'NO3-', reactantPerProduct: 1 })).toThrow(
      /^reactantPerProduct: got 1, .*\(allowed: 2, the NO3- per urea of the cathode reaction CO2 \+ 2 NO3- /,
    );
    expect(flowCellStudy({ ...base, limitingReactant: 'NO3-', reactantPerProduct: 2 }).stoichiometry.reactantPerProduct).toBe(2);
  });

  it('refuses a limiting reactant that the reaction does not consume, listing those it does', () => {
    expect(() => flowCellStudy({ ...base, limitingReactant: 'N2' })).toThrow(
      /^limitingReactant: got "N2".*\(allowed: a reactant of the cathode reaction .*: CO2, NO3-/,
    );
    // with its own sources it is balanced there: N2 + CO2 + 6 H+ + 6 e- → urea + H2O, 1 N2 per urea
    expect(flowCellStudy({ ...base, electrons: 6, cathodeSources: ['CO2', 'N2'], limitingReactant: 'N2' }).stoichiometry.reactantPerProduct).toBe(1);
  });

  it('a reaction that makes two product molecules: NH3 from N2 (N2 + 6 H+ + 6 e- → 2 NH3) takes 3 e- and 1/2 N2 per NH3', () => {
    // balanceHalfReaction's electrons are already per product molecule (3), so dividing them by the product's
    // coefficient (2) again asked for 1.5 e- and refused the right 3
    const nh3 = { ...base, product: 'NH3', molarMassGPerMol: 17.031, cathodeSources: ['N2'], limitingReactant: 'N2' };
    expect(flowCellStudy({ ...nh3, electrons: 3 }).stoichiometry).toMatchObject({ reactantPerProduct: 0.5, limitingReactant: 'N2', assumed: false });
    expect(() => flowCellStudy({ ...nh3, electrons: 1.5 })).toThrow(/^electrons: got 1\.5, .*\(allowed: 3, the electrons per NH3 /);
  });

  it('with neither, the default 1 is used and the result says it was assumed', () => {
    const r = flowCellStudy(base);
    expect(r.stoichiometry).toMatchObject({ reactantPerProduct: 1, assumed: true });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^reactantPerProduct: 1 assumed/);
    // ν only changes the nitrate used per product: the same k_m, so the mass-transfer limit nF·k_m·c/ν of ν = 1 is
    // twice that of ν = 2 (the mean current is not: 500 A m⁻² of kinetics caps both), and each channel consumes
    // ν mol of reactant per mol of product
    const given = flowCellStudy({ ...base, reactantPerProduct: 2 });
    expect(given.stoichiometry).toMatchObject({ reactantPerProduct: 2, assumed: false });
    expect(given.warnings).toEqual([]);
    expect(r.channel.massTransferCoefficientMPerS).toBe(given.channel.massTransferCoefficientMPerS);
    const q = base.velocityMPerS * base.widthM * base.gapM;
    for (const [x, nu] of [
      [r, 1],
      [given, 2],
    ] as const)
      expect(x.channel.productionMolPerS * nu).toBeCloseTo((base.inletConcentrationMolPerM3 - x.channel.outletConcentrationMolPerM3) * q, 12);
  });

  it('the reactor study (API/CLI schema) passes limitingReactant through', () => {
    const input = reactorStudy.input.parse({
      product: 'urea',
      electrons: 16,
      faradaicEfficiency: 0.5,
      inletConcentrationMolPerM3: 50,
      limitingReactant: 'NO3-',
    });
    expect(reactorStudy.run(input).stoichiometry.reactantPerProduct).toBe(2);
  });
});
