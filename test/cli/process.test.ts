import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { FARADAY_C_PER_MOL } from '../../src/chem/index.js';
import { microenvStudy, reactorStudy } from '../../src/studies/process.js';
import { coupleStudy } from '../../src/studies/transport.js';
import { STUDIES } from '../../src/studies/index.js';

describe('cncouple microenv, reactor, tea', () => {
  it('microenv: surface OH- = bulk + jδ/(F·D) in unbuffered K2SO4; CO2-saturated KHCO3 bulk pH 6.82', async () => {
    const r = JSON.parse((await cli('microenv', '--electrolyte', '0.5 M K2SO4', '--j-ma-cm2', '100', '--fe', 'H2:1:H2O', '--json')).out).results[0];
    expect(r.surface['OH-'] / (1e-4 + (1000 * 50e-6) / (FARADAY_C_PER_MOL * 5.273e-9))).toBeCloseTo(1, 3);
    const b = JSON.parse((await cli('microenv', '--electrolyte', '0.1 M KHCO3', '--co2-saturated', '--j-ma-cm2', '1', '--fe', 'H2:1:H2O', '--json')).out)
      .results[0];
    expect(b.bulkPH).toBeCloseTo(6.82, 2);
    // binary 0.01 M KOH with migration: the OH- excess is half the diffusion-only one (N = −2D∇c)
    const m = JSON.parse((await cli('microenv', '--electrolyte', '0.01 M KOH', '--j-ma-cm2', '10', '--fe', 'H2:1:H2O', '--migration', '--json')).out)
      .results[0];
    expect((m.surface['OH-'] - 10) / ((100 * 50e-6) / (2 * FARADAY_C_PER_MOL * 5.273e-9))).toBeCloseTo(1, 2);
    expect(m.potentialProfileV[0]).toBeLessThan(-0.005);
    const bad = await cli('microenv', '--electrolyte', '0.1 M NaCl', '--j', '1', '--fe', 'H2:1:H2O');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^error: --electrolyte: unknown electrolyte component "NaCl"/);
  });
  it('microenv: a current beyond the CO2 run-out exits 3 with null surface values and the largest solved current apart; the set is named', async () => {
    const r = await cli(
      'microenv',
      '--electrolyte',
      '0.1 M KHCO3',
      '--co2-saturated',
      '--j-ma-cm2',
      '40',
      '--fe',
      'CO:1:CO2',
      '--rate-constants',
      'gupta2006',
      '--json',
    );
    expect(r.code).toBe(3);
    const [point] = JSON.parse(r.out).results;
    expect(point.converged).toBe(false);
    expect(point.rateConstants).toBe('gupta2006');
    expect(point.surfacePH).toBeNull();
    expect(point.largestSolved.currentDensityAPerM2).toBeLessThan(400);
    expect(point.largestSolved.surfacePH).toBeGreaterThan(10);
    const ok = await cli('microenv', '--electrolyte', '0.1 M KHCO3', '--co2-saturated', '--j-ma-cm2', '5', '--fe', 'CO:1:CO2');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^rate constants: schulz2006/);
    expect((await cli('microenv', '--electrolyte', '0.1 M KHCO3', '--j-ma-cm2', '5', '--fe', 'CO:1:CO2', '--rate-constants', 'x')).code).toBe(2);
  });
  it('reactor: production obeys Faraday’s law and energy per kg = nFV/(FE·M)', async () => {
    const r = JSON.parse(
      (
        await cli(
          'reactor',
          '--product',
          'urea',
          '--electrons',
          '16',
          '--fe',
          '0.5',
          '--c-in-mol-m3',
          '50',
          '--reactant-per-product',
          '2',
          '--j-kin-a-m2',
          '200',
          '--json',
        )
      ).out,
    );
    const area = 0.1 * 0.05;
    expect(r.channel.productionMolPerS / ((r.channel.meanPartialCurrentDensityAPerM2 * area) / (16 * FARADAY_C_PER_MOL))).toBeCloseTo(1, 10);
    expect(r.energyJPerKg / ((16 * FARADAY_C_PER_MOL * r.voltage.cellVoltageV) / (0.5 * 0.060056))).toBeCloseTo(1, 10);
  });
  it('reactor: --limiting-reactant NO3- gives 2 per urea; a contradicting --reactant-per-product exits 2 naming the flag; neither prints the assumed 1', async () => {
    const base = ['reactor', '--product', 'urea', '--electrons', '16', '--fe', '0.5', '--c-in-mol-m3', '50'];
    const named = await cli(...base, '--limiting-reactant', 'NO3-');
    expect(named.code, named.err).toBe(0);
    expect(named.out).toContain('reactant per product 2 (2 NO3- per urea in CO2 + 2 NO3- + 18 H+ + 16 e- → CO(NH2)2 + 7 H2O');
    expect(named.out).not.toContain('warning:');
    const contradicting = await cli(...base, '--limiting-reactant', 'NO3-', '--reactant-per-product', '1');
    expect(contradicting.code).toBe(2);
    expect(contradicting.err).toMatch(/--reactant-per-product.*allowed: 2, the NO3- per urea/);
    const neither = await cli(...base);
    expect(neither.code, neither.err).toBe(0);
    expect(neither.out).toMatch(/^warning: reactantPerProduct: 1 assumed/m);
  });
  it("reactor: the diffusion coefficient is the named reactant's with its source (CO2 1.91e-9); NO without --d-m2-s exits 2 naming the flag", async () => {
    const base = ['reactor', '--product', 'urea', '--electrons', '16', '--fe', '0.5', '--c-in-mol-m3', '30', '--limiting-reactant', 'CO2'];
    const co2 = await cli(...base);
    expect(co2.code, co2.err).toBe(0);
    expect(co2.out).toMatch(/^reactant diffusion coefficient 1\.910e-9 m2 s-1 \(CO2\) — CO2 in water at infinite dilution, 25 °C: CRC Handbook/m);
    expect(co2.out).not.toContain('warning:');
    const no = await cli(
      'reactor',
      '--product',
      'urea',
      '--electrons',
      '10',
      '--fe',
      '0.5',
      '--c-in-mol-m3',
      '30',
      '--limiting-reactant',
      'NO',
      '--cathode-sources',
      'CO2,NO',
    );
    expect(no.code).toBe(2);
    expect(no.err).toMatch(/--d-m2-s.*no sourced value for limitingReactant "NO"/);
  });
  it('the old flag names still work as deprecated aliases (same result, a note in the text); both names at once is bad input', async () => {
    const base = ['reactor', '--product', 'urea', '--electrons', '16', '--fe', '0.5', '--reactant-per-product', '2'];
    const renamed = [
      '--c-in-mol-m3',
      '50',
      '--j-kin-a-m2',
      '200',
      '--d-m2-s',
      '1e-9',
      '--velocity-m-s',
      '0.1',
      '--length-m',
      '0.3',
      '--width-m',
      '0.1',
      '--gap-m',
      '0.003',
      '--e-cathode-v-rhe',
      '0.7',
      '--conductivity-s-m',
      '20',
    ];
    const old = [
      '--c-in',
      '50',
      '--j-kin',
      '200',
      '--d',
      '1e-9',
      '--velocity',
      '0.1',
      '--length',
      '0.3',
      '--width',
      '0.1',
      '--gap',
      '0.003',
      '--e-cathode',
      '0.7',
      '--conductivity',
      '20',
    ];
    const a = await cli(...base, ...renamed, '--json');
    const b = await cli(...base, ...old, '--json');
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(JSON.parse(b.out)).toEqual(JSON.parse(a.out));
    // the given values were applied, not the defaults (residence L/v = 3 s; defaults give 2 s); cathode equilibrium as given
    expect(JSON.parse(a.out).cathodeEquilibrium.potentialVvsRHE).toBe(0.7);
    expect(JSON.parse(a.out).channel.residenceTimeS).toBeCloseTo(0.3 / 0.1, 12);
    expect((await cli(...base, ...old)).out).toMatch(/^note: --c-in is deprecated: use --c-in-mol-m3/);
    const twice = await cli(...base, '--c-in', '50', '--c-in-mol-m3', '50', '--json');
    expect(twice.code).toBe(2);
    expect(JSON.parse(twice.out).error).toMatchObject({ code: 'bad-input', field: '--c-in-mol-m3' });
    // a schema bound is reported under the flag that set it
    const slow = await cli(...base, '--c-in-mol-m3', '50', '--velocity-m-s', '0', '--json');
    expect(JSON.parse(slow.out).error).toMatchObject({ field: '--velocity-m-s', allowed: 'a number more than 0' });
  });
  it('tea: levelized cost with its parts and a tornado', async () => {
    const t = JSON.parse(
      (
        await cli(
          'tea',
          '--product',
          'urea',
          '--electrons',
          '16',
          '--fe',
          '0.5',
          '--j-ma-cm2',
          '300',
          '--voltage',
          '3.2',
          '--set',
          'electricityUsdPerKWh=0.05',
          '--json',
        )
      ).out,
    );
    expect(t.result.parameters.electricityUsdPerKWh).toBe(0.05);
    expect(t.result.costUsdPerKg).toBeCloseTo(
      Object.values(t.result.breakdownUsdPerKg as Record<string, number>).reduce((a, b) => a + b, 0),
      12,
    );
    expect(t.tornado[0].parameter).toBe('faradaicEfficiency');
    expect(
      (await cli('tea', '--product', 'urea', '--electrons', '16', '--fe', '0.5', '--j-ma-cm2', '300', '--voltage', '3.2', '--set', 'nonsense=1')).err,
    ).toMatch(/^error: --set: /);
  });
});

