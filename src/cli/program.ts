import { Command, CommanderError, Option } from 'commander';
import { InputError, SPECIES_REGISTRY, type Medium, type HumanNumberOptions, parseHumanNumber } from '../chem/index.js';
import { assertFiniteResult } from '../chem/assertFiniteResult.js';
import { errorBody, toErrorReport } from '../errors/errorReport.js';
import { type Output, registerDbCommands } from './dbCommands.js';
import { defaultDataDir } from '../store/defaultDataDir.js';
import { registerKineticsCommands } from './kineticsCommands.js';
import { registerMlCommands } from './mlCommands.js';
import { registerPlanCommands } from './planCommands.js';
import { registerProcessCommands } from './processCommands.js';
import { registerRestoreCommand } from './restoreCommand.js';
import { registerTokenCommands } from './tokenCommands.js';
import { registerWorkerCommand } from './workerCommand.js';
import { registerMergeCommand } from './mergeCommand.js';
import { registerCatmapCommands } from './catmapCommands.js';
import { registerDoubleLayerCommand } from './doubleLayerCommand.js';
import { registerScreenLiteratureCommand } from './screenLiteratureCommand.js';
import { VERSION } from '../version.js';
import type { z } from 'zod';
import type { Study } from '../studies/study.js';

/** Where CLI output goes; tests pass buffers, the bin passes the process streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Splits a comma-separated species list, e.g. `"CO2, NO3-"` → `['CO2', 'NO3-']`. */
function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Parses a numeric option as people type it ("−0.9", "0,9", "−900 mV" where `units` allow), naming the option in the error. */
function toNumber(field: string, text: string | undefined, units?: HumanNumberOptions['units']): number | undefined {
  if (text === undefined) return undefined;
  return parseHumanNumber(field, text, { units });
}

function requireNumber(field: string, text: string | undefined, units?: HumanNumberOptions['units']): number {
  const value = toNumber(field, text, units);
  if (value === undefined) throw new InputError(field, 'a finite number', 'missing');
  return value;
}

const round = (x: number, digits = 6) => Number(x.toPrecision(digits));

/** The calculator studies, loaded when a command needs them (zod stays out of the CLI's start-up). */
const calculators = () => import('../studies/chemistry.js');

/** Runs a calculator study on CLI-parsed input: the same definition (and result) as the API's (src/studies). */
async function runCalculator<S extends z.ZodType, R>(study: Study<S, R>, input: z.input<S>): Promise<R> {
  const { validateStudyInput } = await import('../studies/study.js');
  return study.run(validateStudyInput(study.input, input));
}

async function formulaCommand(text: string): Promise<Output> {
  const result = await runCalculator((await calculators()).formulaStudy, { formula: text });
  const counts = Object.entries(result.counts)
    .map(([el, n]) => `${el} ${n}`)
    .join(', ');
  return {
    json: result,
    text: `${text}\n  Hill formula  ${result.hill}\n  elements      ${counts}\n  charge        ${result.charge}\n  molar mass    ${result.molarMass.toFixed(3)} g/mol`,
  };
}

async function balanceCommand(opts: { from: string; to: string; medium: Medium }): Promise<Output> {
  const result = await runCalculator((await calculators()).balanceStudy, { from: splitList(opts.from), to: splitList(opts.to), medium: opts.medium });
  return {
    json: result,
    text: [
      result.equation,
      `  electrons per ${result.products[0]?.species ?? 'product'}: ${result.electronsExact} (${result.kind}, ${result.medium} medium)`,
      ...result.warnings.map((w) => `  warning: ${w}`),
    ].join('\n'),
  };
}

