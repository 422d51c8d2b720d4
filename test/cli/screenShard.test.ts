/**
 * Screenings beyond one process (issue 14): `screen --shard i/N` parts merged by `cncouple merge` print exactly
 * what one `screen --json` run prints, and the worker pool's chunks give exactly the single-thread result —
 * each candidate samples from its own seeded stream.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseScreenShard } from '../../src/cli/screenShard.js';
import { runParallelScreening } from '../../src/jobs/runParallelScreening.js';
import { closeWorkerPools } from '../../src/jobs/workerPool.js';
import { parseCandidatesCsv } from '../../src/ml/campaignText.js';
import { candidateSeed, screenCandidateRange, screenCandidates, screeningSettings } from '../../src/ml/screenCandidates.js';
import { loadModel } from '../../src/store/builtinModels.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-screenshard-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeWorkerPools();
});

// 7 candidates: 3 shards of ceil(7/3) = 3, 3 and 1 candidates; one candidate with its own sigma
const csv = [
  'name,dG_NO,dG_CO,sigma_dG_NO',
  'A,-1.0,-0.1,0.05',
  'B,-0.6,0.3,',
  'C,-0.8,0.0,',
  'D,-1.2,0.2,',
  'E,-0.4,-0.2,',
  'F,-0.9,0.5,',
  'G,-0.7,0.1,',
].join('\n');
const file = path.join(dir, 'candidates.csv');
writeFileSync(file, csv);
const common = ['--model', 'urea-cu4-ceo2', '--samples', '20', '--top', '2', '--seed', '11', '--correlation', '0.3'];
const part = (i: number, n = 3) => path.join(dir, `screen-part-${i}-of-${n}.json`);

describe('candidate seeds', () => {
  it('differ for every candidate of one seed, and between seeds', () => {
    const seeds = new Set(Array.from({ length: 10000 }, (_, i) => candidateSeed(11, i)));
    expect(seeds.size).toBe(10000);
    expect(candidateSeed(0, 0)).not.toBe(candidateSeed(1, 0));
    // (seed + (i + 1) · 0x9e3779b1) mod 2^32, by hand for seed 0, i = 0 and 1
    expect(candidateSeed(0, 0)).toBe(0x9e3779b1);
    expect(candidateSeed(0, 1)).toBe((2 * 0x9e3779b1) % 2 ** 32);
  });

  it('make a candidate’s samples independent of the others screened before it in the process', () => {
    const model = loadModel({ name: 'urea-cu4-ceo2' });
    const candidates = parseCandidatesCsv(model.descriptors, csv);
    const settings = screeningSettings(model, candidates, { samples: 20, seed: 11 });
    const all = screenCandidateRange(model, candidates, settings, [0, 7]);
    const alone = screenCandidateRange(model, candidates, settings, [4, 5]);
    expect(alone.screened[0]).toEqual(all.screened[4]);
    expect(Array.from(alone.rankValues[0]!)).toEqual(Array.from(all.rankValues[4]!));
  });
});

describe('cncouple screen --shard and merge', () => {
  it('merges shards 1..3 into exactly what one local screen --json prints', async () => {
    for (const i of [1, 2, 3]) {
      const r = await cli('screen', file, ...common, '--shard', `${i}/3`, '--out', part(i), '--json');
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({
        shard: { index: i, count: 3 },
        range: [
          [0, 3],
          [3, 6],
          [6, 7],
        ][i - 1],
        candidates: i === 3 ? 1 : 3,
      });
    }
    const out = path.join(dir, 'screen-result.json');
    const merged = await cli('merge', part(3), part(1), part(2), '--out', out, '--json'); // any order
    expect(merged.code, merged.err).toBe(0);
    const single = await cli('screen', file, ...common, '--json');
    expect(single.code, single.err).toBe(0);
    expect(JSON.parse(merged.out)).toEqual(JSON.parse(single.out));
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(single.out));
    // P(top 2) sums to 2 over the candidates when no sample failed (two winners per sample)
    const r = JSON.parse(single.out) as { candidates: { pTopK: number; failedFraction: number }[] };
    if (r.candidates.every((c) => c.failedFraction === 0)) expect(r.candidates.reduce((s, c) => s + c.pTopK, 0)).toBeCloseTo(2, 12);
    // the text form is the local table plus the merge line
    const text = await cli('merge', part(1), part(2), part(3));
    const local = await cli('screen', file, ...common);
    expect(text.out.trimEnd().split('\n').slice(0, -1).join('\n')).toBe(local.out.trimEnd());
  });

  it('names a missing shard, a repeated candidate, other settings, and refuses --csv', async () => {
    const missing = await cli('merge', part(1), part(3));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/candidates 3–5 \(0-based\) of 7 are in no part \(missing shard 2\/3\)/);
    const twice = await cli('merge', part(1), part(1), part(2), part(3));
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/candidates 0–2 \(0-based\) are in more than one part/);
    const other = path.join(dir, 'other-seed.json');
    expect((await cli('screen', file, ...common.slice(0, -4), '--seed', '12', '--top', '2', '--shard', '2/3', '--out', other)).code).toBe(0);
    const mixed = await cli('merge', part(1), other, part(3));
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/same samples, sigma, correlation, top k, product, ranking, potential and seed/);
    expect((await cli('merge', part(1), part(2), part(3), '--csv', path.join(dir, 'x.csv'))).err).toMatch(/--csv/);
    expect((await cli('screen', file, ...common, '--shard', '1/3', '--out', path.join(dir, 'p.svg'))).err).toMatch(/--out/);
    // the run's option checks hold for a shard too, before any part is written, under their flag or CSV column
    const badProduct = await cli('screen', file, ...common, '--product', 'NH3x', '--shard', '1/3', '--out', path.join(dir, 'bad-product.json'));
    expect(badProduct.code).toBe(2);
    expect(badProduct.err).toMatch(/^error: --product: got "NH3x"/m);
    const wide = path.join(dir, 'wide-sigma.csv');
    writeFileSync(wide, 'name,dG_NO,dG_CO,sigma_dG_NO\nA,-1.0,-0.1,3\n');
    const badSigma = await cli('screen', wide, ...common, '--shard', '1/1', '--out', path.join(dir, 'bad-sigma.json'));
    expect(badSigma.code).toBe(2);
    expect(badSigma.err).toMatch(/candidates\[0\]\.sigma_dG_NO: got 3 \(allowed: a number from 0 to 2 eV\)/);
    expect(() => parseScreenShard('8/8', 7)).toThrow(/--shard/);
    expect(parseScreenShard('7/7', 7)).toEqual({ index: 7, count: 7 });
  });
});

describe('screening on the worker pool', () => {
  it('gives exactly the single-thread result for any chunking', async () => {
    const input = { model: 'urea-cu4-ceo2', candidates: csv, sigmaEv: 0.1, correlation: 0.3, samples: 20, topK: 2, rankBy: 'log10Tof' as const, seed: 11 };
    const model = loadModel({ name: 'urea-cu4-ceo2' });
    const single = screenCandidates(model, parseCandidatesCsv(model.descriptors, csv), input);
    for (const chunkCandidates of [undefined, 1, 3]) {
      let last = 0;
      const pooled = await runParallelScreening({
        input,
        workers: 2,
        ...(chunkCandidates ? { chunkCandidates } : {}),
        onProgress: (done, total) => ((last = done), expect(total).toBe(7)),
      });
      expect(pooled).toEqual(single);
      expect(last).toBe(7);
    }
  });
});
