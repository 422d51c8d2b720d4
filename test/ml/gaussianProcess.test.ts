import { describe, expect, it } from 'vitest';
import { fitGaussianProcess, logMarginalLikelihood } from '../../src/ml/gaussianProcess.js';
import { SeededRandom } from '../../src/ml/random.js';
import type { KernelName } from '../../src/ml/kernels.js';

const unitBounds = (d: number) => ({ low: new Array<number>(d).fill(0), high: new Array<number>(d).fill(1) });

describe('Gaussian process posteriors by hand', () => {
  it('one observation, RBF (R&W eq. 2.25–2.26 with n = 1)', () => {
    // ℓ = 0.5, σf² = 2, σn² = 0.1, c = 0.3; x0 = 0.2, y0 = 1.5; at x = 0.6:
    // k = 2·exp(−½·(0.4/0.5)²) = 1.4522980736; μ = 0.3 + k·1.2/2.1 = 1.1298846135; σ² = 2 − k²/2.1 = 0.9956307
    const gp = fitGaussianProcess([[0.2]], [1.5], {
      kernel: 'rbf',
      bounds: unitBounds(1),
      standardizeOutputs: false,
      hyperparameters: { lengthScales: [0.5], signalVariance: 2, noiseVariance: 0.1, mean: 0.3 },
    });
    const p = gp.predict([[0.6]]);
    expect(p.mean[0]).toBeCloseTo(1.1298846135, 9);
    expect(p.variance[0]).toBeCloseTo(0.995633478, 8);
    expect(gp.predict([[0.6]], true).variance[0]).toBeCloseTo(1.095633478, 8);
  });

  it('two observations, Matérn-5/2 (explicit 2 × 2 inverse)', () => {
    const m52 = (r: number) => (1 + Math.sqrt(5) * r + (5 / 3) * r * r) * Math.exp(-Math.sqrt(5) * r);
    // inputs 0 and 1 on a [0, 2] box → unit coordinates 0 and 0.5; ℓ = 0.4, σf² = 1.5, σn² = 0.01, c = 0
    const k12 = 1.5 * m52(0.5 / 0.4);
    const a = 1.51;
    const det = a * a - k12 * k12;
    const y = [1, 2];
    const alpha = [(a * y[0]! - k12 * y[1]!) / det, (-k12 * y[0]! + a * y[1]!) / det];
    const ks = [1.5 * m52(0.35 / 0.4), 1.5 * m52(0.15 / 0.4)]; // x* = 0.7 → unit 0.35
    const mean = ks[0]! * alpha[0]! + ks[1]! * alpha[1]!;
    const quad = (a * ks[0]! ** 2 - 2 * k12 * ks[0]! * ks[1]! + a * ks[1]! ** 2) / det;
    const gp = fitGaussianProcess([[0], [1]], y, {
      kernel: 'matern52',
      bounds: { low: [0], high: [2] },
      standardizeOutputs: false,
      hyperparameters: { lengthScales: [0.4], signalVariance: 1.5, noiseVariance: 0.01, mean: 0 },
    });
    const p = gp.predict([[0.7]]);
    expect(p.mean[0]).toBeCloseTo(mean, 12);
    expect(p.variance[0]).toBeCloseTo(1.5 - quad, 12);
    // log marginal likelihood: −½ yᵀK⁻¹y − ½ ln det K − ln 2π
    expect(gp.logMarginalLikelihood).toBeCloseTo(-0.5 * (y[0]! * alpha[0]! + y[1]! * alpha[1]!) - 0.5 * Math.log(det) - Math.log(2 * Math.PI), 12);
  });

  it('log-scaled input: the unit coordinate is ln(x/low)/ln(high/low)', () => {
    const opts = {
      kernel: 'rbf' as const,
      standardizeOutputs: false,
      hyperparameters: { lengthScales: [0.3], signalVariance: 1, noiseVariance: 1e-4, mean: 0 },
    };
    const logGp = fitGaussianProcess([[0.01], [1]], [0, 1], { ...opts, bounds: { low: [0.001], high: [10], log: [true] } });
    const linGp = fitGaussianProcess([[0.25], [0.75]], [0, 1], { ...opts, bounds: { low: [0], high: [1] } });
    expect(logGp.predict([[0.1]]).mean[0]).toBeCloseTo(linGp.predict([[0.5]]).mean[0]!, 12);
  });
});

function randomData(n: number, d: number, seed: number) {
  const rng = new SeededRandom(seed);
  const x = Array.from({ length: n }, () => Array.from({ length: d }, () => rng.uniform()));
  const y = x.map((r) => Math.sin(4 * r[0]!) + (d > 1 ? r[1]! ** 2 : 0) + 0.05 * rng.normal());
  return { x, y };
}

describe('closed-form leave-one-out', () => {
  it('equals refitting without each point (hyperparameters fixed)', () => {
    const { x, y } = randomData(9, 2, 3);
    const hyperparameters = { lengthScales: [0.3, 0.6], signalVariance: 1.2, noiseVariance: 0.02, mean: 0.1 };
    const opts = { kernel: 'matern52' as const, bounds: unitBounds(2), standardizeOutputs: false, hyperparameters };
    const loo = fitGaussianProcess(x, y, opts).leaveOneOut();
    for (let i = 0; i < x.length; i++) {
      const gp = fitGaussianProcess(
        x.filter((_, j) => j !== i),
        y.filter((_, j) => j !== i),
        opts,
      );
      const p = gp.predict([x[i]!], true);
      expect(loo.mean[i]).toBeCloseTo(p.mean[0]!, 10);
      expect(loo.variance[i]).toBeCloseTo(p.variance[0]!, 10);
    }
  });
});

