/**
 * The reactor's default diffusion coefficient follows the named limiting reactant (/work/notes/labfix.md): it used to
 * be NO3-'s 1.9e-9 m² s⁻¹ whatever the reactant. Hand numbers (python, same formulas): u 0.05 m s⁻¹, gap 2 mm
 * (d_e 4 mm), L 0.1 m, ν 8.9e-7 m² s⁻¹ → Re 224.719; CO2 (D 1.91e-9): Sc 465.969, Sh = 1.85·(Re·Sc·d_e/L)^(1/3)
 * = 29.8211 (developing, > 4.86), k_m = Sh·D/d_e = 1.42396e-5 m s⁻¹, and under mass-transfer control
 * u·dc/dx = −k_m·c/gap, so X = 1 − exp(−k_m·L/(u·gap)) = 0.0141387. NO3- (1.902e-9): Sh 29.8629, k_m 1.41998e-5,
 * X 0.0140995.
 */
import { describe, expect, it } from 'vitest';
import { FARADAY_C_PER_MOL } from '../../src/chem/index.js';
import { flowCellStudy } from '../../src/reactor/studies.js';
import { reactorStudy } from '../../src/studies/process.js';
import { diffusionCoefficientOf, quoteDiffusionCoefficients } from '../../src/transport/diffusionCoefficients.js';
import { reactorRequestSchema } from '../../src/reactor/inputSchemas.js';

const base = {
  inletConcentrationMolPerM3: 30,
  velocityMPerS: 0.05,
  lengthM: 0.1,
  widthM: 0.05,
  gapM: 0.002,
  kineticCurrentDensityAPerM2: Number.POSITIVE_INFINITY,
  faradaicEfficiency: 0.5,
  molarMassGPerMol: 60.056,
  product: 'urea',
  electrons: 16,
  pH: 7,
};

