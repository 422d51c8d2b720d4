import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { polarizationCurve } from '../../src/kinetics/analyze/steadyState.js';
import { descriptorSweep } from '../../src/kinetics/mapper/descriptorSweep.js';
import { exportCatmap } from '../../src/kinetics/parser/catmapExport.js';
import { CatmapImportError, importCatmap } from '../../src/kinetics/parser/catmapImport.js';
import { compileModel, parseModelText, validateModel } from '../../src/kinetics/parser/compileModel.js';
import { CONSTANT_SETS } from '../../src/kinetics/thermodynamics/physicalConstants.js';
import { rateConstants } from '../../src/kinetics/thermodynamics/rateConstants.js';
import { cli } from '../support/cli.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const read = (name: string) => readFileSync(fixture(name), 'utf8');
const importFixture = (stem: string) =>
  importCatmap(read(`${stem}.mkm`), { setupName: `${stem}.mkm`, energiesText: read(`${stem}_energies.txt`), energiesName: `${stem}_energies.txt` });

/**
 * Volmer–Heyrovsky steady state in closed form (hand-derived): θ = (k1f + k2r·p)/(k1f + k1r + k2f + k2r·p),
 * TOF(H2) = k2f·θ − k2r·p·(1 − θ), with CHE energetics at U (V vs RHE), TST prefactor kB·T/h (CatMAP's constants),
 * Volmer barrierless, Heyrovsky through its transition state E_TS = α·G_H + β (initial-state scaling fitted by the
 * ordinary least-squares formulas below from the fixture's four surfaces), barriers clamped to ≥ max(0, ΔG).
 */
function volmerHeyrovsky(gH: number, U: number, T = 300, pH2 = 0.01, betaSym = 0.5) {
  const x = [-0.4, -0.1, 0.2, 0.5];
  const y = [0.55, 0.7, 0.9, 1.0];
  const mx = x.reduce((a, b) => a + b) / 4;
  const my = y.reduce((a, b) => a + b) / 4;
  const alpha = x.reduce((a, xi, i) => a + (xi - mx) * (y[i]! - my), 0) / x.reduce((a, xi) => a + (xi - mx) ** 2, 0);
  const beta = my - alpha * mx;
  const { boltzmannEvPerK: kB, planckEvS: h } = CONSTANT_SETS.catmap;
  const kT = kB * T;
  const A = kT / h;
  const dG1 = gH + U;
  const Ea1 = Math.max(0, dG1);
  const dG2 = -gH + U;
  const Ea2 = Math.max(alpha * gH + beta - gH + betaSym * U, 0, dG2);
  const k1f = A * Math.exp(-Ea1 / kT);
  const k1r = A * Math.exp(-(Ea1 - dG1) / kT);
  const k2f = A * Math.exp(-Ea2 / kT);
  const k2r = A * Math.exp(-(Ea2 - dG2) / kT);
  const theta = (k1f + k2r * pH2) / (k1f + k1r + k2f + k2r * pH2);
  return { theta, tof: k2f * theta - k2r * pH2 * (1 - theta) };
}

