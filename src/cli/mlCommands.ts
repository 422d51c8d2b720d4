import { type Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { InputError } from '../chem/index.js';
import type { ScreenCandidatesResult } from '../ml/screenCandidates.js';
import { DEFAULT_SEED } from '../ml/random.js';
import { OPTIMIZE_DEFAULTS } from '../ml/optimizeDefaults.js';
import { SCREENING_DEFAULTS } from '../ml/screeningDefaults.js';
import type { Run } from './dbCommands.js';
import { progressBar } from './progressBar.js';
import { numberOr } from './numberOptions.js';
import { writeFigure } from './writeFigure.js';
import { modelInput, runStudy } from './runStudy.js';
import { type StudyFlag, addStudyFlags, inputFromFlags, validateFlagInput, withFlagNames } from './studyFlags.js';

const num = numberOr;
const fmt = (x: number | null, d = 4) => (x === null || !Number.isFinite(x) ? '—' : Number(x.toPrecision(d)).toString());

/** "dG_NO:-1.5:0.5" → { name, low, high }. */
function parseVary(text: string) {
  const [name, low, high, ...rest] = text.split(':');
  if (!name || low === undefined || high === undefined || rest.length)
    throw new InputError('--vary', 'NAME:low:high, e.g. dG_NO:-1.5:0.5 or potential:-0.8:-0.2', `got "${text}"`);
  const range = { name, low: num(`--vary ${name}`, low, 0), high: num(`--vary ${name}`, high, 0) };
  if (!(range.low < range.high)) throw new InputError(`--vary ${name}`, 'NAME:low:high with low < high', `got ${range.low} to ${range.high}`);
  return range;
}

const OD = OPTIMIZE_DEFAULTS;
/**
 * `kinetics optimize` flags → the `kinetics.optimize` study input (src/studies/ml.ts; defaults in
 * src/ml/optimizeDefaults.ts); the `<model>` argument gives `model`/`modelText`.
 */
const OPTIMIZE_FLAGS: StudyFlag[] = [
  {
    flags: '--vary <NAME:low:high...>',
    field: 'vary',
    description: 'descriptors (eV) or potential (V vs RHE), e.g. dG_NO:-1.5:0.5 dG_CO:-0.5:1; or a pulse program E1:… t1:… E2:… t2:… (V vs RHE, s)',
    parse: (t) => parseVary(t),
    required: true,
  },
  {
    flags: '--objective <q:product>',
    field: 'objective',
    description: 'fe:PRODUCT (faradaic efficiency) or log10Tof:PRODUCT (s-1 per site)',
    parse: (t) => t,
    required: true,
  },
  { flags: '--budget <n>', field: 'budget', description: 'evaluations in all', defaultValue: OD.budget },
  {
    flags: '--local-budget <n>',
    field: 'localBudget',
    description: `evaluations of the local phase at the end (0: Bayesian optimization only; at most budget − 3) (default ⌊${OD.localShare} × budget⌋ when the budget is at least ${OD.localMinBudgetPerInput} per varied input, else 0)`,
  },
  { flags: '--seed <s>', field: 'seed', description: 'random seed (same input and seed → same result)', defaultValue: DEFAULT_SEED },
  {
    flags: '--periods <n>',
    field: 'periods',
    description: 'periods per pulse-program evaluation (a periodic state must be reached)',
    defaultValue: OD.periods,
  },
];

/**
 * Runs `fn` on `kinetics optimize` input and reports a bad field under its flag: `vary.1.name` as `--vary dG_CO`
 * (the range as typed), the others as {@link withFlagNames} does.
 */
async function withOptimizeFlagNames<T>(vary: readonly { name: string }[] | undefined, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await withFlagNames(OPTIMIZE_FLAGS, fn);
  } catch (error) {
    const m = error instanceof InputError ? /^--vary\.(\d+)(\.name)?$/.exec(error.field) : null;
    const v = m ? vary?.[Number(m[1])] : undefined;
    if (!v) throw error;
    const e = error as InputError;
    const end = e.message.indexOf(` (allowed: ${e.allowed})`);
    throw new InputError(`--vary ${v.name}`, e.allowed, e.message.slice(e.field.length + 2, end < 0 ? undefined : end), { cause: error });
  }
}

