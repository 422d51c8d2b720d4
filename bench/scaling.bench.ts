/**
 * Scaling of the in-process worker pool (issue 14, "Scaling you can see"): one 300 × 300 sweep of the built-in
 * urea-cu4-ceo2 model on the calling thread, on a warm pool of 1 worker and on a warm pool of 2 workers with
 * several chunk sizes, in one run. Reports wall time, process CPU time (main thread and workers together:
 * `process.cpuUsage`), the 2-vs-1-worker wall ratio, and two figures a busy machine cannot distort much:
 * - the CPU ratio (CPU of the 1-worker run / CPU of the 2-worker run): extra work the split costs (continuation
 *   restarts at chunk borders, merging, messages) — 1.0 means none;
 * - the load-balance bound: the speed-up an idle 2-core machine would give for that chunking, from the per-row
 *   costs of the single-thread run (CPU time of each row) and the pool's in-order queue (each free worker takes
 *   the next chunk): total cost / makespan.
 * The machine this runs on may be shared: compare ratios within one run. Run: `npx tsx bench/scaling.bench.ts`
 * (ROWS=… POINTS=… to change the grid, REPEATS=… the rounds, default 3: every case once per round, medians).
 * `SCALING=screen npx tsx bench/scaling.bench.ts` runs the screening case instead ({@link runScreeningScalingBench};
 * CANDIDATES=…, SAMPLES=…, REPEATS=…).
 */
import { guidedChunkRows, runParallelSweep } from '../src/jobs/runParallelSweep.js';
import { closeWorkerPools } from '../src/jobs/workerPool.js';
import { descriptorSweep, type SweepSpec } from '../src/kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../src/kinetics/parser/compileModel.js';
import { builtinModelText } from '../src/store/builtinModels.js';

/** One measured case. */
export interface ScalingCase {
  case: string;
  workers: number;
  /** Grid rows per chunk, or null for the default chunking. */
  chunkRows: number | null;
  chunks: number;
  wallS: number;
  cpuS: number;
  solvesPerS: number;
  /** Predicted idle-machine speed-up of the chunking from the per-row costs (null for one worker). */
  balanceBound: number | null;
  converged: number;
}

/** The scaling section: the cases and the 2-vs-1 ratios. */
export interface ScalingBenchResult {
  grid: string;
  points: number;
  cases: ScalingCase[];
  /** Per 2-worker case: wall(1 worker) / wall(2 workers), and cpu(1 worker) / cpu(2 workers). */
  ratios: { case: string; wallRatio: number; cpuRatio: number }[];
  /** The 1-worker pool's first sweep (workers load the modules, compile the model), s. */
  coldPoolS: number;
  /** The main thread's merge of the chunks (mergeSweepChunks) on the default chunking, s. */
  mergeS: number;
  loadAverage: number[];
}

const text = builtinModelText('urea-cu4-ceo2');

const cpuSeconds = (start: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};

/** Chunk sizes (rows) of a chunking: fixed `chunkRows`, or the default (guided) one. */
function chunkSizes(rows: number, workers: number, chunkRows: number | undefined): number[] {
  const sizes: number[] = [];
  for (let r = 0; r < rows;) {
    const size = Math.min(rows - r, chunkRows ?? guidedChunkRows(rows - r, workers));
    sizes.push(size);
    r += size;
  }
  return sizes;
}

/** Makespan of chunks (in order) on `workers` that each take the next chunk when free, from per-row costs. */
function makespan(rowCost: number[], sizes: number[], workers: number): number {
  const free = new Array<number>(workers).fill(0);
  let r = 0;
  for (const size of sizes) {
    const cost = rowCost.slice(r, r + size).reduce((a, b) => a + b, 0);
    r += size;
    const w = free.indexOf(Math.min(...free));
    free[w] = free[w]! + cost;
  }
  return Math.max(...free);
}

