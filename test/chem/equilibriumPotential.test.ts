import { describe, expect, it } from 'vitest';
import { equilibriumPotential } from '../../src/chem/equilibriumPotential.js';
import { FORMATION_GIBBS_ENERGIES } from '../../src/chem/formationGibbsEnergies.js';

/**
 * E° values to reproduce (V vs SHE, 298.15 K), with their sources:
 * - O2/H2O 1.229 V; NH3OH+/NH4+ 1.35 V; N2/NH4+ 0.274 V — A. J. Bard, R. Parsons, J. Jordan (eds.),
 *   Standard Potentials in Aqueous Solution, Marcel Dekker (1985).
 * - NO3−/NO2− 0.835 V — S. G. Bratsch, J. Phys. Chem. Ref. Data 18, 1 (1989), doi:10.1063/1.555839.
 * - CO2 → CO −0.10 V, → HCOOH −0.12 V, → CH3OH 0.03 V, → CH4 0.17 V (vs RHE, pH-independent) —
 *   S. Nitopi et al., Chem. Rev. 119, 7610 (2019), doi:10.1021/acs.chemrev.8b00705, Table 1.
 * Tolerances are half a unit of the last printed digit plus 3 mV for data-set differences.
 */
const cited: [string[], string[], number, number][] = [
  [['O2'], ['H2O'], 1.229, 0.002],
  [['NH3OH+'], ['NH4+'], 1.35, 0.008],
  [['N2'], ['NH4+'], 0.274, 0.004],
  [['NO3-'], ['NO2-'], 0.835, 0.006],
  [['CO2'], ['CO'], -0.1, 0.008],
  [['CO2'], ['HCOOH'], -0.12, 0.008],
  [['CO2'], ['CH3OH'], 0.03, 0.008],
  [['CO2'], ['CH4'], 0.17, 0.008],
];

