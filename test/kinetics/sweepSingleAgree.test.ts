import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { SWEEP_STATUS_NAMES, type SweepSpec, descriptorSweep } from '../../src/kinetics/mapper/descriptorSweep.js';
import { type CompiledModel, compileModel, parseModelText } from '../../src/kinetics/parser/compileModel.js';

const urea = compileModel(parseModelText(readFileSync(new URL('../../data/models/urea-cu4-ceo2.yaml', import.meta.url), 'utf8')));
const her = compileModel(parseModelText(readFileSync(new URL('./fixtures/her-poison.yaml', import.meta.url), 'utf8')));

/** Every point of the sweep against a single solve at that point: status, and resolved TOFs/FEs to 1e-6. */
function expectSweepEqualsSingles(model: CompiledModel, spec: SweepSpec): number {
  const sweep = descriptorSweep(model, spec);
  const nx = sweep.xValues.length;
  let ok = 0;
  for (let i = 0; i < sweep.status.length; i++) {
    const descriptors = {
      ...spec.descriptors,
      [spec.x.name]: sweep.xValues[i % nx]!,
      ...(spec.y ? { [spec.y.name]: sweep.yValues[Math.floor(i / nx)]! } : {}),
    };
    const single = steadyState(model, { descriptors });
    const status = !single.converged ? 'failed' : single.resolved ? 'ok' : 'unresolved';
    expect(`${JSON.stringify(descriptors)}: ${SWEEP_STATUS_NAMES[sweep.status[i]!]}`).toBe(`${JSON.stringify(descriptors)}: ${status}`);
    if (status === 'ok') ok++;
    for (const p of Object.keys(sweep.tofPerS)) {
      if (!sweep.resolved[p]![i]) continue;
      const t = single.tofPerS[p]!;
      if (t === 0) expect(sweep.tofPerS[p]![i]).toBe(0);
      else expect(Math.abs(sweep.tofPerS[p]![i]! / t - 1)).toBeLessThan(1e-6);
      const fe = single.faradaicEfficiency[p]!;
      if (Number.isNaN(fe)) expect(sweep.faradaicEfficiency[p]![i]).toBeNaN();
      else if (fe !== 0) expect(Math.abs(sweep.faradaicEfficiency[p]![i]! / fe - 1)).toBeLessThan(1e-6);
    }
  }
  return ok;
}

describe('a sweep point and a single solve at the same point agree (one robust path)', () => {
  it('CO-poisoned urea-cu4-ceo2 (dG_CO −6 eV): the sweep walking in resolves what a single solve resolves (on main it stopped at the flux floor)', () => {
    // On main (6705943) this sweep returned dG_NO 0.5 as `unresolved` with a floored urea TOF of 1.6e-34 s⁻¹,
    // while `kinetics steady` at the same point is `ok` with 4.1e-102 s⁻¹: the sweep never ran the homotopy.
    const spec: SweepSpec = { x: { name: 'dG_NO', from: -1, to: 1, points: 5 }, descriptors: { dG_CO: -6 } };
    const sweep = descriptorSweep(urea, spec);
    expect(SWEEP_STATUS_NAMES[sweep.status[3]!]).toBe('ok');
    const single = steadyState(urea, { descriptors: { dG_NO: 0.5, dG_CO: -6 } });
    expect(single.converged && single.resolved && !single.floored).toBe(true);
    expect(single.tofPerS.urea!).toBeLessThan(1e-90); // a trace rate, far below the floored 1.6e-34
    expect(Math.abs(sweep.tofPerS.urea![3]! / single.tofPerS.urea! - 1)).toBeLessThan(1e-6);
    expect(expectSweepEqualsSingles(urea, spec)).toBe(4); // dG_NO −1 is dead for both: unresolved in both
  });

  it('every point of small grids reaching into poisoned corners equals the single solve there', () => {
    expect(
      expectSweepEqualsSingles(urea, { x: { name: 'dG_NO', from: -2.1, to: 0.9, points: 6 }, y: { name: 'dG_CO', from: -6, to: 1.8, points: 6 } }),
    ).toBeGreaterThan(30);
    expect(expectSweepEqualsSingles(her, { x: { name: 'H_s', from: -1, to: 1.5, points: 6 }, y: { name: 'OH_s', from: -3, to: 1, points: 6 } })).toBe(36);
  });
});
