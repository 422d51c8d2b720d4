import { describe, expect, it } from 'vitest';
import { compileModel, validateModel } from '../../src/kinetics/parser/compileModel.js';
import { freeEnergyDiagram } from '../../src/mechanism/freeEnergyDiagram.js';
import { loadModel } from '../../src/store/builtinModels.js';

const units = { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' } as const;
// CO2(aq) → CO(g): +11.683 kJ/mol = +0.1211 eV (NBS), pH 0 (no extra protons here anyway)
const species = { CO2: { phase: 'aq' as const, concentrationM: 1 }, CO: { phase: 'g' as const, pressureBar: 1 }, H2O: { phase: 'l' as const } };

describe('limiting potential or equilibrium potential of a lumped step', () => {
  it('one-electron PDS: a limiting potential; a lumped two-electron PDS: its equilibrium potential', () => {
    const elementary = compileModel(
      validateModel({
        name: 'two-steps',
        units,
        species,
        adsorbates: { 'COOH*': { formula: 'COOH' }, 'CO*': { formula: 'CO' } },
        steps: [
          { id: 'cooh', equation: 'CO2 + * + H+ + e- -> COOH*', dG: 0.4 },
          { id: 'co', equation: 'COOH* + H+ + e- -> CO* + H2O', dG: -0.5 },
          { id: 'desorb', equation: 'CO* -> CO + *', dG: 0.2211 },
        ],
        pathways: [{ name: 'CO', steps: ['cooh', 'co', 'desorb'] }],
      }),
    );
    const d1 = freeEnergyDiagram(elementary, 'CO', 0);
    expect(d1.limitingPotentialV).toBeCloseTo(-0.4, 12);
    expect([d1.potentialDeterminingStep, d1.limitingPotentialKind]).toEqual(['cooh', 'limiting']);
    const lumped = compileModel(
      validateModel({
        name: 'lumped',
        units,
        species,
        adsorbates: { 'CO*': { formula: 'CO' } },
        steps: [
          { id: 'co2_to_co', equation: 'CO2 + * + 2 H+ + 2 e- -> CO* + H2O', dG: -0.1 },
          { id: 'desorb', equation: 'CO* -> CO + *', dG: 0.2211 },
        ],
        pathways: [{ name: 'CO', steps: ['co2_to_co', 'desorb'] }],
      }),
    );
    const d2 = freeEnergyDiagram(lumped, 'CO', 0);
    expect(d2.limitingPotentialV).toBeCloseTo(0.05, 12);
    expect(d2.limitingPotentialKind).toBe('equilibrium');
  });
  it("labels the oxime model's +0.685 V (NO3- → *NH2OH, 6 e-) as an equilibrium potential", () => {
    const d = freeEnergyDiagram(loadModel({ name: 'oxime-fe' }), 'oxime', 0);
    // −(−4.0219 + dG_NH2OH (−0.5) + 1 extra H+ × 0.41412 eV at pH 7) / 6
    expect(d.limitingPotentialV).toBeCloseTo((4.0219 + 0.5 - 7 * 0.05915935) / 6, 4);
    expect([d.potentialDeterminingStep, d.limitingPotentialKind]).toEqual(['no3_to_nh2oh', 'equilibrium']);
  });
});