const SD = SCREENING_DEFAULTS;
/** `screen` flags → the `screen` study input (src/studies/ml.ts); `--model` and the CSV file give `model`/`modelText` and `candidates`. */
const SCREEN_FLAGS: StudyFlag[] = [
  {
    flags: '--sigma-eV <eV>',
    field: 'sigmaEv',
    description: 'standard deviation of every descriptor without its own sigma column, eV',
    defaultValue: SD.sigmaEv,
  },
  {
    flags: '--correlation <rho>',
    field: 'correlation',
    description: 'correlation of a candidate’s descriptor errors (0 ≤ ρ < 1)',
    defaultValue: SD.correlation,
  },
  { flags: '--samples <n>', field: 'samples', description: 'Monte Carlo samples per candidate', defaultValue: SD.samples },
  { flags: '--top <k>', field: 'topK', description: 'k of P(top k)', defaultValue: SD.topK },
  { flags: '--product <species>', field: 'product', description: 'product to report (default: the model’s first)', parse: (t) => t },
  { flags: '--rank-by <q>', field: 'rankBy', description: 'ranking quantity', choices: ['log10Tof', 'fe'], defaultValue: SD.rankBy },
  { flags: '--potential <V>', field: 'potentialVvsRHE', description: 'potential, V vs RHE (default: the model’s)' },
  { flags: '--seed <s>', field: 'seed', description: 'random seed (same input and seed → same result)', defaultValue: DEFAULT_SEED },
];