/** Runs the scaling benchmark. */
export async function runScalingBench(rows = 300, points = 300, repeats = 3): Promise<ScalingBenchResult> {
  const spec: SweepSpec = { x: { name: 'dG_NO', from: -1.5, to: 0.5, points }, y: { name: 'dG_CO', from: -0.5, to: 1.0, points: rows } };
  const model = compileModel(parseModelText(text));
  const total = rows * points;
  const cases: ScalingCase[] = [];
  const rowCost: number[] = [];

  // the calling thread, warm (a first sweep JIT-compiles the solver), rows timed one by one
  descriptorSweep(model, { ...spec, y: { ...spec.y!, points: Math.min(rows, 30) } });
  {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let last = process.cpuUsage();
    // CPU time per row (no pool runs yet: the process's CPU is this thread's), less disturbed than wall time on a busy machine
    const serial = descriptorSweep(model, spec, undefined, () => {
      const now = process.cpuUsage();
      rowCost.push(now.user + now.system - last.user - last.system);
      last = now;
    });
    const wallS = (performance.now() - t0) / 1000;
    const cpuS = cpuSeconds(cpu0);
    cases.push({
      case: 'calling thread, one band',
      workers: 0,
      chunkRows: null,
      chunks: 1,
      wallS,
      cpuS,
      solvesPerS: total / wallS,
      balanceBound: null,
      converged: serial.converged.reduce((a, b) => a + b, 0),
    });
  }

  const once = async (workers: number, chunkRows: number | undefined) => {
    let chunks = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await runParallelSweep({ modelText: text, model, spec, workers, ...(chunkRows ? { chunkRows } : {}), onChunk: () => chunks++ });
    return { wallS: (performance.now() - t0) / 1000, cpuS: cpuSeconds(cpu0), chunks, converged: result.converged.reduce((a, b) => a + b, 0) };
  };

  // warm both pools (the 1-worker pool's first sweep timed: workers load the modules and compile the model)
  const small = { ...spec, y: { ...spec.y!, points: Math.min(rows, 30) } };
  const t0 = performance.now();
  await runParallelSweep({ modelText: text, model, spec: small, workers: 1 });
  const coldPoolS = (performance.now() - t0) / 1000;
  await runParallelSweep({ modelText: text, model, spec: small, workers: 2, chunkRows: 1 });
  // the cases in rounds (1 worker, then each 2-worker chunking, again and again) so that a change in the
  // machine's load hits every case alike; the median of each case's runs
  const plans: { workers: number; chunkRows: number | undefined }[] = [
    { workers: 1, chunkRows: undefined },
    ...[undefined, Math.ceil(rows / 4), 16, 4, 1].map((chunkRows) => ({ workers: 2, chunkRows })),
  ];
  const runs = plans.map(() => [] as Awaited<ReturnType<typeof once>>[]);
  for (let i = 0; i < repeats; i++) for (const [k, p] of plans.entries()) runs[k]!.push(await once(p.workers, p.chunkRows));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const sumCost = rowCost.reduce((a, b) => a + b, 0);
  for (const [k, p] of plans.entries()) {
    const r = runs[k]!;
    const wallS = median(r.map((x) => x.wallS));
    const name =
      p.workers === 1 ? 'pool of 1 worker (default chunks)' : `pool of 2 workers, ${p.chunkRows ? `${p.chunkRows} rows per chunk` : 'default (guided) chunks'}`;
    cases.push({
      case: name,
      workers: p.workers,
      chunkRows: p.chunkRows ?? null,
      chunks: r[0]!.chunks,
      wallS,
      cpuS: median(r.map((x) => x.cpuS)),
      solvesPerS: total / wallS,
      balanceBound: p.workers === 2 ? sumCost / makespan(rowCost, chunkSizes(rows, 2, p.chunkRows), 2) : null,
      converged: Math.min(...r.map((x) => x.converged)),
    });
  }
  await closeWorkerPools();

  // the main thread's merge of the default chunking's chunks
  const chunks = [];
  const band = Math.ceil(rows / 8);
  for (let r = 0; r < rows; r += band) chunks.push(descriptorSweep(model, spec, [r, Math.min(rows, r + band)]));
  const { mergeSweepChunks } = await import('../src/jobs/runParallelSweep.js');
  const m0 = performance.now();
  mergeSweepChunks(model, spec, chunks);
  const mergeS = (performance.now() - m0) / 1000;

  const oneWorker = cases.find((c) => c.workers === 1)!;
  const ratios = cases.filter((c) => c.workers === 2).map((c) => ({ case: c.case, wallRatio: oneWorker.wallS / c.wallS, cpuRatio: oneWorker.cpuS / c.cpuS }));
  const os = await import('node:os');
  return { grid: `${points} × ${rows}`, points: total, cases, ratios, coldPoolS, mergeS, loadAverage: os.loadavg() };
}

