import { describe, expect, it } from 'vitest';
import { compileModel, validateModel } from '../../src/kinetics/parser/compileModel.js';
import { extraProtonShiftEv } from '../../src/kinetics/parser/protonReference.js';
import type { ModelFileInput } from '../../src/kinetics/parser/modelSchema.js';
import { builtinModelNames, loadModel } from '../../src/store/builtinModels.js';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';

// Hand-derived numbers (NBS ΔfG°, kJ/mol: NO3-(aq) −108.74, CO2(g) −394.359, CO2(aq) −385.98, CO(g) −137.168,
// H2O(l) −237.129, NH3(aq) −26.5; urea(aq) −48720 cal/mol = −203.84448 kJ/mol, OBIGT), F = 96485.33212 C/mol,
// kT·ln10 at 298.15 K = 8.617333e-5 × 298.15 × 2.302585 = 0.05915935 eV.
const F = 96485.33212;
const nernst = 0.05915935;
const ureaFromGasCO2KJ = -203.84448 + 7 * -237.129 - -394.359 - 2 * -108.74; // −1251.908
const ureaFromAqCO2KJ = -203.84448 + 7 * -237.129 - -385.98 - 2 * -108.74; // −1260.287
const units = { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' } as const;

/** One lumped step CO2 + 2 NO3- + 18 H+ + 16 e- → urea + 7 H2O with the given file ΔG. */
const lumpedUrea = (dG: number, co2: 'g' | 'aq', extra: Partial<ModelFileInput> = {}): ModelFileInput => ({
  name: 'lumped-urea',
  units,
  pH: 7,
  species: {
    'NO3-': { phase: 'aq', concentrationM: 0.05 },
    CO2: co2 === 'g' ? { phase: 'g', pressureBar: 1 } : { phase: 'aq', concentrationM: 0.034 },
    H2O: { phase: 'l' },
    urea: { phase: 'aq', formula: 'CO(NH2)2', concentrationM: 0, product: true, electronsPerMolecule: 16 },
  },
  adsorbates: { 'X*': { formula: 'CO' } },
  steps: [
    { id: 'all', equation: 'CO2 + 2 NO3- + 18 H+ + 16 e- -> urea + 7 H2O', dG },
    { id: 'x', equation: 'CO2 + * + 2 H+ + 2 e- -> X* + H2O', dG: 0.5 },
  ],
  pathways: [{ name: 'urea', steps: ['all'] }],
  ...extra,
});

describe('pH-consistent thermodynamics (CHE at the model pH)', () => {
  it('charges each proton beyond the electrons kT·ln10·pH', () => {
    expect(extraProtonShiftEv(4, 3, 7, 298.15)).toBeCloseTo(7 * nernst, 6);
    expect(extraProtonShiftEv(18, 16, 7, 298.15)).toBeCloseTo(14 * nernst, 6); // 0.8282 eV
    expect(extraProtonShiftEv(2, 2, 7, 298.15)).toBe(0);
    expect(extraProtonShiftEv(4, 3, 0, 298.15)).toBe(0);
    expect(extraProtonShiftEv(4, 3, 7, 350)).toBeCloseTo(7 * nernst * (350 / 298.15), 6);
  });

  it('urea from CO2(g) + 2 NO3- at pH 7 closes at −16 × 0.759 eV at 0 V vs RHE', () => {
    const filedG = (ureaFromGasCO2KJ * 1000) / F; // −12.9752 eV at pH 0
    const m = compileModel(validateModel(lumpedUrea(filedG, 'g')));
    const step = m.steps[0]!;
    expect(step.protons).toBe(18);
    expect(step.pHShiftEv).toBeCloseTo(2 * 7 * nernst, 6);
    const p = m.pathwayThermodynamics[0]!;
    expect(p.status).toBe('ok');
    expect(p.modelDeltaGEv).toBeCloseTo(-16 * 0.75918, 3);
    expect(p.coreDeltaGEv).toBeCloseTo(filedG + 14 * nernst, 6);
    expect(p.equilibriumPotentialVvsRHE).toBeCloseTo(0.75918, 4);
  });

  it('refuses a pathway that disagrees with the core, naming the pathway, the model value and the core value', () => {
    // written with the pH 7 value already in the step: the compiler adds the pH term once more (+0.83 eV)
    const wrong = lumpedUrea(-16 * 0.75918, 'g');
    expect(() => compileModel(validateModel(wrong))).toThrow(
      /^pathways\.urea: the model's overall ΔG .* is -11\.319 eV, the chemistry core's is -12\.147 eV .*difference \+0\.828 eV > tolerance 0\.05 eV/,
    );
    // with CO2 declared aqueous the same step is 0.087 eV off (CO2(aq) vs CO2(g): 8.379 kJ/mol)
    expect(() => compileModel(validateModel(lumpedUrea((ureaFromGasCO2KJ * 1000) / F, 'aq')))).toThrow(/difference \+0\.087 eV/);
    // or warns when asked to
    const warned = compileModel(validateModel({ ...wrong, checks: { onPathwayMismatch: 'warn' } }));
    expect(warned.pathwayThermodynamics[0]!.status).toBe('mismatch');
    expect(warned.pathwayThermodynamics[0]!.differenceEv).toBeCloseTo(14 * nernst, 3);
    expect(warned.warnings.some((w) => w.startsWith('pathway "urea": the model\'s overall ΔG'))).toBe(true);
  });

  it("states the tolerance it judged with: the 0.05 eV default as a project choice (no literature source), or the model file's own", () => {
    const wrong = lumpedUrea(-16 * 0.75918, 'g');
    const byDefault = compileModel(validateModel({ ...wrong, checks: { onPathwayMismatch: 'warn' } })).pathwayThermodynamics[0]!;
    expect(byDefault.tolerance).toEqual({ valueEv: 0.05, basis: 'project default' });
    expect(byDefault.message).toMatch(/> tolerance 0\.05 eV \(project default, not a literature value; set checks\.pathwayToleranceEv\)$/);
    expect(() => compileModel(validateModel(wrong))).toThrow(
      /\(allowed: steps whose ΔG sum to the chemistry core's value within 0\.05 eV \(project default, not a literature value/,
    );
    // a tolerance of 0.9 eV from the model file accepts the 0.828 eV difference and says where it came from
    const loose = compileModel(validateModel({ ...wrong, checks: { pathwayToleranceEv: 0.9 } })).pathwayThermodynamics[0]!;
    expect(loose.status).toBe('ok');
    expect(loose.differenceEv).toBeCloseTo(14 * nernst, 3);
    expect(loose.tolerance).toEqual({ valueEv: 0.9, basis: 'given' });
    expect(loose.message).toMatch(/≤ tolerance 0\.9 eV \(checks\.pathwayToleranceEv\)$/);
  });

  it('warns when a pathway total depends on a descriptor', () => {
    const m = compileModel(
      validateModel({
        ...lumpedUrea((ureaFromAqCO2KJ * 1000) / F, 'aq'),
        descriptors: { d: 0 },
        steps: [
          { id: 'all', equation: 'CO2 + 2 NO3- + 18 H+ + 16 e- -> urea + 7 H2O', dG: { intercept: (ureaFromAqCO2KJ * 1000) / F, slopes: { d: 1 } } },
          { id: 'x', equation: 'CO2 + * + 2 H+ + 2 e- -> X* + H2O', dG: 0.5 },
        ],
      }),
    );
    expect(m.pathwayThermodynamics[0]!.descriptorSlopes).toEqual({ d: 1 });
    expect(m.warnings[0]).toMatch(/^pathway "urea": its overall ΔG depends on descriptors \(d × 1\)/);
  });

  it('every built-in model closes each checkable pathway at the core value at its pH (0.5 meV)', () => {
    const hand: Record<string, Record<string, number>> = {
      'urea-cu4-ceo2': {
        urea: (ureaFromAqCO2KJ * 1000) / F + 14 * nernst, // −12.2338 = −16 × 0.7646
        NH3: ((-26.5 + 3 * -237.129 + 108.74) * 1000) / F + 7 * nernst, // −6.1066
        NO: ((86.55 + 2 * -237.129 + 108.74) * 1000) / F + 7 * nernst, // −2.4772
        CO: ((-137.168 - 237.129 + 385.98) * 1000) / F, // +0.1211
        HER: 0,
      },
      'urea-pdcu-tio2': { urea: ((-203.84448 - 237.129 + 385.98) * 1000) / F, CO: ((-137.168 - 237.129 + 385.98) * 1000) / F, 'HER-pd': 0, 'HER-cu': 0 },
      'oxime-fe': { NH2OH: ((-22.54 + 2 * -237.129 + 108.74) * 1000) / F + 7 * nernst, NH3: ((-26.5 + 3 * -237.129 + 108.74) * 1000) / F + 7 * nernst, HER: 0 },
      'amino-acid-oxime': {
        alanine: (((-88810 * 4.184) / 1000 + 4 * -237.129 + 108.74 - (-117000 * 4.184) / 1000) * 1000) / F + 7 * nernst,
        NH3: ((-26.5 + 3 * -237.129 + 108.74) * 1000) / F + 7 * nernst,
        HER: 0,
      },
    };
    expect(builtinModelNames()).toEqual(Object.keys(hand).sort());
    for (const name of builtinModelNames()) {
      const m = loadModel({ name });
      expect(m.file.pH).toBe(7);
      for (const [pathway, value] of Object.entries(hand[name]!)) {
        const p = m.pathwayThermodynamics.find((x) => x.pathway === pathway)!;
        expect([name, pathway, p.status]).toEqual([name, pathway, 'ok']);
        expect(p.modelDeltaGEv).toBeCloseTo(value, 3);
        expect(Math.abs(p.differenceEv)).toBeLessThan(5e-4);
      }
      // the only unchecked pathways are those whose species have no tabulated ΔfG° (oximes, benzaldehyde)
      for (const p of m.pathwayThermodynamics.filter((x) => x.status !== 'ok')) {
        expect([name, p.pathway, p.status, p.message]).toEqual([
          name,
          p.pathway,
          'unchecked',
          expect.stringMatching(/no standard Gibbs energy of formation for (C6H5CHO|CH3C\(NOH\)COOH)/),
        ]);
      }
    }
  });
});

describe('completeness: desorption channels the energies allow', () => {
  it('warns when CO* lies above CO(g) and nothing releases it (hand: +0.500 − 0.1211 = 0.379 eV downhill)', () => {
    const m = compileModel(validateModel(lumpedUrea((ureaFromAqCO2KJ * 1000) / F, 'aq')));
    const co = m.desorption.find((d) => d.adsorbate === 'X*')!;
    expect(co.molecule).toBe('CO(g)');
    expect(co.desorptionDeltaGEv).toBeCloseTo(((-137.168 - 237.129 + 385.98) * 1000) / F - 0.5, 4);
    expect(co.hasDesorptionStep).toBe(false);
    expect(m.warnings.some((w) => /^adsorbate X\*: desorbing as CO\(g\) .* downhill by 0\.379 eV .* no step releases it/.test(w))).toBe(true);
    // with the desorption step (and CO declared) the warning goes
    const fixed = lumpedUrea((ureaFromAqCO2KJ * 1000) / F, 'aq');
    fixed.species.CO = { phase: 'g', pressureBar: 0, product: true, electronsPerMolecule: 2 };
    fixed.steps.push({ id: 'des', equation: 'X* -> CO + *', dG: ((-137.168 - 237.129 + 385.98) * 1000) / F - 0.5 });
    const ok = compileModel(validateModel(fixed));
    expect(ok.desorption.find((d) => d.adsorbate === 'X*')!.hasDesorptionStep).toBe(true);
    expect(ok.warnings.filter((w) => w.startsWith('adsorbate'))).toEqual([]);
  });

  it('built-in models have every desorption channel their energies make downhill', () => {
    for (const name of builtinModelNames()) {
      const m = loadModel({ name });
      expect([name, m.warnings.filter((w) => w.startsWith('adsorbate'))]).toEqual([name, []]);
      for (const d of m.desorption) if (d.desorptionDeltaGEv < 0) expect([name, d.adsorbate, d.hasDesorptionStep]).toEqual([name, d.adsorbate, true]);
    }
  });

  it('states site densities and cites ref. 94 as Adv. Mater. 2023, 35, 2300020', () => {
    for (const name of builtinModelNames()) expect(loadModel({ name }).file.siteDensitySource).toMatch(/\S/);
    const urea = loadModel({ name: 'urea-cu4-ceo2' });
    expect(urea.file.source).toContain('Adv. Mater. 2023, 35, 2300020');
    expect(urea.file.source).not.toContain('Angew');
  });
});

describe("the review's urea claim, for the right reason", () => {
  const urea = loadModel({ name: 'urea-cu4-ceo2' });
  it('urea FE falls steadily as Ea_CN rises, with CO desorption (not CO poisoning) taking over', () => {
    const fe = [0.27, 0.34, 0.45, 0.52, 0.93].map((Ea) => steadyState(urea, { potentialVvsRHE: -0.2, descriptors: { Ea_CN: Ea } }));
    expect(fe.every((o) => o.converged)).toBe(true);
    for (let i = 1; i < fe.length; i++) expect(fe[i]!.faradaicEfficiency.urea!).toBeLessThan(fe[i - 1]!.faradaicEfficiency.urea!);
    expect(fe[1]!.faradaicEfficiency.urea!).toBeGreaterThan(0.5); // 0.34 eV (Cu4-CeO2)
    expect(fe[4]!.faradaicEfficiency.urea!).toBeLessThan(1e-3); // 0.93 eV (CeO2)
    expect(fe[4]!.faradaicEfficiency.CO!).toBeGreaterThan(0.1); // CO leaves instead of coupling
    expect(fe[4]!.coverages['CO*']!).toBeLessThan(0.01); // and does not poison the surface
    // graded, not on/off: an intermediate barrier gives an intermediate FE
    expect(fe[2]!.faradaicEfficiency.urea!).toBeGreaterThan(0.01);
    expect(fe[2]!.faradaicEfficiency.urea!).toBeLessThan(0.5);
  });
});
