import { describe, expect, it } from 'vitest';
import { FARADAY_C_PER_MOL, InputError } from '../../src/chem/index.js';
import { bulkComposition, saltIons } from '../../src/transport/bulkComposition.js';
import { electrolyteFromText } from '../../src/transport/electrolyteFromText.js';
import { assertReactantsTracked } from '../../src/transport/finiteVolume.js';
import { assertSourcesInElectrolyte } from '../../src/transport/assertSourcesInElectrolyte.js';
import { solveMicroenvironment } from '../../src/transport/solveMicroenvironment.js';
import { SOLUTES } from '../../src/transport/transportData.js';
import { transientMicroenvironment } from '../../src/transport/transientMicroenvironment.js';

const solute = (name: string) => SOLUTES.find((s) => s.name === name)!;
const her = [{ from: ['H2O'], to: 'H2', faradaicEfficiency: 1 }];
const formate = [
  { from: ['CO2'], to: 'HCOO-', faradaicEfficiency: 0.5 },
  { from: ['H2O'], to: 'H2', faradaicEfficiency: 0.5 },
];

/** Net charge at node k, mol m⁻³, from the profiles and each solute's charge number. */
const netCharge = (profiles: Record<string, number[]>, k: number) => Object.entries(profiles).reduce((s, [name, c]) => s + solute(name).charge * c[k]!, 0);

describe('the salt cation is carried, not booked as K+', () => {
  it('each salt releases its own cation; the diffusion coefficients are the CRC infinite-dilution values', () => {
    expect(saltIons('NaHCO3')).toEqual({ 'Na+': 1, 'HCO3-': 1 });
    expect(saltIons('Cs2SO4')).toEqual({ 'Cs+': 2, 'SO4^2-': 1 });
    expect(saltIons('Li2CO3')).toEqual({ 'Li+': 2, 'CO3^2-': 1 });
    expect(saltIons('KOH')).toEqual({ 'K+': 1, 'OH-': 1 });
    // CRC Handbook, "Ionic conductivity and diffusion at infinite dilution" (Vanýsek), 10⁻⁵ cm² s⁻¹
    expect(solute('Li+').diffusionM2PerS).toBe(1.029e-9);
    expect(solute('Na+').diffusionM2PerS).toBe(1.334e-9);
    expect(solute('K+').diffusionM2PerS).toBe(1.957e-9);
    expect(solute('Cs+').diffusionM2PerS).toBe(2.056e-9);
    const na = bulkComposition([{ name: 'NaHCO3', concentrationM: 0.1 }], true);
    expect(na.cations).toEqual(['Na+']);
    expect(na.concentrations['Na+']).toBe(100);
    expect(na.concentrations['K+']).toBeUndefined();
    const mixed = electrolyteFromText('0.05 M KHCO3 + 0.025 M Cs2SO4', false);
    expect(mixed.cations).toEqual(['K+', 'Cs+']);
    expect(mixed.concentrations['Cs+']).toBeCloseTo(50, 12);
    expect(mixed.concentrations['K+']).toBeCloseTo(50, 12);
  });

  it('refuses a cation without a sourced diffusion coefficient by name, and a salt that is not neutral', () => {
    expect(() => saltIons('RbHCO3')).toThrow(InputError);
    expect(() => saltIons('RbHCO3')).toThrow(/^electrolyte: "RbHCO3": the cation Rb\+ has no sourced diffusion coefficient/);
    expect(() => saltIons('KSO4')).toThrow(/"KSO4" is not electroneutral/);
    expect(() => saltIons('KCl')).toThrow(/unknown electrolyte component "KCl"/);
    // a bulk solute the transport model has no data for is refused, not dropped
    expect(() => solveMicroenvironment({ bulk: { 'Rb+': 10, 'OH-': 10 }, products: her, currentDensityAPerM2: 1 })).toThrow(
      /^bulk: .*no transport data for Rb\+/,
    );
  });

  it('bulk speciation is the same for every cation (the cation is a spectator of the acid–base chemistry)', () => {
    const k = bulkComposition([{ name: 'KHCO3', concentrationM: 0.1 }], true);
    for (const salt of ['LiHCO3', 'NaHCO3', 'CsHCO3']) {
      const other = bulkComposition([{ name: salt, concentrationM: 0.1 }], true);
      expect(other.pH).toBe(k.pH);
      for (const s of ['CO2', 'HCO3-', 'CO3^2-', 'OH-', 'H+']) expect(other.concentrations[s]).toBe(k.concentrations[s]);
    }
  });
});

