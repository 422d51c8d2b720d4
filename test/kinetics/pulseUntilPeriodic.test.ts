import { describe, expect, it } from 'vitest';
import { compileModel, validateModel } from '../../src/kinetics/parser/compileModel.js';
import type { ModelFileInput } from '../../src/kinetics/parser/modelSchema.js';
import { runPulseUntilPeriodic } from '../../src/kinetics/analyze/pulseUntilPeriodic.js';

// kT at 298.15 K = 8.617333262e-5 eV/K × 298.15 K (CODATA 2018)
const kT = 8.617333262e-5 * 298.15;
const units = { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' } as const;

/**
 * One adsorbate, first order: CO2 + 2H⁺ + 2e⁻ + * ⇄ CO* + H2O (k_a, reverse k_b), CO* → CO + * (k_d), and HER
 * on free sites 2H⁺ + 2e⁻ + * → H2 + * (k_h). dθ/dt = k_a(1 − θ) − (k_b + k_d)θ: a single mode, λ = k_a + k_b + k_d.
 */
const model: ModelFileInput = {
  name: 'first-order-co',
  units,
  pH: 0,
  species: {
    CO2: { phase: 'g', pressureBar: 1 },
    H2O: { phase: 'l' },
    CO: { phase: 'g', pressureBar: 0, product: true, electronsPerMolecule: 2 },
    H2: { phase: 'g', pressureBar: 0, product: true, electronsPerMolecule: 2 },
  },
  adsorbates: { 'CO*': { formula: 'CO' } },
  steps: [
    { id: 'form', equation: 'CO2 + 2 H+ + 2 e- + * -> CO* + H2O', dG: -0.5, Ea: 0.4, beta: 0.5, prefactorPerS: 1e6 },
    { id: 'desorb', equation: 'CO* -> CO + *', dG: -0.2, Ea: 0.5, prefactorPerS: 1e8 },
    { id: 'her', equation: '2 H+ + 2 e- + * -> H2 + *', dG: 0, Ea: 0.45, beta: 0.5, prefactorPerS: 1e6 },
  ],
};

/** Rate constants at U by hand (k = A·exp(−Ea/kT), k_r = A·exp(−(Ea − ΔG)/kT)); every Ea here is > max(0, ΔG). */
const constantsAt = (U: number) => {
  const eaForm = 0.4 + 0.5 * 2 * U;
  const dGForm = -0.5 + 2 * U;
  return { ka: 1e6 * Math.exp(-eaForm / kT), kb: 1e6 * Math.exp(-(eaForm - dGForm) / kT), kd: 1e8 * Math.exp(-0.5 / kT), kh: 1e6 * Math.exp(-(0.45 + U) / kT) };
};

/** Closed-form integrals over a phase of length t from θ0: θ(t) = θs + (θ0 − θs)e^{−λt}. */
function phase(k: ReturnType<typeof constantsAt>, theta0: number, t: number) {
  const lambda = k.ka + k.kb + k.kd;
  const ts = k.ka / lambda;
  const intTheta = ts * t + ((theta0 - ts) * (1 - Math.exp(-lambda * t))) / lambda;
  const intFree = t - intTheta;
  return {
    end: ts + (theta0 - ts) * Math.exp(-lambda * t),
    co: k.kd * intTheta,
    h2: k.kh * intFree,
    co2: -(k.ka * intFree - k.kb * intTheta),
    electrons: 2 * (k.ka * intFree - k.kb * intTheta) + 2 * k.kh * intFree,
  };
}

/** Period averages in the order runPulseUntilPeriodic compares them (species rates / largest, then FE). */
function closedFormPeriods(e1: number, t1: number, e2: number, t2: number, count: number) {
  const k1 = constantsAt(e1);
  const k2 = constantsAt(e2);
  let theta = 0;
  const out: { vector: number[]; feCO: number; coPerS: number }[] = [];
  for (let n = 1; n <= count; n++) {
    const a = phase(k1, theta, t1);
    const b = phase(k2, a.end, t2);
    theta = b.end;
    const T = t1 + t2;
    const tof = { CO2: (a.co2 + b.co2) / T, H2O: -(a.co2 + b.co2) / T, CO: (a.co + b.co) / T, H2: (a.h2 + b.h2) / T };
    const scale = Math.max(...Object.values(tof).map(Math.abs));
    const electrons = (a.electrons + b.electrons) / T;
    const fe = { CO: (2 * tof.CO) / electrons, H2: (2 * tof.H2) / electrons };
    out.push({ vector: [...Object.values(tof).map((r) => r / scale), fe.CO, fe.H2], feCO: fe.CO, coPerS: tof.CO });
  }
  return out;
}

describe('pulses until the period averages are periodic (issue 11 item 5)', () => {
  const m = compileModel(validateModel(model));
  const [e1, t1, e2, t2] = [-0.1, 0.01, 0.1, 0.01];

  it('stops at the period the closed form predicts, with the periodic average of the closed form', () => {
    const k1 = constantsAt(e1);
    const k2 = constantsAt(e2);
    const rho = Math.exp(-(k1.ka + k1.kb + k1.kd) * t1 - (k2.ka + k2.kb + k2.kd) * t2); // decay per period
    expect(rho).toBeCloseTo(0.9119, 3);
    const exact = closedFormPeriods(e1, t1, e2, t2, 2000);
    const limit = exact.at(-1)!; // ρ^2000 ≈ 1e-80: the periodic state
    // first n ≥ 3 whose averages are within 1e-3 of the periodic limit (the estimate is exact for one mode)
    const distance = (n: number) => exact[n - 1]!.vector.reduce((d, x, i) => Math.max(d, Math.abs(x - limit.vector[i]!)), 0);
    let expected = 3;
    while (distance(expected) > 1e-3) expected++;
    // the analytic recursion: 104 periods (distance 0.995 after period 1; asymptotically ×ρ per period)
    expect(expected).toBe(104);
    expect(distance(101) / distance(100)).toBeCloseTo(rho, 2);
    const r = runPulseUntilPeriodic(m, { e1V: e1, t1S: t1, e2V: e2, t2S: t2 });
    expect(r.periodic).toBe(true);
    expect(r.periods.length).toBe(expected);
    expect(r.decayPerPeriod).toBeCloseTo(rho, 3);
    expect(r.estimatedDistance).toBeLessThanOrEqual(1e-3);
    const last = r.periods.at(-1)!;
    expect(Math.abs(last.faradaicEfficiency.CO! - limit.feCO)).toBeLessThan(1e-3);
    expect(Math.abs(last.tofPerS.CO! / limit.coPerS - 1)).toBeLessThan(2e-3);
    // and the numerical period average of period n matches the closed form of period n
    expect(last.faradaicEfficiency.CO!).toBeCloseTo(exact[expected - 1]!.feCO, 4);
  });

  it('a tighter tolerance needs the predicted extra ln(10)/(−ln ρ) periods per decade', () => {
    const r3 = runPulseUntilPeriodic(m, { e1V: e1, t1S: t1, e2V: e2, t2S: t2, tolerance: 1e-3 });
    const r4 = runPulseUntilPeriodic(m, { e1V: e1, t1S: t1, e2V: e2, t2S: t2, tolerance: 1e-4 });
    const perDecade = Math.LN10 / -Math.log(r3.decayPerPeriod); // 25.0
    expect(Math.abs(r4.periods.length - r3.periods.length - perDecade)).toBeLessThanOrEqual(1);
  });

  it('marks the result periodic: false at the cap, and refuses a bad cap or tolerance', () => {
    const r = runPulseUntilPeriodic(m, { e1V: e1, t1S: t1, e2V: e2, t2S: t2, maxPeriods: 10 });
    expect(r.periodic).toBe(false);
    expect(r.periods.length).toBe(10);
    expect(r.estimatedDistance).toBeGreaterThan(1e-3);
    expect(() => runPulseUntilPeriodic(m, { e1V: e1, t1S: t1, e2V: e2, t2S: t2, maxPeriods: 2 })).toThrow(
      /^maxPeriods: got 2 \(allowed: an integer from 3 to 100000\)/,
    );
    expect(() => runPulseUntilPeriodic(m, { e1V: e1, t1S: t1, e2V: e2, t2S: t2, tolerance: 0 })).toThrow(/^tolerance: got 0/);
  });
});

describe("pulse study and CLI accept periods: 'auto'", () => {
  it('the study runs until periodic with "auto" and keeps the integer form', async () => {
    const { pulseRequestSchema, pulseStudy } = await import('../../src/studies/kinetics.js');
    const text = JSON.stringify(model);
    const auto = pulseRequestSchema.parse({ modelText: text, e1V: -0.1, t1S: 0.01, e2V: 0.1, t2S: 0.01, periods: 'auto' });
    const r = (await pulseStudy.run(auto)) as { periodic?: boolean; periods: unknown[] };
    expect(r.periodic).toBe(true);
    expect(r.periods).toHaveLength(104);
    const fixed = (await pulseStudy.run(pulseRequestSchema.parse({ modelText: text, e1V: -0.1, t1S: 0.01, e2V: 0.1, t2S: 0.01, periods: 5 }))) as {
      periodic?: boolean;
      periods: unknown[];
    };
    expect(fixed.periods).toHaveLength(5);
    expect(fixed.periodic).toBeUndefined();
    expect(pulseRequestSchema.safeParse({ modelText: text, e1V: -0.1, t1S: 0.01, e2V: 0.1, t2S: 0.01, periods: 'forever' }).success).toBe(false);
  });

  it('kinetics pulse --periods auto reports the periods needed', async () => {
    const { execFileSync } = await import('node:child_process');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'pulse-')), 'first-order.json');
    writeFileSync(file, JSON.stringify(model));
    const out = execFileSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'kinetics', 'pulse', file, '--e1=-0.1', '--t1', '0.01', '--e2', '0.1', '--t2', '0.01', '--periods', 'auto'],
      { encoding: 'utf8' },
    );
    expect(out).toMatch(/^periodic after 104 periods \(period averages within 0\.001 of the limit, estimated [\d.]+e-4; decay 0\.91\d\d per period\)/);
  });
});

describe('kinetics pulse --periods auto at the cap', () => {
  it('exits 3 and says NOT periodic', async () => {
    const { spawnSync } = await import('node:child_process');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'pulse-')), 'first-order.json');
    writeFileSync(file, JSON.stringify(model));
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'src/cli/main.ts',
        'kinetics',
        'pulse',
        file,
        '--e1=-0.1',
        '--t1',
        '0.01',
        '--e2',
        '0.1',
        '--t2',
        '0.01',
        '--periods',
        'auto',
        '--max-periods',
        '60',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/^NOT periodic after 60 periods \(estimated distance [\d.]+e-\d+ > 0\.001; periodic: false\)/);
  });
});
