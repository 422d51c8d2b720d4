/** Closed-form steady states of the test models, with independent constants (shared by several tests). */
import type { ModelFileInput } from '../../src/kinetics/parser/modelSchema.js';
import { compileModel, validateModel } from '../../src/kinetics/parser/compileModel.js';

// Independent constants (CODATA 2018 exact values), not the library's.
const T = 298.15;
export const kT = (1.380649e-23 * T) / 1.602176634e-19; // eV
export const TST = (1.380649e-23 * T) / 6.62607015e-34; // s⁻¹
const units = { energy: 'eV', potential: 'V vs RHE', temperature: 'K', concentration: 'mol/L', pressure: 'bar' } as const;
export const model = (m: Omit<ModelFileInput, 'units' | 'name'>) => compileModel(validateModel({ name: 'test', units, ...m }));

/** TST rate constants of a step with ΔG(U) = ΔG0 + n·U and Ea(U) = max(Ea0 + β·n·U, 0, ΔG(U)), s⁻¹. */
export function tst(dG0: number, Ea0: number, n: number, U: number, beta = 0.5): { kf: number; kr: number } {
  const dG = dG0 + n * U;
  const Ea = Math.max(Ea0 + beta * n * U, 0, dG);
  return { kf: TST * Math.exp(-Ea / kT), kr: TST * Math.exp(-(Ea - dG) / kT) };
}

/**
 * Exact steady state of test/kinetics/fixtures/her-poison.yaml at −0.1 V (H2 at zero pressure): OH* is only
 * in its own step, so θ_OH = K_OH·θ*; with θ* = (1 − θ_H)/(1 + K_OH) the H* balance
 * kV·θ* − k−V·θ_H − kH·θ_H − 2·kT·θ_H² = 0 is a quadratic, solved without cancellation:
 * θ_H = 2a / (B + √(B² + 8·kT·a)), a = kV/(1 + K_OH), B = k−V + kH + a; r(H2) = kH·θ_H + kT·θ_H²; and
 * 1 − θ_H = 2(2kT + k−V + kH) / (4kT + B + √(B² + 8·kT·a)) (the other root, in z = 1 − θ_H).
 */
export function herExact(Hs: number, OHs: number) {
  const U = -0.1;
  const volmer = tst(Hs, 0.3, 1, U);
  const heyrovsky = tst(-Hs, 0.6, 1, U);
  const tafel = tst(-2 * Hs, 0.8, 0, U);
  const oh = tst(OHs, 0.2, -1, U);
  const K = oh.kf / oh.kr;
  const a = volmer.kf / (1 + K);
  const B = volmer.kr + heyrovsky.kf + a;
  const root = Math.sqrt(B * B + 8 * tafel.kf * a);
  const thetaH = (2 * a) / (B + root);
  // 1 − θ_H without cancellation: the small root of the same quadratic in z = 1 − θ_H
  const free = (2 * (2 * tafel.kf + volmer.kr + heyrovsky.kf)) / (4 * tafel.kf + B + root) / (1 + K);
  return { thetaH, free, rate: heyrovsky.kf * thetaH + tafel.kf * thetaH * thetaH };
}
