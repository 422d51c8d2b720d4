import { describe, expect, it } from 'vitest';
import { bulkComposition } from '../../src/transport/bulkComposition.js';
import { rateConstantSensitivity } from '../../src/transport/rateConstantSensitivity.js';
import { solveMicroenvironment, solveMicroenvironmentAtCurrents } from '../../src/transport/solveMicroenvironment.js';
import { KA1_MOL_PER_M3, KA2_MOL_PER_M3, KW_MOL2_PER_M6, RATE_CONSTANT_SETS } from '../../src/transport/transportData.js';

const bulk = bulkComposition([{ name: 'KHCO3', concentrationM: 0.1 }], true).concentrations;
const co = [{ from: ['CO2'], to: 'CO', faradaicEfficiency: 1 }];

describe('rate-constant sets', () => {
  it('hold the cited forward constants and satisfy detailed balance with one set of pKa values', () => {
    const byId = (set: keyof typeof RATE_CONSTANT_SETS, id: string) => RATE_CONSTANT_SETS[set].reactions.find((r) => r.id === id)!;
    // Schulz et al. 2006: 2.23e3 and 6.0e9 M⁻¹ s⁻¹; Gupta et al. 2006: 5.93e3 and 1e8 M⁻¹ s⁻¹ (SI: /1000)
    expect(byId('schulz2006', 'co2-oh').kForward).toBeCloseTo(2.23, 10);
    expect(byId('schulz2006', 'hco3-oh').kForward).toBeCloseTo(6.0e6, 3);
    expect(byId('gupta2006', 'co2-oh').kForward).toBeCloseTo(5.93, 10);
    expect(byId('gupta2006', 'hco3-oh').kForward).toBeCloseTo(1.0e5, 5);
    // Gupta et al. quote the backward constants 1.34e-4 s⁻¹ and 2.15e4 s⁻¹; from the shared pKa they come out within 1 %
    expect(byId('gupta2006', 'co2-oh').kBackward / 1.34e-4).toBeCloseTo(1, 1);
    expect(byId('gupta2006', 'hco3-oh').kBackward / 2.15e4).toBeCloseTo(1, 1);
    for (const set of ['schulz2006', 'gupta2006'] as const) {
      const K = (id: string) => byId(set, id).kForward / byId(set, id).kBackward;
      // the CO2 + OH⁻ and CO2 + H2O paths close a cycle with water: K(co2-oh)·Kw = Ka1; likewise K(hco3-oh)·Kw = Ka2 = 1/K(co3-h)
      expect((K('co2-oh') * KW_MOL2_PER_M6) / KA1_MOL_PER_M3).toBeCloseTo(1, 12);
      expect(K('co2-h2o') / KA1_MOL_PER_M3).toBeCloseTo(1, 12);
      expect((K('hco3-oh') * KW_MOL2_PER_M6) / KA2_MOL_PER_M3).toBeCloseTo(1, 12);
      expect(K('co3-h') * KA2_MOL_PER_M3).toBeCloseTo(1, 12);
      expect(K('nh4') / (K('nh4-oh') * KW_MOL2_PER_M6)).toBeCloseTo(1, 12);
    }
  });

  it('every result names its set; an unknown set is refused naming the field', () => {
    const r = solveMicroenvironment({ bulk, products: co, currentDensityAPerM2: 50, rateConstants: 'gupta2006' });
    expect(r.rateConstants).toBe('gupta2006');
    expect(solveMicroenvironment({ bulk, products: co, currentDensityAPerM2: 50 }).rateConstants).toBe('schulz2006');
    expect(solveMicroenvironment({ bulk, products: co, currentDensityAPerM2: 50, homogeneousReactions: false }).rateConstants).toBeNull();
    // @ts-expect-error an invalid set from untyped input
    expect(() => solveMicroenvironment({ bulk, products: co, currentDensityAPerM2: 50, rateConstants: 'foo' })).toThrow(
      /rateConstants: .*schulz2006 or gupta2006/,
    );
  });

  it('--sensitivity: the sets agree at zero current and move surface CO2, pH and the CO2 run-out current at finite current', () => {
    const s = rateConstantSensitivity({ bulk, products: co }, [0, 50, 150]);
    expect(s.reference).toBe('schulz2006');
    expect(Math.abs(s.changes[0]!.surfacePHChange)).toBeLessThan(1e-6); // bulk equilibrium is shared
    for (const c of s.changes.slice(1)) {
      expect(c.relativeChange.CO2!).toBeLessThan(-0.02); // the faster CO2 + OH⁻ of Gupta et al. consumes more CO2
      expect(c.surfacePHChange).toBeLessThan(-0.02);
    }
    const [schulz, gupta] = s.sets.map((x) => x.runOutCurrentAPerM2!);
    expect(schulz).toBeGreaterThan(150);
    expect(gupta).toBeLessThan(schulz!);
    expect(s.runOutCurrentRelativeChange).toBeCloseTo(gupta! / schulz! - 1, 12);
  });
});

describe('honest results at currents without a solution', () => {
  it('fields refer to the requested current (NaN when unsolved); the largest solved current comes separately', () => {
    const [ok, over, further] = solveMicroenvironmentAtCurrents({ bulk, products: co }, [100, 400, 800]);
    expect(ok!.converged).toBe(true);
    expect(ok!.largestSolved).toBeUndefined();
    for (const [r, j] of [
      [over!, 400],
      [further!, 800],
    ] as const) {
      expect(r.converged).toBe(false);
      expect(r.currentDensityAPerM2).toBe(j);
      expect(r.surfacePH).toBeNaN();
      expect(r.surface.CO2).toBeNaN();
      expect(r.profiles.CO2!.every(Number.isNaN)).toBe(true);
      // electrode fluxes at this current: CO2 + H2O + 2e⁻ → CO + 2OH⁻, so CO2 −j/(2F)
      expect(r.electrodeFluxMolPerM2S.CO2! / (-j / (2 * 96485.33212))).toBeCloseTo(1, 6);
      expect(r.depletionCurrentAPerM2!).toBeGreaterThan(100);
      expect(r.largestSolved!.currentDensityAPerM2).toBeLessThanOrEqual(r.depletionCurrentAPerM2!);
      expect(r.largestSolved!.currentDensityAPerM2 / r.depletionCurrentAPerM2!).toBeGreaterThan(0.99);
      expect(r.largestSolved!.surfacePH).toBeGreaterThan(ok!.surfacePH);
    }
  });
});
