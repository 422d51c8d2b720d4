import { describe, expect, it } from 'vitest';
import { FARADAY_C_PER_MOL } from '../../src/chem/index.js';
import { bulkComposition } from '../../src/transport/bulkComposition.js';
import { solveMicroenvironment } from '../../src/transport/solveMicroenvironment.js';
import { SOLUTES } from '../../src/transport/transportData.js';

const D = (name: string) => SOLUTES.find((s) => s.name === name)!.diffusionM2PerS;
const delta = 50e-6;
const her = [{ from: ['H2O'], to: 'H2', faradaicEfficiency: 1 }];

describe('bulk equilibrium', () => {
  it('CO2-saturated 0.1 M KHCO3 has pH 6.82 (pKa1 6.35 + log10(0.1/0.034)); 1 M KOH pH 14', () => {
    expect(bulkComposition([{ name: 'KHCO3', concentrationM: 0.1 }], true).pH).toBeCloseTo(6.82, 2);
    expect(bulkComposition([{ name: 'KOH', concentrationM: 1 }], false).pH).toBeCloseTo(14, 3);
    expect(() => bulkComposition([{ name: 'NaCl', concentrationM: 1 }], false)).toThrow(/electrolyte: unknown electrolyte component "NaCl"/);
  });
});

describe('microenvironment against analytic limits', () => {
  it('pure diffusion gives the linear profile c(x) = c_b + N(δ − x)/D', () => {
    const bulk = bulkComposition([{ name: 'K2SO4', concentrationM: 0.5 }], false).concentrations;
    const j = 200;
    const r = solveMicroenvironment({ bulk, currentDensityAPerM2: j, products: her, homogeneousReactions: false });
    expect(r.converged).toBe(true);
    const N = j / FARADAY_C_PER_MOL; // OH- per electron: 1
    for (const k of [0, 50, 150, 199]) {
      const exact = bulk['OH-']! + (N * (delta - r.xM[k]!)) / D('OH-');
      expect(r.profiles['OH-']![k]! / exact).toBeCloseTo(1, 8);
    }
  });

  it('the limiting current is nFDC/δ: NO3- → NH3 (8 e-) half-way and beyond', () => {
    const bulk = bulkComposition(
      [
        { name: 'KNO3', concentrationM: 0.01 },
        { name: 'KOH', concentrationM: 0.1 },
      ],
      false,
    ).concentrations;
    const products = [{ from: ['NO3-'], to: 'NH3', faradaicEfficiency: 1 }];
    const jLim = (8 * FARADAY_C_PER_MOL * D('NO3-') * 10) / delta;
    const half = solveMicroenvironment({ bulk, currentDensityAPerM2: jLim / 2, products, homogeneousReactions: false });
    expect(half.limitingCurrentAPerM2['NO3-']! / jLim).toBeCloseTo(1, 10);
    expect(half.surface['NO3-']! / 5).toBeCloseTo(1, 6);
    const over = solveMicroenvironment({ bulk, currentDensityAPerM2: jLim * 1.05, products, homogeneousReactions: false });
    expect(over.converged).toBe(false);
    expect(over.message).toMatch(/^NO3- runs out at the surface/);
  });

  it('surface OH- in an unbuffered electrolyte = bulk + jδ/(F·D) (with all homogeneous reactions on)', () => {
    const bulk = bulkComposition([{ name: 'K2SO4', concentrationM: 0.5 }], false).concentrations;
    for (const j of [10, 1000, 10000]) {
      const r = solveMicroenvironment({ bulk, currentDensityAPerM2: j, products: her });
      expect(r.converged).toBe(true);
      expect(r.surface['OH-']! / (bulk['OH-']! + (j * delta) / (FARADAY_C_PER_MOL * D('OH-')))).toBeCloseTo(1, 3);
    }
  });

  it('converges from 1 to 1000 mA cm-2 in bicarbonate, and the buffer keeps the surface less alkaline', () => {
    const bulk = bulkComposition([{ name: 'KHCO3', concentrationM: 0.5 }], true).concentrations;
    const unbuffered = bulkComposition([{ name: 'K2SO4', concentrationM: 0.5 }], false).concentrations;
    for (const j of [10, 1000, 10000]) {
      const r = solveMicroenvironment({ bulk, currentDensityAPerM2: j, products: her });
      const u = solveMicroenvironment({ bulk: unbuffered, currentDensityAPerM2: j, products: her });
      expect(r.converged && u.converged).toBe(true);
      expect(r.surfacePH).toBeLessThan(u.surfacePH);
    }
  });

  it('conserves carbon, nitrogen and charge across the layer; says when CO2 runs out', () => {
    const bulk = bulkComposition(
      [
        { name: 'KHCO3', concentrationM: 0.1 },
        { name: 'KNO3', concentrationM: 0.05 },
      ],
      true,
    ).concentrations;
    // CO and N2 leave as gases (not solutes), so carbon and nitrogen are consumed at the electrode
    const products = [
      { from: ['CO2'], to: 'CO', faradaicEfficiency: 0.3 },
      { from: ['NO3-'], to: 'N2', faradaicEfficiency: 0.1 },
      { from: ['H2O'], to: 'H2', faradaicEfficiency: 0.6 },
    ];
    const r = solveMicroenvironment({ bulk, currentDensityAPerM2: 100, products });
    expect(r.converged).toBe(true);
    const n = r.xM.length - 1;
    const hLast = r.xM[n]! - r.xM[n - 1]!;
    const fromBulk = (name: string) => (D(name) * (r.profiles[name]![n]! - r.profiles[name]![n - 1]!)) / hLast; // into the layer
    const z = (name: string) => SOLUTES.find((s) => s.name === name)!.charge;
    const carbonIn = fromBulk('CO2') + fromBulk('HCO3-') + fromBulk('CO3^2-');
    const carbonOut = -r.electrodeFluxMolPerM2S.CO2!;
    expect(carbonOut).toBeCloseTo((0.3 * 100) / (2 * FARADAY_C_PER_MOL), 12); // Faraday: 2 e- per CO2
    expect(carbonIn / carbonOut).toBeCloseTo(1, 5);
    const nitrogenIn = fromBulk('NO3-');
    const nitrogenOut = -r.electrodeFluxMolPerM2S['NO3-']!;
    expect(nitrogenIn / nitrogenOut).toBeCloseTo(1, 5);
    const names = Object.keys(r.profiles);
    const chargeIn = names.reduce((s, name) => s + z(name) * fromBulk(name), 0);
    const chargeAtElectrode = names.reduce((s, name) => s + z(name) * r.electrodeFluxMolPerM2S[name]!, 0);
    expect(chargeIn / -chargeAtElectrode).toBeCloseTo(1, 5);
    const urea = [
      { from: ['CO2', 'NO3-'], to: 'urea', faradaicEfficiency: 0.3 },
      { from: ['H2O'], to: 'H2', faradaicEfficiency: 0.7 },
    ];
    expect(solveMicroenvironment({ bulk, currentDensityAPerM2: 100, products: urea }).converged).toBe(true);
    const high = solveMicroenvironment({ bulk, currentDensityAPerM2: 2000, products: urea });
    expect(high.converged).toBe(false);
    expect(high.message).toMatch(/^CO2 runs out at the surface at ≈ /);
    // the located depletion current lies between the last solved and the failed level, and solves just below it
    expect(high.depletionCurrentAPerM2!).toBeGreaterThan(100);
    expect(solveMicroenvironment({ bulk, currentDensityAPerM2: high.depletionCurrentAPerM2! * 0.97, products: urea }).converged).toBe(true);
  });
});