/**
 * Flags that say exactly each study's `example` — the input on which test/studies/computeOffThread.test.ts checks
 * that the API and `study <kind> file --json` return what the study's run returns.
 */
const EXAMPLE_FLAGS: [string, string[]][] = [
  ['microenv', ['microenv', '--electrolyte', '0.5 M KHCO3', '--co2-saturated', '--j-ma-cm2', '5', '--fe', 'H2:1:H2O', '--delta-um', '100']],
  ['reactor', ['reactor', '--product', 'urea', '--electrons', '16', '--fe', '0.5', '--c-in-mol-m3', '50', '--limiting-reactant', 'NO3-']],
  [
    'couple',
    [
      'couple',
      'urea-cu4-ceo2',
      '--electrolyte',
      '0.1 M KHCO3 + 0.05 M KNO3',
      '--co2-saturated',
      '--j-ma-cm2',
      '1',
      '--sources',
      'urea:CO2+NO3-, NH3:NO3-, NO:NO3-, CO:CO2, H2:H2O',
    ],
  ],
];

describe('flag commands print what their studies (and so `study <kind>` and the API) return', () => {
  for (const [name, argv] of EXAMPLE_FLAGS) {
    it(`${argv[0]} --json on the ${name} study's example`, async () => {
      const study = STUDIES[name]!;
      const r = await cli(...argv, '--json');
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(study.run(study.input.parse(study.example)))));
    }, 60_000);
  }

  // the same with values off the defaults, so that each mapped flag is seen to arrive in its field
  it('microenv with non-default values', async () => {
    const r = await cli(
      'microenv',
      '--electrolyte',
      '0.1 M KHCO3',
      '--co2-saturated',
      '--j-ma-cm2',
      '5',
      '--fe',
      'H2:1:H2O',
      '--delta-um',
      '80',
      '--migration',
      '--rate-constants',
      'gupta2006',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const expected = microenvStudy.run(
      microenvStudy.input.parse({
        electrolyte: '0.1 M KHCO3',
        co2Saturated: true,
        currentDensitiesMAPerCm2: [5],
        products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }],
        boundaryLayerUm: 80,
        migration: true,
        rateConstants: 'gupta2006',
      }),
    );
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(expected)));
  });
  it('reactor with non-default values', async () => {
    const r = await cli(
      'reactor',
      '--product',
      'urea',
      '--electrons',
      '16',
      '--fe',
      '0.5',
      '--c-in-mol-m3',
      '50',
      '--reactant-per-product',
      '2',
      '--j-kin-a-m2',
      '200',
      '--gap-m',
      '0.003',
      '--cathode-sources',
      'CO2, NO3-',
      '--ph',
      '8',
      '--target-t-per-day',
      '2',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const expected = reactorStudy.run(
      reactorStudy.input.parse({
        product: 'urea',
        electrons: 16,
        faradaicEfficiency: 0.5,
        inletConcentrationMolPerM3: 50,
        reactantPerProduct: 2,
        kineticCurrentDensityAPerM2: 200,
        gapM: 0.003,
        cathodeSources: ['CO2', 'NO3-'],
        pH: 8,
        targetTonnesPerDay: 2,
      }),
    );
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(expected)));
  });
  it('couple from a model file, with non-default values, and study couple from a file', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const input = {
      model: 'urea-cu4-ceo2',
      electrolyte: '0.1 M KHCO3 + 0.05 M KNO3',
      co2Saturated: true,
      currentDensitiesMAPerCm2: [2],
      productSources: { urea: ['CO2', 'NO3-'], NH3: ['NO3-'], NO: ['NO3-'], CO: ['CO2'], H2: ['H2O'] },
      boundaryLayerUm: 40,
    };
    const expected = JSON.parse(JSON.stringify(coupleStudy.run(coupleStudy.input.parse(input))));
    expect(expected[0].converged).toBe(true);
    const byFile = await cli(
      'couple',
      'data/models/urea-cu4-ceo2.yaml',
      '--electrolyte',
      '0.1 M KHCO3 + 0.05 M KNO3',
      '--co2-saturated',
      '--j-ma-cm2',
      '2',
      '--sources',
      'urea:CO2+NO3-, NH3:NO3-, NO:NO3-, CO:CO2, H2:H2O',
      '--delta-um',
      '40',
      '--json',
    );
    expect(byFile.code, byFile.err).toBe(0);
    expect(JSON.parse(byFile.out)).toEqual(expected);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cncouple-couple-')), 'couple.json');
    writeFileSync(file, JSON.stringify(input));
    const study = await cli('study', 'couple', file, '--json');
    expect(study.code, study.err).toBe(0);
    expect(JSON.parse(study.out)).toEqual(expected);
  }, 120_000);
});

