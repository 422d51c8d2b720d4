import { type Command, Option } from 'commander';
import { type Run, storeLocation, withStore } from './dbCommands.js';
import { integerOr } from './numberOptions.js';
import { progressBar } from './progressBar.js';

const fmt = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : Number(x.toPrecision(3)).toString());

/**
 * Registers `screen literature` under the existing `screen` command (or creates it): the study
 * `screen.literature` on the records of the database, the same records and result as `POST /api/screen/literature`.
 */
export function registerScreenLiteratureCommand(program: Command, run: Run): void {
  const screen = program.commands.find((c) => c.name() === 'screen') ?? program.command('screen');
  // `screen <candidates>` requires --model, and commander checks an ancestor's mandatory options in its
  // subcommands too: lift them when a subcommand (this one) is dispatched (`screen <candidates>` keeps them).
  // Options both define (--json, --seed) are parsed by the parent before dispatch: hand them down.
  screen.hook('preSubcommand', (parent, sub) => {
    for (const option of parent.options) option.mandatory = false;
    for (const option of sub.options) {
      const key = option.attributeName();
      if (parent.getOptionValueSource(key) === 'cli') sub.setOptionValueWithSource(key, parent.getOptionValue(key), 'cli');
    }
  });
  screen
    .command('literature')
    .description(
      'how well composition descriptors and conditions predict FE (or yield rate) across the knowledge base: cross-validated GP and random forest vs the mean, feature importance',
    )
    .addOption(new Option('--target <t>', 'fe: faradaic efficiency (%); yield: log10 yield rate, mol s-1 g_cat-1').choices(['fe', 'yield']).default('fe'))
    .option('--folds <k>', "cross-validation folds over catalysts (a catalyst's records share a fold; at most the catalysts: leave-one-catalyst-out)", '5')
    .option('--seed <s>', 'seed of the folds, forest and permutations', '0')
    .option('--trees <n>', 'random-forest trees', '200')
    .addOption(new Option('--origin <o>', 'only curated literature or only your records').choices(['literature', 'user']))
    .option('--data-dir <dir>', 'embedded database folder (default $CNCOUPLE_DATA_DIR or ~/.local/share/cncouple)')
    .option('--db-url <url>', 'PostgreSQL URL instead of the embedded database (or $CNCOUPLE_DATABASE_URL)')
    .addOption(new Option('--json', 'machine-readable output (see docs/cli.md)'))
    .action(
      run(
        async (
          o: {
            target: 'fe' | 'yield';
            folds: string;
            seed: string;
            trees: string;
            origin?: 'literature' | 'user';
            json?: boolean;
          },
          cmd: Command,
        ) => {
          const { literatureScreenInputSchema, readAllRecords, runLiteratureScreen } = await import('../studies/literatureScreen.js');
          const { validateStudyInput } = await import('../studies/study.js');
          const request = {
            target: o.target,
            folds: integerOr('--folds', o.folds, 5, 2, 1000),
            seed: integerOr('--seed', o.seed, 0, 0, 2 ** 31 - 1),
            trees: integerOr('--trees', o.trees, 200, 10, 1000),
            ...(o.origin ? { origin: o.origin } : {}),
          };
          const records = await withStore(storeLocation(cmd), readAllRecords);
          const bar = progressBar('screen literature', 'folds', !o.json);
          const r = runLiteratureScreen(validateStudyInput(literatureScreenInputSchema, { ...request, records }), bar.update);
          bar.stop();
          const lines = [
            `target ${r.target} [${r.targetUnit}]: ${r.n} of ${r.recordsRead} records (${r.catalysts} catalysts), ${r.dimensions} features, ${r.folds}-fold cross-validation grouped by catalyst`,
            `${'model'.padEnd(18)} ${'RMSE'.padStart(8)} ${'MAE'.padStart(8)} ${'R²'.padStart(7)} ${'vs mean'.padStart(8)} ${'in 95 %'.padStart(8)}`,
            ...r.scores.map(
              (s) =>
                `${s.model.padEnd(18)} ${fmt(s.rmse).padStart(8)} ${fmt(s.mae).padStart(8)} ${fmt(s.r2).padStart(7)} ${`${fmt(100 * s.skillVsMean)} %`.padStart(8)} ${(s.coverage95 === null ? '—' : `${(100 * s.coverage95).toFixed(0)} %`).padStart(8)}`,
            ),
            'random-forest permutation importance (RMSE increase on held-out records, ± sd over repeats):',
            ...r.importance.slice(0, 10).map((i) => `  ${i.group.padEnd(32)} ${fmt(i.rmseIncrease).padStart(8)} ± ${fmt(i.rmseIncreaseSd)}`),
            ...r.warnings.map((w) => `warning: ${w}`),
          ];
          return { json: r, text: lines.join('\n') };
        },
      ),
    );
}
