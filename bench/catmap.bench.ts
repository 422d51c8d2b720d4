/**
 * CatMAP-style grids at the user's scale: the HER fixture in CatMAP's format (test/kinetics/fixtures/her-full.mkm,
 * shaped like CatMAP's electrochemical HER tutorial: Volmer, Heyrovsky, Tafel, O* and OH* steps, descriptors H_s × OH_s
 * at −0.1 V vs RHE and 300 K) is imported with `cncouple import catmap`, then swept through the CLI as whole processes
 * (median wall time of fresh processes, against `node -e 0` in the same run) on the tutorial's 17 × 17 grid and on
 * 100 × 100; and the same sweeps in a fresh process through `runParallelSweep` in-process vs on a cold worker pool,
 * which isolates the pool's start-up. Needs the build (`npm run bench` makes it). Run alone:
 * `npx tsc -p tsconfig.build.json && npx tsx bench/catmap.bench.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One row of the CatMAP-grid table. */
export interface CatmapBenchRow {
  case: string;
  points: number;
  runs: number;
  medianMs: number;
  /** Converged points of the last run (null for the baseline). */
  converged: number | null;
}

const root = fileURLToPath(new URL('..', import.meta.url));

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed(args: string[], runs: number): { medianMs: number; stdout: string } {
  const times: number[] = [];
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    stdout = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(performance.now() - t);
  }
  return { medianMs: median(times), stdout };
}

/** Runs the CatMAP-grid cases (`runs` fresh processes each). */
export function runCatmapBench(runs = 5): CatmapBenchRow[] {
  const dir = mkdtempSync(join(os.tmpdir(), 'cncouple-catmap-bench-'));
  const model = join(dir, 'her-full.yaml');
  execFileSync(process.execPath, ['dist/cli/main.js', 'import', 'catmap', 'test/kinetics/fixtures/her-full.mkm', '--out', model], {
    cwd: root,
    stdio: 'ignore',
  });
  const rows: CatmapBenchRow[] = [];
  const base = timed(['-e', '0'], runs);
  rows.push({ case: 'baseline: node -e 0', points: 0, runs, medianMs: base.medianMs, converged: null });
  for (const n of [17, 100]) {
    const cli = timed(
      ['dist/cli/main.js', 'kinetics', 'sweep', model, '--x', 'H_s:-1:1', '--y', 'OH_s:-2:3', '--grid', `${n}x${n}`, '--potential', '-0.1', '--json'],
      runs,
    );
    rows.push({
      case: `node dist/cli/main.js kinetics sweep (${n}×${n})`,
      points: n * n,
      runs,
      medianMs: cli.medianMs,
      converged: (JSON.parse(cli.stdout) as { converged: number }).converged,
    });
    for (const inProcess of [true, false]) {
      const code = `import { readFileSync } from 'node:fs'; import { runParallelSweep } from './dist/jobs/runParallelSweep.js'; import { closeWorkerPools } from './dist/jobs/workerPool.js';
        const r = await runParallelSweep({ modelText: readFileSync(${JSON.stringify(model)}, 'utf8'), inProcess: ${inProcess}, spec: { x: { name: 'H_s', from: -1, to: 1, points: ${n} }, y: { name: 'OH_s', from: -2, to: 3, points: ${n} }, potentialVvsRHE: -0.1 } });
        console.log(r.converged.reduce((a, b) => a + b, 0)); await closeWorkerPools();`;
      const p = timed(['--input-type=module', '-e', code], runs);
      rows.push({
        case: `process: runParallelSweep ${inProcess ? 'in-process' : `on a cold pool of ${os.availableParallelism()} workers`} (${n}×${n})`,
        points: n * n,
        runs,
        medianMs: p.medianMs,
        converged: Number(p.stdout.trim()),
      });
    }
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = runCatmapBench(Number(process.env.BENCH_RUNS ?? 5));
  console.table(rows.map((r) => ({ case: r.case, points: r.points, runs: r.runs, 'median ms': Math.round(r.medianMs), converged: r.converged ?? '' })));
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.availableParallelism()} cores`,
  );
}