async function feCommand(opts: { from?: string; to: string; chargeC?: string; amountUmol?: string; amountMol?: string; electrons?: string }): Promise<Output> {
  const chargeC = requireNumber('--charge-C', opts.chargeC);
  const umol = toNumber('--amount-umol', opts.amountUmol);
  const mol = toNumber('--amount-mol', opts.amountMol);
  if ((umol === undefined) === (mol === undefined)) {
    throw new InputError('--amount-umol', 'exactly one of --amount-umol or --amount-mol', 'give the product amount once');
  }
  const electrons = toNumber('--electrons', opts.electrons);
  if (electrons === undefined && !opts.from) throw new InputError('--from', 'reactant species (or --electrons N)', 'needed to count electrons');
  const result = await runCalculator((await calculators()).faradaicEfficiencyStudy, {
    to: splitList(opts.to),
    ...(opts.from ? { from: splitList(opts.from) } : {}),
    ...(electrons !== undefined ? { electrons } : {}),
    chargeC,
    amountMol: mol ?? (umol as number) * 1e-6,
  });
  const lines = [
    `FE = ${(result.faradaicEfficiency * 100).toFixed(2)} %  (n = ${result.electrons} e- per product, N = ${round(result.amountMol, 12)} mol, Q = ${chargeC} C)`,
  ];
  if (result.equation) lines.push(`  from ${result.equation}`);
  for (const w of result.warnings) lines.push(`  warning: ${w}`);
  return { json: result, text: lines.join('\n') };
}

async function potentialCommand(
  value: string,
  opts: { from: string; to: string; ph?: string; temperatureK?: string; currentA?: string; resistanceOhm?: string },
): Promise<Output> {
  const potentialV = requireNumber('value', value, { V: 1, mV: 1e-3 });
  const optional = (field: string, text: string | undefined) => toNumber(field, text);
  const input = {
    potentialV,
    from: opts.from,
    to: opts.to,
    pH: optional('--ph', opts.ph),
    temperatureK: optional('--temperature-K', opts.temperatureK),
    currentA: optional('--current-A', opts.currentA),
    resistanceOhm: optional('--resistance-ohm', opts.resistanceOhm),
  };
  const result = await runCalculator(
    (await calculators()).potentialStudy,
    Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as typeof input,
  );
  const text = [`${potentialV} V vs ${opts.from} = ${result.potentialV.toFixed(4)} V vs ${opts.to}`, ...result.notes.map((n) => `  ${n}`)];
  if (result.iRDropV !== 0) text.push(`  iR drop subtracted: ${result.iRDropV.toFixed(4)} V`);
  return { json: result, text: text.join('\n') };
}

async function convertCommand(value: string, fromUnit: string, toUnit: string, opts: { species?: string; molarMass?: string }): Promise<Output> {
  const molarMass = toNumber('--molar-mass', opts.molarMass);
  const result = await runCalculator((await calculators()).convertStudy, {
    value: requireNumber('value', value),
    fromUnit,
    toUnit,
    ...(opts.species !== undefined ? { species: opts.species } : {}),
    ...(molarMass !== undefined ? { molarMassGPerMol: molarMass } : {}),
  });
  return {
    json: result,
    text: `${result.from.value} ${fromUnit} = ${round(result.value)} ${toUnit}${result.molarMass ? `  (M = ${result.molarMass.toFixed(3)} g/mol)` : ''}`,
  };
}

async function e0Command(opts: { from: string; to: string; ph?: string }): Promise<Output> {
  const pH = toNumber('--ph', opts.ph);
  const result = await runCalculator((await calculators()).e0Study, {
    from: splitList(opts.from),
    to: splitList(opts.to),
    ...(pH !== undefined ? { pH } : {}),
  });
  const text = [
    result.equation,
    `  E° = ${result.e0VsSHE.toFixed(4)} V vs SHE (pH 0, 298.15 K); ΔrG° = ${result.deltaRGkJPerMol.toFixed(2)} kJ/mol`,
    `  at pH ${result.pH}: ${result.potentialVvsSHE.toFixed(4)} V vs SHE = ${result.e0VsRHE.toFixed(4)} V vs RHE`,
    ...result.formationEnergies.map((e) => `  ΔfG°(${e.formula}, ${e.phase}) = ${e.deltaFGkJPerMol} kJ/mol — ${e.source}`),
  ];
  return { json: result, text: text.join('\n') };
}

function speciesCommand(opts: { role?: string }): Output {
  const entries = SPECIES_REGISTRY.filter((e) => !opts.role || e.roles.some((r) => r === opts.role));
  return {
    json: entries,
    text: entries.map((e) => `${e.id.padEnd(30)} ${e.formula.padEnd(26)} ${e.roles.join(', ')}`).join('\n'),
  };
}