describe('equilibriumPotential', () => {
  it.each(cited)('%j → %j: E° = %f V', (from, to, e0, tolerance) => {
    const r = equilibriumPotential(from, to);
    expect(Math.abs(r.e0VsSHE - e0)).toBeLessThanOrEqual(tolerance);
  });

  it('urea from CO2 + NO3-: ΔrG° = -1251.908 kJ/mol, E° = 0.81094 V', () => {
    // ΔfG°(urea, aq) = -48720 cal/mol = -203.844 kJ/mol (Shock & McKinnon 1993)
    // ΔrG° = -203.844 + 7(-237.129) - (-394.359) - 2(-108.74) = -1251.908 kJ/mol; E° = 1251908/(16 F)
    const r = equilibriumPotential(['CO2', 'NO3-'], ['urea'], { pH: 7 });
    expect(r.deltaRGkJPerMol).toBeCloseTo(-1251.908, 3);
    expect(r.e0VsSHE).toBeCloseTo(0.8109445, 5);
    // 18 H+ per 16 e-: E(pH) = E° − 0.05915935·(18/16)·7 ; vs RHE add 0.05915935·7
    expect(r.potentialVvsSHE).toBeCloseTo(0.8109445 - 0.05915935 * (18 / 16) * 7, 5);
    expect(r.e0VsRHE).toBeCloseTo(0.8109445 - 0.05915935 * (2 / 16) * 7, 5);
    expect(r.formationEnergies.map((e) => e.species)).toContain('CO(NH2)2');
  });

  it('urea(aq) agrees with the independent textbook ΔrG° = -13.6 kJ/mol of 2 NH3(g) + CO2(g) → urea(aq) + H2O(l)', () => {
    const urea = FORMATION_GIBBS_ENERGIES.find((e) => e.formula === 'CO(NH2)2' && e.phase === 'aq')!;
    const derived = -13.6 + 2 * -16.45 + -394.359 - -237.129; // NBS values of NH3(g), CO2(g), H2O(l)
    expect(Math.abs(urea.deltaFGkJPerMol - derived)).toBeLessThan(0.2);
  });

  it('alanine from pyruvic acid + NO3- (10 e-): ΔrG° = -721.829 kJ/mol, E° = 0.74812 V', () => {
    // ΔrG° = -371.581 + 4(-237.129) - (-489.528) - (-108.74); amino and keto acid values of Amend & Helgeson 1997
    // and Canovas & Shock 2016 (-88810 and -117000 cal/mol)
    const r = equilibriumPotential(['pyruvic acid', 'NO3-'], ['alanine']);
    expect(r.equation).toBe('CH3COCOOH + NO3- + 11 H+ + 10 e- → CH3CH(NH2)COOH + 4 H2O');
    expect(r.deltaRGkJPerMol).toBeCloseTo(-721.829, 3);
    expect(r.e0VsSHE).toBeCloseTo(721829 / (10 * 96485.33212), 5);
  });

  it('applies an amino-acid value only to that isomer, not to another species of the same elemental formula', () => {
    // sarcosine (CH3NHCH2COOH) and alanine are both C3H7NO2
    expect(() => equilibriumPotential(['pyruvic acid', 'NO3-'], ['CH3NHCH2COOH'])).toThrow(/no standard Gibbs energy of formation for CH3NHCH2COOH/);
  });

  it('methylamine and acetamide, products the registry knows, have their OBIGT values (audit: E° used to be refused)', () => {
    // ΔfG°(CH3NH2, aq) = 21160 J/mol (Robinson et al. 2024); ΔfG°(CH3CONH2, aq) = -50860 cal/mol = -212.79824 kJ/mol (Shock 1993)
    // CO2 + NO3- + 15 H+ + 14 e- → CH3NH2 + 5 H2O: ΔrG° = 21.16 + 5(-237.129) - (-394.359) - (-108.74) = -661.386 kJ/mol
    const ma = equilibriumPotential(['CO2', 'NO3-'], ['methylamine'], { pH: 7 });
    expect(ma.equation).toBe('CO2 + NO3- + 15 H+ + 14 e- → CH3NH2 + 5 H2O');
    expect(ma.deltaRGkJPerMol).toBeCloseTo(-661.386, 6);
    expect(ma.e0VsSHE).toBeCloseTo(661386 / (14 * 96485.33212), 9); // 0.489627 V
    expect(ma.e0VsRHE).toBeCloseTo(661386 / (14 * 96485.33212) - 0.05915935 * (1 / 14) * 7, 5); // 0.460048 V
    // HCHO(aq) + NO3- + 11 H+ + 10 e- → CH3NH2 + 4 H2O: 21.16 + 4(-237.129) - (-109.32792) - (-108.74) = -709.28808 kJ/mol
    expect(equilibriumPotential(['HCHO', 'NO3-'], ['methylamine']).e0VsSHE).toBeCloseTo(709288.08 / (10 * 96485.33212), 9); // 0.735125 V
    // 2 CO2 + NO3- + 17 H+ + 16 e- → CH3CONH2 + 6 H2O: -212.79824 + 6(-237.129) - 2(-394.359) - (-108.74) = -738.11424 kJ/mol
    const aa = equilibriumPotential(['CO2', 'NO3-'], ['acetamide']);
    expect(aa.deltaRGkJPerMol).toBeCloseTo(-738.11424, 6);
    expect(aa.e0VsSHE).toBeCloseTo(738114.24 / (16 * 96485.33212), 9); // 0.478126 V
    // acetamide's value is for that isomer only: acetaldoxime CH3CHNOH is also C2H5NO
    expect(() => equilibriumPotential(['CO2', 'NO3-'], ['CH3CHNOH'])).toThrow(/no standard Gibbs energy of formation for CH3CHNOH/);
  });

  it('an oxidation gives the reduction potential of its reverse couple', () => {
    const ox = equilibriumPotential(['CH3OH'], ['CO2']);
    const red = equilibriumPotential(['CO2'], ['CH3OH']);
    expect(ox.electrons).toBe(-6);
    expect(ox.e0VsSHE).toBeCloseTo(red.e0VsSHE, 12);
  });

  it('refuses species without a cited ΔfG°', () => {
    expect(() => equilibriumPotential(['cyclohexanone', 'NO2-'], ['cyclohexanone oxime'])).toThrow(/no standard Gibbs energy of formation for C6H10O/);
  });
});
