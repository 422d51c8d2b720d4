import { afterAll, describe, expect, it } from 'vitest';
import { runParallelSweep } from '../../src/jobs/runParallelSweep.js';
import { closeWorkerPools } from '../../src/jobs/workerPool.js';
import { descriptorSweep, type SweepResult, type SweepSpec } from '../../src/kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../../src/kinetics/parser/compileModel.js';
import { builtinModelText } from '../../src/store/builtinModels.js';

const modelText = builtinModelText('urea-cu4-ceo2');
const model = compileModel(parseModelText(modelText));
const spec: SweepSpec = { x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 12 }, y: { name: 'dG_CO', from: -0.5, to: 1.0, points: 10 } };

afterAll(() => closeWorkerPools());

describe('descriptor sweeps on the worker pool', () => {
  it('gives the serial answer, with progress that only grows and ends at the grid size', async () => {
    const serial = descriptorSweep(model, spec);
    const seen: number[] = [];
    const parallel = await runParallelSweep({
      modelText,
      spec,
      workers: 2,
      chunkRows: 4,
      onProgress: (done, total) => (expect(total).toBe(120), seen.push(done)),
    });
    expect(seen.at(-1)).toBe(120);
    expect(seen.every((d, i) => i === 0 || d >= seen[i - 1]!)).toBe(true);
    expect(Array.from(parallel.converged)).toEqual(Array.from(serial.converged));
    expect(parallel.converged.every((c) => c === 1)).toBe(true);
    for (const product of Object.keys(serial.log10Tof)) {
      serial.log10Tof[product]!.forEach((v, i) => {
        const p = parallel.log10Tof[product]![i]!;
        if (Number.isNaN(v)) expect(p).toBeNaN();
        else expect(p).toBeCloseTo(v, 4); // same steady state reached from other continuation paths
      });
    }
  });

  it('runs a sweep cut into more chunks than an abort signal takes listeners by default, without a leak warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const rows12: SweepSpec = { ...spec, y: { ...spec.y!, points: 12 } };
      const result = await runParallelSweep({ modelText, spec: rows12, workers: 2, chunkRows: 1 }); // 12 chunks, each listening to one abort signal
      expect(result.converged.every((c) => c === 1)).toBe(true);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('skips the chunks of a checkpoint and solves only the rest', async () => {
    const chunks: SweepResult[] = [];
    const first = await runParallelSweep({ modelText, spec, workers: 2, chunkRows: 5, onChunk: (c) => chunks.push(c) });
    expect(chunks.map((c) => c.rows).sort((a, b) => a[0] - b[0])).toEqual([
      [0, 5],
      [5, 10],
    ]);
    const starts: number[] = [];
    const resumed = await runParallelSweep({
      modelText,
      spec,
      workers: 2,
      chunkRows: 5,
      completed: [chunks.find((c) => c.rows[0] === 0)!],
      onProgress: (d) => starts.push(d),
    });
    expect(starts[0]).toBe(60); // half the grid came from the checkpoint
    expect(Array.from(resumed.residual).every((r) => r < 1e-8)).toBe(true);
    expect(Array.from(resumed.log10Tof.urea!)).toEqual(Array.from(first.log10Tof.urea!));
  });

  it('solves only the rows finished chunks leave, however those chunks were cut', async () => {
    const chunks: SweepResult[] = [];
    const full = await runParallelSweep({ modelText, spec, workers: 2, chunkRows: 3, onChunk: (c) => chunks.push(c) });
    const kept = chunks.filter((c) => c.rows[0] === 3 || c.rows[0] === 9); // rows 3–5 and 9
    const resumedChunks: SweepResult[] = [];
    const starts: number[] = [];
    const resumed = await runParallelSweep({
      modelText,
      spec,
      workers: 2,
      chunkRows: 4,
      completed: kept,
      onChunk: (c) => resumedChunks.push(c),
      onProgress: (d) => starts.push(d),
    });
    expect(starts[0]).toBe(4 * 12); // 4 of 10 rows were kept
    expect(resumedChunks.map((c) => c.rows).sort((a, b) => a[0] - b[0])).toEqual([
      [0, 3],
      [6, 9],
    ]);
    expect(Array.from(resumed.log10Tof.urea!)).toEqual(Array.from(full.log10Tof.urea!));
    await expect(runParallelSweep({ modelText, spec: { ...spec, x: { ...spec.x, points: 5 } }, completed: kept })).rejects.toThrow(
      /completed: .*a chunk of 12 × 10 points for a 5 × 10 grid/,
    );
  });

  it('stops when cancelled, and the pool keeps serving sweeps afterwards', async () => {
    const controller = new AbortController();
    const big: SweepSpec = { ...spec, x: { ...spec.x, points: 400 }, y: { ...spec.y!, points: 400 } };
    const running = runParallelSweep({ modelText, spec: big, workers: 2, signal: controller.signal, onProgress: (d) => d > 0 && controller.abort() });
    await expect(running).rejects.toThrow('sweep cancelled');
    const after = await runParallelSweep({ modelText, spec, workers: 2 });
    expect(after.converged.every((c) => c === 1)).toBe(true);
  });

  it('reports a bad descriptor as an error of the sweep', async () => {
    await expect(runParallelSweep({ modelText, spec: { ...spec, x: { ...spec.x, name: 'dG_XX' } }, workers: 2 })).rejects.toThrow(/unknown descriptor "dG_XX"/);
  });
});