async function demoCommand(): Promise<Output> {
  const parts = await Promise.all([
    formulaCommand('CO(NH2)2'),
    balanceCommand({ from: 'CO2, NO3-', to: 'urea', medium: 'acidic' }),
    feCommand({ from: 'CO2, NO3-', to: 'urea', chargeC: '12.5', amountUmol: '6.1' }),
    potentialCommand('-0.9', { from: 'Ag/AgCl sat. KCl', to: 'RHE', ph: '7' }),
    convertCommand('0.78', 'mmol h-1 cm-2', 'mg h-1 cm-2', { species: 'cyclohexanone oxime' }),
    e0Command({ from: 'CO2, NO3-', to: 'urea', ph: '7' }),
  ]);
  return { json: parts.map((p) => p.json), text: ['cncouple demo — a worked urea example', ...parts.map((p) => p.text)].join('\n\n') };
}

/** A calculator's output whose JSON numbers are all finite. @throws {InputError} naming the output field */
const finite = async (pending: Promise<Output>): Promise<Output> => {
  const out = await pending;
  assertFiniteResult(out.json);
  return out;
};

/** Builds the commander program; each action writes through `emit`. */
function buildProgram(io: CliIo, emit: (out: Output, json: boolean) => void): Command {
  const program = new Command('cncouple')
    .description('Electrocatalytic C–N coupling toolkit: formulas, balancing, faradaic efficiency, potentials, E°.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false);
  const json = new Option('--json', 'machine-readable output (see docs/cli.md)');
  const run =
    <A extends unknown[]>(fn: (...args: A) => Output | Promise<Output>) =>
    async (...args: A) => {
      const cmd = args[args.length - 1] as Command;
      emit(await fn(...args), Boolean(cmd.opts().json));
    };

  program
    .command('formula')
    .description('element counts, charge, molar mass (IUPAC 2021 atomic weights) and Hill formula')
    .argument('<formula>', 'e.g. "CO(NH2)2", "NO3-", "CO3^2-", "CuSO4·5H2O"')
    .addOption(json)
    .action(run((text: string) => finite(formulaCommand(text))));
  program
    .command('balance')
    .description('balance a half-reaction with H2O, H+/OH- and e-')
    .requiredOption('--from <species>', 'reactants, comma-separated names or formulas, e.g. "CO2, NO3-"')
    .requiredOption('--to <species>', 'product(s), e.g. "urea"')
    .addOption(new Option('--medium <medium>', 'acidic (H+) or alkaline (OH-)').choices(['acidic', 'alkaline']).default('acidic'))
    .addOption(json)
    .action(run((opts: { from: string; to: string; medium: Medium }) => finite(balanceCommand(opts))));
  program
    .command('fe')
    .description('faradaic efficiency n·F·N/Q')
    .requiredOption('--to <species>', 'product, e.g. urea')
    .option('--from <species>', 'reactants, to count electrons by balancing')
    .requiredOption('--charge-C <coulomb>', 'charge passed, C')
    .option('--amount-umol <umol>', 'product amount, μmol')
    .option('--amount-mol <mol>', 'product amount, mol')
    .option('--electrons <n>', 'electrons per product molecule (overrides balancing)')
    .addOption(json)
    .action(run((opts: Parameters<typeof feCommand>[0]) => finite(feCommand(opts))));
  program
    .command('potential')
    .description('convert a potential between SHE, RHE, SCE, Ag/AgCl, Hg/HgO, Hg/Hg2SO4')
    .argument('<value>', 'potential, V')
    .requiredOption('--from <scale>', 'e.g. "Ag/AgCl sat. KCl"')
    .requiredOption('--to <scale>', 'e.g. RHE')
    .option('--ph <pH>', 'electrolyte pH (needed for RHE)')
    .option('--temperature-K <K>', 'temperature, K (default 298.15)')
    .option('--current-A <A>', 'current for iR correction, A (negative = cathodic)')
    .option('--resistance-ohm <ohm>', 'uncompensated resistance for iR correction, Ω')
    .addOption(json)
    .action(run((value: string, opts: Parameters<typeof potentialCommand>[1]) => finite(potentialCommand(value, opts))));
  program
    .command('convert')
    .description('convert a yield or yield rate between units, e.g. "mmol h-1 cm-2" → "mg h-1 cm-2"')
    .argument('<value>', 'number in the source unit')
    .argument('<from-unit>', 'e.g. "mmol h-1 g_cat-1"')
    .argument('<to-unit>', 'e.g. "mg h-1 mg_cat-1"')
    .option('--species <species>', 'product (name or formula) for its molar mass')
    .option('--molar-mass <g/mol>', 'product molar mass, g/mol')
    .addOption(json)
    .action(
      run((value: string, fromUnit: string, toUnit: string, opts: { species?: string; molarMass?: string }) =>
        finite(convertCommand(value, fromUnit, toUnit, opts)),
      ),
    );
  program
    .command('e0')
    .description('equilibrium potential from standard Gibbs energies of formation')
    .requiredOption('--from <species>', 'reactants, e.g. "CO2, NO3-"')
    .requiredOption('--to <species>', 'product, e.g. urea')
    .option('--ph <pH>', 'pH for the potentials vs SHE and RHE (default 0)')
    .addOption(json)
    .action(run((opts: { from: string; to: string; ph?: string }) => finite(e0Command(opts))));
  program
    .command('species')
    .description('list the species registry')
    .addOption(new Option('--role <role>', 'filter by role').choices(['nitrogen-source', 'carbon-source', 'product', 'medium', 'by-product']))
    .addOption(json)
    .action(run((opts: { role?: string }) => speciesCommand(opts)));
  program
    .command('demo')
    .description('print a worked example of every chemistry-core command')
    .addOption(json)
    .action(run(() => demoCommand()));
  registerDbCommands(program, run);
  registerRestoreCommand(program, run);
  registerTokenCommands(program, run);
  registerKineticsCommands(program, run);
  registerProcessCommands(program, run);
  registerWorkerCommand(program, io);
  registerMergeCommand(program, run);
  registerPlanCommands(program, run);
  registerMlCommands(program, run);
  registerCatmapCommands(program, run);
  registerDoubleLayerCommand(program, run);
  registerScreenLiteratureCommand(program, run);
  program
    .command('serve')
    .description('run the web app and HTTP API (same as npm start, without the build step)')
    .option('--port <port>', 'TCP port (default $PORT or 8480)')
    .option('--host <host>', 'interface (default $HOST or 127.0.0.1)')
    .option('--data-dir <dir>', 'embedded database folder')
    .option('--db-url <url>', 'PostgreSQL URL')
    .option('--allowed-host <names>', 'host names the server answers to beyond loopback, comma-separated (default $CNCOUPLE_ALLOWED_HOSTS; none: any)')
    .option('--insecure-no-auth', 'listen beyond loopback without requiring tokens for writes (anyone on the network can write)')
    .action(async (o: { port?: string; host?: string; dataDir?: string; dbUrl?: string; allowedHost?: string; insecureNoAuth?: boolean }) => {
      const { startServer } = await import('../server/startServer.js');
      const allowedHosts = o.allowedHost
        ?.split(',')
        .map((h) => h.trim())
        .filter(Boolean);
      const server = await startServer({
        port: o.port === undefined ? undefined : Number(o.port),
        host: o.host,
        dataDir: o.dataDir ?? defaultDataDir(),
        databaseUrl: o.dbUrl ?? process.env.CNCOUPLE_DATABASE_URL,
        allowedHosts,
        insecureNoAuth: o.insecureNoAuth,
      });
      io.stdout(`cncouple is running at ${server.url}  (database: ${server.store.location}; Ctrl+C stops)\n`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => void server.close().then(resolve)));
    });
  return program;
}

/**
 * Runs the CLI on `argv` (without node and script), writing to `io`. Resolves to the exit code:
 * 0 success, 2 bad input (one line on stderr, plus one line per bad row of an import; with --json also
 * `{"error": …}` on stdout), 1 internal error.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  let exitCode = 0;
  const program = buildProgram(io, (out, json) => {
    io.stdout(json ? JSON.stringify(out.json, null, 2) + '\n' : out.text + '\n');
    exitCode = out.exitCode ?? 0;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    // commander wrote its own message on stderr; help and --version end with exit code 0
    if (error instanceof CommanderError && error.exitCode === 0) return 0;
    const report = toErrorReport(error);
    if (report.code === 'internal') {
      io.stderr(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      return report.exitCode;
    }
    if (!(error instanceof CommanderError)) io.stderr(`error: ${report.message}\n${(report.detail ?? []).map((d) => `  ${d}\n`).join('')}`);
    if (wantsJson) io.stdout(JSON.stringify({ error: errorBody(report) }) + '\n');
    return report.exitCode;
  }
}