describe('cncouple import catmap: a Volmer–Heyrovsky setup', () => {
  const { model, notes, sweep } = importFixture('her-vh');
  it('maps reactions, pe_g, pressures, β, voltage, temperature and CatMAP’s constants', () => {
    expect(model.steps.map((s) => s.equation)).toEqual(['H+ + e- + * -> H*', 'H+ + e- + H* -> H2 + *']);
    expect(model.steps[1]).toMatchObject({ ts: 'pe-H*', beta: 0.5 });
    expect(model.species).toEqual({ H2: { phase: 'g', pressureBar: 0.01, product: true, electronsPerMolecule: 2 } });
    expect(model).toMatchObject({ temperatureK: 300, potentialVvsRHE: -0.1, constants: 'catmap', sites: ['s'], descriptors: { H_s: 0 } });
    expect(model.formation?.transitionStates).toEqual({ 'pe-H*': { step: 'r2', scaling: 'initialState' } });
    expect(notes.some((n) => /fitted pe-H\* \(initialState\): intercept 0\.7617 eV, slopes alpha 0\.5167/.test(n))).toBe(true);
    expect(sweep).toEqual({ x: 'H_s:-0.6:0.6', grid: '13x13', potentialVvsRHE: -0.1 });
  });
  it('solves to the closed-form steady state (θ and TOF to 1e-6 relative)', () => {
    const m = compileModel(validateModel(model));
    for (const gH of [-0.5, -0.2, 0, 0.3, 0.5]) {
      const [r] = polarizationCurve(m, [-0.1], { descriptors: { H_s: gH } });
      const exact = volmerHeyrovsky(gH, -0.1);
      expect(r!.converged).toBe(true);
      expect(r!.coverages['H*']! / exact.theta).toBeCloseTo(1, 6);
      expect(r!.tofPerS.H2! / exact.tof).toBeCloseTo(1, 6);
    }
  });
  it('a 1-D sweep over the setup’s range matches the closed form at every point', () => {
    const m = compileModel(validateModel(model));
    const r = descriptorSweep(m, { x: { name: 'H_s', from: -0.6, to: 0.6, points: 13 }, potentialVvsRHE: -0.1 });
    r.xValues.forEach((gH, i) => {
      expect(r.converged[i]).toBe(1);
      expect(r.log10Tof.H2![i]!).toBeCloseTo(Math.log10(volmerHeyrovsky(gH, -0.1).tof), 6);
    });
  });
});

describe('cncouple import catmap: the HER-tutorial-like setup', () => {
  const { model } = importFixture('her-full');
  const m = compileModel(validateModel(model));
  it('carries Shomate gases, harmonic adsorbates and the hydrogen-bond correction into ΔG (independent Python values)', () => {
    // r2: OH* + pe → H2O + *: ΔG = G_corr(H2O, Shomate at 300 K) − [OH_s + F_harm(OH*) − 0.50]
    const r2 = m.steps[1]!;
    expect(r2.dG.intercept).toBeCloseTo(0.09317885922924907 - 0.3248425941136997 + 0.5, 9);
    expect(Array.from(r2.dG.slopes)).toEqual([0, -1]);
    // r3 (Volmer): ΔG = H_s + F_harm(H*)
    expect(m.steps[2]!.dG.intercept).toBeCloseTo(0.15634722614718333, 9);
  });
  it('solves the 17 × 17 grid of the tutorial at −0.1 V and 300 K', () => {
    const r = descriptorSweep(m, { x: { name: 'H_s', from: -1, to: 1, points: 17 }, y: { name: 'OH_s', from: -2, to: 3, points: 17 }, potentialVvsRHE: -0.1 });
    const converged = r.converged.reduce((a, b) => a + b, 0);
    expect(converged).toBeGreaterThanOrEqual(280);
    // where H binds weakly and OH is not poisoning, H2 is made and is the only product
    const i = r.xValues.length * 8 + 8; // H_s = 0, OH_s = 0.5
    expect(r.converged[i]).toBe(1);
    expect(r.log10Tof.H2![i]!).toBeGreaterThan(0);
  });
  it('ideal_gas (CatMAP’s default) maps onto built-in rigid-rotor data, and gives other ΔG than Shomate', () => {
    const ideal = importCatmap(read('her-full.mkm'), { energiesText: read('her-full_energies.txt'), gasThermoMode: 'ideal_gas' }).model;
    expect(ideal.formation?.thermo?.H2).toEqual({ idealGas: 'builtin', frequenciesPerCm: [4400] });
    const mi = compileModel(validateModel(ideal));
    expect(Math.abs(mi.steps[1]!.dG.intercept - m.steps[1]!.dG.intercept)).toBeGreaterThan(1e-3);
  });
  it('exports to CatMAP and re-imports to the same rate constants (descriptor "surfaces" recover the linear forms)', () => {
    const out = exportCatmap(validateModel(model), 'her-full-export_energies.txt');
    expect(out.setup).toMatch(/gas_thermo_mode = 'shomate_gas'/);
    expect(out.setup).toMatch(/adsorbate_thermo_mode = 'harmonic_adsorbate'/);
    expect(out.setup).toMatch(/electrochemical_thermo_mode = 'hbond_electrochemical'/);
    const again = compileModel(validateModel(importCatmap(out.setup, { energiesText: out.energies }).model));
    for (const [h, oh] of [
      [-0.7, -1],
      [0, 0.5],
      [0.6, 2.5],
    ] as const) {
      const d = Float64Array.of(h, oh);
      const a = rateConstants(m, -0.1, d);
      const b = rateConstants(again, -0.1, d);
      for (let j = 0; j < m.steps.length; j++) {
        expect(b.dG[j]!).toBeCloseTo(a.dG[j]!, 9);
        expect(b.Ea[j]!).toBeCloseTo(a.Ea[j]!, 9);
      }
    }
  });
});

