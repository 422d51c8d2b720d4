import { afterAll, describe, expect, it } from 'vitest';
import { guidedChunkRows, runParallelSweep } from '../../src/jobs/runParallelSweep.js';
import { closeWorkerPools } from '../../src/jobs/workerPool.js';
import { descriptorSweep, type SweepResult, type SweepSpec } from '../../src/kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../../src/kinetics/parser/compileModel.js';
import { builtinModelText } from '../../src/store/builtinModels.js';

const modelText = builtinModelText('urea-cu4-ceo2');
const model = compileModel(parseModelText(modelText));
const spec: SweepSpec = { x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 6 }, y: { name: 'dG_CO', from: -0.5, to: 1.0, points: 20 } };

afterAll(() => closeWorkerPools());

/** The chunk sizes guided self-scheduling cuts `rows` into. */
const sizes = (rows: number, workers: number) => {
  const out: number[] = [];
  for (let left = rows; left > 0; left -= out.at(-1)!) out.push(Math.min(left, guidedChunkRows(left, workers)));
  return out;
};

describe('default chunking of the pool (guided self-scheduling)', () => {
  it('cuts ceil(left / (2 · workers)) rows, at least 4: large chunks first, small ones at the end', () => {
    // 300 rows, 2 workers: ceil(300/4) = 75, ceil(225/4) = 57, ceil(168/4) = 42, … by hand
    expect(sizes(300, 2)).toEqual([75, 57, 42, 32, 24, 18, 13, 10, 8, 6, 4, 4, 4, 3]);
    expect(sizes(10, 8)).toEqual([4, 4, 2]);
  });

  it('cuts the pool’s chunks so, around the rows a checkpoint already holds, and gives the serial values', async () => {
    const chunks: SweepResult[] = [];
    const full = await runParallelSweep({ modelText, model, spec, workers: 2, onChunk: (c) => chunks.push(c) });
    expect(chunks.map((c) => c.rows).sort((a, b) => a[0] - b[0])).toEqual([
      [0, 5],
      [5, 9],
      [9, 13],
      [13, 17],
      [17, 20],
    ]);
    const serial = descriptorSweep(model, spec);
    expect(Array.from(full.status)).toEqual(Array.from(serial.status));
    full.log10Tof.urea!.forEach((v, i) => expect(Math.abs(v - serial.log10Tof.urea![i]!)).toBeLessThan(1e-9));
    // rows 5–8 done: 16 left → 4 rows, then the band stops at the done rows, then 11 → 4, 7 → 4, 3 → 3
    const fresh: SweepResult[] = [];
    await runParallelSweep({ modelText, model, spec, workers: 2, completed: [chunks.find((c) => c.rows[0] === 5)!], onChunk: (c) => fresh.push(c) });
    expect(fresh.map((c) => c.rows).sort((a, b) => a[0] - b[0])).toEqual([
      [0, 4],
      [4, 5],
      [9, 13],
      [13, 17],
      [17, 20],
    ]);
  });
});
