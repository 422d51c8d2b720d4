import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseShard, shardRows } from '../../src/cli/shardCommands.js';
import { closeWorkerPools } from '../../src/jobs/workerPool.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-shard-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeWorkerPools();
});

const grid = ['urea-cu4-ceo2', '--x', 'dG_NO:-1.5:0.5', '--y', 'dG_CO:-0.5:1', '--grid', '30x20'];
const part = (i: number, n = 3) => path.join(dir, `part-${i}-of-${n}.json`);
const withoutWallTime = (text: string) => {
  const { wallTimeS: _w, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return rest;
};

describe('shard bands', () => {
  it('cuts contiguous bands of ceil(rows / N) rows, 1-based shards, the last shorter or empty', () => {
    expect([1, 2, 3].map((i) => shardRows(20, i, 3))).toEqual([
      [0, 7],
      [7, 14],
      [14, 20],
    ]);
    expect([1, 2, 3, 4, 5, 6].map((i) => shardRows(10, i, 6))).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
      [6, 8],
      [8, 10],
      [10, 10],
    ]);
    expect(shardRows(1, 1, 1)).toEqual([0, 1]);
  });
  it('parses i/N and refuses shards outside 1..N or more shards than rows', () => {
    expect(parseShard('2/8', 20)).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/3', '4/3', '1/21', 'a/b', '3']) expect(() => parseShard(bad, 20)).toThrow(/--shard/);
  });
});

describe('cncouple kinetics sweep --shard and cncouple merge', () => {
  it('merges shards 1..3 of a 30 × 20 grid into exactly what one local run prints', async () => {
    for (const i of [1, 2, 3]) {
      const r = await cli('kinetics', 'sweep', ...grid, '--shard', `${i}/3`, '--out', part(i), '--json');
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({
        shard: { index: i, count: 3 },
        rows: [
          [0, 7],
          [7, 14],
          [14, 20],
        ][i - 1],
        points: i === 3 ? 180 : 210,
      });
    }
    const out = path.join(dir, 'result.json');
    const merged = await cli('merge', part(1), part(2), part(3), '--out', out, '--json');
    expect(merged.code, merged.err).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(merged.out));
    // the same bands on the local pool (--chunk-rows ceil(20 / 3) = 7): every value identical
    const local = await cli('kinetics', 'sweep', ...grid, '--workers', '2', '--chunk-rows', '7', '--json');
    expect(local.code, local.err).toBe(0);
    const m = withoutWallTime(merged.out);
    expect(m).toEqual(withoutWallTime(local.out));
    expect(m).toMatchObject({ points: 600, converged: 600 });
    // the one-band in-process run (continuation across the band edges) reaches the same steady states to
    // round-off: 4e-15 in log10 TOF measured; 1e-9 allowed
    const single = withoutWallTime((await cli('kinetics', 'sweep', ...grid, '--json')).out) as {
      status: string[];
      log10Tof: Record<string, (number | null)[]>;
      faradaicEfficiency: Record<string, (number | null)[]>;
    };
    const mm = m as typeof single;
    expect(mm.status).toEqual(single.status);
    for (const p of Object.keys(single.log10Tof)) {
      single.log10Tof[p]!.forEach((v, k) =>
        v === null ? expect(mm.log10Tof[p]![k]).toBeNull() : expect(Math.abs(mm.log10Tof[p]![k]! - v)).toBeLessThan(1e-9),
      );
      single.faradaicEfficiency[p]!.forEach((v, k) =>
        v === null ? expect(mm.faradaicEfficiency[p]![k]).toBeNull() : expect(Math.abs(mm.faradaicEfficiency[p]![k]! - v)).toBeLessThan(1e-9),
      );
    }
  });

  it('refuses a missing part, naming its rows and shard, exit 2', async () => {
    const r = await cli('merge', part(1), part(3), '--json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: parts: rows 7–13 \(0-based\) of 20 are in no part \(missing shard 2\/3\)/);
    expect(JSON.parse(r.out).error.field).toBe('parts');
  });

  it('refuses overlapping parts, naming the rows and files, exit 2', async () => {
    expect(await cli('kinetics', 'sweep', ...grid, '--shard', '1/2', '--out', part(1, 2))).toMatchObject({ code: 0 });
    const r = await cli('merge', part(1, 2), part(2), part(3));
    expect(r.code).toBe(2);
    // shard 1/2 holds rows 0–9, shard 2/3 rows 7–13: rows 7–9 twice
    expect(r.err).toContain('rows 7–9 (0-based) are in more than one part');
    expect(r.err).toContain(path.basename(part(1, 2)));
    expect((await cli('merge', part(1), part(2), part(2), part(3))).err).toContain('rows 7–13 (0-based) are in more than one part');
  });

  it('refuses parts of another grid or model text', async () => {
    const other = path.join(dir, 'other.json');
    expect(
      await cli('kinetics', 'sweep', 'urea-cu4-ceo2', '--x', 'dG_NO:-1.5:0.5', '--y', 'dG_CO:-0.5:1', '--grid', '31x20', '--shard', '2/3', '--out', other),
    ).toMatchObject({ code: 0 });
    const r = await cli('merge', part(1), other, part(3));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/parts of one sweep \(same axes, grid/);
    const tampered = path.join(dir, 'tampered.json');
    const p = JSON.parse(readFileSync(part(2), 'utf8'));
    writeFileSync(tampered, JSON.stringify({ ...p, modelText: `${p.modelText}\n# edited` }));
    expect((await cli('merge', part(1), tampered, part(3))).err).toContain('model text was changed');
  });

  it('refuses local-run options with --shard and a part file that is not .json', async () => {
    expect((await cli('kinetics', 'sweep', ...grid, '--shard', '1/3', '--out', part(1), '--workers', '2')).err).toMatch(
      /^error: --workers: got --workers \(allowed: not with --shard/,
    );
    expect((await cli('kinetics', 'sweep', ...grid, '--shard', '1/3', '--out', path.join(dir, 'x.svg'))).err).toMatch(/^error: --out: .*ending in \.json/);
  });
});