/** One case of the screening scaling benchmark. */
export interface ScreeningScalingCase {
  case: string;
  workers: number;
  chunks: number;
  wallS: number;
  /** Process CPU time (main thread and workers), s. */
  cpuS: number;
  /** cpuS / wallS: the cores the case actually got (2 at most on 2 cores; less when the machine is shared). */
  coresUsed: number;
  samplesPerS: number;
  /** Predicted idle-machine speed-up of the chunking from the per-candidate CPU costs (null for one worker). */
  balanceBound: number | null;
}

/** The screening scaling section (issue 14: 1 vs 2 workers on a 1000-candidate screening). */
export interface ScreeningScalingResult {
  candidates: number;
  samples: number;
  cases: ScreeningScalingCase[];
  /** wall(1 worker) / wall(2 workers); cpu(1 worker) / cpu(2 workers), the work the split adds (1 = none). */
  wallRatio: number;
  cpuRatio: number;
  /**
   * A speed-up a busy machine distorts less: the 2-worker run's CPU work per wall second over the 1-worker run's
   * (coresUsed(2) / coresUsed(1)) times the CPU ratio — equal to the wall ratio by construction, but split into
   * what the machine gave (cores) and what the code costs (CPU ratio).
   */
  coresRatio: number;
  loadAverage: number[];
}

/**
 * 1 vs 2 pool workers on one Monte Carlo screening of `candidates` synthetic candidates (urea-cu4-ceo2, its four
 * descriptors spread over a deterministic lattice, σ 0.1 eV, `samples` samples each), warm pools, in `repeats`
 * interleaved rounds (medians); plus the calling thread alone, timing each candidate's CPU for the load-balance
 * bound of the default (guided) chunking.
 */
export async function runScreeningScalingBench(candidates = 1000, samples = 100, repeats = 3): Promise<ScreeningScalingResult> {
  const { runParallelScreening, guidedChunkCandidates } = await import('../src/jobs/runParallelScreening.js');
  const { screenCandidates } = await import('../src/ml/screenCandidates.js');
  const { parseCandidatesCsv } = await import('../src/ml/campaignText.js');
  const { loadModel } = await import('../src/store/builtinModels.js');
  const model = loadModel({ name: 'urea-cu4-ceo2' });
  const d = model.descriptors;
  // candidate i: descriptor j at -1.2 + 1.4 · frac(i · g_j), g_j the fractional parts of √2, √3, √5, √7 (a Kronecker lattice: spread, no repeats)
  const g = [Math.SQRT2, Math.sqrt(3), Math.sqrt(5), Math.sqrt(7)];
  const rows = Array.from({ length: candidates }, (_, i) => `s${i},${d.map((_, j) => (-1.2 + 1.4 * (((i + 1) * g[j % 4]!) % 1)).toFixed(4)).join(',')}`);
  const csv = [`name,${d.join(',')}`, ...rows].join('\n');
  const input = { model: 'urea-cu4-ceo2', candidates: csv, sigmaEv: 0.1, correlation: 0, samples, topK: 10, rankBy: 'log10Tof' as const, seed: 0 };

  // the calling thread, warm, CPU per candidate (no pool runs yet: the process's CPU is this thread's)
  const list = parseCandidatesCsv(d, csv);
  screenCandidates(model, list.slice(0, 20), { ...input });
  const cost: number[] = [];
  let last = process.cpuUsage();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  screenCandidates(model, list, {
    ...input,
    onCandidate: () => {
      const now = process.cpuUsage();
      cost.push(now.user + now.system - last.user - last.system);
      last = now;
    },
  });
  const serialWall = (performance.now() - t0) / 1000;
  const serialCpu = cpuSeconds(c0);
  const cases: ScreeningScalingCase[] = [
    {
      case: 'calling thread (screenCandidates)',
      workers: 0,
      chunks: 1,
      wallS: serialWall,
      cpuS: serialCpu,
      coresUsed: serialCpu / serialWall,
      samplesPerS: (candidates * samples) / serialWall,
      balanceBound: null,
    },
  ];

  // warm both pools
  const warm = { ...input, candidates: [`name,${d.join(',')}`, ...rows.slice(0, 8)].join('\n') };
  await runParallelScreening({ input: warm, workers: 1 });
  await runParallelScreening({ input: warm, workers: 2, chunkCandidates: 1 });
  const once = async (workers: number) => {
    let chunks = 0;
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    await runParallelScreening({ input, workers, onChunk: () => chunks++ });
    return { wallS: (performance.now() - w0) / 1000, cpuS: cpuSeconds(cpu0), chunks };
  };
  const runs: Record<number, Awaited<ReturnType<typeof once>>[]> = { 1: [], 2: [] };
  for (let r = 0; r < repeats; r++) for (const w of [1, 2]) runs[w]!.push(await once(w));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // the guided chunks' sizes, for the balance bound
  const sizes: number[] = [];
  for (let from = 0; from < candidates;) {
    const size = Math.min(candidates - from, guidedChunkCandidates(candidates - from, 2));
    sizes.push(size);
    from += size;
  }
  for (const w of [1, 2]) {
    const wallS = median(runs[w]!.map((x) => x.wallS));
    const cpuS = median(runs[w]!.map((x) => x.cpuS));
    cases.push({
      case: `pool of ${w} worker${w > 1 ? 's' : ''} (guided chunks)`,
      workers: w,
      chunks: runs[w]![0]!.chunks,
      wallS,
      cpuS,
      coresUsed: cpuS / wallS,
      samplesPerS: (candidates * samples) / wallS,
      balanceBound: w === 2 ? cost.reduce((a, b) => a + b, 0) / makespan(cost, sizes, 2) : null,
    });
  }
  await closeWorkerPools();
  const one = cases.find((c) => c.workers === 1)!;
  const two = cases.find((c) => c.workers === 2)!;
  const os = await import('node:os');
  return {
    candidates,
    samples,
    cases,
    wallRatio: one.wallS / two.wallS,
    cpuRatio: one.cpuS / two.cpuS,
    coresRatio: two.coresUsed / one.coresUsed,
    loadAverage: os.loadavg(),
  };
}

