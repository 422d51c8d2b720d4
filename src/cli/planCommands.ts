import { type Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { InputError } from '../chem/index.js';
import type { SearchSpace } from '../ml/searchSpace.js';
import { paretoSpec, paritySpec, slicesSpec } from '../plot/planSpecs.js';
import type { Run } from './dbCommands.js';
import { writeFigure } from './writeFigure.js';
import { integerOr } from './numberOptions.js';

const int = integerOr;

function readText(field: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(field, 'a readable file', `cannot read "${path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

// the planner (ml-matrix, YAML, CSV) loads when a plan command runs, not at CLI start-up
const ml = async () => ({ ...(await import('../ml/campaignText.js')), ...(await import('../ml/planExperiments.js')) });

/** The space and the runs (no `--runs`: an empty campaign). */
async function load(o: { space: string; runs?: string }) {
  const { parseRunsCsv, parseSearchSpaceText } = await ml();
  const space = parseSearchSpaceText(readText('--space', o.space));
  const campaign = o.runs === undefined ? { completed: [], pending: [] } : parseRunsCsv(space, readText('--runs', o.runs));
  return { space, campaign };
}

const fmt = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : Number(x.toPrecision(4)).toString());
const describePoint = (space: SearchSpace, p: Record<string, number | string>) =>
  space.parameters.map((q) => `${q.name}=${typeof p[q.name] === 'number' ? fmt(p[q.name] as number) : p[q.name]}`).join('  ');

/** Registers `plan ask` and `plan status` (experiment planning: ask/tell over a search space and a runs table). */
export function registerPlanCommands(program: Command, run: Run): void {
  const json = () => new Option('--json', 'machine-readable output (see docs/cli.md)');
  const plan = program.command('plan').description('experiment planning: the next runs to do (Bayesian optimization over your search space)');
  plan
    .command('ask')
    .description('suggest the next runs: space-filling at first, then log expected improvement (two objectives: ParEGO, or EHVI with --acquisition ehvi)')
    .requiredOption('--space <file>', 'search space, YAML or JSON (docs/ml.md)')
    .option('--runs <file>', 'runs so far, CSV: one column per parameter and objective; empty objectives = in flight')
    .option('--batch <q>', 'number of suggestions', '1')
    .option('--seed <s>', 'random seed (same inputs and seed → same suggestions)', '0')
    .addOption(
      new Option('--acquisition <name>', 'two objectives: parego (Chebyshev scalarizations) or ehvi (expected hypervolume improvement)')
        .choices(['parego', 'ehvi'])
        .default('parego'),
    )
    .addOption(json())
    .action(
      run(async (o: { space: string; runs?: string; batch: string; seed: string; acquisition: 'parego' | 'ehvi' }) => {
        const { space, campaign } = await load(o);
        const r = (await ml()).askNext(space, campaign, {
          batch: int('--batch', o.batch, 1, 1, 50),
          seed: int('--seed', o.seed, 0, 0, 2 ** 31 - 1),
          acquisition: o.acquisition,
        });
        const lines = [`${r.method}: ${r.suggestions.length} suggestion(s) from ${r.completedRuns} finished and ${r.pendingRuns} in-flight run(s)`];
        r.suggestions.forEach((s, i) => {
          lines.push(`${String(i + 1).padStart(3)}  ${describePoint(space, s.parameters)}`);
          if (s.predictions)
            lines.push(
              `     predicted ${Object.entries(s.predictions)
                .map(([k, p]) => `${k} ${fmt(p.mean)} ± ${fmt(p.sd)}`)
                .join(', ')}; ln ${r.method === 'ehvi' ? 'EHVI' : 'EI'} ${s.logExpectedImprovement!.toFixed(3)}`,
            );
        });
        r.warnings.forEach((w) => lines.push(`note: ${w}`));
        return { json: r, text: lines.join('\n') };
      }),
    );
  plan
    .command('status')
    .description('best runs, Pareto front, surrogate diagnostics and parity plot')
    .requiredOption('--space <file>', 'search space, YAML or JSON')
    .requiredOption('--runs <file>', 'runs so far, CSV')
    .option('--out <file>', 'parity plot (leave-one-out, ±1.96σ), .svg or .png')
    .option('--pareto-out <file>', 'Pareto-front plot for two objectives, .svg or .png')
    .option('--slices-out <file>', 'surrogate slices through the best run (first objective), .svg or .png')
    .option('--seed <s>', 'random seed of the model fits', '0')
    .addOption(json())
    .action(
      run(async (o: { space: string; runs: string; out?: string; paretoOut?: string; slicesOut?: string; seed: string }) => {
        // refuse a bad figure name before writing any figure (nothing partially written)
        for (const [flag, f] of [
          ['--out', o.out],
          ['--pareto-out', o.paretoOut],
          ['--slices-out', o.slicesOut],
        ] as const) {
          if (f !== undefined && !/\.(svg|png)$/i.test(f)) throw new InputError(flag, 'a file name ending in .svg or .png', `got "${f}"`);
        }
        const { space, campaign } = await load(o);
        const s = (await ml()).campaignStatus(space, campaign, { seed: int('--seed', o.seed, 0, 0, 2 ** 31 - 1) });
        const files: string[] = [];
        if (o.out) {
          if (!s.parity) throw new InputError('--out', 'a parity plot needs at least 3 finished runs', `got ${s.completedRuns}`);
          await writeFigure(paritySpec(s.parity), o.out);
          files.push(o.out);
        }
        if (o.slicesOut) {
          const first = space.objectives[0]!.name;
          const sl = s.slices?.[first];
          if (!sl || sl.length === 0)
            throw new InputError('--slices-out', 'at least 3 finished runs and a continuous or integer parameter', 'nothing to slice');
          await writeFigure(
            slicesSpec(first, sl, Object.fromEntries(space.parameters.map((p) => [p.name, p.type === 'continuous' && p.scale === 'log']))),
            o.slicesOut,
          );
          files.push(o.slicesOut);
        }
        if (o.paretoOut) {
          if (space.objectives.length !== 2) throw new InputError('--pareto-out', 'a space with two objectives', `got ${space.objectives.length}`);
          const [a, b] = space.objectives.map((x) => x.name) as [string, string];
          await writeFigure(
            paretoSpec(
              [a, b],
              campaign.completed.map((r) => ({ line: r.line, a: r.objectives[a]!, b: r.objectives[b]!, front: s.paretoFront.includes(r) })),
            ),
            o.paretoOut,
          );
          files.push(o.paretoOut);
        }
        const lines = [`${s.completedRuns} finished, ${s.pendingRuns} in flight`];
        for (const [k, r] of Object.entries(s.best)) lines.push(`best ${k}: ${fmt(r.objectives[k]!)} (line ${r.line}: ${describePoint(space, r.parameters)})`);
        if (space.objectives.length === 2) lines.push(`Pareto front: lines ${s.paretoFront.map((r) => r.line).join(', ')}`);
        for (const [k, d] of Object.entries(s.diagnostics ?? {}))
          lines.push(
            `${k} surrogate: LOO RMSE ${fmt(d.looRmse)}; inside 68 % interval ${(100 * d.coverage68).toFixed(0)} %, inside 95 % ${(100 * d.coverage95).toFixed(0)} %`,
          );
        s.warnings.forEach((w) => lines.push(`note: ${w}`));
        files.forEach((f) => lines.push(`wrote ${f}`));
        return { json: { ...s, ...(files.length ? { files } : {}) }, text: lines.join('\n') };
      }),
    );
}
