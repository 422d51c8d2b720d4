import { describe, expect, it } from 'vitest';
import { compileModel, validateModel } from '../../src/kinetics/parser/compileModel.js';
import type { ModelFileInput } from '../../src/kinetics/parser/modelSchema.js';
import { modelAtPH } from '../../src/kinetics/parser/protonReference.js';
import { rateConstants } from '../../src/kinetics/thermodynamics/rateConstants.js';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { bulkComposition } from '../../src/transport/bulkComposition.js';
import { coupleToKinetics } from '../../src/transport/coupleToKinetics.js';

// kT at 298.15 K = 8.617333262e-5 eV/K × 298.15 K (CODATA 2018); kT·ln10 = 0.05915935 eV
const kT = 8.617333262e-5 * 298.15;
const units = { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' } as const;

/** One step with one proton beyond its electrons (none): NO3- + H+ + * → HNO3*, BEP barrier Ea = 0.5·ΔG + 0.9. */
const oneStep: ModelFileInput = {
  name: 'one-extra-proton',
  units,
  pH: 7,
  species: { 'NO3-': { phase: 'aq', concentrationM: 0.1 } },
  adsorbates: { 'HNO3*': { formula: 'HNO3' } },
  steps: [{ id: 'protonate', equation: 'NO3- + H+ + * -> HNO3*', dG: 0.1, Ea: { bep: { alpha: 0.5, beta: 0.9 } } }],
};

/**
 * Two parallel lumped steps on a bare surface, with closed-form rates r = A·exp(−Ea/kT)·activity:
 * NH3 (9 H⁺, 8 e⁻: one extra proton), Ea₁ = 0.5·(0.2 + kT·ln10·pH + 8U) + 1.19; HER (no extra proton),
 * Ea₂ = 0.5·2U + 0.9.
 */
const nh3Her: ModelFileInput = {
  name: 'nh3-her',
  units,
  pH: 7,
  species: {
    'NO3-': { phase: 'aq', concentrationM: 0.1 },
    H2O: { phase: 'l' },
    NH3: { phase: 'aq', concentrationM: 0, product: true, electronsPerMolecule: 8 },
    H2: { phase: 'g', pressureBar: 0, product: true, electronsPerMolecule: 2 },
  },
  adsorbates: {},
  steps: [
    { id: 'nh3', equation: 'NO3- + 9 H+ + 8 e- + * -> NH3 + 3 H2O + *', dG: 0.2, Ea: { bep: { alpha: 0.5, beta: 1.19 } } },
    { id: 'her', equation: '2 H+ + 2 e- + * -> H2 + *', dG: 0, Ea: { bep: { alpha: 0.5, beta: 0.9 } } },
  ],
};

describe('kinetics at another pH than the model file (extra-proton term re-evaluated)', () => {
  it('a BEP barrier is read as BEP (not as a linear energy of 0 eV)', () => {
    const m = compileModel(validateModel(oneStep));
    expect(m.steps[0]!.barrier).toEqual({ kind: 'bep', alpha: 0.5, beta: 0.9 });
    // ΔG(pH 7) = 0.1 + 7·kT·ln10 = 0.51412 eV; Ea = 0.5·0.51412 + 0.9 = 1.15706 eV
    expect(rateConstants(m, 0).Ea[0]).toBeCloseTo(0.5 * (0.1 + 7 * kT * Math.LN10) + 0.9, 9);
  });

  it('one extra proton: k_f scales by 10^(−α·ΔpH), k_r by 10^((1−α)·ΔpH), K by 10^(−ΔpH); same as recompiling', () => {
    const m = compileModel(validateModel(oneStep));
    const a = rateConstants(modelAtPH(m, 9.5), 0);
    const b = rateConstants(m, 0);
    expect(modelAtPH(m, 9.5).steps[0]!.pHShiftEv).toBeCloseTo(9.5 * kT * Math.LN10, 9);
    expect(a.kf[0]! / b.kf[0]!).toBeCloseTo(10 ** (-0.5 * 2.5), 9); // 0.0562341
    expect(a.kr[0]! / b.kr[0]!).toBeCloseTo(10 ** (0.5 * 2.5), 6); // 17.7828
    expect(a.kf[0]! / a.kr[0]! / (b.kf[0]! / b.kr[0]!)).toBeCloseTo(10 ** -2.5, 9);
    const recompiled = rateConstants(compileModel(validateModel({ ...oneStep, pH: 9.5 })), 0);
    expect(a.kf[0]! / recompiled.kf[0]!).toBeCloseTo(1, 12);
    expect(a.kr[0]! / recompiled.kr[0]!).toBeCloseTo(1, 12);
    expect(modelAtPH(m, 7)).toBe(m);
    expect(() => modelAtPH(m, Number.NaN)).toThrow(/^pH: got null \(allowed: a finite number from -2 to 16\)/);
  });

  it('steadyState({ pH }) equals the steady state of the model compiled at that pH', () => {
    const m = compileModel(validateModel(nh3Her));
    const over = steadyState(m, { potentialVvsRHE: -0.2, pH: 10 });
    const at10 = steadyState(compileModel(validateModel({ ...nh3Her, pH: 10 })), { potentialVvsRHE: -0.2 });
    expect(over.faradaicEfficiency.NH3! / at10.faradaicEfficiency.NH3!).toBeCloseTo(1, 10);
    expect(over.currentDensityAPerM2 / at10.currentDensityAPerM2).toBeCloseTo(1, 10);
    // r_NH3/r_H2 falls by 10^(−0.5·3) between pH 7 and 10 at fixed U
    const at7 = steadyState(m, { potentialVvsRHE: -0.2 });
    const ratio = (o: typeof at7) => o.faradaicEfficiency.NH3! / o.faradaicEfficiency.H2!;
    expect(ratio(over) / ratio(at7)).toBeCloseTo(10 ** -1.5, 9);
  });
});

describe('couple evaluates the kinetics at the self-consistent surface pH', () => {
  const bulk = bulkComposition(
    [
      { name: 'KHCO3', concentrationM: 0.1 },
      { name: 'KNO3', concentrationM: 0.1 },
    ],
    true,
  ).concentrations;
  const productSources = { NH3: ['NO3-'], H2: ['H2O'] };

  it('at 31 A m⁻² (surface pH ≈ 9.5) the FE ratio is the closed form at the surface pH, not at the bulk pH', () => {
    const model = compileModel(validateModel(nh3Her));
    const r = coupleToKinetics({ model, bulk, currentDensityAPerM2: 31, productSources });
    expect(r.converged).toBe(true);
    expect(r.kineticsPHBulk).toBeCloseTo(6.818, 3); // CO2-saturated 0.1 M KHCO3
    expect(Math.abs(r.microenvironment.surfacePH - 9.5)).toBeLessThan(0.05);
    expect(Math.abs(r.kineticsPH - r.microenvironment.surfacePH)).toBeLessThan(2e-3);
    // closed form: 8·r₁/(2·r₂) with r = exp(−Ea/kT)·activity (the common prefactor kT/h cancels)
    const U = r.potentialVvsRHE;
    const ea1 = (pH: number) => 0.5 * (0.2 + kT * Math.LN10 * pH + 8 * U) + 1.19;
    const ea2 = 0.5 * 2 * U + 0.9;
    expect(ea1(r.kineticsPH)).toBeGreaterThan(0); // no clamping in the closed form
    const no3M = r.microenvironment.surface['NO3-']! / 1000;
    const closed = (pH: number) => (8 * no3M * Math.exp(-ea1(pH) / kT)) / (2 * Math.exp(-ea2 / kT));
    const ratio = r.faradaicEfficiency.NH3! / r.faradaicEfficiency.H2!;
    expect(ratio / closed(r.kineticsPH)).toBeCloseTo(1, 2);
    // the same U and concentrations at the bulk pH would give 10^(0.5·(pH_s − pH_b)) ≈ 22× more NH3 per H2
    expect(closed(r.kineticsPHBulk) / closed(r.kineticsPH)).toBeCloseTo(10 ** (0.5 * (r.kineticsPH - r.kineticsPHBulk)), 9);
    expect(ratio / closed(r.kineticsPHBulk)).toBeLessThan(0.05);
  });

  it("kineticsPH: 'model' keeps the file's pH (the old behaviour) and gives a different, larger NH3 FE", () => {
    const model = compileModel(validateModel(nh3Her));
    const surface = coupleToKinetics({ model, bulk, currentDensityAPerM2: 31, productSources });
    const old = coupleToKinetics({ model, bulk, currentDensityAPerM2: 31, productSources, kineticsPH: 'model' });
    expect(old.kineticsPH).toBe(7);
    expect(old.kineticsPHBulk).toBe(7);
    expect(old.faradaicEfficiency.NH3!).toBeGreaterThan(3 * surface.faradaicEfficiency.NH3!);
  });
});
