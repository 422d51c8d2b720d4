import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { SWEEP_STATUS, descriptorSweep, emptySweepResult } from '../../src/kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../../src/kinetics/parser/compileModel.js';
import { sweepRows, sweepToCsv } from '../../src/studies/sweepOutput.js';
import { volcanoSpec } from '../../src/plot/volcanoSpec.js';

const fixture = (name: string) => compileModel(parseModelText(readFileSync(new URL(`./fixtures/${name}.yaml`, import.meta.url), 'utf8')));

describe('sweep output a modeller can use', () => {
  const co = fixture('co-oxidation');
  const spec = { x: { name: 'O_s', from: -2.5, to: 1.5, points: 15 }, y: { name: 'CO_s', from: -2.5, to: 0.5, points: 15 } };

  it('every sweep cell equals a single steady-state solve of the same point (no real small TOF turned into null)', () => {
    const r = descriptorSweep(co, spec);
    let small = 0;
    for (let i = 0; i < r.status.length; i++) {
      const single = steadyState(co, { descriptors: { O_s: r.xValues[i % 15]!, CO_s: r.yValues[Math.floor(i / 15)]! } });
      expect(single.converged).toBe(true);
      expect(r.status[i]).toBe(single.resolved ? SWEEP_STATUS.ok : SWEEP_STATUS.unresolved);
      if (!single.tofResolved.CO2 || !r.resolved.CO2![i]) continue;
      const t = single.tofPerS.CO2!;
      // both resolved to 1e-6: they agree to 2e-6 (two independent starts: the sweep continues from a neighbour)
      expect(Math.abs(r.tofPerS.CO2![i]! / t - 1)).toBeLessThan(2e-6);
      if (t > 0) {
        expect(r.log10Tof.CO2![i]).toBeCloseTo(Math.log10(t), 6);
        if (t < 1e-10) small++;
      } else expect(r.log10Tof.CO2![i]).toBeNaN(); // TOF ≤ 0: no log, but the TOF itself is kept
    }
    expect(small).toBeGreaterThan(20); // the poisoned corners, down to ~1e-57 s⁻¹, are in the comparison
    expect(Array.from(r.status).every((s) => s === SWEEP_STATUS.ok)).toBe(true);
  });

  it('reports coverages and step rates on request, consistent with the TOF (route: 2 co_ads + o2_diss + 2 coupling)', () => {
    const r = descriptorSweep(co, { ...spec, x: { ...spec.x, points: 6 }, y: { ...spec.y, points: 5 }, fields: ['coverages', 'rates'] });
    expect(r.adsorbates).toEqual(['CO*', 'O*']);
    expect(r.steps).toEqual(['co_ads', 'o2_diss', 'coupling']);
    for (let i = 0; i < 30; i++) {
      const [co_ads, o2, coupling] = [0, 1, 2].map((j) => r.stepRatesPerS![i * 3 + j]!) as [number, number, number];
      expect(coupling / r.tofPerS.CO2![i]!).toBeCloseTo(1, 9); // CO2 is made only by the coupling step
      expect(co_ads / coupling).toBeCloseTo(1, 9);
      expect(o2 / coupling).toBeCloseTo(0.5, 9);
      const sum = r.coverages![i * 2]! + r.coverages![i * 2 + 1]!;
      expect(sum).toBeLessThanOrEqual(1);
      expect(sum).toBeGreaterThan(0);
    }
    const rows = sweepRows(r, { ...spec, fields: ['coverages', 'rates'] }, ['coverages', 'rates']);
    expect(rows).toHaveLength(30);
    expect(rows[7]).toMatchObject({ x: r.xValues[1], y: r.yValues[1], status: 'ok', reason: null });
    expect(rows[7]!.coverages!['CO*']).toBe(r.coverages![14]);
    expect(rows[7]!.faradaicEfficiency.CO2).toBeNull(); // thermal: no electrons, FE undefined (not 0)
  });

  it('marks failed points with a reason, in JSON rows and CSV', () => {
    // one Newton iteration and one integration step per start cannot solve this model from a clean surface
    const hard = {
      ...spec,
      x: { ...spec.x, points: 3 },
      y: { ...spec.y, points: 2 },
      solver: { maxNewtonIterations: 1, maxSteps: 1 },
      fields: ['residual' as const],
    };
    const r = descriptorSweep(co, hard);
    const failed = Array.from(r.status).filter((s) => s === SWEEP_STATUS.failed).length;
    expect(failed).toBeGreaterThan(0);
    expect(r.failures).toHaveLength(failed);
    for (const f of r.failures) {
      expect(r.status[f.index]).toBe(SWEEP_STATUS.failed);
      expect(f.reason).toMatch(/no start converged: best verified residual/);
      expect(r.tofPerS.CO2![f.index]).toBeNaN();
    }
    const csv = sweepToCsv(r, hard, ['residual']).trim().split('\n');
    expect(csv[0]).toBe('O_s,CO_s,status,reason,residual,tofPerS:CO2,log10Tof:CO2,faradaicEfficiency:CO2,resolved:CO2');
    expect(csv).toHaveLength(7);
    const first = r.failures[0]!;
    expect(csv[first.index + 1]).toContain(',failed,"no start converged'); // quoted: the reason has commas
  });

  it('draws unresolved and failed cells in their own legend colours, not on the value scale', () => {
    const r = emptySweepResult(co, [0, 1], [0, 1], [0, 2]);
    r.status.set([SWEEP_STATUS.ok, SWEEP_STATUS.unresolved, SWEEP_STATUS.failed, SWEEP_STATUS.ok]);
    r.resolved.CO2!.set([1, 0, 0, 1]);
    r.log10Tof.CO2!.set([-3, -40, Number.NaN, Number.NaN]); // the last: converged, TOF ≤ 0
    const spec2 = volcanoSpec(r, 'CO2', 'log10Tof', 'O_s', 'CO_s') as unknown as {
      data: { values: { status: string; v: number | null; value: number | null }[] };
      layer: { encoding: { color: { scale?: { domain?: string[] } } } }[];
    };
    expect(spec2.data.values.map((c) => c.status)).toEqual(['ok', 'unresolved', 'failed', 'none']);
    expect(spec2.data.values.map((c) => c.v)).toEqual([-3, null, null, null]); // only resolved cells on the colour scale
    expect(spec2.data.values[1]!.value).toBe(-40); // the unresolved value stays in the tooltip
    expect(spec2.layer[1]!.encoding.color.scale!.domain).toHaveLength(3);
  });
});
