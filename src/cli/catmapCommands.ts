import type { Command } from 'commander';
import { Option } from 'commander';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../chem/index.js';
import type { Run } from './dbCommands.js';

const readText = (path: string, field: string): string => {
  if (!existsSync(path)) throw new InputError(field, 'an existing file', `no file "${path}"`);
  return readFileSync(path, 'utf8');
};

/**
 * Registers `import catmap` and `export catmap`: CatMAP setup files (read as data, never executed) to and from model
 * files. The importer and exporter load when a command runs.
 */
export function registerCatmapCommands(program: Command, run: Run): void {
  const json = () => new Option('--json', 'machine-readable output (see docs/cli.md)');
  const imp = program.command('import').description('convert models from other codes into model files');
  imp
    .command('catmap')
    .description("a CatMAP setup (.mkm) and its energy table → a model file (docs/model-format.md, 'CatMAP import')")
    .argument('<file.mkm>', 'CatMAP setup file (read as Python literals, never executed)')
    .option('--energies <input.txt>', "the energy table (default: the setup's input_file, beside it)")
    .addOption(new Option('--gas-thermo <mode>', 'replace the setup’s gas_thermo_mode').choices(['ideal_gas', 'shomate_gas', 'zero_point_gas', 'frozen_gas']))
    .option('--name <name>', 'model name (default: the setup file name)')
    .requiredOption('--out <model.yaml>', 'where to write the model file')
    .addOption(json())
    .action(
      run(
        async (
          setupPath: string,
          o: { energies?: string; gasThermo?: 'ideal_gas' | 'shomate_gas' | 'zero_point_gas' | 'frozen_gas'; name?: string; out: string },
        ) => {
          const setupText = readText(setupPath, '<file.mkm>');
          const { importCatmap } = await import('../kinetics/parser/catmapImport.js');
          const { readPythonLiterals } = await import('../kinetics/parser/pythonLiteral.js');
          let energiesPath = o.energies;
          if (energiesPath === undefined) {
            const inputFile = readPythonLiterals(setupText, setupPath).values.input_file;
            if (typeof inputFile === 'string' && existsSync(join(dirname(setupPath), inputFile))) energiesPath = join(dirname(setupPath), inputFile);
          }
          const result = importCatmap(setupText, {
            setupName: setupPath,
            ...(energiesPath !== undefined ? { energiesText: readText(energiesPath, '--energies'), energiesName: energiesPath } : {}),
            ...(o.gasThermo ? { gasThermoMode: o.gasThermo } : {}),
            ...(o.name ? { name: o.name } : {}),
          });
          const { stringify } = await import('yaml');
          const yaml = `# ${result.model.description}\n${stringify(result.model, { lineWidth: 0 })}`;
          writeFileSync(o.out, yaml);
          const sweep = result.sweep
            ? `cncouple kinetics sweep ${o.out} --x ${result.sweep.x}${result.sweep.y ? ` --y ${result.sweep.y}` : ''} --grid ${result.sweep.grid}${result.sweep.potentialVvsRHE !== undefined ? ` --potential ${result.sweep.potentialVvsRHE}` : ''}`
            : undefined;
          const text = [
            `wrote ${o.out}: ${result.model.steps.length} steps, ${Object.keys(result.model.adsorbates).length} adsorbates, descriptors ${Object.keys(result.model.descriptors ?? {}).join(', ') || '—'}`,
            ...result.notes.map((n) => `  note: ${n}`),
            ...(result.ignored.length ? [`  CatMAP solver/output settings not used: ${result.ignored.join(', ')}`] : []),
            ...(sweep ? [`  the setup's grid: ${sweep}`] : []),
          ].join('\n');
          return {
            json: { file: o.out, model: result.model, notes: result.notes, ignored: result.ignored, sweep: result.sweep ?? null, sweepCommand: sweep ?? null },
            text,
          };
        },
      ),
    );

  const exp = program.command('export').description('convert model files into other codes’ inputs');
  exp
    .command('catmap')
    .description("a model with formation energies → a CatMAP setup and energy table (docs/model-format.md, 'CatMAP export')")
    .argument('<model>', 'a built-in model or a model file')
    .requiredOption('--out <file.mkm>', 'the setup file to write')
    .option('--energies-out <input.txt>', 'the energy table to write (default: beside the setup, <name>_energies.txt)')
    .addOption(json())
    .action(
      run(async (ref: string, o: { out: string; energiesOut?: string }) => {
        const { builtinModelNames, builtinModelText } = await import('../store/builtinModels.js');
        const text = builtinModelNames().includes(ref) ? builtinModelText(ref) : readText(ref, '<model>');
        const { parseModelText } = await import('../kinetics/parser/compileModel.js');
        const { exportCatmap } = await import('../kinetics/parser/catmapExport.js');
        const energiesOut = o.energiesOut ?? o.out.replace(/(\.mkm)?$/i, '_energies.txt');
        const energiesName = energiesOut.replace(/^.*[\\/]/, '');
        const r = exportCatmap(parseModelText(text, ref), dirname(energiesOut) === dirname(o.out) ? energiesName : energiesOut);
        writeFileSync(o.out, r.setup);
        writeFileSync(energiesOut, r.energies);
        return {
          json: { setupFile: o.out, energiesFile: energiesOut, notes: r.notes },
          text: [`wrote ${o.out} and ${energiesOut}`, ...r.notes.map((n) => `  note: ${n}`)].join('\n'),
        };
      }),
    );
}
