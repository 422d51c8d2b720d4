/**
 * The 200-node steady microenvironment solve, old and new builds side by side in one process:
 * `npx tsx bench/microenvSolver.bench.ts [baseCommit]`. The old solver (default: commit 86a0f9a, before issue 11)
 * is taken with `git show` into a temporary folder (its `../chem/` imports pointed at this tree's src/chem) and
 * removed afterwards; nothing of it is kept in the repository. Cases alternate old/new, 7 repetitions each, and
 * the medians are compared. Note: the two builds do not solve the same equations — the new one has the fast
 * proton transfers (CO3²⁻ + H⁺, NH4⁺ + OH⁻), whose absence is the old one's error — so the Newton iterations
 * are reported alongside the times.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bulkComposition } from '../src/transport/bulkComposition.js';
import { solveMicroenvironment } from '../src/transport/solveMicroenvironment.js';

type Solve = (input: Parameters<typeof solveMicroenvironment>[0]) => { converged: boolean; newtonIterations: number; surfacePH: number };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Writes the old transport files of `commit` to a temporary folder and imports its solveMicroenvironment. */
async function oldSolver(commit: string): Promise<{ solve: Solve; cleanup: () => void }> {
  const dir = path.join(os.tmpdir(), `cncouple-bench-old-${process.pid}`, 'transport');
  mkdirSync(dir, { recursive: true });
  const chem = pathToFileURL(path.join(root, 'src', 'chem')).href;
  for (const file of ['finiteVolume.ts', 'solveMicroenvironment.ts', 'electrodeStoichiometry.ts', 'transportData.ts']) {
    const text = execFileSync('git', ['-C', root, 'show', `${commit}:src/transport/${file}`], { encoding: 'utf8' });
    writeFileSync(path.join(dir, file), text.replaceAll("'../chem/", `'${chem}/`));
  }
  const mod = (await import(pathToFileURL(path.join(dir, 'solveMicroenvironment.ts')).href)) as { solveMicroenvironment: Solve };
  return { solve: mod.solveMicroenvironment, cleanup: () => rmSync(path.dirname(dir), { recursive: true, force: true }) };
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;

/** Old vs new on the benchmark cases; one row per case. */
export async function runMicroenvSolverBench(commit = '86a0f9a', repetitions = 7) {
  const old = await oldSolver(commit);
  try {
    const bicarbonate = bulkComposition([{ name: 'KHCO3', concentrationM: 0.5 }], true).concentrations;
    const cases = [
      {
        name: '0.5 M KHCO3 (CO2 sat.), HER 100 mA cm-2, δ 50 µm',
        input: { bulk: bicarbonate, products: [{ from: ['H2O'], to: 'H2', faradaicEfficiency: 1 }], currentDensityAPerM2: 1000 },
      },
      {
        name: '0.5 M KHCO3 (CO2 sat.), formate 5 mA cm-2, δ 100 µm',
        input: { bulk: bicarbonate, products: [{ from: ['CO2'], to: 'HCOO-', faradaicEfficiency: 1 }], currentDensityAPerM2: 50, boundaryLayerM: 100e-6 },
      },
      {
        name: '0.5 M KHCO3 (CO2 sat.), HER 100 mA cm-2, migration',
        input: { bulk: bicarbonate, products: [{ from: ['H2O'], to: 'H2', faradaicEfficiency: 1 }], currentDensityAPerM2: 1000, migration: true },
      },
    ];
    return cases.map(({ name, input }) => {
      const times: Record<'old' | 'new', number[]> = { old: [], new: [] };
      let oldRun: ReturnType<Solve> | undefined;
      let newRun: ReturnType<Solve> | undefined;
      for (let r = 0; r < repetitions; r++) {
        let t = performance.now();
        oldRun = old.solve(input);
        times.old.push(performance.now() - t);
        t = performance.now();
        newRun = solveMicroenvironment(input);
        times.new.push(performance.now() - t);
      }
      return {
        case: name,
        oldMs: median(times.old),
        newMs: median(times.new),
        speedUp: median(times.old) / median(times.new),
        oldNewtonIterations: oldRun!.newtonIterations,
        newNewtonIterations: newRun!.newtonIterations,
        oldSurfacePH: oldRun!.surfacePH,
        newSurfacePH: newRun!.surfacePH,
        converged: oldRun!.converged && newRun!.converged,
      };
    });
  } finally {
    old.cleanup();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const rows = await runMicroenvSolverBench(process.argv[2]);
  console.table(
    rows.map((r) => ({
      case: r.case,
      'old ms': r.oldMs.toFixed(1),
      'new ms': r.newMs.toFixed(1),
      'speed-up': `${r.speedUp.toFixed(1)}×`,
      'Newton old/new': `${r.oldNewtonIterations}/${r.newNewtonIterations}`,
      'surface pH old/new': `${r.oldSurfacePH.toFixed(3)}/${r.newSurfacePH.toFixed(3)}`,
      converged: r.converged,
    })),
  );
}
