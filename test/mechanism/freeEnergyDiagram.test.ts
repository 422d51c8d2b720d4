import { describe, expect, it } from 'vitest';
import { compileModel, validateModel } from '../../src/kinetics/parser/compileModel.js';
import { branchSelectivity, freeEnergyDiagram } from '../../src/mechanism/freeEnergyDiagram.js';

const units = { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' } as const;
// CO2 → CO in three one-electron-ish steps with hand-chosen ΔG(0): +0.2, −0.5, +0.4 (the last two with n = 1)
const m = compileModel(
  validateModel({
    name: 'che',
    units,
    species: { CO2: { phase: 'aq', concentrationM: 1 }, CO: { phase: 'g', pressureBar: 1 }, H2O: { phase: 'l' } },
    adsorbates: { 'COOH*': { formula: 'COOH' }, 'CO*': { formula: 'CO' } },
    steps: [
      { id: 'cooh', equation: 'CO2 + * + H+ + e- -> COOH*', dG: 0.2 },
      { id: 'co', equation: 'COOH* + H+ + e- -> CO* + H2O', dG: -0.5 },
      { id: 'desorb', equation: 'CO* -> CO + *', dG: 0.4 },
    ],
    pathways: [{ name: 'CO', steps: ['cooh', 'co', 'desorb'] }],
  }),
);

describe('free-energy diagram (CHE)', () => {
  it('shifts electrochemical steps by n·U and finds the limiting potential and PDS', () => {
    const d0 = freeEnergyDiagram(m, 'CO', 0);
    expect(d0.levels.map((l) => Number(l.freeEnergyEv.toFixed(6)))).toEqual([0, 0.2, -0.3, 0.1]);
    expect(d0.limitingPotentialV).toBeCloseTo(-0.2, 12);
    expect(d0.potentialDeterminingStep).toBe('cooh');
    expect(d0.uphillChemicalSteps).toEqual([{ step: 'desorb', dGEv: 0.4 }]);
    const d = freeEnergyDiagram(m, 'CO', -0.5);
    expect(d.levels.map((l) => Number(l.freeEnergyEv.toFixed(6)))).toEqual([0, -0.3, -1.3, -0.9]);
  });
  it('names the preferred branch', () => {
    expect(branchSelectivity(m, 0)).toEqual([]);
    expect(() => freeEnergyDiagram(m, 'nope', 0)).toThrow(/unknown pathway "nope"/);
  });
});
