import { type Command, Option } from 'commander';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from '../chem/index.js';
import type { SavedCampaign } from '../ml/savedCampaign.js';
import type { SearchSpace } from '../ml/searchSpace.js';
import { paretoSpec, paritySpec, slicesSpec } from '../plot/planSpecs.js';
import type { CampaignSummary } from '../store/CampaignStore.js';
import { type Run, storeLocation as location, withStore } from './dbCommands.js';
import { writeFigure } from './writeFigure.js';
import { integerOr } from './numberOptions.js';
import { DEFAULT_MULTI_OBJECTIVE_ACQUISITION, MULTI_OBJECTIVE_ACQUISITIONS } from '../ml/planDefaults.js';

const int = integerOr;

function readText(field: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(field, 'a readable file', `cannot read "${path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

// the planner (ml-matrix, YAML, CSV) loads when a plan command runs, not at CLI start-up
const ml = async () => ({
  ...(await import('../ml/campaignText.js')),
  ...(await import('../ml/planExperiments.js')),
  ...(await import('../ml/savedCampaign.js')),
});

/** Where a command reads its campaign: files (`--space`, `--runs`) or a saved campaign (`--campaign`). */
interface CampaignSource {
  space?: string;
  runs?: string;
  campaign?: string;
}

/**
 * The space and the runs: from the files (no `--runs`: an empty campaign, unless `runsRequired`), or from the
 * saved campaign `--campaign` names, checked as the API checks it.
 */
async function load(o: CampaignSource, cmd: Command, runsRequired = false) {
  const { checkSavedCampaign, parseRunsCsv, parseSearchSpaceText } = await ml();
  if (o.campaign !== undefined) {
    if (o.space !== undefined || o.runs !== undefined)
      throw new InputError('--campaign', 'either --campaign NAME or the files --space/--runs, not both', 'both given');
    const saved = await withStore(location(cmd), (store) => store.campaigns.find(o.campaign!));
    const { space, campaign } = checkSavedCampaign({ name: saved.name, space: saved.space, runs: saved.runs });
    return { space, campaign };
  }
  if (o.space === undefined) throw new InputError('--space', 'a search-space file (YAML or JSON), or --campaign NAME', 'missing');
  if (runsRequired && o.runs === undefined) throw new InputError('--runs', 'a runs CSV file (with --space), or --campaign NAME', 'missing');
  const space = parseSearchSpaceText(readText('--space', o.space));
  const campaign = o.runs === undefined ? { completed: [], pending: [] } : parseRunsCsv(space, readText('--runs', o.runs));
  return { space, campaign };
}

/** A saved space as file text: the text as saved, or (an object saved through the API) JSON for `.json`, YAML otherwise. */
async function spaceText(space: SavedCampaign['space'], file: string): Promise<string> {
  if (typeof space === 'string') return space;
  if (/\.json$/i.test(file)) return `${JSON.stringify(space, null, 2)}\n`;
  const { stringify } = await import('yaml');
  return stringify(space);
}

/** Writes every file or none: each to a temporary name beside it first, then all renamed into place. */
function writeAll(files: { flag: string; path: string; text: string }[]): void {
  const written: string[] = [];
  try {
    for (const f of files) {
      const tmp = `${f.path}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, f.text);
      } catch (error) {
        throw new InputError(f.flag, 'a writable file', `cannot write "${f.path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      written.push(tmp);
    }
    files.forEach((f, i) => renameSync(written[i]!, f.path));
  } catch (error) {
    for (const tmp of written) rmSync(tmp, { force: true });
    throw error;
  }
}

const summaryLine = (c: CampaignSummary) =>
  `${c.id}  ${c.name}  (${c.completedRuns} finished, ${c.pendingRuns} in flight; ${c.owner === null ? 'no token' : `token "${c.owner}"`}; saved ${c.updatedAt})`;

const fmt = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(3) : Number(x.toPrecision(4)).toString());
const describePoint = (space: SearchSpace, p: Record<string, number | string>) =>
  space.parameters.map((q) => `${q.name}=${typeof p[q.name] === 'number' ? fmt(p[q.name] as number) : p[q.name]}`).join('  ');

/** Registers `plan ask` and `plan status` (experiment planning: ask/tell over a search space and a runs table). */
export function registerPlanCommands(program: Command, run: Run): void {
  const json = () => new Option('--json', 'machine-readable output (see docs/cli.md)');
  const plan = program
    .command('plan')
    .description('experiment planning: the next runs to do (Bayesian optimization over your search space)')
    .option('--data-dir <dir>', 'embedded database folder of saved campaigns (default $CNCOUPLE_DATA_DIR or ~/.local/share/cncouple)')
    .option('--db-url <url>', 'PostgreSQL URL instead of the embedded database (or $CNCOUPLE_DATABASE_URL)');
  const fromCampaign = () => new Option('--campaign <name>', 'a saved campaign (name or id) instead of --space/--runs (see plan campaigns)');
  plan
    .command('ask')
    .description('suggest the next runs: space-filling at first, then log expected improvement (two objectives: EHVI, or ParEGO with --acquisition parego)')
    .option('--space <file>', 'search space, YAML or JSON (docs/ml.md)')
    .option('--runs <file>', 'runs so far, CSV: one column per parameter and objective; empty objectives = in flight')
    .addOption(fromCampaign())
    .option('--batch <q>', 'number of suggestions', '1')
    .option('--seed <s>', 'random seed (same inputs and seed → same suggestions)', '0')
    .addOption(
      new Option(
        '--acquisition <name>',
        `two objectives: ehvi (expected hypervolume improvement) or parego (Chebyshev scalarizations); default ${DEFAULT_MULTI_OBJECTIVE_ACQUISITION}`,
      ).choices(MULTI_OBJECTIVE_ACQUISITIONS),
    )
    .addOption(json())
    .action(
      run(async (o: CampaignSource & { batch: string; seed: string; acquisition?: 'parego' | 'ehvi' }, cmd: Command) => {
        const { space, campaign } = await load(o, cmd);
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
                .join(', ')}; ln ${r.method === 'ehvi' ? 'EHVI' : 'EI'} ${s.logAcquisition!.toFixed(3)}`,
            );
        });
        r.warnings.forEach((w) => lines.push(`note: ${w}`));
        return { json: r, text: lines.join('\n') };
      }),
    );
  plan
    .command('status')
    .description('best runs, Pareto front, surrogate diagnostics and parity plot')
    .option('--space <file>', 'search space, YAML or JSON')
    .option('--runs <file>', 'runs so far, CSV')
    .addOption(fromCampaign())
    .option('--out <file>', 'parity plot (leave-one-out, ±1.96σ), .svg or .png')
    .option('--pareto-out <file>', 'Pareto-front plot for two objectives, .svg or .png')
    .option('--slices-out <file>', 'surrogate slices through the best run (first objective), .svg or .png')
    .option('--seed <s>', 'random seed of the model fits', '0')
    .addOption(json())
    .action(
      run(async (o: CampaignSource & { out?: string; paretoOut?: string; slicesOut?: string; seed: string }, cmd: Command) => {
        // refuse a bad figure name before writing any figure (nothing partially written)
        for (const [flag, f] of [
          ['--out', o.out],
          ['--pareto-out', o.paretoOut],
          ['--slices-out', o.slicesOut],
        ] as const) {
          if (f !== undefined && !/\.(svg|png)$/i.test(f)) throw new InputError(flag, 'a file name ending in .svg or .png', `got "${f}"`);
        }
        const { space, campaign } = await load(o, cmd, true);
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
  plan
    .command('campaigns')
    .description("the saved campaigns (the web page's and the API's), most recently saved first")
    .addOption(json())
    .action(
      run(async (_o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const list = await store.campaigns.list();
          return { json: list, text: list.length ? list.map(summaryLine).join('\n') : 'no saved campaigns (plan save NAME --space FILE --runs FILE)' };
        }),
      ),
    );
  plan
    .command('save')
    .description('save a campaign under a name (or id): new, or over the one of that name; --space or --runs left out keep the saved ones')
    .argument('<name>', 'campaign name (or the id of a saved one)')
    .option('--space <file>', 'search space, YAML or JSON (docs/ml.md); needed for a new campaign')
    .option('--runs <file>', 'runs so far, CSV; a new campaign without it has none')
    .addOption(json())
    .action(
      run(async (name: string, o: { space?: string; runs?: string }, cmd: Command) => {
        if (o.space === undefined && o.runs === undefined) throw new InputError('--space', 'a search-space file and/or --runs FILE', 'neither given');
        // files read before the database opens: an unreadable file changes nothing
        const fields = {
          ...(o.space !== undefined ? { space: readText('--space', o.space) } : {}),
          ...(o.runs !== undefined ? { runs: readText('--runs', o.runs) } : {}),
        };
        return withStore(location(cmd), async (store) => {
          const { campaign, created } = await store.campaigns.save(name, fields);
          return { json: campaign, text: `${created ? 'saved new campaign' : 'updated'} ${summaryLine(campaign)}` };
        });
      }),
    );
  plan
    .command('show')
    .description('one saved campaign: its space and runs as saved')
    .argument('<name>', 'campaign name or id')
    .addOption(json())
    .action(
      run(async (name: string, _o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const c = await store.campaigns.find(name);
          const text = [summaryLine(c), '', 'space:', (await spaceText(c.space, 'space.yaml')).trimEnd(), '', 'runs:', c.runs.trimEnd() || '(none)'].join('\n');
          return { json: c, text };
        }),
      ),
    );
  plan
    .command('export')
    .description("write a saved campaign's space and/or runs to files (both or neither written)")
    .argument('<name>', 'campaign name or id')
    .option('--space <file>', 'the space, as saved (an object saved through the API: YAML, or JSON for a .json name)')
    .option('--runs <file>', 'the runs CSV')
    .addOption(json())
    .action(
      run(async (name: string, o: { space?: string; runs?: string }, cmd: Command) => {
        if (o.space === undefined && o.runs === undefined) throw new InputError('--space', 'a file to write the space to and/or --runs FILE', 'neither given');
        const c = await withStore(location(cmd), (store) => store.campaigns.find(name));
        const files = [
          ...(o.space !== undefined ? [{ flag: '--space', path: o.space, text: await spaceText(c.space, o.space) }] : []),
          ...(o.runs !== undefined ? [{ flag: '--runs', path: o.runs, text: c.runs }] : []),
        ];
        writeAll(files);
        return { json: { id: c.id, name: c.name, files: files.map((f) => f.path) }, text: files.map((f) => `wrote ${f.path}`).join('\n') };
      }),
    );
  plan
    .command('delete')
    .description('delete a saved campaign')
    .argument('<name>', 'campaign name or id')
    .addOption(json())
    .action(
      run(async (name: string, _o: unknown, cmd: Command) =>
        withStore(location(cmd), async (store) => {
          const c = await store.campaigns.deleteNamed(name);
          return { json: { deleted: c.id }, text: `deleted campaign "${c.name}" (${c.id})` };
        }),
      ),
    );
}
