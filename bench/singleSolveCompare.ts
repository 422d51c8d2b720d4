/**
 * One-run comparison of single steady-state solves (`SteadyStateSolver.solve`, the path of `kinetics steady`)
 * between this tree and a baseline copy of `src/` (e.g. `git archive <commit> src | tar -x -C /tmp/base`),
 * interleaved so that both see the same machine load:
 * `BASELINE_SRC=/tmp/base/src npx tsx bench/singleSolveCompare.ts` (default 5 rounds; ROUNDS=n).
 * Three workloads, each solved by both trees in every round:
 * - `dead`: genuinely dead surfaces, where the direct solve only converges with the flux floor and the energy
 *   homotopy does not find a better state either (found with the wide grids below; e.g. urea-cu4-ceo2 at
 *   dG_NO −1, dG_CO −6 eV);
 * - `rescued`: poisoned points whose direct solve is floored and which the homotopy resolves;
 * - `wide grid`: every point of 12 × 12 grids over ±6 eV (`WIDE_EV=w`: ±w eV) around the defaults of
 *   urea-cu4-ceo2 and the two CatMAP-like fixtures (most points converge directly; the hard ones exercise
 *   Levenberg–Marquardt; at ±15 or ±20 eV many are dead or floored, which checks that a cheaper homotopy
 *   rescues exactly the points the baseline's does).
 * Prints CPU seconds per round of each tree (median; CPU time of this process, so that other load on a shared
 * machine counts less than with wall time), the ratio baseline/this, and whether both trees return the same
 * statuses and TOFs (relative 1e-9) — a speed-up that changed answers would not count.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SteadyStateSolver } from '../src/kinetics/analyze/steadyState.js';
import { compileModel, parseModelText } from '../src/kinetics/parser/compileModel.js';

type Point = { file: string; descriptors: Record<string, number> };
type Tree = { compile: (text: string) => unknown; Solver: new (model: never) => { solve: SteadyStateSolver['solve'] } };

const root = new URL('..', import.meta.url).pathname;
const UREA = 'data/models/urea-cu4-ceo2.yaml';
const HER = 'test/kinetics/fixtures/her-poison.yaml';
const CO = 'test/kinetics/fixtures/co-oxidation.yaml';

const dead: Point[] = [
  { file: UREA, descriptors: { dG_NO: -1, dG_CO: -6 } },
  { file: UREA, descriptors: { dG_NO: 4.0909, dG_CO: -12.2727 } },
  { file: UREA, descriptors: { dG_NO: -6.8182, dG_CO: 4.0909 } },
  { file: HER, descriptors: { H_s: -1.3636, OH_s: -15 } },
  { file: HER, descriptors: { H_s: -15, OH_s: -15 } },
  { file: CO, descriptors: { O_s: 1.3636, CO_s: -15 } },
];
const rescued: Point[] = [
  { file: UREA, descriptors: { dG_NO: 0.5, dG_CO: -6 } },
  { file: UREA, descriptors: { dG_NO: -0.5, dG_CO: -4 } },
  { file: CO, descriptors: { O_s: 0.3158, CO_s: -6 } },
];
const halfWidthEv = Number(process.env.WIDE_EV ?? 6);
const grid = (file: string, x: string, x0: number, y: string, y0: number): Point[] =>
  Array.from({ length: 144 }, (_, i) => ({
    file,
    descriptors: { [x]: x0 - halfWidthEv + (2 * halfWidthEv * (i % 12)) / 11, [y]: y0 - halfWidthEv + (2 * halfWidthEv * Math.floor(i / 12)) / 11 },
  }));
const wide: Point[] = [...grid(UREA, 'dG_NO', -0.6, 'dG_CO', 0.3), ...grid(HER, 'H_s', 0.25, 'OH_s', -1), ...grid(CO, 'O_s', -0.5, 'CO_s', -1)];

async function main() {
  const base = process.env.BASELINE_SRC;
  if (!base) throw new Error('set BASELINE_SRC to a baseline copy of src/');
  const rounds = Number(process.env.ROUNDS ?? 5);
  const load = async (p: string) => import(pathToFileURL(`${base}/${p}`).href);
  const baseCompile = await load('kinetics/parser/compileModel.ts');
  const baseSolver = (await load('kinetics/analyze/steadyState.ts')).SteadyStateSolver;
  const trees: Record<'this' | 'baseline', Tree> = {
    this: { compile: (t) => compileModel(parseModelText(t)), Solver: SteadyStateSolver as never },
    baseline: { compile: (t) => baseCompile.compileModel(baseCompile.parseModelText(t)), Solver: baseSolver },
  };
  const texts = new Map([UREA, HER, CO].map((f) => [f, readFileSync(`${root}/${f}`, 'utf8')]));
  // one solver per model and tree, as a polarization curve or a CLI call would build
  const solvers = Object.fromEntries(
    Object.entries(trees).map(([k, t]) => [k, new Map([...texts].map(([f, text]) => [f, new t.Solver(t.compile(text) as never)]))]),
  ) as Record<'this' | 'baseline', Map<string, { solve: SteadyStateSolver['solve'] }>>;
  const run = (tree: 'this' | 'baseline', points: Point[]) => {
    const cpu = process.cpuUsage();
    const out = points.map((p) => {
      const o = solvers[tree].get(p.file)!.solve({ descriptors: p.descriptors });
      return { status: !o.converged ? 'failed' : o.resolved ? 'ok' : 'unresolved', floored: o.floored, tof: o.tofPerS };
    });
    const used = process.cpuUsage(cpu);
    return { seconds: (used.user + used.system) / 1e6, out };
  };
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const rows = [];
  const differences: string[] = [];
  for (const [name, points] of [
    ['dead', dead],
    ['rescued', rescued],
    ['wide grid', wide],
  ] as const) {
    run('this', points); // warm both (JIT)
    run('baseline', points);
    const mine: number[] = [];
    const theirs: number[] = [];
    let same = true;
    const differing = new Set<string>();
    for (let i = 0; i < rounds; i++) {
      const a = run('this', points);
      const b = run('baseline', points);
      mine.push(a.seconds);
      theirs.push(b.seconds);
      a.out.forEach((x, k) => {
        const y = b.out[k]!;
        let differs = x.status !== y.status;
        for (const [sp, t] of Object.entries(x.tof)) if (Math.abs(t - y.tof[sp]!) > 1e-9 * Math.abs(y.tof[sp]!)) differs = true;
        if (!differs) return;
        same = false;
        differing.add(
          `${points[k]!.file.split('/').pop()} ${JSON.stringify(points[k]!.descriptors)}: this ${x.status}${x.floored ? ' (floored)' : ''}, baseline ${y.status}${y.floored ? ' (floored)' : ''}`,
        );
      });
    }
    differences.push(...differing);
    const last = run('this', points).out;
    rows.push({
      workload: name,
      points: points.length,
      floored: last.filter((o) => o.floored).length,
      ok: last.filter((o) => o.status === 'ok').length,
      thisCpuS: Number(median(mine).toFixed(4)),
      baselineCpuS: Number(median(theirs).toFixed(4)),
      speedup: Number((median(theirs) / median(mine)).toFixed(2)),
      sameAnswers: same,
    });
  }
  console.table(rows);
  for (const d of differences) console.log(`differs: ${d}`);
  console.log(JSON.stringify(rows));
}
void main();