describe('transport–kinetics coupling', () => {
  it('converges to FEs at the surface conditions that differ from the bulk ones, with charge closing', async () => {
    const { loadModel } = await import('../../src/store/builtinModels.js');
    const { coupleToKinetics } = await import('../../src/transport/coupleToKinetics.js');
    const model = loadModel({ name: 'urea-cu4-ceo2' });
    const bulk = bulkComposition(
      [
        { name: 'KHCO3', concentrationM: 0.1 },
        { name: 'KNO3', concentrationM: 0.05 },
      ],
      true,
    ).concentrations;
    const r = coupleToKinetics({
      model,
      bulk,
      currentDensityAPerM2: 30,
      productSources: { urea: ['CO2', 'NO3-'], NH3: ['NO3-'], NO: ['NO3-'], CO: ['CO2'], H2: ['H2O'] },
    });
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeLessThan(15);
    expect(Object.values(r.faradaicEfficiency).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(r.faradaicEfficiency.urea!).toBeLessThan(r.faradaicEfficiencyBulk.urea!); // depleted CO2/NO3- at the surface
    expect(r.microenvironment.surfacePH).toBeGreaterThan(r.microenvironment.bulkPH + 1);
  });
});

describe('FE vs current density with transport', () => {
  it('couples at each current, reports unreachable currents as points, and warm starts give the same answer', async () => {
    const { loadModel } = await import('../../src/store/builtinModels.js');
    const { couplingCurve, coupleToKinetics } = await import('../../src/transport/coupleToKinetics.js');
    const model = loadModel({ name: 'urea-cu4-ceo2' });
    const bulk = bulkComposition(
      [
        { name: 'KHCO3', concentrationM: 0.1 },
        { name: 'KNO3', concentrationM: 0.05 },
      ],
      true,
    ).concentrations;
    const productSources = { urea: ['CO2', 'NO3-'], NH3: ['NO3-'], NO: ['NO3-'], CO: ['CO2'], H2: ['H2O'] };
    const done: number[] = [];
    const points = couplingCurve({ model, bulk, productSources }, [30, 1000], (n) => done.push(n));
    expect(done).toEqual([1, 2]);
    expect(points[0]!.converged).toBe(true);
    expect(Object.values(points[0]!.faradaicEfficiency!).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    // the same current on its own gives the same self-consistent FE
    const single = coupleToKinetics({ model, bulk, productSources, currentDensityAPerM2: 30 });
    expect(points[0]!.faradaicEfficiency!.urea!).toBeCloseTo(single.faradaicEfficiency.urea!, 12);
    expect(points[1]).toMatchObject({ currentDensityAPerM2: 1000, converged: false });
    // the kinetics reach 1000 A m⁻², but CO2 (34 mol m⁻³, δ = 50 µm) cannot be supplied at that current
    expect(points[1]!.message).toMatch(/^CO2 runs out at the surface at ≈ \d+/);
  });
});
