/**
 * One-run comparison of the single-thread steady-state throughput (`kinetics.steadyState.solvesPerSecond`
 * of bench/kinetics.bench.ts: the warm 100 × 100 urea-cu4-ceo2 sweep) between this tree and a baseline copy
 * of `src/` (e.g. `git archive main src | tar -x -C /tmp/base`), interleaved so that both see the same machine
 * load: `BASELINE_SRC=/tmp/base/src npx tsx bench/steadyStateCompare.ts` (default 5 rounds; ROUNDS=n).
 * Prints solves per CPU second of each (median of the rounds; CPU time of this process, so that other load
 * on a shared machine counts less than with wall time), their ratio and the converged fractions.
 */
import { pathToFileURL } from 'node:url';
import { descriptorSweep } from '../src/kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../src/kinetics/parser/compileModel.js';
import { builtinModelText } from '../src/store/builtinModels.js';

type Sweep = typeof descriptorSweep;
const spec = { x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 100 }, y: { name: 'dG_CO', from: -0.5, to: 1.0, points: 100 } };

async function main() {
  const base = process.env.BASELINE_SRC;
  if (!base) throw new Error('set BASELINE_SRC to a baseline copy of src/');
  const rounds = Number(process.env.ROUNDS ?? 5);
  const text = builtinModelText('urea-cu4-ceo2');
  const baseSweep = (await import(pathToFileURL(`${base}/kinetics/mapper/descriptorSweep.ts`).href)).descriptorSweep as Sweep;
  const baseCompile = (await import(pathToFileURL(`${base}/kinetics/parser/compileModel.ts`).href)) as {
    compileModel: typeof compileModel;
    parseModelText: typeof parseModelText;
  };
  const mine = { sweep: descriptorSweep, model: compileModel(parseModelText(text)) };
  const theirs = { sweep: baseSweep, model: baseCompile.compileModel(baseCompile.parseModelText(text)) };
  const time = (c: typeof mine) => {
    const cpu = process.cpuUsage();
    const r = c.sweep(c.model, spec);
    const used = process.cpuUsage(cpu);
    const s = (used.user + used.system) / 1e6;
    return { rate: r.converged.length / s, converged: r.converged.reduce((a, b) => a + b, 0) / r.converged.length };
  };
  time(mine); // warm both (JIT)
  time(theirs);
  const a: number[] = [];
  const b: number[] = [];
  let ca = 0;
  let cb = 0;
  for (let i = 0; i < rounds; i++) {
    const x = time(mine);
    const y = time(theirs);
    a.push(x.rate);
    b.push(y.rate);
    ca = x.converged;
    cb = y.converged;
  }
  const median = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)]!;
  console.log(
    JSON.stringify({
      thisTreeSolvesPerSecond: Math.round(median(a)),
      baselineSolvesPerSecond: Math.round(median(b)),
      ratio: Number((median(a) / median(b)).toFixed(3)),
      convergedThisTree: ca,
      convergedBaseline: cb,
      rounds,
    }),
  );
}
void main();
