import { type Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { InputError, molarMassGPerMol, parseHumanNumber, resolveSpecies } from '../chem/index.js';
import { couplingSpec, transientSpec } from '../plot/processSpecs.js';
import { MICROENV_DEFAULTS, PULSE_DEFAULTS, REACTOR_DEFAULTS } from '../reactor/inputDefaults.js';
import { TEA_DEFAULTS, type TeaResult, type TornadoBar } from '../reactor/technoEconomics.js';
import { TEA_PRESET_IDS, TEA_PROCESS_DEFAULTS } from '../reactor/teaPresets.js';
import { SALT_CATIONS } from '../transport/bulkComposition.js';
import { quoteDiffusionCoefficients } from '../transport/diffusionCoefficients.js';
import { electrolyteFromText } from '../transport/electrolyteFromText.js';
import { rateConstantSensitivity } from '../transport/rateConstantSensitivity.js';
import { type ElectrodeProduct, type MicroenvironmentResult } from '../transport/solveMicroenvironment.js';
import { DEFAULT_RATE_CONSTANT_SET, RATE_CONSTANT_SETS, RATE_CONSTANT_SET_IDS, type RateConstantSetId } from '../transport/transportData.js';
import type { TransientMicroenvironmentResult } from '../transport/transientMicroenvironment.js';
import type { CouplingCurvePoint } from '../transport/coupleToKinetics.js';
import type { transientRequestSchema } from '../reactor/inputSchemas.js';
import type { z } from 'zod';
import type { Run } from './dbCommands.js';
import { progressBar } from './progressBar.js';
import { modelInput, runStudy } from './runStudy.js';
import { type StudyFlag, addStudyFlags, inputFromFlags, validateFlagInput, withFlagNames } from './studyFlags.js';
import { writeFigure } from './writeFigure.js';

/** Salt cations are spectators of the homogeneous chemistry: left out of the rate-constant sensitivity lines. */
const SPECTATOR_CATIONS = new Set<string>(Object.values(SALT_CATIONS));

const num = (field: string, text: string | undefined, fallback?: number): number => {
  if (text === undefined) {
    if (fallback === undefined) throw new InputError(field, 'a finite number', 'missing');
    return fallback;
  }
  return parseHumanNumber(field, text); // "−0.6", "0,05": as people type them
};

/** "urea:0.3:CO2+NO3-, H2:0.7:H2O" → products with FE and sources. */
export function parseProducts(text: string): ElectrodeProduct[] {
  return text.split(',').map((part, i) => {
    const [to, fe, from] = part.trim().split(':');
    if (!to || fe === undefined || !from)
      throw new InputError(`--fe[${i}]`, 'product:FE:source+source, e.g. "urea:0.3:CO2+NO3-, H2:0.7:H2O"', `got "${part.trim()}"`);
    return { to: to.trim(), faradaicEfficiency: num(`--fe[${i}]`, fe), from: from.split('+').map((s) => s.trim()) };
  });
}

/** `--j-ma-cm2` as one current or a log-spaced range from:to:points (mA cm⁻²); `flag` names the flag used. */
function currentList(text: string, flag = '--j-ma-cm2'): number[] {
  const range = text.split(':');
  if (range.length === 1) return [num(flag, text)];
  const [from, to, points] = range.map((r) => num(flag, r));
  if (range.length !== 3 || !(from! > 0 && to! > 0 && Number.isInteger(points) && points! >= 2 && points! <= 200))
    throw new InputError(flag, 'a current or from:to:points with positive currents and at least 2 points (the study schema caps the count)', `got "${text}"`);
  return Array.from({ length: points! }, (_, i) => from! * (to! / from!) ** (i / (points! - 1)));
}

/** Exit code of a command whose requested current (or program) has no solution: 3 (docs/cli.md). */
export const UNSOLVED_EXIT_CODE = 3;

/** `--rate-constants` with the allowed sets. */
const rateConstantsOption = () =>
  new Option('--rate-constants <set>', 'homogeneous rate-constant set (docs/microenvironment.md)')
    .choices([...RATE_CONSTANT_SET_IDS])
    .default(DEFAULT_RATE_CONSTANT_SET);

/** One line per current of a steady microenvironment run (mA cm⁻²). */
function microenvLines(results: MicroenvironmentResult[], currentsMAPerCm2: number[]): string[] {
  return results.map((r, i) => {
    const head = `${currentsMAPerCm2[i]!.toPrecision(3)} mA cm-2: `;
    if (r.converged)
      return `${head}surface pH ${r.surfacePH.toFixed(2)} (bulk ${r.bulkPH.toFixed(2)}); ${Object.entries(r.surface)
        .filter(([k]) => ['CO2', 'NO3-', 'NO2-', 'HCO3-', 'NH3', 'NH4+'].includes(k))
        .map(([k, v]) => `${k} ${(v / 1000).toExponential(2)} M`)
        .join(', ')}`;
    const largest = r.largestSolved
      ? `; largest solved current ${(r.largestSolved.currentDensityAPerM2 / 10).toPrecision(3)} mA cm-2 (surface pH ${r.largestSolved.surfacePH.toFixed(2)} there)`
      : '';
    return `${head}NOT SOLVED — ${r.message}${largest}`;
  });
}

/** Human summary of a transient run: completion, final and extreme surface pH, steps. */
function transientSummary(r: TransientMicroenvironmentResult): string {
  const head = r.completed ? `completed ${r.timesS.at(-1)!.toPrecision(4)} s in ${r.steps} steps (${r.rejectedSteps} rejected)` : `stopped: ${r.message}`;
  const ph = r.surfacePH.filter(Number.isFinite);
  const tail = ph.length
    ? `surface pH: start ${ph[0]!.toFixed(2)}, max ${Math.max(...ph).toFixed(2)}, min ${Math.min(...ph).toFixed(2)}, end ${ph.at(-1)!.toFixed(2)}`
    : 'no H+ in the model: surface pH not defined';
  const per = r.periodic;
  const periodic = per
    ? `\n${per.converged ? 'periodic' : 'NOT periodic'} after ${per.periods} periods (period averages changed ${Number.isFinite(per.lastRelativeChange) ? per.lastRelativeChange.toExponential(1) : '—'}, tolerance ${per.tolerance}); period-average surface pH ${per.periodAverageSurfacePH.toFixed(3)}`
    : '';
  return `${head}\n${tail}${periodic}\nrate constants: ${r.rateConstants ?? 'none (no homogeneous reactions)'}`;
}

/** The study runners with their zod input schemas and validation: loaded when a command needs them, not at start-up. */
const studies = async () => ({
  ...(await import('../reactor/runStudies.js')),
  ...(await import('../reactor/inputSchemas.js')),
  ...(await import('../studies/study.js')),
});

/** Runs a transient study with a progress bar in simulated milliseconds (terminal only, not with --json). */
async function transientWithProgress(input: z.output<typeof transientRequestSchema>, show: boolean): Promise<TransientMicroenvironmentResult> {
  const { runTransientStudy } = await studies();
  const bar = progressBar('transient', 'ms simulated', show);
  const r = runTransientStudy(input, (tS, totalS) => bar.update(Math.round(tS * 1000), Math.round(totalS * 1000)));
  bar.stop();
  return r;
}

/** The figure `study <kind> --out` draws: profiles (microenv), tornado (tea), the diagram (mechanism.diagram). */
function studyFigure(kind: string, input: unknown, result: unknown, figure?: (result: unknown) => unknown): Parameters<typeof writeFigure>[0] {
  const drawn = figure?.(result);
  if (drawn) return drawn as Parameters<typeof writeFigure>[0];
  if (kind === 'microenv') return (result as { spec: Parameters<typeof writeFigure>[0] }).spec;
  if (kind === 'tea') return (result as { tornadoSpec: Parameters<typeof writeFigure>[0] }).tornadoSpec;
  if (kind === 'mechanism.diagram') return (result as { spec: Parameters<typeof writeFigure>[0] }).spec;
  throw new InputError(
    '--out',
    'a study with a figure (microenv, tea, mechanism.diagram, transient, couple, kinetics.optimize with one or two varied inputs, screen)',
    `"${kind}" draws none (input ${JSON.stringify(input).slice(0, 40)}…)`,
  );
}

/** One human line per study result (the JSON is the full result). */
function studySummary(kind: string, input: unknown, result: unknown): string {
  if (kind === 'microenv') {
    const i = input as { rateConstants: string; currentDensitiesMAPerCm2: number[] };
    return [`rate constants: ${i.rateConstants}`, ...microenvLines((result as { results: MicroenvironmentResult[] }).results, i.currentDensitiesMAPerCm2)].join(
      '\n',
    );
  }
  if (kind === 'reactor') {
    const study = result as { channel: { conversion: number }; voltage: { cellVoltageV: number }; energyJPerKg: number; scaleUp: { electrodeAreaM2: number } };
    return `conversion ${(100 * study.channel.conversion).toFixed(2)} %, cell voltage ${study.voltage.cellVoltageV.toFixed(3)} V, ${(study.energyJPerKg / 3.6e6).toFixed(2)} kWh kg-1, ${study.scaleUp.electrodeAreaM2.toFixed(1)} m² for the target`;
  }
  if (kind === 'tea') return teaSummary(result as Parameters<typeof teaSummary>[0]);
  return JSON.stringify(result, null, 2);
}

const text = (t: string) => t;
const list = (t: string) =>
  t
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const rateConstantsFlag: StudyFlag = {
  flags: '--rate-constants <set>',
  field: 'rateConstants',
  description: 'homogeneous rate-constant set (docs/microenvironment.md)',
  choices: RATE_CONSTANT_SET_IDS,
  defaultValue: DEFAULT_RATE_CONSTANT_SET,
};
const currentsFlag: StudyFlag = {
  flags: '--j-ma-cm2 <mA/cm2>',
  alias: '--j <mA/cm2>',
  field: 'currentDensitiesMAPerCm2',
  description: 'current density, mA cm-2 (a positive cathodic magnitude), or a log-spaced range from:to:points',
  required: true,
  parse: currentList,
};
const transportFlags: StudyFlag[] = [
  { flags: '--electrolyte <text>', field: 'electrolyte', description: 'e.g. "0.1 M KHCO3 + 0.05 M KNO3"', required: true, parse: text },
  currentsFlag,
];
const layerFlags: StudyFlag[] = [
  {
    flags: '--co2-saturated',
    field: 'co2Saturated',
    description:
      'bulk equilibrated with 1 bar CO2 (H-cell: 0.1 M KOH becomes bicarbonate, pH 6.82); omit for a flow cell whose gas-diffusion electrode feeds CO2',
  },
  { flags: '--delta-um <µm>', field: 'boundaryLayerUm', description: 'boundary-layer thickness, µm', defaultValue: MICROENV_DEFAULTS.boundaryLayerUm },
];

/** `microenv` flags → the `microenv` study input (src/reactor/inputSchemas.ts). */
const MICROENV_FLAGS: StudyFlag[] = [
  ...transportFlags,
  {
    flags: '--fe <products>',
    field: 'products',
    description: 'product:FE:sources, FE a fraction, e.g. "urea:0.3:CO2+NO3-, H2:0.7:H2O"',
    required: true,
    parse: (t) => parseProducts(t),
  },
  ...layerFlags,
  { flags: '--migration', field: 'migration', description: 'include migration (Nernst–Planck with electroneutrality)' },
  rateConstantsFlag,
];

/** `--sources "urea:CO2+NO3-, H2:H2O"` → `{urea: ["CO2", "NO3-"], H2: ["H2O"]}`. */
function parseSources(text: string, flag: string): Record<string, string[]> {
  return Object.fromEntries(
    text.split(',').map((part, i) => {
      const [p, src] = part.trim().split(':');
      if (!p || !src) throw new InputError(`${flag}[${i}]`, 'product:source+source', `got "${part.trim()}"`);
      return [p.trim(), src.split('+').map((x) => x.trim())];
    }),
  );
}

/** `couple` flags → the `couple` study input (the model comes from the argument). */
const COUPLE_FLAGS: StudyFlag[] = [
  ...transportFlags,
  {
    flags: '--sources <list>',
    field: 'productSources',
    description: 'product:source+source for every model product, e.g. "urea:CO2+NO3-, NH3:NO3-, H2:H2O"',
    required: true,
    parse: parseSources,
  },
  ...layerFlags,
  rateConstantsFlag,
];

const R = REACTOR_DEFAULTS;
/** `reactor` flags → the `reactor` study input; renamed flags carry their unit, the old names stay as aliases. */
const REACTOR_FLAGS: StudyFlag[] = [
  { flags: '--product <species>', field: 'product', description: 'product, e.g. urea', required: true, parse: text },
  { flags: '--electrons <n>', field: 'electrons', description: 'electrons per product molecule', required: true },
  { flags: '--fe <fraction>', field: 'faradaicEfficiency', description: 'faradaic efficiency of the product, a fraction 0–1', required: true },
  {
    flags: '--c-in-mol-m3 <mol/m3>',
    alias: '--c-in <mol/m3>',
    field: 'inletConcentrationMolPerM3',
    description: 'inlet concentration of the limiting reactant, mol m-3',
    required: true,
  },
  {
    flags: '--limiting-reactant <species>',
    field: 'limitingReactant',
    description:
      'the reactant --c-in-mol-m3 is of, e.g. NO3-: --reactant-per-product is then derived from the cathode reaction balanced from --cathode-sources (urea: 2 NO3-)',
    parse: text,
  },
  {
    flags: '--reactant-per-product <n>',
    field: 'reactantPerProduct',
    description: `reactant molecules per product molecule; must equal the balanced value with --limiting-reactant; with neither, ${R.reactantPerProduct} is assumed and the output warns`,
  },
  {
    flags: '--d-m2-s <m2/s>',
    alias: '--d <m2/s>',
    field: 'diffusionM2PerS',
    description: `reactant diffusion coefficient, m2 s-1 (default: the sourced value of --limiting-reactant, CRC Handbook 25 °C: ${quoteDiffusionCoefficients(['CO2', 'NO3-'])}; required for a reactant without one; with no reactant named, ${R.assumedDiffusionReactant}'s is assumed and the output warns)`,
  },
  { flags: '--velocity-m-s <m/s>', alias: '--velocity <m/s>', field: 'velocityMPerS', description: 'mean velocity, m s-1', defaultValue: R.velocityMPerS },
  { flags: '--length-m <m>', alias: '--length <m>', field: 'lengthM', description: 'electrode length, m', defaultValue: R.lengthM },
  { flags: '--width-m <m>', alias: '--width <m>', field: 'widthM', description: 'electrode width, m', defaultValue: R.widthM },
  { flags: '--gap-m <m>', alias: '--gap <m>', field: 'gapM', description: 'channel gap, m', defaultValue: R.gapM },
  {
    flags: '--j-kin-a-m2 <A/m2>',
    alias: '--j-kin <A/m2>',
    field: 'kineticCurrentDensityAPerM2',
    description: 'kinetic partial current density, A m-2 (default: mass-transfer control)',
  },
  {
    flags: '--e-cathode-v-rhe <V>',
    alias: '--e-cathode <V>',
    field: 'cathodeEquilibriumVvsRHE',
    description:
      'equilibrium potential of the cathode reaction, V vs RHE (default: from the chemistry core for --product from --cathode-sources at --ph; urea at pH 7: 0.7592)',
  },
  {
    flags: '--cathode-sources <list>',
    field: 'cathodeSources',
    description: 'reactants of the cathode reaction, comma-separated (default CO2, NO3- for urea; NO3- for NH3)',
    parse: list,
  },
  { flags: '--ph <pH>', field: 'pH', description: 'pH for the default cathode equilibrium potential', defaultValue: R.pH },
  {
    flags: '--conductivity-s-m <S/m>',
    alias: '--conductivity <S/m>',
    field: 'conductivitySPerM',
    description: 'electrolyte conductivity, S m-1',
    defaultValue: R.conductivitySPerM,
  },
  {
    flags: '--target-t-per-day <t/day>',
    field: 'targetTonnesPerDay',
    description: 'production target for scale-up, t/day',
    defaultValue: R.targetTonnesPerDay,
  },
];

/** Registers `microenv`, `transient`, `study`, `couple`, `reactor` and `tea`. */
export function registerProcessCommands(program: Command, run: Run): void {
  const json = () => new Option('--json', 'machine-readable output (see docs/cli.md)');
  addStudyFlags(
    program
      .command('microenv')
      .description(
        'local pH and concentrations at the electrode (1-D diffusion–reaction across the boundary layer); the `microenv` study (src/studies/process.ts)',
      ),
    MICROENV_FLAGS,
  )
    .option('--sensitivity', 'solve with every rate-constant set and report how the surface values move (adds `sensitivity` to the study result)')
    .option('--out <file>', 'profiles (single j) or surface pH vs j (range) as .svg/.png')
    .addOption(json())
    .action(
      run(async (o: Record<string, unknown> & { sensitivity?: boolean; out?: string }) => {
        const { input: raw, deprecated } = inputFromFlags(o, MICROENV_FLAGS);
        const { microenvStudy } = await import('../studies/process.js');
        const input = validateFlagInput(microenvStudy.input, raw, MICROENV_FLAGS);
        const currents = input.currentDensitiesMAPerCm2;
        const t0 = performance.now();
        const result = await withFlagNames(MICROENV_FLAGS, () => runStudy('microenv', input));
        const seconds = (performance.now() - t0) / 1000;
        const { results } = result;
        if (o.out) await writeFigure(result.spec, o.out);
        const text = [
          ...deprecated.map((d) => `note: ${d}`),
          `rate constants: ${input.rateConstants} — ${RATE_CONSTANT_SETS[input.rateConstants].description}`,
          ...microenvLines(results, currents),
        ];
        const lim = results[0]!.limitingCurrentAPerM2;
        text.push(
          `diffusion-limited current (no homogeneous supply): ${
            Object.entries(lim)
              .map(([k, v]) => `${k} ${(v / 10).toPrecision(3)} mA cm-2`)
              .join(', ') || '—'
          }; ${seconds.toFixed(2)} s`,
        );
        const layer = {
          bulk: electrolyteFromText(input.electrolyte, input.co2Saturated).concentrations,
          products: input.products,
          boundaryLayerM: input.boundaryLayerUm * 1e-6,
          migration: input.migration,
        };
        const sensitivity = o.sensitivity
          ? rateConstantSensitivity(
              layer,
              currents.map((j) => j * 10),
              input.rateConstants,
            )
          : undefined;
        if (sensitivity) {
          text.push(
            `sensitivity to the rate-constant set (changes from ${sensitivity.reference}, largest over ${RATE_CONSTANT_SET_IDS.filter((id) => id !== sensitivity.reference).join(', ')}):`,
          );
          sensitivity.changes.forEach((c, i) => {
            const rel = Object.entries(c.relativeChange)
              .filter(([k]) => !SPECTATOR_CATIONS.has(k))
              .map(([k, v]) => `${k} ${Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)} %` : '—'}`)
              .join(', ');
            text.push(
              `  ${currents[i]!.toPrecision(3)} mA cm-2: ΔpH ${Number.isFinite(c.surfacePHChange) ? c.surfacePHChange.toFixed(3) : '— (not solved under some set)'}; ${rel}`,
            );
          });
          text.push(
            `  reactant run-out current: ${sensitivity.sets.map((s) => `${s.rateConstants} ${s.runOutCurrentAPerM2 === null ? '—' : `${(s.runOutCurrentAPerM2 / 10).toPrecision(4)} mA cm-2`}`).join(', ')}${Number.isFinite(sensitivity.runOutCurrentRelativeChange) ? ` (${(100 * sensitivity.runOutCurrentRelativeChange).toFixed(1)} %)` : ''}`,
          );
        }
        const unsolved = results.some((r) => !r.converged);
        // --json: exactly the study's result (= `study microenv`, = POST /api/microenv); --sensitivity adds its field
        return { json: sensitivity ? { ...result, sensitivity } : result, text: text.join('\n'), ...(unsolved ? { exitCode: UNSOLVED_EXIT_CODE } : {}) };
      }),
    );
  program
    .command('transient')
    .description('time-dependent microenvironment under current steps or square pulses (surface pH vs time)')
    .requiredOption('--electrolyte <text>', 'e.g. "0.5 M K2SO4"')
    .requiredOption('--fe <products>', 'product:FE:sources, e.g. "H2:1:H2O"')
    .option('--steps <program>', 'current program mA/cm2:seconds, e.g. "100:10, 0:5"')
    .option(
      '--pulse <pulse>',
      'square pulses high:tHigh:low:tLow[:periods] (mA cm-2, s), e.g. "100:1:0:1:5"; without periods (or "auto"): until the period averages settle',
    )
    .option(
      '--periodic-tol <relative>',
      'with --pulse: relative change of the period-averaged surface concentrations that counts as periodic',
      String(PULSE_DEFAULTS.periodicTolerance),
    )
    .option('--max-periods <n>', 'with --pulse and automatic periods: cap on the periods', String(PULSE_DEFAULTS.maxPeriods))
    .option(
      '--co2-saturated',
      'bulk equilibrated with 1 bar CO2 (H-cell: 0.1 M KOH becomes bicarbonate, pH 6.82); omit for a flow cell whose gas-diffusion electrode feeds CO2',
    )
    .option('--delta-um <µm>', `boundary-layer thickness, µm (default ${MICROENV_DEFAULTS.boundaryLayerUm}, the study's)`)
    .option('--migration', 'include migration (Nernst–Planck with electroneutrality)')
    .addOption(rateConstantsOption())
    .option('--out <file>', 'surface pH and current vs time as .svg/.png')
    .addOption(json())
    .action(
      run(
        async (o: {
          electrolyte: string;
          fe: string;
          steps?: string;
          pulse?: string;
          periodicTol: string;
          maxPeriods: string;
          co2Saturated?: boolean;
          deltaUm?: string;
          migration?: boolean;
          rateConstants: RateConstantSetId;
          out?: string;
          json?: boolean;
        }) => {
          const fields = (flag: string, text: string, count: number) => {
            const parts = text.split(':').map((p) => num(flag, p));
            if (parts.length !== count) throw new InputError(flag, `${count} numbers separated by ":"`, `got "${text}"`);
            return parts;
          };
          const pulseParts = o.pulse?.split(':');
          const autoPeriods = pulseParts !== undefined && (pulseParts.length === 4 || pulseParts[4] === 'auto');
          const pulse = o.pulse ? (autoPeriods ? fields('--pulse', pulseParts!.slice(0, 4).join(':'), 4) : fields('--pulse', o.pulse, 5)) : undefined;
          const { validateStudyInput, transientRequestSchema } = await studies();
          const input = validateStudyInput(transientRequestSchema, {
            electrolyte: o.electrolyte,
            co2Saturated: Boolean(o.co2Saturated),
            products: parseProducts(o.fe),
            ...(o.deltaUm === undefined ? {} : { boundaryLayerUm: num('--delta-um', o.deltaUm) }), // absent: the schema's default
            migration: Boolean(o.migration),
            rateConstants: o.rateConstants,
            ...(o.steps
              ? {
                  steps: o.steps
                    .split(',')
                    .map((part) => fields('--steps', part.trim(), 2))
                    .map(([j, t]) => ({ currentDensityMAPerCm2: j, durationS: t })),
                }
              : {}),
            ...(pulse
              ? {
                  pulse: {
                    highMAPerCm2: pulse[0],
                    tHighS: pulse[1],
                    lowMAPerCm2: pulse[2],
                    tLowS: pulse[3],
                    periods: autoPeriods ? 'auto' : pulse[4],
                    periodicTolerance: num('--periodic-tol', o.periodicTol),
                    maxPeriods: num('--max-periods', o.maxPeriods),
                  },
                }
              : {}),
          });
          const r = await transientWithProgress(input, !o.json);
          if (o.out) await writeFigure(transientSpec(r), o.out);
          const unsettled = autoPeriods && r.periodic !== undefined && !r.periodic.converged;
          return { json: r, text: transientSummary(r), ...(r.completed && !unsettled ? {} : { exitCode: UNSOLVED_EXIT_CODE }) };
        },
      ),
    );
  program
    .command('study')
    .description(
      'run any operation of the use-case layer (src/studies) from a validated JSON/YAML input file — the API body of the same operation; --json prints exactly what the API returns',
    )
    .argument(
      '<kind>',
      'a study name (formula, balance, fe, potential, convert, e0, mechanism.diagram, kinetics.steady, kinetics.pulse, microenv, couple, reactor, tea, transport.doubleLayer) or transient',
    )
    .argument('<file>', 'input file; fields as the API bodies (docs/cli.md)')
    .option(
      '--out <file>',
      'plot (.svg/.png): profiles or surface pH (microenv), FE vs j (couple), surface pH vs time (transient), tornado (tea), diagram (mechanism.diagram)',
    )
    .addOption(json())
    .action(
      run(async (kind: string, file: string, o: { out?: string; json?: boolean }) => {
        const { validateStudyInput, transientRequestSchema } = await studies();
        const { STUDIES } = await import('../studies/index.js');
        const { parse: parseYaml } = await import('yaml');
        let raw: unknown;
        try {
          raw = parseYaml(readFileSync(file, 'utf8'));
        } catch (error) {
          throw new InputError('file', 'a readable JSON or YAML file', (error as Error).message.split('\n')[0] ?? 'unreadable');
        }
        if (kind === 'transient') {
          const input = validateStudyInput(transientRequestSchema, raw);
          const r = await transientWithProgress(input, !o.json);
          if (o.out) await writeFigure(transientSpec(r), o.out);
          const unsettled = input.pulse?.periods === 'auto' && r.periodic !== undefined && !r.periodic.converged;
          return { json: r, text: transientSummary(r), ...(r.completed && !unsettled ? {} : { exitCode: UNSOLVED_EXIT_CODE }) };
        }
        const study = STUDIES[kind];
        if (!study) throw new InputError('kind', `a study name (${[...Object.keys(STUDIES), 'transient'].join(', ')})`, `got "${kind}"`);
        const input = validateStudyInput(study.input, raw);
        study.check?.(input);
        const result = study.run(input);
        if (o.out) await writeFigure(studyFigure(kind, input, result, study.figure), o.out);
        // a microenvironment or coupling with an unsolved current exits 3 (docs/cli.md), like `microenv` and `couple`
        const unsolved =
          (kind === 'microenv' && (result as { results: MicroenvironmentResult[] }).results.some((r) => !r.converged)) ||
          (kind === 'couple' && (result as CouplingCurvePoint[]).some((p) => !p.converged));
        return { json: result, text: studySummary(kind, input, result), ...(unsolved ? { exitCode: UNSOLVED_EXIT_CODE } : {}) };
      }),
    );
  addStudyFlags(
    program
      .command('couple')
      .description(
        'self-consistent microkinetics at the local (surface) concentrations from the microenvironment model: FE vs j, one point per current; the `couple` study (src/studies/transport.ts)',
      ),
    COUPLE_FLAGS,
  )
    .argument('<model>', 'a built-in kinetic model (cncouple models), e.g. urea-cu4-ceo2, or a model file (docs/model-format.md)')
    .option('--out <file>', 'FE vs current density with and without transport as .svg/.png (with a range)')
    .addOption(json())
    .action(
      run(async (ref: string, o: Record<string, unknown> & { out?: string; json?: boolean }) => {
        const { input: raw, deprecated } = inputFromFlags(o, COUPLE_FLAGS);
        const { coupleStudy } = await import('../studies/transport.js');
        const input = validateFlagInput(coupleStudy.input, { ...(await modelInput(ref)), ...raw }, COUPLE_FLAGS);
        const currents = input.currentDensitiesMAPerCm2;
        const bar = progressBar('coupling', 'currents', !o.json && currents.length > 1);
        const points = await withFlagNames(COUPLE_FLAGS, () => runStudy('couple', input, bar.update)).finally(() => bar.stop());
        if (o.out) await writeFigure(couplingSpec(points), o.out);
        const fmt = (fe: Record<string, number>) =>
          Object.entries(fe)
            .map(([k, v]) => `${k} ${(100 * v).toFixed(2)} %`)
            .join(', ');
        const lines = points.map(
          (p, i) =>
            `${currents[i]!.toPrecision(3)} mA cm-2: ${p.faradaicEfficiency ? `${p.converged ? 'self-consistent' : `NOT converged (${p.message})`} after ${p.iterations} iterations at ${p.potentialVvsRHE!.toFixed(3)} V vs RHE; FE with transport ${fmt(p.faradaicEfficiency)}; at bulk ${fmt(p.faradaicEfficiencyBulk!)}; surface pH ${p.surfacePH!.toFixed(2)} (kinetics at pH ${p.kineticsPH!.toFixed(2)}; at bulk concentrations pH ${p.kineticsPHBulk!.toFixed(2)})` : `not solved — ${p.message}`}`,
        );
        // --json: exactly the study's points (= `study couple`, = the result of the POST /api/couple job)
        return {
          json: points,
          text: [...deprecated.map((d) => `note: ${d}`), `rate constants: ${input.rateConstants}`, ...lines].join('\n'),
          ...(points.some((p) => !p.converged) ? { exitCode: UNSOLVED_EXIT_CODE } : {}),
        };
      }),
    );
  addStudyFlags(
    program
      .command('reactor')
      .description('parallel-plate flow cell: conversion, production, cell voltage, energy per kg, scale-up; the `reactor` study (src/studies/process.ts)'),
    REACTOR_FLAGS,
  )
    .addOption(json())
    .action(
      run(async (o: Record<string, unknown>) => {
        const { input: raw, deprecated } = inputFromFlags(o, REACTOR_FLAGS);
        const { reactorStudy } = await import('../studies/process.js');
        const input = validateFlagInput(reactorStudy.input, raw, REACTOR_FLAGS);
        const study = await withFlagNames(REACTOR_FLAGS, () => runStudy('reactor', input));
        const M = molarMassGPerMol(resolveSpecies(input.product, '--product').formula);
        const { channel, voltage, scaleUp: plant } = study;
        const text = [
          ...deprecated.map((d) => `note: ${d}`),
          ...study.warnings.map((w) => `warning: ${w}`),
          `reactant per product ${study.stoichiometry.reactantPerProduct} (${study.stoichiometry.from})`,
          `reactant diffusion coefficient ${study.diffusion.diffusionM2PerS.toExponential(3)} m2 s-1${study.diffusion.species ? ` (${study.diffusion.species})` : ''} — ${study.diffusion.from}`,
          `Re ${channel.reynolds.toFixed(0)}, Sh ${channel.sherwood.toFixed(2)} (${channel.regime}), k_m ${channel.massTransferCoefficientMPerS.toExponential(3)} m s-1`,
          `single-pass conversion ${(100 * channel.conversion).toFixed(2)} %, outlet ${channel.outletConcentrationMolPerM3.toFixed(3)} mol m-3, residence ${channel.residenceTimeS.toFixed(2)} s`,
          `production ${(channel.productionMolPerS * 3600 * M).toExponential(3)} g h-1; mean partial j ${(channel.meanPartialCurrentDensityAPerM2 / 10).toFixed(2)} mA cm-2; total ${channel.totalCurrentA.toFixed(3)} A`,
          `cathode equilibrium ${study.cathodeEquilibrium.potentialVvsRHE.toFixed(4)} V vs RHE (${study.cathodeEquilibrium.from})`,
          `cell voltage ${voltage.cellVoltageV.toFixed(3)} V = E_eq ${voltage.equilibriumV.toFixed(3)} + η_c ${voltage.cathodeOverpotentialV.toFixed(3)} + η_a ${voltage.anodeOverpotentialV.toFixed(3)} + iR ${voltage.ohmicV.toFixed(3)} (Tafel 120/60 mV dec-1 assumed)`,
          `energy ${(study.energyJPerKg / 3.6e6).toFixed(2)} kWh kg-1; for ${input.targetTonnesPerDay} t/day: ${plant.electrodeAreaM2.toFixed(1)} m² electrode, ${plant.cells} cells, ${(plant.powerW / 1e6).toFixed(3)} MW`,
        ];
        // --json: exactly the study's result with the channel profiles (= `study reactor`, = POST /api/reactor)
        return { json: study, text: text.join('\n') };
      }),
    );
  program
    .command('tea')
    .description(
      'full-scope levelized product cost (electrolyzer, feeds, separation, O2 credit), tornado and cost curves — the `tea` study (`study tea`, POST /api/tea) from flags',
    )
    .addOption(new Option('--preset <name>', 'a published case whose assumptions fill every flag you do not give (docs/tea.md)').choices([...TEA_PRESET_IDS]))
    .option('--product <species>', 'product, e.g. urea (required unless --preset)')
    .option('--electrons <n>', 'electrons per product molecule')
    .option('--fe <fraction>', 'faradaic efficiency, a fraction 0–1')
    .option('--j-ma-cm2 <mA/cm2>', 'total current density, mA cm-2')
    .option('--j <A/m2>', 'DEPRECATED alias: total current density in A m-2 (use --j-ma-cm2; 3000 A m-2 = 300 mA cm-2)')
    .option('--voltage <V>', 'cell voltage, V')
    .option('--t-per-day <t>', `plant capacity, t/day (default ${TEA_PROCESS_DEFAULTS.productionTonnesPerDay})`)
    .option('--conversion <fraction>', 'single-pass conversion of the feed; the rest is recycled')
    .option(
      '--feed <feed...>',
      'reactant fed as species[:USD/kg[:mol/mol]]: its price per kg of feed and mol per mol product (default price: CO2 0.05 USD/kg; stoichiometry balanced), e.g. CO2:0.04 KNO3:0.3',
    )
    .addOption(
      new Option('--separation <method>', 'product separation (default: PSA for gas products)').choices(['psa', 'distillation', 'crystallization', 'none']),
    )
    .option(
      '--separation-unit <name=value...>',
      'separation reference unit: referenceCapitalUsd, referenceCapacity, scalingExponent, energyKWhPerUnit, operatingUsdPerYearAtReference, productVolumeFraction, productDensityKgPerM3',
    )
    .option('--o2-price <USD/kg>', 'credit the anode O2 at this price')
    .option('--set <name=value...>', `override an economic default (${Object.keys(TEA_DEFAULTS).join(', ')})`)
    .option('--out <file>', 'tornado chart .svg/.png')
    .addOption(json())
    .action(
      run(
        async (o: {
          preset?: string;
          product?: string;
          electrons?: string;
          fe?: string;
          jMaCm2?: string;
          j?: string;
          voltage?: string;
          tPerDay?: string;
          conversion?: string;
          feed?: string[];
          separation?: string;
          separationUnit?: string[];
          o2Price?: string;
          set?: string[];
          out?: string;
          json?: boolean;
        }) => {
          const pairs = (flag: string, list: string[] | undefined, names: readonly string[]) =>
            Object.fromEntries(
              (list ?? []).map((s) => {
                const [k, v] = s.split('=');
                if (!k || !names.includes(k) || v === undefined) throw new InputError(flag, `name=value with a name among ${names.join(', ')}`, `got "${s}"`);
                return [k, num(`${flag} ${k}`, v)];
              }),
            );
          const opt = (flag: string, text: string | undefined) => (text === undefined ? undefined : num(flag, text));
          const feeds = o.feed?.map((text, i) => {
            const [species, price, stoich] = text.split(':');
            if (!species) throw new InputError(`--feed[${i}]`, 'species[:USD/kg[:mol per mol product]], e.g. CO2:0.04', `got "${text}"`);
            return {
              species: species.trim(),
              ...(price ? { priceUsdPerKg: num(`--feed[${i}] price`, price) } : {}),
              ...(stoich ? { molPerMolProduct: num(`--feed[${i}] mol/mol`, stoich) } : {}),
            };
          });
          const unit = pairs('--separation-unit', o.separationUnit, SEPARATION_UNIT_FIELDS);
          const raw = {
            preset: o.preset,
            product: o.product,
            electrons: opt('--electrons', o.electrons),
            faradaicEfficiency: opt('--fe', o.fe),
            currentDensityMAPerCm2: opt('--j-ma-cm2', o.jMaCm2),
            currentDensityAPerM2: opt('--j', o.j),
            cellVoltageV: opt('--voltage', o.voltage),
            productionTonnesPerDay: opt('--t-per-day', o.tPerDay),
            singlePassConversion: opt('--conversion', o.conversion),
            feeds,
            separation: o.separation === undefined ? undefined : { method: o.separation, ...unit },
            oxygenPriceUsdPerKg: opt('--o2-price', o.o2Price),
            overrides: o.set ? pairs('--set', o.set, Object.keys(TEA_DEFAULTS)) : undefined,
          };
          if (o.separation === undefined && Object.keys(unit).length)
            throw new InputError('--separation', 'a method (psa, distillation, crystallization, none) with --separation-unit', 'missing');
          const { validateStudyInput, teaRequestSchema } = await studies();
          const { teaStudy: study } = await import('../studies/process.js');
          const result = study.run(validateStudyInput(teaRequestSchema, raw));
          if (o.out) await writeFigure(result.tornadoSpec, o.out);
          const note =
            o.j === undefined ? '' : `note: tea --j (A m-2) is deprecated; use --j-ma-cm2 (mA cm-2): --j ${o.j} = --j-ma-cm2 ${Number(num('--j', o.j)) / 10}\n`;
          return { json: result, text: note + teaSummary(result) };
        },
      ),
    );
}

/** The fields of a separation unit that `--separation-unit` sets. */
const SEPARATION_UNIT_FIELDS = [
  'referenceCapitalUsd',
  'referenceCapacity',
  'scalingExponent',
  'energyKWhPerUnit',
  'operatingUsdPerYearAtReference',
  'productVolumeFraction',
  'productDensityKgPerM3',
] as const;

/** Human text of a tea study: total, every term (included or why not), the preset's lines, sensitivity and defaults. */
function teaSummary(study: {
  input: { preset?: string; product: string; currentDensityMAPerCm2: number };
  preset?: { description: string; lines: { field: string; value: number | string; unit: string; source: string }[]; caveats: string[] };
  result: TeaResult;
  tornado: TornadoBar[];
}): string {
  const r = study.result;
  const fmt = (v: number | null) => (v === null ? '—' : v.toFixed(4));
  const lines = [
    `levelized cost ${r.costUsdPerKg.toFixed(4)} USD/kg ${study.input.product} at ${study.input.currentDensityMAPerCm2} mA cm-2${study.preset ? ` (preset: ${study.preset.description})` : ''}`,
    'included:',
    ...r.terms.filter((t) => t.included).map((t) => `  ${t.label.padEnd(28)} ${fmt(t.usdPerKg).padStart(8)} USD/kg  ${t.basis}`),
    r.excluded.length ? 'excluded:' : 'excluded: none',
    ...r.terms.filter((t) => !t.included).map((t) => `  ${t.label.padEnd(28)} ${'—'.padStart(8)}         ${t.basis}`),
    `electrode ${r.electrodeAreaM2.toFixed(0)} m², electrolyzer capital ${(r.capitalUsd / 1e6).toFixed(2)} MUSD, ${r.energyKWhPerKg.toFixed(3)} kWh/kg, CRF ${r.capitalRecoveryFactor.toFixed(5)}`,
    ...r.massBalance.feeds.map(
      (f) =>
        `  feed ${f.species}: consumed ${f.consumedKgPerKgProduct.toFixed(4)} kg/kg${f.fedPerPassKgPerKgProduct === null ? '' : `, fed per pass ${f.fedPerPassKgPerKgProduct.toFixed(4)}, recycled ${f.recycledKgPerKgProduct!.toFixed(4)}`}`,
    ),
    `separation: ${r.separation.method}${r.separation.capacity === null ? '' : ` at ${r.separation.capacity.toPrecision(5)} ${r.separation.capacityUnit}`} — ${r.separation.source}`,
    ...(r.massBalance.gasToSeparationM3PerH === null
      ? []
      : [`  gas to the PSA ${r.massBalance.gasToSeparationM3PerH.toFixed(0)} m³/h (${r.massBalance.gasToSeparationM3PerKgProduct!.toFixed(4)} m³/kg)`]),
  ];
  if (study.preset) {
    lines.push(
      'preset assumptions:',
      ...study.preset.lines.map((l) => `  ${l.field} = ${typeof l.value === 'number' ? Number(l.value.toPrecision(6)) : l.value} ${l.unit} — ${l.source}`),
      'caveats:',
      ...study.preset.caveats.map((c) => `  ${c}`),
    );
  }
  lines.push(
    'sensitivity (±20 %):',
    ...study.tornado.slice(0, 6).map((t) => `  ${t.parameter.padEnd(26)} ${t.costAtLowUsdPerKg.toFixed(4)} … ${t.costAtHighUsdPerKg.toFixed(4)} USD/kg`),
  );
  lines.push(
    'parameters (override with --set name=value):',
    ...Object.entries(r.parameters).map(
      ([k, v]) =>
        `  ${k} = ${v === null ? 'not set' : Number(v.toPrecision(6))} — ${v === TEA_DEFAULTS[k]!.value ? TEA_DEFAULTS[k]!.source : 'set (preset or --set)'}`,
    ),
  );
  return lines.join('\n');
}
