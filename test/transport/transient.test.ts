import { describe, expect, it } from 'vitest';
import { FARADAY_C_PER_MOL } from '../../src/chem/index.js';
import { bulkComposition } from '../../src/transport/bulkComposition.js';
import { solveMicroenvironment } from '../../src/transport/solveMicroenvironment.js';
import { SOLUTES } from '../../src/transport/transportData.js';
import { pulseSchedule, transientMicroenvironment } from '../../src/transport/transientMicroenvironment.js';

const D = (name: string) => SOLUTES.find((s) => s.name === name)!.diffusionM2PerS;
const her = [{ from: ['H2O'], to: 'H2', faradaicEfficiency: 1 }];
const sulfate = bulkComposition([{ name: 'K2SO4', concentrationM: 0.5 }], false).concentrations;

describe('transient microenvironment against analytic solutions', () => {
  it('a current step into a semi-infinite layer: surface excess = 2N·sqrt(t/(πD)), full profile 2N·sqrt(t/D)·ierfc', () => {
    const j = 200;
    const N = j / FARADAY_C_PER_MOL;
    const r = transientMicroenvironment({
      bulk: sulfate,
      products: her,
      homogeneousReactions: false,
      schedule: [{ durationS: 0.01, currentDensityAPerM2: j }],
    });
    expect(r.completed).toBe(true);
    const surfaceExcess = (t: number) => 2 * N * Math.sqrt(t / (Math.PI * D('OH-')));
    for (const idx of [20, 40, r.timesS.length - 1]) {
      const t = r.timesS[idx]!;
      const excess = r.surface['OH-']![idx]! - sulfate['OH-']!;
      expect(excess / surfaceExcess(t)).toBeCloseTo(1, 2);
    }
    // ierfc(z) = exp(−z²)/√π − z·erfc(z), at t = 10 ms (diffusion length 7 µm ≪ δ = 50 µm)
    const erfc = (z: number) => {
      // Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7)
      const p = 1 / (1 + 0.3275911 * z);
      return p * (0.254829592 + p * (-0.284496736 + p * (1.421413741 + p * (-1.453152027 + p * 1.061405429)))) * Math.exp(-z * z);
    };
    const t = r.timesS.at(-1)!;
    for (const k of [0, 60, 100, 130]) {
      const z = r.xM[k]! / (2 * Math.sqrt(D('OH-') * t));
      const ierfc = Math.exp(-z * z) / Math.sqrt(Math.PI) - z * erfc(z);
      const exact = 2 * N * Math.sqrt(t / D('OH-')) * ierfc;
      expect(Math.abs(r.finalProfiles['OH-']![k]! - sulfate['OH-']! - exact)).toBeLessThan(2e-3 * surfaceExcess(t));
    }
  });

  it("Sand's equation: NO3- runs out at τ = πD(c_b)²/(4N²) under a constant current above the limiting one", () => {
    const bulk = bulkComposition(
      [
        { name: 'KNO3', concentrationM: 0.01 },
        { name: 'KOH', concentrationM: 0.1 },
      ],
      false,
    ).concentrations;
    const tau = 1; // s
    const N = 10 * Math.sqrt((Math.PI * D('NO3-')) / (4 * tau)); // mol m-2 s-1 of NO3-
    const j = 8 * FARADAY_C_PER_MOL * N;
    const r = transientMicroenvironment({
      bulk,
      products: [{ from: ['NO3-'], to: 'NH3', faradaicEfficiency: 1 }],
      homogeneousReactions: false,
      boundaryLayerM: 500e-6, // √(Dτ) = 44 µm ≪ δ: semi-infinite
      schedule: [{ durationS: 3, currentDensityAPerM2: j }],
    });
    expect(r.completed).toBe(false);
    expect(r.depletionTimeS! / tau).toBeCloseTo(1, 2);
    expect(r.message).toMatch(/^NO3- runs out at the surface at t ≈ (0\.99|1\.00)/);
  });

  it('reaches the steady solution at long times, conserving carbon and charge with buffer reactions on', () => {
    const bicarbonate = bulkComposition([{ name: 'KHCO3', concentrationM: 0.1 }], true).concentrations;
    const r = transientMicroenvironment({ bulk: bicarbonate, products: her, schedule: [{ durationS: 20, currentDensityAPerM2: 100 }] });
    const steady = solveMicroenvironment({ bulk: bicarbonate, products: her, currentDensityAPerM2: 100 });
    expect(r.completed).toBe(true);
    expect(r.surfacePH.at(-1)!).toBeCloseTo(steady.surfacePH, 5);
    expect(r.surfacePH[0]!).toBeCloseTo(6.82, 2);
    // inventory change = inflow from the bulk + production at the electrode (time integral to ~1 %)
    const carbon = (o: Record<string, number>) => o['CO2']! + o['HCO3-']! + o['CO3^2-']!;
    const charge = (o: Record<string, number>) => o['K+']! + o['H+']! - o['OH-']! - o['HCO3-']! - 2 * o['CO3^2-']!;
    const dCarbon = carbon(r.inventoryEndMolPerM2) - carbon(r.inventoryStartMolPerM2);
    expect(dCarbon).toBeGreaterThan(0); // the layer gains carbon: OH- turns inflowing HCO3- into CO3^2- held near the surface
    // the 1 % of docs/microenvironment.md (measured 0.3 % at the default rtol 1e-3)
    expect(Math.abs(dCarbon / carbon(r.bulkInflowMolPerM2) - 1)).toBeLessThan(0.01);
    const dCharge = charge(r.inventoryEndMolPerM2) - charge(r.inventoryStartMolPerM2);
    expect(Math.abs(dCharge / (charge(r.bulkInflowMolPerM2) + charge(r.electrodeProductionMolPerM2)) - 1)).toBeLessThan(0.01);
  });

  it('accuracy follows the tolerance, not a step cap: with one 20 s step allowed, the conservation error shrinks with rtol', () => {
    const bicarbonate = bulkComposition([{ name: 'KHCO3', concentrationM: 0.1 }], true).concentrations;
    const carbonError = (rtol: number) => {
      const r = transientMicroenvironment({ bulk: bicarbonate, products: her, schedule: [{ durationS: 20, currentDensityAPerM2: 100 }], rtol, maxStepS: 20 });
      const carbon = (o: Record<string, number>) => o['CO2']! + o['HCO3-']! + o['CO3^2-']!;
      return { steps: r.steps, error: Math.abs((carbon(r.inventoryEndMolPerM2) - carbon(r.inventoryStartMolPerM2)) / carbon(r.bulkInflowMolPerM2) - 1) };
    };
    const [loose, tight] = [carbonError(1e-2), carbonError(1e-4)];
    expect(tight.error).toBeLessThan(0.01); // measured 0.4 % (loose: 4 %)
    expect(tight.error).toBeLessThan(loose.error / 4);
    expect(tight.steps).toBeGreaterThan(2 * loose.steps);
  });

  it('square current pulses follow the superposition of current steps: excess ∝ Σ ±sqrt(t − t_switch)', () => {
    const j = 500;
    const T = 0.05; // on for T, off for T
    const N = j / FARADAY_C_PER_MOL;
    const r = transientMicroenvironment({
      bulk: sulfate,
      products: her,
      homogeneousReactions: false,
      boundaryLayerM: 500e-6,
      schedule: pulseSchedule(j, T, 0, T, 3),
    });
    expect(r.completed).toBe(true);
    const exact = (t: number) => {
      let sum = 0;
      for (let p = 0; p < 3; p++) {
        if (t > 2 * p * T) sum += Math.sqrt(t - 2 * p * T);
        if (t > (2 * p + 1) * T) sum -= Math.sqrt(t - (2 * p + 1) * T);
      }
      return ((2 * N) / Math.sqrt(Math.PI * D('OH-'))) * sum;
    };
    for (const t of [T, 2 * T, 3 * T, 4 * T, 5 * T, 6 * T]) {
      const idx = r.timesS.findIndex((x) => Math.abs(x - t) < 1e-9);
      expect(idx).toBeGreaterThan(0);
      expect((r.surface['OH-']![idx]! - sulfate['OH-']!) / exact(t)).toBeCloseTo(1, 2);
    }
    expect(r.currentDensityAPerM2.filter((x) => x === j).length).toBeGreaterThan(10);
  });

  it('rejects bad programs with the field name', () => {
    expect(() => transientMicroenvironment({ bulk: sulfate, products: her, schedule: [] })).toThrow(/schedule/);
    expect(() => transientMicroenvironment({ bulk: sulfate, products: her, schedule: [{ durationS: -1, currentDensityAPerM2: 10 }] })).toThrow(
      /schedule\[0\]\.durationS/,
    );
    expect(() => pulseSchedule(1, 1, 0, 1, 0)).toThrow(/periods/);
  });
});