if (import.meta.url === `file://${process.argv[1]}` && process.env.SCALING === 'screen') {
  const r = await runScreeningScalingBench(Number(process.env.CANDIDATES ?? 1000), Number(process.env.SAMPLES ?? 100), Number(process.env.REPEATS ?? 3));
  console.table(
    r.cases.map((c) => ({
      case: c.case,
      chunks: c.chunks,
      'wall s': c.wallS.toFixed(2),
      'cpu s': c.cpuS.toFixed(2),
      'cores used': c.coresUsed.toFixed(2),
      'samples/s': Math.round(c.samplesPerS),
      'balance bound': c.balanceBound?.toFixed(3) ?? '',
    })),
  );
  console.log(
    `${r.candidates} candidates × ${r.samples} samples: wall 1w/2w ${r.wallRatio.toFixed(2)}×, CPU 1w/2w ${r.cpuRatio.toFixed(3)}, cores used 2w/1w ${r.coresRatio.toFixed(2)}; load average ${r.loadAverage.map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log(JSON.stringify(r));
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runScalingBench(Number(process.env.ROWS ?? 300), Number(process.env.POINTS ?? 300), Number(process.env.REPEATS ?? 3));
  console.table(
    r.cases.map((c) => ({
      case: c.case,
      chunks: c.chunks,
      'wall s': c.wallS.toFixed(2),
      'cpu s': c.cpuS.toFixed(2),
      'solves/s': Math.round(c.solvesPerS),
      'balance bound': c.balanceBound?.toFixed(2) ?? '',
      converged: c.converged,
    })),
  );
  console.table(r.ratios.map((x) => ({ case: x.case, 'wall 1w / 2w': x.wallRatio.toFixed(2), 'cpu 1w / 2w': x.cpuRatio.toFixed(2) })));
  console.log(
    `cold 1-worker pool (first 30-row sweep): ${r.coldPoolS.toFixed(2)} s; merge of 8 chunks on the main thread: ${(1000 * r.mergeS).toFixed(1)} ms; load average ${r.loadAverage.map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log(JSON.stringify(r));
}