describe('log marginal likelihood gradient', () => {
  for (const kernel of ['matern52', 'rbf'] as KernelName[]) {
    it(`matches central finite differences (${kernel})`, () => {
      const { x, y } = randomData(7, 2, 5);
      const xu = Float64Array.from(x.flat());
      const ys = Float64Array.from(y);
      const extra = Float64Array.from(y, (_, i) => 0.001 * (i + 1));
      const theta = Float64Array.from([Math.log(0.4), Math.log(0.7), Math.log(1.3), Math.log(0.05), 0.2]);
      const { gradient } = logMarginalLikelihood(kernel, xu, ys, extra, theta);
      const h = 1e-6;
      for (let j = 0; j < theta.length; j++) {
        const tp = Float64Array.from(theta);
        const tm = Float64Array.from(theta);
        tp[j]! += h;
        tm[j]! -= h;
        const fd = (logMarginalLikelihood(kernel, xu, ys, extra, tp).value - logMarginalLikelihood(kernel, xu, ys, extra, tm).value) / (2 * h);
        expect(gradient[j]).toBeCloseTo(fd, 5);
      }
    });
  }
});

describe('fitting and diagnostics', () => {
  it('fits a smooth function, deterministically with the seed', () => {
    const x = Array.from({ length: 12 }, (_, i) => [i / 11]);
    const y = x.map((r) => Math.sin(6 * r[0]!));
    const gp = fitGaussianProcess(x, y, { seed: 1 });
    const again = fitGaussianProcess(x, y, { seed: 1 });
    expect(again.hyperparameters).toEqual(gp.hyperparameters);
    const p = gp.predict([[0.5 / 11], [0.5]]);
    expect(p.mean[0]).toBeCloseTo(Math.sin((6 * 0.5) / 11), 2);
    expect(p.mean[1]).toBeCloseTo(Math.sin(3), 2);
    expect(gp.diagnostics().looRmse).toBeLessThan(0.05);
    // the fitted optimum is a stationary point: no better likelihood at the default start
    const atDefault = fitGaussianProcess(x, y, { hyperparameters: { lengthScales: [0.5], signalVariance: 1, noiseVariance: 0.01, mean: 0 } });
    expect(gp.logMarginalLikelihood).toBeGreaterThan(atDefault.logMarginalLikelihood);
  });

  it('is calibrated on draws from its own prior and warns about too few data', () => {
    // y drawn from a GP prior with known hyperparameters; its LOO intervals then hold about 68 % / 95 %
    const rng = new SeededRandom(11);
    const x = Array.from({ length: 60 }, () => [rng.uniform()]);
    const prior = fitGaussianProcess([[0.5]], [0], {
      kernel: 'rbf',
      bounds: unitBounds(1),
      standardizeOutputs: false,
      hyperparameters: { lengthScales: [0.15], signalVariance: 1, noiseVariance: 0.01, mean: 0 },
    });
    const f = prior.sampleJoint(x, 1, rng)[0]!; // conditioned on one point: near-prior draw
    const y = f.map((v) => v + 0.1 * rng.normal());
    const d = fitGaussianProcess(x, y, { kernel: 'rbf', seed: 2 }).diagnostics();
    expect(d.coverage68).toBeGreaterThan(0.55);
    expect(d.coverage68).toBeLessThan(0.82);
    expect(d.coverage95).toBeGreaterThan(0.88);
    expect(d.warnings.filter((w) => w.includes('observations for'))).toEqual([]);
    const few = fitGaussianProcess(
      x.slice(0, 5).map((r) => [r[0]!, r[0]! ** 2]),
      y.slice(0, 5),
    ).diagnostics();
    expect(few.warnings[0]).toContain('only 5 observations for 2 input(s)');
  });

  it('joint samples have the posterior mean and covariance', () => {
    const gp = fitGaussianProcess([[0.1], [0.9]], [1, -1], {
      kernel: 'rbf',
      bounds: unitBounds(1),
      standardizeOutputs: false,
      hyperparameters: { lengthScales: [0.3], signalVariance: 1, noiseVariance: 0.01, mean: 0 },
    });
    const pts = [[0.4], [0.5]];
    const samples = gp.sampleJoint(pts, 20000, new SeededRandom(4));
    const C = gp.posteriorCovariance(pts);
    const { mean } = gp.predict(pts);
    const m0 = samples.reduce((a, s) => a + s[0]!, 0) / samples.length;
    const m1 = samples.reduce((a, s) => a + s[1]!, 0) / samples.length;
    const c01 = samples.reduce((a, s) => a + (s[0]! - m0) * (s[1]! - m1), 0) / (samples.length - 1);
    expect(m0).toBeCloseTo(mean[0]!, 1);
    expect(m1).toBeCloseTo(mean[1]!, 1);
    expect(c01).toBeCloseTo(C[1]!, 1);
    expect(C[1]! / Math.sqrt(C[0]! * C[3]!)).toBeGreaterThan(0.5); // nearby points: strongly correlated
  });

  it('refuses bad data with the field named', () => {
    expect(() => fitGaussianProcess([[0], [1]], [0, Number.NaN])).toThrow(/y\[1\]/);
    expect(() => fitGaussianProcess([[0], [1, 2]], [0, 1])).toThrow(/x\[1\]/);
  });
});
