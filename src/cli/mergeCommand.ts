import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from '../chem/index.js';
import type { Run } from './dbCommands.js';
import { sweepJson, sweepSummary, sweepToCsv } from '../studies/sweepOutput.js';

/**
 * Registers `cncouple merge part-*.json --out result.json [--csv file] [--json]`: checks and merges the part files
 * of a sharded sweep and prints (and writes) exactly what a local `kinetics sweep --json` prints for the same
 * grid, with `wallTimeS` the sum of the parts' wall times.
 */
export function registerMergeCommand(program: Command, run: Run): void {
  program
    .command('merge')
    .description(
      'merge the part files of a sharded sweep (`kinetics sweep … --shard i/N --out part-i.json`) or screening (`screen … --shard i/N --out part-i.json`) into one result',
    )
    .argument('<parts...>', 'part files, e.g. part-*.json')
    .option('--out <file>', 'write the merged result (the JSON a local `kinetics sweep --json` prints) here')
    .option('--csv <file>', 'also write one CSV row per point, as `kinetics sweep --csv`')
    .option('--json', 'print the merged result as JSON (see docs/cli.md)')
    .action(
      run(async (files: string[], o: { out?: string; csv?: string }) => {
        // the model compiler loads when the command runs, not at start-up
        const { mergeSweepParts } = await import('./shardCommands.js');
        const parts = files.map((file) => {
          try {
            return { file, text: readFileSync(file, 'utf8') };
          } catch {
            throw new InputError('parts', 'readable part files', `cannot read ${file}`);
          }
        });
        // screening parts (`screen --shard`): their own merge, printing what `screen --json` prints
        const { isScreenPartText } = await import('./screenShard.js');
        if (parts.length > 0 && isScreenPartText(parts[0]!.text)) return mergeScreenPartFiles(parts, o);
        const merged = mergeSweepParts(parts);
        const json = sweepJson(merged.result, merged.wallTimeS);
        if (o.out) writeFileSync(o.out, JSON.stringify(json, null, 2) + '\n');
        if (o.csv) writeFileSync(o.csv, sweepToCsv(merged.result, merged.spec, merged.spec.fields ?? []));
        const text = `${parts.length} parts merged; ${sweepSummary(merged.result, merged.wallTimeS)} (summed over parts; ${merged.cpuTimeS.toFixed(2)} s CPU)${o.out ? `; wrote ${o.out}` : ''}${o.csv ? `; wrote ${o.csv}` : ''}`;
        return { json, text };
      }),
    );
}

/** The screening branch of `merge`: the merged result as `screen --json` prints it (`--csv` is for sweeps only). */
async function mergeScreenPartFiles(parts: { file: string; text: string }[], o: { out?: string; csv?: string }): Promise<{ json: unknown; text: string }> {
  if (o.csv) throw new InputError('--csv', 'sweep parts only (a screening is written with --out as JSON)', `got --csv ${o.csv}`);
  const { mergeScreenParts } = await import('./screenShard.js');
  const { screenTable } = await import('./mlCommands.js');
  const merged = mergeScreenParts(parts);
  if (o.out) writeFileSync(o.out, JSON.stringify(merged.result, null, 2) + '\n');
  const text = [
    ...screenTable(merged.result),
    `${parts.length} parts merged (${merged.wallTimeS.toFixed(2)} s wall, ${merged.cpuTimeS.toFixed(2)} s CPU summed over parts)${o.out ? `; wrote ${o.out}` : ''}`,
  ].join('\n');
  return { json: merged.result, text };
}
