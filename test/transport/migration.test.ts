import { describe, expect, it } from 'vitest';
import { FARADAY_C_PER_MOL, GAS_CONSTANT_J_PER_MOL_K, STANDARD_TEMPERATURE_K } from '../../src/chem/index.js';
import { bulkComposition } from '../../src/transport/bulkComposition.js';
import { solveMicroenvironment } from '../../src/transport/solveMicroenvironment.js';
import { SOLUTES } from '../../src/transport/transportData.js';
import { transientMicroenvironment } from '../../src/transport/transientMicroenvironment.js';

const D = (name: string) => SOLUTES.find((s) => s.name === name)!.diffusionM2PerS;
const her = [{ from: ['H2O'], to: 'H2', faradaicEfficiency: 1 }];
const thermalV = (GAS_CONSTANT_J_PER_MOL_K * STANDARD_TEMPERATURE_K) / FARADAY_C_PER_MOL;
const koh = bulkComposition([{ name: 'KOH', concentrationM: 0.01 }], false).concentrations;

describe('migration (Nernst–Planck with electroneutrality)', () => {
  it('binary KOH without supporting electrolyte: OH- excess halved (N−=−2D∇c), K+ in Boltzmann equilibrium with the potential', () => {
    const delta = 50e-6;
    for (const j of [10, 1000]) {
      const N = j / FARADAY_C_PER_MOL;
      const r = solveMicroenvironment({ bulk: koh, products: her, currentDensityAPerM2: j, homogeneousReactions: false, migration: true });
      expect(r.converged).toBe(true);
      expect((r.surface['OH-']! - koh['OH-']!) / ((N * delta) / (2 * D('OH-')))).toBeCloseTo(1, 6);
      // electroneutral everywhere; K+ (zero flux) follows c = c_b·exp(−Fψ/RT)
      for (const k of [0, 100, 199]) {
        expect(r.profiles['K+']![k]! / r.profiles['OH-']![k]!).toBeCloseTo(1, 9);
        // to the discretization error of the averaged face concentrations (< 1e-3 on this grid)
        expect(Math.abs(r.profiles['K+']![k]! / (koh['K+']! * Math.exp(-r.potentialProfileV[k]! / thermalV)) - 1)).toBeLessThan(1e-3);
      }
      expect(r.potentialProfileV[0]!).toBeLessThan(0);
    }
  });

  it('an excess of supporting electrolyte recovers the diffusion-only answer', () => {
    const bulk = bulkComposition(
      [
        { name: 'K2SO4', concentrationM: 0.5 },
        { name: 'KOH', concentrationM: 0.001 },
      ],
      false,
    ).concentrations;
    const withMigration = solveMicroenvironment({ bulk, products: her, currentDensityAPerM2: 10, homogeneousReactions: false, migration: true });
    const without = solveMicroenvironment({ bulk, products: her, currentDensityAPerM2: 10, homogeneousReactions: false });
    expect(withMigration.surface['OH-']! / without.surface['OH-']!).toBeCloseTo(1, 3);
    expect(Math.abs(withMigration.potentialProfileV[0]!)).toBeLessThan(1e-4);
  });

  it('transient binary electrolyte: surface excess = 2·N·t₊·sqrt(t/(π·D_amb)), D_amb = 2D₊D₋/(D₊+D₋)', () => {
    const j = 200;
    const N = j / FARADAY_C_PER_MOL;
    const [dK, dOH] = [D('K+'), D('OH-')];
    const dAmb = (2 * dK * dOH) / (dK + dOH);
    const tPlus = dK / (dK + dOH);
    const r = transientMicroenvironment({
      bulk: koh,
      products: her,
      homogeneousReactions: false,
      migration: true,
      boundaryLayerM: 500e-6,
      schedule: [{ durationS: 0.5, currentDensityAPerM2: j }],
    });
    expect(r.completed).toBe(true);
    for (const idx of [40, r.timesS.length - 1]) {
      const t = r.timesS[idx]!;
      expect((r.surface['OH-']![idx]! - koh['OH-']!) / (2 * N * tPlus * Math.sqrt(t / (Math.PI * dAmb)))).toBeCloseTo(1, 2);
    }
  });

  it('converges in CO2-saturated bicarbonate with nitrate and keeps every node electroneutral', () => {
    const bulk = bulkComposition(
      [
        { name: 'KHCO3', concentrationM: 0.1 },
        { name: 'KNO3', concentrationM: 0.05 },
      ],
      true,
    ).concentrations;
    const products = [
      { from: ['CO2', 'NO3-'], to: 'urea', faradaicEfficiency: 0.3 },
      { from: ['H2O'], to: 'H2', faradaicEfficiency: 0.7 },
    ];
    const r = solveMicroenvironment({ bulk, products, currentDensityAPerM2: 100, migration: true });
    expect(r.converged).toBe(true);
    const charge = { 'K+': 1, 'H+': 1, 'OH-': -1, 'HCO3-': -1, 'CO3^2-': -2, 'NO3-': -1, 'NH4+': 1, 'NO2-': -1 } as Record<string, number>;
    for (const k of [0, 50, 150]) {
      const net = Object.entries(r.profiles).reduce((s, [name, c]) => s + (charge[name] ?? 0) * c[k]!, 0);
      expect(Math.abs(net)).toBeLessThan(1e-8 * r.profiles['K+']![k]!);
    }
    // nitrate is repelled from the cathode: less of it at the surface than without migration
    const without = solveMicroenvironment({ bulk, products, currentDensityAPerM2: 100 });
    expect(r.surface['NO3-']!).toBeLessThan(without.surface['NO3-']!);
  });

  it('refuses a bulk that is not electroneutral', () => {
    expect(() => solveMicroenvironment({ bulk: { 'K+': 10, 'OH-': 5 }, products: her, currentDensityAPerM2: 1, migration: true })).toThrow(/^bulk: /);
  });
});
