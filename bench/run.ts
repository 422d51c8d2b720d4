/**
 * `npm run bench`: runs every benchmark group, prints tables and writes bench/results.json.
 * Chemistry: each group's first case is its baseline (ratio column). CLI: start-up against `node -e 0`.
 * Store: SQLite and PostgreSQL in the same run. Options by environment: BENCH_MS (time per chemistry case, default 1000), BENCH_RECORDS
 * (synthetic records, default 100000), BENCH_QUERIES (repetitions per query, default 100), BENCH_ML_SEEDS (default 10) and
 * BENCH_ML_PROBLEMS (default branin,hartmann6,volcano,branincurrin; add pulse for the 4-parameter pulse program, ~8 min, or
 * dtlz2).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { chemBenchCases } from './chem.bench.js';
import { runBenchCases } from './harness.js';
import { runCliBench } from './cli.bench.js';
import { runCatmapBench } from './catmap.bench.js';
import { runApiBench, runListLoadBench } from './api.bench.js';
import { runKineticsBench } from './kinetics.bench.js';
import { runProcessBench } from './process.bench.js';
import { runStoreBench } from './store.bench.js';
import { runMlBench } from './ml.bench.js';

async function main() {
  const budgetMs = Number(process.env.BENCH_MS ?? 1000);
  const chem = runBenchCases(chemBenchCases, budgetMs);
  console.table(
    chem.map((r) => ({
      group: r.group,
      case: r.name,
      'ops/s': Math.round(r.opsPerSecond).toLocaleString('en-US'),
      'mean µs': r.meanMicroseconds.toFixed(2),
      'vs baseline': r.ratioToBaseline.toFixed(3),
    })),
  );
  const cli = runCliBench();
  console.table(cli.map((c) => ({ command: c.command, runs: c.runs, 'median ms': Math.round(c.medianMs), 'over baseline ms': Math.round(c.overBaselineMs) })));
  const catmapGrids = runCatmapBench();
  console.table(catmapGrids.map((r) => ({ case: r.case, points: r.points, 'median ms': Math.round(r.medianMs), converged: r.converged ?? '' })));
  // the CPU-bound sections first, then the databases and the server
  const kinetics = await runKineticsBench();
  console.table({
    'Newton + continuation (1 thread, warm)': {
      'solves/s': Math.round(kinetics.steadyState.solvesPerSecond),
      converged: `${(100 * kinetics.steadyState.convergedFraction).toFixed(2)} %`,
      'wall s': kinetics.steadyState.wallSeconds.toFixed(2),
    },
    'same, first (cold) run': {
      'solves/s': Math.round(kinetics.steadyState.coldSolvesPerSecond),
      converged: '',
      'wall s': (kinetics.steadyState.points / kinetics.steadyState.coldSolvesPerSecond).toFixed(2),
    },
    [`Newton, pool of ${kinetics.steadyStateParallel.workers} warm worker threads`]: {
      'solves/s': Math.round(kinetics.steadyStateParallel.solvesPerSecond),
      converged: `${(100 * kinetics.steadyStateParallel.convergedFraction).toFixed(2)} %`,
      'wall s': kinetics.steadyStateParallel.wallSeconds.toFixed(2),
    },
    "same, the pool's first sweep": {
      'solves/s': Math.round(kinetics.steadyStateParallel.coldSolvesPerSecond),
      converged: '',
      'wall s': (kinetics.steadyState.points / kinetics.steadyStateParallel.coldSolvesPerSecond).toFixed(2),
    },
    'baseline: ROS2 integration to 1e8 s': {
      'solves/s': Number(kinetics.baselineTimeIntegration.solvesPerSecond.toFixed(1)),
      converged: `${(100 * kinetics.baselineTimeIntegration.reachedSteadyFraction).toFixed(1)} % (sample of ${kinetics.baselineTimeIntegration.sampledPoints})`,
      'wall s': '',
    },
  });
  console.log(
    `ratio Newton/baseline: ${(kinetics.steadyState.solvesPerSecond / kinetics.baselineTimeIntegration.solvesPerSecond).toFixed(0)}×; warm pool/1 thread: ${(kinetics.steadyStateParallel.solvesPerSecond / kinetics.steadyState.solvesPerSecond).toFixed(2)}×; pulses: ${kinetics.transient.periods} periods, ${kinetics.transient.steps} steps in ${kinetics.transient.wallSeconds.toFixed(2)} s (${Math.round(kinetics.transient.stepsPerSecond)} steps/s)`,
  );
  const store = await runStoreBench(Number(process.env.BENCH_RECORDS ?? 100_000), Number(process.env.BENCH_QUERIES ?? 100));
  console.table(
    store.map((r) => ({
      database: r.database,
      operation: r.operation,
      'records/s': r.recordsPerSecond ? Math.round(r.recordsPerSecond).toLocaleString('en-US') : '',
      's total': r.seconds?.toFixed(2) ?? '',
      'p50 ms': r.p50Ms?.toFixed(2) ?? '',
      'p95 ms': r.p95Ms?.toFixed(2) ?? '',
    })),
  );
  const processBench = runProcessBench();
  const pol = processBench.polarization;
  console.log(
    `microenvironment: one 200-cell solve at 100 mA cm-2 ${processBench.singleSolve.milliseconds.toFixed(0)} ms (${processBench.singleSolve.newtonIterations} Newton iterations incl. continuation), with migration ${processBench.singleSolveMigration.milliseconds.toFixed(0)} ms; ` +
      `30 currents 1–1000 mA cm-2: continuation sweep ${pol.seconds.toFixed(2)} s (${pol.converged}/30) vs independent solves ${pol.baselineSeconds.toFixed(2)} s (${pol.baselineConverged}/30), ${(pol.baselineSeconds / pol.seconds).toFixed(1)}× faster; ` +
      `coupling: ${processBench.coupling.map((c) => `${c.currentDensityAPerM2} A m-2 ${c.iterations} it ${c.seconds.toFixed(1)} s`).join(', ')}`,
  );
  console.table(
    Object.fromEntries(
      processBench.transient.map((t) => [
        t.case,
        { 'simulated s': t.simulatedS, steps: t.steps, 'wall s': Number(t.seconds.toFixed(2)), completed: t.completed },
      ]),
    ),
  );
  const api = await runApiBench();
  console.table(
    api.map((a) => ({
      request: a.request,
      'req/s': Math.round(a.requestsPerSecond),
      'p50 ms': a.latencyP50Ms,
      'p99 ms': a.latencyP99Ms,
      errors: a.errors,
      non2xx: a.non2xx,
    })),
  );
  // the records list at a fixed 1 000 req/s, server in its own process, with and without the list cache
  const listLoad = await runListLoadBench();
  console.table(
    listLoad.map((r) => ({
      cache: r.cache,
      'accept-encoding': r.acceptEncoding ?? '(none)',
      'req/s': Math.round(r.requestsPerSecond),
      'p50 ms': r.latencyP50Ms,
      'p99 ms': r.latencyP99Ms,
      'server CPU ms/req': r.serverCpuMsPerRequest.toFixed(3),
      'bytes/req': Math.round(r.bytesPerRequest),
      errors: r.errors,
      non2xx: r.non2xx,
    })),
  );
  const meta = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', budgetMs };
  // Bayesian optimization vs random search and grids (regret over seeds; bench/ml-regret.svg); BraninCurrin, two
  // objectives (EHVI vs ParEGO, hypervolume gap; about 65 s for 10 seeds); DTLZ2 and the pulse program only standalone
  const ml = runMlBench(Number(process.env.BENCH_ML_SEEDS ?? 10), (process.env.BENCH_ML_PROBLEMS ?? 'branin,hartmann6,volcano,branincurrin').split(','));
  for (const p of [ml.branin, ml.hartmann6, ml.volcano, ml.pulse]) {
    if (p)
      console.table(
        Object.fromEntries(
          p.curves.map((c) => [
            `${p.problem}: ${c.method}`,
            {
              [`median regret after ${p.budget}`]: c.median[p.budget - 1]!.toExponential(2),
              q25: c.q25[p.budget - 1]!.toExponential(2),
              q75: c.q75[p.budget - 1]!.toExponential(2),
            },
          ]),
        ),
      );
  }
  for (const p of [ml.branincurrin, ml.dtlz2]) {
    if (p)
      console.table(
        Object.fromEntries(
          p.curves.map((c) => [
            `${p.problem}: ${c.method}`,
            {
              [`median log10 hypervolume gap after ${p.budget}`]: Math.log10(c.median[p.budget - 1]!).toFixed(2),
              q25: Math.log10(c.q25[p.budget - 1]!).toFixed(2),
              q75: Math.log10(c.q75[p.budget - 1]!).toFixed(2),
            },
          ]),
        ),
      );
  }
  writeFileSync(
    new URL('./results.json', import.meta.url),
    JSON.stringify({ meta, chem, cli, catmapGrids, store, kinetics, process: processBench, api, listLoad, ml }, null, 2) + '\n',
  );
  console.log(`wrote bench/results.json (node ${meta.node}, ${meta.cpus} cpus)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
