import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/chem/index.js';
import { compileModel, validateModel } from '../../src/kinetics/parser/compileModel.js';
import type { ModelFileInput } from '../../src/kinetics/parser/modelSchema.js';
import { fitLinearScaling } from '../../src/kinetics/scaler/fitLinearScaling.js';
import { resolveFormationEnergies } from '../../src/kinetics/scaler/formationEnergies.js';
import { harmonicThermo } from '../../src/kinetics/thermodynamics/harmonicThermo.js';
import { CONSTANT_SETS, physicalConstants, wavenumberToEv } from '../../src/kinetics/thermodynamics/physicalConstants.js';
import { rateConstants } from '../../src/kinetics/thermodynamics/rateConstants.js';
import {
  SHOMATE_GASES,
  shomateEnthalpy,
  shomateEntropy,
  shomateFreeEnergyCorrectionEv,
  shomateHeatCapacity,
} from '../../src/kinetics/thermodynamics/shomate.js';

const units = { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' } as const;

describe('physical constants', () => {
  it('CODATA 2018 kB in eV/K is the printed 8.617333262e-5 (exact k and e)', () => {
    // CODATA prints the eV values truncated to 10 digits: 8.617333262…e-5 eV/K and 4.135667696…e-15 eV s
    expect(Math.abs(CONSTANT_SETS.codata2018.boltzmannEvPerK / 8.617333262e-5 - 1)).toBeLessThan(1e-9);
    expect(Math.abs(CONSTANT_SETS.codata2018.planckEvS / 4.135667696e-15 - 1)).toBeLessThan(1e-9);
  });
  it('CODATA 2010 and CatMAP differ only in kB’s appended uncertainty digits (9.05e-9 relative)', () => {
    const rel = CONSTANT_SETS.catmap.boltzmannEvPerK / CONSTANT_SETS.codata2010.boltzmannEvPerK - 1;
    expect(rel).toBeCloseTo(0.000000078e-5 / 8.6173324e-5, 12);
    expect(CONSTANT_SETS.catmap.planckEvS).toBe(CONSTANT_SETS.codata2010.planckEvS);
  });
  it('h·c of 1 cm⁻¹ is 1.23984198e-4 eV (CODATA 2018) and CatMAP’s 1.239842e-4 to 2e-8', () => {
    expect(wavenumberToEv(1, physicalConstants())).toBeCloseTo(1.239841984e-4, 12);
    expect(wavenumberToEv(1, physicalConstants('catmap')) / 1.239842e-4 - 1).toBeLessThan(3e-8);
  });
  it('refuses an unknown set by name', () => {
    expect(() => physicalConstants('codata1998')).toThrow(/constants: unknown constant set "codata1998" \(allowed: codata2018 \| codata2010 \| catmap\)/);
  });
});

describe('harmonic adsorbate thermochemistry', () => {
  // one mode hν = 0.1 eV at 300 K, CODATA 2018: kT = 0.025851999786 eV, x = 3.86817270725 (hand-derived)
  it('single mode: F = hν/2 + kT ln(1 − e^−x), U = hν/(eˣ − 1), S = k[x/(eˣ − 1) − ln(1 − e^−x)]', () => {
    const r = harmonicThermo([0.1], 300);
    expect(r.zeroPointEv).toBe(0.05);
    expect(r.freeEnergyEv).toBeCloseTo(0.04945405899556879, 12);
    expect(r.thermalEnergyEv).toBeCloseTo(0.0021342502620056063, 12);
    expect(r.entropyEvPerK / 8.933970888122742e-6).toBeCloseTo(1, 9);
    // Helmholtz identity F = ZPE + U − T·S
    expect(r.zeroPointEv + r.thermalEnergyEv - 300 * r.entropyEvPerK).toBeCloseTo(r.freeEnergyEv, 14);
  });
  it('classical limit kT ≫ hν: S → k(1 + ln(kT/hν))', () => {
    const kB = CONSTANT_SETS.codata2018.boltzmannEvPerK;
    const e = 1e-5;
    const T = 1000;
    expect(harmonicThermo([e], T).entropyEvPerK / (kB * (1 + Math.log((kB * T) / e)))).toBeCloseTo(1, 6);
  });
  it('refuses zero or imaginary (negative) modes, naming the mode', () => {
    expect(() => harmonicThermo([300e-4, 0], 300)).toThrow(/frequencies\[1\]/);
  });
});

describe('Shomate gases (NIST WebBook coefficients)', () => {
  const at = (g: string, _temperatureK: number) => SHOMATE_GASES[g]!.ranges[0]!;
  // NIST WebBook printed values: S°gas,1 bar at 298.15 K — H2 130.68, O2 205.15, CO2 213.79 J/mol/K;
  // H2 Cp(298.15) 28.84 J/mol/K; H2 at 1000 K: H° − H°298.15 = 20.68 kJ/mol, S° = 166.2 J/mol/K (the WebBook's table)
  it('reproduces the WebBook’s standard entropies and heat capacity at 298.15 K', () => {
    expect(shomateEntropy(at('H2', 298.15), 298.15)).toBeCloseTo(130.68, 1);
    expect(shomateEntropy(at('O2', 298.15), 298.15)).toBeCloseTo(205.15, 1);
    expect(shomateEntropy(at('CO2', 298.15), 298.15)).toBeCloseTo(213.79, 1);
    expect(shomateHeatCapacity(at('H2', 298.15), 298.15)).toBeCloseTo(28.84, 1);
    expect(Math.abs(shomateEnthalpy(at('H2', 298.15), 298.15))).toBeLessThan(0.001);
  });
  it('H2 at 1000 K: H − H298 = 20.68 kJ/mol and S = 166.2 J/mol/K as the WebBook tabulates', () => {
    expect(shomateEnthalpy(at('H2', 1000), 1000)).toBeCloseTo(20.68, 2);
    expect(shomateEntropy(at('H2', 1000), 1000)).toBeCloseTo(166.2, 1);
  });
  it('free-energy correction in CatMAP’s convention (independent Python evaluation: −0.04444742564 eV for H2 at 300 K, ZPE of 4400 cm⁻¹)', () => {
    const c = physicalConstants('catmap');
    expect(shomateFreeEnergyCorrectionEv(SHOMATE_GASES.H2!, 300, wavenumberToEv(4400, c) / 2, c)).toBeCloseTo(-0.04444742564361448, 10);
  });
});

describe('least-squares scaling fits', () => {
  it('two points determine slope and intercept', () => {
    const r = fitLinearScaling([[0], [1]], [1, 3]);
    expect(r.slopes[0]).toBeCloseTo(2, 12);
    expect(r.intercept).toBeCloseTo(1, 12);
    expect(r.rmsEv).toBeCloseTo(0, 12);
  });
  it('a fixed slope leaves the intercept as the mean of y − m·x', () => {
    const r = fitLinearScaling([[0], [2]], [1, 2], { slopes: [1] });
    expect(r.slopes[0]).toBe(1);
    expect(r.intercept).toBeCloseTo(0.5, 12); // ((1 − 0) + (2 − 2)) / 2
    expect(r.rmsEv).toBeCloseTo(0.5, 12);
  });
  it('a "+" bound that the free fit violates sits at 0 (slope −1 → 0, intercept = mean y)', () => {
    const r = fitLinearScaling([[0], [1]], [1, 0], { slopes: ['+'] });
    expect(r.slopes[0]).toBe(0);
    expect(r.intercept).toBeCloseTo(0.5, 12);
  });
  it('two descriptors through three points of a plane, and four noisy points against the normal equations', () => {
    const plane = fitLinearScaling(
      [
        [0, 0],
        [1, 0],
        [0, 1],
      ],
      [0.2, 0.7, -0.1],
    );
    expect(plane.slopes[0]).toBeCloseTo(0.5, 12);
    expect(plane.slopes[1]).toBeCloseTo(-0.3, 12);
    expect(plane.intercept).toBeCloseTo(0.2, 12);
    // x = [−0.4, −0.1, 0.2, 0.5], y = [0.55, 0.70, 0.90, 1.00]: Σdx·dy = 0.2325, Σdx² = 0.45 (hand-derived)
    const r = fitLinearScaling([[-0.4], [-0.1], [0.2], [0.5]], [0.55, 0.7, 0.9, 1.0]);
    expect(r.slopes[0]).toBeCloseTo(0.2325 / 0.45, 12);
    expect(r.intercept).toBeCloseTo(0.7875 - (0.2325 / 0.45) * 0.05, 12);
  });
  it('too few points for the free coefficients is an InputError naming the field', () => {
    expect(() => fitLinearScaling([[1]], [1], { field: 'formation.adsorbates.O*.fit' })).toThrow(/formation\.adsorbates\.O\*\.fit: only 1 usable point/);
  });
});

function hvModel(extra: Partial<ModelFileInput> = {}): ModelFileInput {
  return {
    name: 'hv',
    units,
    temperatureK: 300,
    potentialVvsRHE: 0,
    descriptors: { H_s: 0.1 },
    species: { H2: { phase: 'g', pressureBar: 1, product: true, electronsPerMolecule: 2 } },
    adsorbates: { 'H*': { formula: 'H' } },
    steps: [
      { id: 'volmer', equation: 'H+ + e- + * -> H*' },
      { id: 'heyrovsky', equation: 'H+ + e- + H* -> H2 + *', ts: 'pe-H*' },
    ],
    formation: {
      references: ['H2'],
      adsorbates: { 'H*': { slopes: { H_s: 1 } } },
      transitionStates: { 'pe-H*': { step: 'heyrovsky', scaling: 'initialState', alpha: 0.5, beta: 0.8 } },
    },
    ...extra,
  };
}

describe('formation energies → step energies', () => {
  it('ΔG and Ea follow from formation energies and initial-state scaling (hand-derived)', () => {
    const r = resolveFormationEnergies(validateModel(hvModel()));
    // Volmer: ΔG = G(H*) − 0 = H_s; Heyrovsky: ΔG = 0 − H_s; E_TS = 0.5·H_s + 0.8, Ea = E_TS − H_s = 0.8 − 0.5·H_s
    expect(r.file.steps[0]!.dG).toEqual({ intercept: 0, slopes: { H_s: 1 } });
    expect(r.file.steps[1]!.dG).toEqual({ intercept: 0, slopes: { H_s: -1 } });
    expect(r.file.steps[1]!.Ea).toEqual({ intercept: 0.8, slopes: { H_s: -0.5 } });
  });
  it('BEP and final-state scaling of the same step', () => {
    const bep = resolveFormationEnergies(
      validateModel(
        hvModel({ formation: { ...hvModel().formation!, transitionStates: { 'pe-H*': { step: 'heyrovsky', scaling: 'bep', alpha: 0.4, beta: 0.9 } } } }),
      ),
    );
    // Ea = α·ΔE + β with ΔE = −H_s
    expect(bep.file.steps[1]!.Ea).toEqual({ intercept: 0.9, slopes: { H_s: -0.4 } });
    const fs = resolveFormationEnergies(
      validateModel(
        hvModel({ formation: { ...hvModel().formation!, transitionStates: { 'pe-H*': { step: 'heyrovsky', scaling: 'finalState', alpha: 0.7, beta: 0.6 } } } }),
      ),
    );
    // E_FS = 0 (H2 + *): E_TS = 0.6, Ea = 0.6 − H_s
    expect(fs.file.steps[1]!.Ea).toEqual({ intercept: 0.6, slopes: { H_s: -1 } });
  });
  it('a fitted relation from the table (free slope, fixed intercept): m = Σx(y − b)/Σx²', () => {
    const m = hvModel({
      species: { H2: { phase: 'g', pressureBar: 1, product: true, electronsPerMolecule: 2 }, H2O: { phase: 'g', pressureBar: 0.03 } },
      adsorbates: { 'H*': { formula: 'H' }, 'OH*': { formula: 'OH' } },
    });
    m.steps.push({ id: 'oh', equation: 'OH* + H+ + e- -> H2O + *' });
    m.formation = {
      ...m.formation!,
      adsorbates: { 'H*': { slopes: { H_s: 1 } }, 'OH*': { fit: { intercept: 0.1 } } },
      table: { descriptors: { H_s: 'H*' }, surfaces: { a: { 'H*': 0, 'OH*': 0.1 }, b: { 'H*': 1, 'OH*': 2.1 } } },
    };
    // points (0, 0.1), (1, 2.1) with b = 0.1 fixed: m = (0·0 + 1·2.0)/(0² + 1²) = 2
    const r = resolveFormationEnergies(validateModel(m));
    expect(r.electronic['OH*']!.intercept).toBe(0.1);
    expect(r.electronic['OH*']!.slopes.H_s).toBeCloseTo(2, 12);
    expect(r.fits).toHaveLength(1);
    // the OH step: ΔG = 0 − G(OH*) = −0.1 − 2·H_s
    const dG = r.file.steps[2]!.dG as { intercept: number; slopes: Record<string, number> };
    expect(dG.intercept).toBeCloseTo(-0.1, 12);
    expect(dG.slopes.H_s).toBeCloseTo(-2, 12);
  });
  it('harmonic corrections enter ΔG at the model’s temperature, so temperature is a real variable', () => {
    const base = hvModel();
    base.formation!.thermo = { 'H*': { frequenciesPerCm: [1000, 900, 650] } };
    const at = (T: number) =>
      resolveFormationEnergies(validateModel({ ...base, temperatureK: T, constants: 'catmap' })).file.steps[0]!.dG as { intercept: number };
    // independent Python evaluation of Σ[hν/2 + kT ln(1 − e^(−hν/kT))] with CatMAP's kB and h: 0.15634722614718333 eV at 300 K
    expect(at(300).intercept).toBeCloseTo(0.15634722614718333, 10);
    expect(at(600).intercept).toBeLessThan(at(300).intercept);
    // the transition state without frequencies takes the mean of its initial (H*) and final (none) states’ corrections
    const r = resolveFormationEnergies(validateModel({ ...base, temperatureK: 300, constants: 'catmap' }));
    expect(r.corrections['pe-H*']).toBeCloseTo(0.15634722614718333 / 2, 10);
  });
  it('missing pieces are named', () => {
    const noFormation = hvModel();
    delete noFormation.formation;
    expect(() => compileModel(validateModel(noFormation))).toThrow(/steps\[0\] \(volmer\)\.dG: missing/);
    const noAds = hvModel();
    noAds.formation!.adsorbates = {};
    expect(() => compileModel(validateModel(noAds))).toThrow(/missing formation energy of "H\*"/);
    const badTs = hvModel();
    badTs.steps[1]!.ts = 'pe-X*';
    expect(() => compileModel(validateModel(badTs))).toThrow(InputError);
  });
  it('constants: codata2010 vs codata2018 moves kB·T/h by the ratio of the two sets', () => {
    const m18 = compileModel(validateModel(hvModel()));
    const m10 = compileModel(validateModel(hvModel({ constants: 'codata2010' })));
    const k18 = rateConstants(m18, 0).kf[0]!;
    const k10 = rateConstants(m10, 0).kf[0]!;
    const c18 = CONSTANT_SETS.codata2018;
    const c10 = CONSTANT_SETS.codata2010;
    // Volmer at H_s = 0.1, U = 0: Ea = 0.1 eV; k = (kB T/h)·exp(−0.1/kB T)
    const expect18 = ((c18.boltzmannEvPerK * 300) / c18.planckEvS) * Math.exp(-0.1 / (c18.boltzmannEvPerK * 300));
    const expect10 = ((c10.boltzmannEvPerK * 300) / c10.planckEvS) * Math.exp(-0.1 / (c10.boltzmannEvPerK * 300));
    expect(k18 / expect18).toBeCloseTo(1, 13);
    expect(k10 / expect10).toBeCloseTo(1, 13);
    expect(Math.abs(k10 / k18 - 1)).toBeGreaterThan(1e-8);
  });
});

describe('ideal gas (rigid rotor, harmonic oscillator)', () => {
  it('matches ASE 3.22.1 IdealGasThermo G(300 K, 1 bar) for H2, H2O and triplet O2 to 1e-6 eV (ASE run here via Debian python3-ase)', async () => {
    const { IDEAL_GASES, idealGasThermo } = await import('../../src/kinetics/thermodynamics/idealGasThermo.js');
    const c = physicalConstants('catmap');
    // ASE: IdealGasThermo([ν·1.239842e-4 eV], geometry, atoms=molecule(name), symmetrynumber, spin).get_enthalpy(300) − 300·get_entropy(300, 1e5)
    const cases: [string, number[], number][] = [
      ['H2', [4424.26845539], -0.040772900829539827],
      ['H2O', [3950.66147227, 3834.50307382, 1570.73801788], 0.09530267656319336],
      ['O2', [1580], -0.4513195406710817],
    ];
    for (const [gas, freqs, ase] of cases) {
      const g = idealGasThermo(
        IDEAL_GASES[gas]!,
        freqs.map((f) => wavenumberToEv(f, c)),
        300,
        1e5,
        c,
      );
      expect(Math.abs(g.freeEnergyEv - ase)).toBeLessThan(1e-6);
    }
  });
  it('a monatomic gas has only translational (Sackur–Tetrode) and electronic entropy: S(Ar, 298.15 K, 1 bar) = 154.8 J/mol/K (NIST WebBook S°gas 154.846)', async () => {
    const { idealGasThermo } = await import('../../src/kinetics/thermodynamics/idealGasThermo.js');
    const c = physicalConstants();
    const s = idealGasThermo(
      { massAmu: 39.948, geometry: 'monatomic', momentsOfInertiaAmuA2: [], symmetryNumber: 1, spin: 0, source: 'test' },
      [],
      298.15,
      1e5,
      c,
    ).entropyEvPerK;
    const jPerMolK = s * c.elementaryChargeC * c.avogadroPerMol;
    expect(jPerMolK).toBeCloseTo(154.846, 1);
  });
});