describe('0.1 M NaHCO3 vs KHCO3 in the boundary layer', () => {
  const solveWith = (salt: string) =>
    solveMicroenvironment({
      bulk: bulkComposition([{ name: salt, concentrationM: 0.1 }], true).concentrations,
      products: formate,
      currentDensityAPerM2: 50,
      migration: true,
    });

  it('steady state with migration: the same profiles (a zero-flux cation sits in Boltzmann equilibrium whatever its D), electroneutral at every node', () => {
    const na = solveWith('NaHCO3');
    const k = solveWith('KHCO3');
    expect(na.converged && k.converged).toBe(true);
    expect(na.profiles['K+']).toBeUndefined();
    expect(k.profiles['Na+']).toBeUndefined();
    const nodes = na.profiles['Na+']!.length;
    for (let i = 0; i < nodes; i++) {
      // the only difference is the cation's name
      expect(na.profiles['Na+']![i]! / k.profiles['K+']![i]!).toBeCloseTo(1, 6);
      for (const s of ['CO2', 'HCO3-', 'CO3^2-', 'OH-', 'H+', 'HCOO-']) if (k.profiles[s]) expect(na.profiles[s]![i]! / k.profiles[s]![i]!).toBeCloseTo(1, 6);
      expect(na.potentialProfileV[i]! - k.potentialProfileV[i]!).toBeCloseTo(0, 8);
      for (const r of [na, k]) expect(Math.abs(netCharge(r.profiles, i))).toBeLessThan(1e-8 * 100);
    }
    expect(na.surfacePH).toBeCloseTo(k.surfacePH, 6);
    expect(na.potentialProfileV[0]!).toBeLessThan(0); // the cation is drawn to the cathode
  });

  it('transient binary hydroxide: the surface excess follows each cation’s own D (2·N·t₊·√(t/(π·D_amb))), so Na⁺ and K⁺ differ by the ratio the physics gives', () => {
    const j = 200;
    const N = j / FARADAY_C_PER_MOL;
    const dOH = solute('OH-').diffusionM2PerS;
    const excess = (cation: 'Na+' | 'K+', salt: string) => {
      const bulk = bulkComposition([{ name: salt, concentrationM: 0.01 }], false).concentrations;
      const r = transientMicroenvironment({
        bulk,
        products: her,
        homogeneousReactions: false,
        migration: true,
        boundaryLayerM: 500e-6,
        schedule: [{ durationS: 0.5, currentDensityAPerM2: j }],
      });
      expect(r.completed).toBe(true);
      const last = r.timesS.length - 1;
      const t = r.timesS[last]!;
      const dPlus = solute(cation).diffusionM2PerS;
      const dAmb = (2 * dPlus * dOH) / (dPlus + dOH);
      const tPlus = dPlus / (dPlus + dOH);
      const analytic = 2 * N * tPlus * Math.sqrt(t / (Math.PI * dAmb));
      const numeric = r.surface['OH-']![last]! - bulk['OH-']!;
      expect(numeric / analytic).toBeCloseTo(1, 2);
      return { numeric, analytic };
    };
    const na = excess('Na+', 'NaOH');
    const k = excess('K+', 'KOH');
    // slower Na⁺ carries less of the current: a smaller OH⁻ excess. By hand with the CRC values (10⁻⁹ m² s⁻¹):
    // t₊ 1.334/6.607 = 0.20191 vs 1.957/7.230 = 0.27068; D_amb 2.12932 vs 2.85456; 0.20191/0.27068·√(2.85456/2.12932) = 0.8637
    expect(na.analytic / k.analytic).toBeCloseTo(0.8637, 3);
    expect(na.numeric / k.numeric).toBeCloseTo(na.analytic / k.analytic, 2);
  });
});

