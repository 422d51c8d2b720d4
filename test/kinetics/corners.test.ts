import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { SWEEP_STATUS, type SweepSpec, descriptorSweep } from '../../src/kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../../src/kinetics/parser/compileModel.js';
import { herExact } from './exactSteadyStates.js';

const fixture = (name: string) => compileModel(parseModelText(readFileSync(new URL(`./fixtures/${name}.yaml`, import.meta.url), 'utf8')));
const shifted = (spec: SweepSpec, e: number): SweepSpec => ({
  ...spec,
  x: { ...spec.x, from: spec.x.from + e, to: spec.x.to + e },
  ...(spec.y ? { y: { ...spec.y, from: spec.y.from + e, to: spec.y.to + e } } : {}),
});

describe('unsolved corners: every point of a poisoned map solved, resolved and robust to 1e-8 eV', () => {
  it('HER with an OH* poison, 40 × 40 over H_s −1…1.5, OH_s −3…1: all ok, every rate equal to the closed form to 1e-6', () => {
    const her = fixture('her-poison');
    const spec: SweepSpec = { x: { name: 'H_s', from: -1, to: 1.5, points: 40 }, y: { name: 'OH_s', from: -3, to: 1, points: 40 } };
    const r = descriptorSweep(her, spec);
    expect(Array.from(r.status).every((s) => s === SWEEP_STATUS.ok)).toBe(true);
    let smallest = 1;
    for (let i = 0; i < r.status.length; i++) {
      const exact = herExact(r.xValues[i % 40]!, r.yValues[Math.floor(i / 40)]!).rate;
      smallest = Math.min(smallest, exact);
      expect(Math.abs(r.tofPerS.H2![i]! / exact - 1)).toBeLessThan(1e-6);
    }
    expect(smallest).toBeLessThan(1e-60); // the poisoned corner is in the map
  });

  it('CO oxidation at 500 K and HER: the map shifted by 1e-8 eV has the same statuses and resolved TOFs to 1e-3', () => {
    for (const [name, spec] of [
      ['co-oxidation', { x: { name: 'O_s', from: -2.5, to: 1.5, points: 40 }, y: { name: 'CO_s', from: -2.5, to: 0.5, points: 40 } }],
      ['her-poison', { x: { name: 'H_s', from: -1, to: 1.5, points: 40 }, y: { name: 'OH_s', from: -3, to: 1, points: 40 } }],
    ] as const) {
      const m = fixture(name);
      const a = descriptorSweep(m, spec);
      const b = descriptorSweep(m, shifted(spec, 1e-8));
      expect(Array.from(b.status)).toEqual(Array.from(a.status));
      expect(Array.from(a.status).every((s) => s === SWEEP_STATUS.ok)).toBe(true);
      for (const p of Object.keys(a.tofPerS)) {
        a.tofPerS[p]!.forEach((t, i) => {
          if (t !== 0) expect(Math.abs(b.tofPerS[p]![i]! / t - 1)).toBeLessThan(1e-3);
        });
      }
    }
  });

  it('a single solve in the CO-poisoned corner of urea-cu4-ceo2 (dG_NO 0.9, dG_CO −1.2 eV) is resolved, as the sweep that walks in is', () => {
    const urea = compileModel(parseModelText(readFileSync(new URL('../../data/models/urea-cu4-ceo2.yaml', import.meta.url), 'utf8')));
    const single = steadyState(urea, { descriptors: { dG_NO: 0.9, dG_CO: -1.2 } });
    expect(single.converged && single.resolved && !single.floored).toBe(true);
    const walk = descriptorSweep(urea, { x: { name: 'dG_NO', from: -0.6, to: 0.9, points: 31 }, descriptors: { dG_CO: -1.2 } });
    expect(walk.status[30]).toBe(SWEEP_STATUS.ok);
    for (const p of ['urea', 'NH3', 'H2']) expect(Math.abs(walk.tofPerS[p]![30]! / single.tofPerS[p]! - 1)).toBeLessThan(2e-6);
  });
});