describe('flow cell: the diffusion coefficient of the named limiting reactant', () => {
  it('CO2 named: 1.91e-9 (CRC), k_m 1.42396e-5 m s⁻¹ and X = 1 − exp(−k_m·L/(u·gap)) = 0.0141387', () => {
    const r = flowCellStudy({ ...base, limitingReactant: 'CO2' });
    expect(r.diffusion).toMatchObject({ diffusionM2PerS: 1.91e-9, species: 'CO2', assumed: false });
    expect(r.diffusion.from).toMatch(/^CO2 in water at infinite dilution, 25 °C: CRC Handbook of Chemistry and Physics, 97th ed/);
    expect(r.warnings).toEqual([]);
    expect(r.channel.regime).toBe('developing');
    expect(r.channel.sherwood).toBeCloseTo(29.8211, 3);
    expect(r.channel.massTransferCoefficientMPerS).toBeCloseTo(1.42396e-5, 9);
    expect(r.channel.conversion).toBeCloseTo(0.0141387, 6);
    const km = r.channel.massTransferCoefficientMPerS;
    expect(r.channel.conversion).toBeCloseTo(1 - Math.exp((-km * base.lengthM) / (base.velocityMPerS * base.gapM)), 9);
    // 1 CO2 per urea: production = c_in·X·Q, current = 16 F per urea
    const q = base.velocityMPerS * base.widthM * base.gapM;
    expect(r.channel.productionMolPerS).toBeCloseTo(base.inletConcentrationMolPerM3 * r.channel.conversion * q, 14);
    expect(r.channel.meanPartialCurrentDensityAPerM2).toBeCloseTo((r.channel.productionMolPerS * 16 * FARADAY_C_PER_MOL) / (base.lengthM * base.widthM), 9);
  });

  it('NO2- named (NH3 from nitrite): 1.912e-9; NO3- named: 1.902e-9 (k_m 1.41998e-5, X 0.0140995)', () => {
    const nitrite = flowCellStudy({ ...base, product: 'NH3', electrons: 6, molarMassGPerMol: 17.031, cathodeSources: ['NO2-'], limitingReactant: 'NO2-' });
    expect(nitrite.diffusion).toMatchObject({ diffusionM2PerS: 1.912e-9, species: 'NO2-', assumed: false });
    const nitrate = flowCellStudy({ ...base, limitingReactant: 'NO3-' });
    expect(nitrate.diffusion.diffusionM2PerS).toBe(1.902e-9);
    expect(nitrate.channel.massTransferCoefficientMPerS).toBeCloseTo(1.41998e-5, 9);
    expect(nitrate.channel.conversion).toBeCloseTo(0.0140995, 6);
  });

  it('an explicit diffusionM2PerS wins over the named reactant', () => {
    const r = flowCellStudy({ ...base, limitingReactant: 'CO2', diffusionM2PerS: 1e-9 });
    expect(r.diffusion).toEqual({ diffusionM2PerS: 1e-9, species: 'CO2', from: 'given', assumed: false });
    // developing regime: k_m ∝ D^(2/3)
    const tabulated = flowCellStudy({ ...base, limitingReactant: 'CO2' });
    expect(r.channel.massTransferCoefficientMPerS / tabulated.channel.massTransferCoefficientMPerS).toBeCloseTo((1e-9 / 1.91e-9) ** (2 / 3), 10);
  });

  it('a named reactant with no sourced value (NO) is refused, asking for diffusionM2PerS; given, it runs', () => {
    const no = { ...base, electrons: 10, cathodeSources: ['CO2', 'NO'], limitingReactant: 'NO' };
    expect(() => flowCellStudy(no)).toThrow(
      /^diffusionM2PerS: not given, and there is no sourced value for limitingReactant "NO" \(allowed: the diffusion coefficient of NO/,
    );
    expect(flowCellStudy({ ...no, diffusionM2PerS: 2e-9 }).diffusion).toMatchObject({ diffusionM2PerS: 2e-9, species: 'NO', from: 'given' });
  });

  it("no reactant named: NO3-'s 1.902e-9 is assumed and the result warns", () => {
    const r = flowCellStudy({ ...base, reactantPerProduct: 1 });
    expect(r.diffusion).toMatchObject({ diffusionM2PerS: 1.902e-9, species: 'NO3-', assumed: true });
    expect(r.warnings).toEqual([expect.stringMatching(/^diffusionM2PerS: 1\.902e-9 m² s⁻¹ of NO3- assumed/)]);
    // given without a name: used, no species, no warning
    const given = flowCellStudy({ ...base, reactantPerProduct: 1, diffusionM2PerS: 1.5e-9 });
    expect(given.diffusion).toEqual({ diffusionM2PerS: 1.5e-9, from: 'given', assumed: false });
    expect(given.warnings).toEqual([]);
  });

  it('the reactor study (API/CLI schema) no longer fills 1.9e-9: CO2 named gives 1.91e-9', () => {
    const input = reactorStudy.input.parse({
      product: 'urea',
      electrons: 16,
      faradaicEfficiency: 0.5,
      inletConcentrationMolPerM3: 30,
      limitingReactant: 'CO2',
    });
    expect(input.diffusionM2PerS).toBeUndefined();
    expect(reactorStudy.run(input).diffusion.diffusionM2PerS).toBe(1.91e-9);
  });

  it('the lookup matches by formula and charge and has nothing for species without a source', () => {
    expect(diffusionCoefficientOf('CO(NH2)2')?.diffusionM2PerS).toBe(1.38e-9);
    expect(diffusionCoefficientOf('N2')?.diffusionM2PerS).toBe(2.0e-9);
    expect(diffusionCoefficientOf('NO3')).toBeUndefined();
    expect(diffusionCoefficientOf('NO')).toBeUndefined();
  });

  it('the help texts quote the table: CO2 1.91e-9, NO3- 1.902e-9 in the API description; a species without a source throws', () => {
    expect(quoteDiffusionCoefficients(['CO2', 'NO3-'])).toBe('CO2 1.91e-9, NO3- 1.902e-9');
    expect(reactorRequestSchema.shape.diffusionM2PerS.description).toContain('(CRC Handbook, 25 °C: CO2 1.91e-9, NO3- 1.902e-9)');
    expect(() => quoteDiffusionCoefficients(['NO'])).toThrow(/no sourced diffusion coefficient for NO$/);
  });
});