describe('pulses until periodic', () => {
  it('repeats a pulse period until the period averages settle; by linearity they equal the steady state at the mean current', () => {
    const bulk = bulkComposition([{ name: 'K2SO4', concentrationM: 0.5 }], false).concentrations;
    const jHigh = 200; // A m⁻², on 0.1 s, off 0.1 s: mean 100 A m⁻²
    const input = { bulk, products: her, homogeneousReactions: false, cells: 60, schedule: pulseSchedule(jHigh, 0.1, 0, 0.1, 1) };
    const progress: [number, number][] = [];
    const r = transientMicroenvironment({ ...input, periodic: { tolerance: 1e-4, maxPeriods: 500 }, onProgress: (tS, totalS) => progress.push([tS, totalS]) });
    expect(r.completed).toBe(true);
    const p = r.periodic!;
    // stopped early: the steps report against the cap (500 periods × 0.2 s), the last report says done at the time reached
    expect(progress[0]![1]).toBeCloseTo(100, 9);
    const tEnd = r.timesS.at(-1)!;
    expect(tEnd).toBeCloseTo(p.periods * 0.2, 9);
    expect(progress.at(-1)).toEqual([tEnd, tEnd]);
    expect(p.converged).toBe(true);
    expect(p.lastRelativeChange).toBeLessThan(1e-4);
    expect(p.periods).toBeGreaterThan(5); // δ²/D ≈ 0.5 s: several periods to settle
    expect(p.periods).toBeLessThan(500);
    const steadyMean = bulk['OH-']! + ((jHigh / 2 / FARADAY_C_PER_MOL) * 50e-6) / D('OH-');
    expect(p.periodAverageSurface['OH-']! / steadyMean).toBeCloseTo(1, 2);
    // a fixed count that is too short is run in full and marked as not periodic
    const short = transientMicroenvironment({ ...input, periodic: { tolerance: 1e-4, maxPeriods: 3, stopWhenPeriodic: false } });
    expect(short.periodic!.periods).toBe(3);
    expect(short.periodic!.converged).toBe(false);
    expect(short.periodic!.lastRelativeChange).toBeGreaterThan(1e-2);
  });
});