/** Registers `kinetics optimize` (under the existing `kinetics` command) and `screen`. */
export function registerMlCommands(program: Command, run: Run): void {
  const json = () => new Option('--json', 'machine-readable output (see docs/cli.md)');
  const kinetics = program.commands.find((c) => c.name() === 'kinetics') ?? program.command('kinetics');
  addStudyFlags(
    kinetics
      .command('optimize')
      .description(
        'Bayesian optimization through the steady-state model (the virtual lab), then a local phase; the `kinetics.optimize` study (src/studies/ml.ts); failed solves are reported, never used as numbers',
      )
      .argument('<model>', 'a built-in model (cncouple models) or a model file'),
    OPTIMIZE_FLAGS,
  )
    .option('--out <file>', 'belief map (surrogate mean, evaluations) as .svg or .png; one or two varied inputs')
    .addOption(json())
    .action(
      run(async (ref: string, o: Record<string, unknown> & { out?: string }, cmd: Command) => {
        const { input: flagInput } = inputFromFlags(o, OPTIMIZE_FLAGS);
        const vary = flagInput.vary as { name: string }[];
        if (o.out && vary.length > 2) throw new InputError('--out', 'a belief map for one or two varied inputs', `got ${vary.length}`);
        const { optimizeStudy } = await import('../studies/ml.js');
        const input = validateFlagInput(optimizeStudy.input, { ...(await modelInput(ref)), ...flagInput }, OPTIMIZE_FLAGS);
        const bar = progressBar('optimize', 'evaluations', !cmd.opts().json);
        const t0 = performance.now();
        const r = await withOptimizeFlagNames(vary, () => runStudy('kinetics.optimize', input, bar.update)).finally(() => bar.stop());
        const seconds = (performance.now() - t0) / 1000;
        const figure = o.out ? optimizeStudy.figure?.(r) : undefined;
        if (o.out && figure) await writeFigure(figure as Parameters<typeof writeFigure>[0], o.out);
        const budget = input.budget;
        const label = r.objective.quantity === 'fe' ? `FE of ${r.objective.product}` : `log10 TOF of ${r.objective.product} (s⁻¹ per site)`;
        const lines = [
          `${budget} evaluations in ${seconds.toFixed(1)} s; ${r.failures} failed (unconverged or unresolved; not used as numbers)`,
          r.best
            ? `best ${label}: ${fmt(r.best.value, 6)} at ${Object.entries(r.best.inputs)
                .map(([k, v]) => `${k}=${fmt(v)}`)
                .join('  ')}`
            : 'no evaluation succeeded',
          ...r.trace.map(
            (t, i) =>
              `${String(i + 1).padStart(4)}  ${Object.entries(t.inputs)
                .map(([k, v]) => `${k}=${fmt(v)}`)
                .join('  ')}  ${t.status === 'ok' ? fmt(t.value, 5) : `${t.status}: ${t.message}`}${t.phase === 'local' ? '  (local phase)' : ''}`,
          ),
          ...(r.diagnostics ? [`surrogate: LOO RMSE ${fmt(r.diagnostics.looRmse, 3)}`, ...r.diagnostics.warnings.map((w) => `note: ${w}`)] : []),
          ...(o.out && r.beliefMap ? [`wrote ${o.out}`] : []),
        ];
        // --json: exactly the study's result (= `study kinetics.optimize --json` = the POST /api/kinetics/optimize job's result)
        return { json: { ...r, ...(o.out && r.beliefMap ? { file: o.out } : {}) }, text: lines.join('\n') };
      }),
    );

  addStudyFlags(
    program
      .command('screen')
      .description('rank candidate surfaces through a microkinetic model with descriptor uncertainty (Monte Carlo); the `screen` study (src/studies/ml.ts)')
      .argument('<candidates>', 'CSV: name, descriptor columns (eV), optional sigma_<descriptor> columns (eV)')
      .requiredOption('--model <model>', 'a built-in model or a model file'),
    SCREEN_FLAGS,
  )
    .option('--out <file>', 'candidates with their intervals as .svg or .png (with --shard: the part file, .json)')
    .option('--shard <i/N>', 'screen only shard i of N (1-based; contiguous bands of candidates) and write a part file to --out for `cncouple merge`')
    .addOption(json())
    .action(
      run(async (file: string, o: Record<string, unknown> & { model: string; out?: string; shard?: string }, cmd: Command) => {
        let candidates: string;
        try {
          candidates = readFileSync(file, 'utf8');
        } catch (error) {
          throw new InputError(
            'candidates',
            'a readable CSV file',
            `cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          );
        }
        const { input: flagInput } = inputFromFlags(o, SCREEN_FLAGS);
        const { screenStudy, screeningOptionsOf } = await import('../studies/ml.js');
        const input = validateFlagInput(screenStudy.input, { ...(await modelInput(o.model)), candidates, ...flagInput }, SCREEN_FLAGS);
        const bar = progressBar('screen', 'candidates', !cmd.opts().json);
        if (o.shard !== undefined) {
          const [{ modelOf }, { parseCandidatesCsv }, { screeningSettings }, { builtinModelText }, { runScreenShard }] = await Promise.all([
            import('../studies/requestFields.js'),
            import('../ml/campaignText.js'),
            import('../ml/screenCandidates.js'),
            import('../store/builtinModels.js'),
            import('./screenShard.js'),
          ]);
          const model = modelOf(input);
          const list = parseCandidatesCsv(model.descriptors, input.candidates);
          // the study's check, done here once: screeningSettings names a bad option by its field (product, samples,
          // topK, …), reported under its flag
          const settings = await withFlagNames(SCREEN_FLAGS, () => screeningSettings(model, list, screeningOptionsOf(input)));
          const out = runScreenShard({
            model,
            modelText: input.modelText ?? builtinModelText(input.model!),
            candidates: list,
            settings,
            shard: o.shard,
            out: o.out,
            onCandidate: bar.update,
          });
          bar.stop();
          return out;
        }
        const r = await withFlagNames(SCREEN_FLAGS, () => runStudy('screen', input, bar.update)).finally(() => bar.stop());
        if (o.out) await writeFigure(screenStudy.figure!(r) as Parameters<typeof writeFigure>[0], o.out);
        // --json: exactly the study's result (= `study screen --json` = the POST /api/screen job's result)
        return { json: { ...r, ...(o.out ? { file: o.out } : {}) }, text: [...screenTable(r), ...(o.out ? [`wrote ${o.out}`] : [])].join('\n') };
      }),
    );
}

/** The lines `screen` prints for a result: settings, one row per candidate (most likely top first), notes. */
export function screenTable(r: ScreenCandidatesResult): string[] {
  const q = r.rankBy === 'fe' ? 'fe' : 'log10Tof';
  const sorted = [...r.candidates].sort((a, b) => b.pTopK - a.pTopK || b[q].median - a[q].median);
  return [
    `${r.candidates.length} candidates × ${r.samples} samples, σ = ${r.sigmaEv} eV (ρ = ${r.correlation}); ${r.product}, ranked by ${r.rankBy}`,
    `${'candidate'.padEnd(18)} ${'log10 TOF median [5–95 %]'.padEnd(30)} ${'FE median [5–95 %]'.padEnd(28)} P(top ${r.topK})  failed`,
    ...sorted.map(
      (c) =>
        `${c.name.padEnd(18)} ${`${fmt(c.log10Tof.median, 3)} [${fmt(c.log10Tof.p05, 3)}, ${fmt(c.log10Tof.p95, 3)}]`.padEnd(30)} ${`${fmt(c.fe.median, 3)} [${fmt(c.fe.p05, 3)}, ${fmt(c.fe.p95, 3)}]`.padEnd(28)} ${c.pTopK.toFixed(3).padStart(8)}  ${(100 * c.failedFraction).toFixed(1)} %`,
    ),
    ...r.warnings.map((w) => `note: ${w}`),
  ];
}