describe('cncouple transient', () => {
  it("follows a current program; NO3- runs out at Sand's time τ = πD(c_b)²/(4N²) = 1 s", async () => {
    // N = c_b·sqrt(πD/(4τ)) with c_b = 10 mol m-3, D(NO3-) = 1.902e-9 m² s-1; j = 8FN
    const jMAPerCm2 = (8 * FARADAY_C_PER_MOL * 10 * Math.sqrt((Math.PI * 1.902e-9) / 4)) / 10;
    const r = await cli(
      'transient',
      '--electrolyte',
      '0.01 M KNO3 + 0.1 M KOH',
      '--fe',
      'NH3:1:NO3-',
      '--steps',
      `${jMAPerCm2}:3`,
      '--delta-um',
      '500',
      '--json',
    );
    expect(r.code).toBe(3); // the program could not be followed to its end (docs/cli.md)
    const out = JSON.parse(r.out);
    expect(out.completed).toBe(false);
    expect(out.depletionTimeS).toBeCloseTo(1, 2);
    const pulses = await cli('transient', '--electrolyte', '0.5 M K2SO4', '--fe', 'H2:1:H2O', '--pulse', '50:0.5:0:0.5:2');
    expect(pulses.out).toMatch(/^completed 2\.000 s in \d+ steps/);
    const bad = await cli('transient', '--electrolyte', '0.5 M K2SO4', '--fe', 'H2:1:H2O', '--pulse', '50:0.5:0');
    expect([bad.code, bad.err]).toEqual([2, 'error: --pulse: got "50:0.5:0" (allowed: 5 numbers separated by ":")\n']);
  });
});