describe('what the import refuses', () => {
  it('lists every unsupported item at once: interactions, site totals ≠ 1, field modes, ele_g, an ideal gas without frequencies', () => {
    const setup = [
      "rxn_expressions = ['CO_g + *_s <-> CO*', 'CO2_g + ele_g + *_s <-> CO2*']",
      "surface_names = ['A']",
      "descriptor_names = ['CO_s']",
      'temperature = 500',
      "species_definitions = {'CO_g': {'pressure': 1.0}, 's': {'site_names': ['111'], 'total': 2}}",
      "adsorbate_interaction_model = 'first_order'",
      "electrochemical_thermo_mode = 'homogeneous_field'",
    ].join('\n');
    let error: CatmapImportError | undefined;
    try {
      importCatmap(setup, { setupName: 'bad.mkm', energiesText: 'surface_name\tsite_name\tspecies_name\tformation_energy\nA\t111\tCO\t-1\n' });
    } catch (e) {
      error = e as CatmapImportError;
    }
    expect(error).toBeInstanceOf(CatmapImportError);
    const u = error!.unsupported.join('\n');
    expect(u).toMatch(/adsorbate_interaction_model = "first_order"/);
    expect(u).toMatch(/species_definitions\['s'\]\.total = 2: site totals other than 1/);
    expect(u).toMatch(/electrochemical_thermo_mode = "homogeneous_field": field-dependent/);
    expect(u).toMatch(/ele_g/);
    expect(u).toMatch(/ideal_gas: CO_g needs its vibrational frequencies/);
    expect(error!.message).toMatch(/^bad\.mkm: \d+ unsupported item\(s\):\n {2}- /);
  });
  it('a setup that is not data is refused with its line and column', () => {
    expect(() => importCatmap('import os\nrxn_expressions = []', { setupName: 'x.mkm' })).toThrow(/^x\.mkm:1:1: "import" statements are not read/);
  });
  it('export refuses what CatMAP cannot express, listing each', () => {
    const text = readFileSync(new URL('../../data/models/oxime-fe.yaml', import.meta.url), 'utf8');
    expect(() => exportCatmap(parseModelText(text))).toThrow(/formation energies/);
  });
});

describe('the commands', () => {
  it('import catmap writes a model that kinetics steady solves; export catmap writes the setup and table', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'cncouple-catmap-'));
    const out = join(dir, 'her.yaml');
    // --energies defaults to the setup's input_file beside it
    const imp = await cli('import', 'catmap', fileURLToPath(fixture('her-vh.mkm')), '--out', out, '--json');
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out).sweepCommand).toBe(`cncouple kinetics sweep ${out} --x H_s:-0.6:0.6 --grid 13x13 --potential -0.1`);
    expect((parseYaml(readFileSync(out, 'utf8')) as { constants: string }).constants).toBe('catmap');
    const steady = await cli('kinetics', 'steady', out, '--descriptor', 'H_s=0.3', '--json');
    expect(steady.code).toBe(0);
    expect(JSON.parse(steady.out)[0].tofPerS.H2 / volmerHeyrovsky(0.3, -0.1).tof).toBeCloseTo(1, 6);
    const exp = await cli('export', 'catmap', out, '--out', join(dir, 'her.mkm'), '--json');
    expect(exp.code).toBe(0);
    expect(readFileSync(join(dir, 'her_energies.txt'), 'utf8')).toMatch(/^surface_name\tsite_name/);
    writeFileSync(join(dir, 'evil.mkm'), "rxn_expressions = [__import__('os').system('touch pwned')]\n");
    const evil = await cli('import', 'catmap', join(dir, 'evil.mkm'), '--out', join(dir, 'evil.yaml'));
    expect(evil.code).toBe(2);
    expect(evil.err).toMatch(/evil\.mkm:1:20: the name "__import__" is used as a value|calls/);
  });
});