describe('a printed electrolyte without a usable concentration is refused saying what to write', () => {
  const message = (text: string) => {
    try {
      electrolyteFromText(text, false);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as Error).message;
    }
    throw new Error(`"${text}" was accepted`);
  };
  const allowed = '(allowed: a positive concentration in M, mM or µM before every component, e.g. "0.5 M KHCO3 + 50 mM KNO3")';
  it('names a missing concentration', () => {
    expect(message('KHCO3')).toBe(`electrolyte: "KHCO3" has no concentration ${allowed}`);
  });
  it('names a negative concentration or a unit it cannot read, not "has none"', () => {
    expect(message('-0.1 M KOH')).toBe(`electrolyte: "-0.1MKOH": a concentration that is not a positive number in M, mM or µM ${allowed}`);
    expect(message('0.1 mol/L KOH')).toBe(`electrolyte: "0.1 mol": a concentration that is not a positive number in M, mM or µM ${allowed}`);
  });
});

describe('typed electrolyte text reads numbers as every typed number field does', () => {
  const problem = (text: string) => {
    try {
      electrolyteFromText(text, false);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return (error as InputError).message;
    }
    throw new Error(`"${text}" was accepted`);
  };
  it('refuses a comma in a concentration, saying how to write it (the printed-paper parser read "0,1 M" as 0.1 M here)', () => {
    expect(problem('0,1 M KOH')).toMatch(/^electrolyte: "0,1" has a comma .* write 0\.1 \(allowed: text such as/);
    expect(problem('0.1 M KHCO3 + 1,5 mM KNO3')).toMatch(/"1,5" has a comma .* write 1\.5/);
    expect(problem('1,500 M KOH')).toMatch(/"1,500" has a comma .* write 1\.500 or 1 500/);
  });
  it('reads "and" as "+" (two salts, not one unknown component)', () => {
    const and = electrolyteFromText('0.1 M KNO3 and 0.1 M KHCO3', false).concentrations;
    const plus = electrolyteFromText('0.1 M KNO3 + 0.1 M KHCO3', false).concentrations;
    expect(and).toEqual(plus);
    expect(and['K+']).toBeCloseTo(200, 9); // mol m⁻³: 0.1 M from each salt
    expect(and['NO3-']).toBeCloseTo(100, 9);
  });
});

describe('electrode reactants the transport model does not track', () => {
  it('are refused naming the product and source, not dropped (a typo "NO3" for nitrate used to change the surface pH silently)', () => {
    expect(() =>
      assertReactantsTracked([
        { to: 'urea', from: ['CO2', 'NO3-'], faradaicEfficiency: 0.3 },
        { to: 'H2', from: ['H2O'], faradaicEfficiency: 0.7 },
      ]),
    ).not.toThrow();
    expect(() =>
      assertReactantsTracked([
        { to: 'H2', from: ['H2O'], faradaicEfficiency: 0.7 },
        { to: 'urea', from: ['CO2', 'NO3'], faradaicEfficiency: 0.3 },
      ]),
    ).toThrow(/products\[1\]\.from\[1\]: got "NO3" \(allowed: H2O or a solute of the transport model \(.*NO3-/);
    // the refusal says which ion was likely meant (chem/species neutralLookalikeWarning)
    expect(() => assertReactantsTracked([{ to: 'urea', from: ['CO2', 'NO3'], faradaicEfficiency: 1 }])).toThrow(
      /\n"NO3" is read as the neutral species NO3; nitrate is NO3- \(write the charge if you mean the ion\)$/,
    );
    const bulk = electrolyteFromText('0.1 M KHCO3 + 0.1 M KNO3', true).concentrations;
    expect(() => assertSourcesInElectrolyte([{ field: 'products[0].from[1]', species: 'NO3' }], bulk, '0.1 M KHCO3 + 0.1 M KNO3')).toThrow(
      /^products\[0\]\.from\[1\]: got "NO3", not a solute of the transport model .*\n"NO3" is read as the neutral species NO3; nitrate is NO3- /s,
    );
    // a species with no charged look-alike gets no such line
    expect(() => assertSourcesInElectrolyte([{ field: 'f', species: 'CH4' }], bulk, 'x')).toThrow(
      /^f: got "CH4", not a solute of the transport model \(allowed: [^\n]*\)$/,
    );
  });
});
