import { describe, expect, it } from 'vitest';
import { runParallelSweep } from '../../src/jobs/runParallelSweep.js';
import { descriptorSweep, type SweepResult, type SweepSpec } from '../../src/kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../../src/kinetics/parser/compileModel.js';
import { builtinModelText } from '../../src/store/builtinModels.js';

const modelText = builtinModelText('urea-cu4-ceo2');
const model = compileModel(parseModelText(modelText));
const spec: SweepSpec = { x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 12 }, y: { name: 'dG_CO', from: -0.5, to: 1.0, points: 10 } };

describe('descriptor sweeps in-process (the CLI’s small grids)', () => {
  it('is the serial sweep bit for bit (one continuation band), with progress ending at the grid size', async () => {
    const serial = descriptorSweep(model, spec);
    const seen: number[] = [];
    const r = await runParallelSweep({ modelText, model, spec, inProcess: 'auto', onProgress: (done, total) => (expect(total).toBe(120), seen.push(done)) });
    expect(seen.at(-1)).toBe(120);
    expect(seen.every((d, i) => i === 0 || d >= seen[i - 1]!)).toBe(true);
    expect(Array.from(r.converged)).toEqual(Array.from(serial.converged));
    for (const p of Object.keys(serial.log10Tof)) expect(Array.from(r.log10Tof[p]!)).toEqual(Array.from(serial.log10Tof[p]!));
  });
  it('resumes: rows already done are not solved again, the rest in contiguous bands', async () => {
    const done: SweepResult = descriptorSweep(model, spec, [3, 6]);
    const chunks: [number, number][] = [];
    const r = await runParallelSweep({ modelText, spec, inProcess: true, completed: [done], onChunk: (c) => chunks.push(c.rows) });
    expect(chunks).toEqual([
      [0, 3],
      [6, 10],
    ]);
    expect(r.converged.every((c) => c === 1)).toBe(true);
  });
});