describe('cncouple couple', () => {
  it('gives FE vs current density with and without transport over a range, and draws it', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'cncouple-couple-')), 'fe.svg');
    const r = await cli(
      'couple',
      'urea-cu4-ceo2',
      '--electrolyte',
      '0.1 M KHCO3 + 0.05 M KNO3',
      '--co2-saturated',
      '--j',
      '1:3:2',
      '--sources',
      'urea:CO2+NO3-, NH3:NO3-, NO:NO3-, CO:CO2, H2:H2O',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    const points = JSON.parse(r.out);
    expect(points.map((p: { currentDensityAPerM2: number }) => p.currentDensityAPerM2)).toEqual([10, 30]);
    for (const p of points) expect(p.faradaicEfficiency.urea).toBeLessThan(p.faradaicEfficiencyBulk.urea);
    expect(readFileSync(out, 'utf8')).toContain('Faradaic efficiency vs current density');
    expect((await cli('couple', 'urea-cu4-ceo2', '--electrolyte', '0.1 M KHCO3', '--j', '1:3', '--sources', 'urea:CO2')).err).toMatch(/^error: --j: /);
  });
});

describe('cncouple study <kind> <file>', () => {
  it('runs validated YAML and JSON input files and names the bad field', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-study-'));
    const yaml = path.join(dir, 'micro.yaml');
    writeFileSync(yaml, 'electrolyte: 0.5 M K2SO4\ncurrentDensitiesMAPerCm2: [100]\nproducts:\n  - { to: H2, from: [H2O], faradaicEfficiency: 1 }\n');
    const micro = JSON.parse((await cli('study', 'microenv', yaml, '--json')).out).results[0];
    expect(micro.surfacePH).toBeCloseTo(12.99, 1);
    const tea = path.join(dir, 'tea.json');
    writeFileSync(tea, JSON.stringify({ product: 'urea', electrons: 16, faradaicEfficiency: 0.5, currentDensityAPerM2: 3000, cellVoltageV: 3.2 }));
    expect(JSON.parse((await cli('study', 'tea', tea, '--json')).out).result.costUsdPerKg).toBeGreaterThan(0);
    writeFileSync(tea, JSON.stringify({ product: 'urea', electrons: 16, faradaicEfficiency: 1.5, currentDensityAPerM2: 3000, cellVoltageV: 3.2 }));
    const bad = await cli('study', 'tea', tea);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^error: faradaicEfficiency: /);
  });
});
