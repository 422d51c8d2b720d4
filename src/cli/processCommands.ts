import { type Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { InputError, molarMassGPerMol, parseHumanNumber, resolveSpecies } from '../chem/index.js';
import { couplingSpec, microenvironmentSpecs, tornadoSpec, transientSpec } from '../plot/processSpecs.js';
import { flowCellStudy, teaStudy } from '../reactor/studies.js';
import { TEA_DEFAULTS } from '../reactor/technoEconomics.js';
import { electrolyteFromText } from '../transport/electrolyteFromText.js';
import { rateConstantSensitivity } from '../transport/rateConstantSensitivity.js';
import { type ElectrodeProduct, type MicroenvironmentResult, solveMicroenvironmentAtCurrents } from '../transport/solveMicroenvironment.js';
import { DEFAULT_RATE_CONSTANT_SET, RATE_CONSTANT_SETS, RATE_CONSTANT_SET_IDS, type RateConstantSetId } from '../transport/transportData.js';
import type { TransientMicroenvironmentResult } from '../transport/transientMicroenvironment.js';
import type { transientRequestSchema } from '../reactor/inputSchemas.js';
import type { z } from 'zod';
import type { Run } from './dbCommands.js';
import { progressBar } from './progressBar.js';
import { writeFigure } from './writeFigure.js';


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
    if (!to || fe === undefined || !from) throw new InputError(`--fe[${i}]`, 'product:FE:source+source, e.g. "urea:0.3:CO2+NO3-, H2:0.7:H2O"', `got "${part.trim()}"`);
    return { to: to.trim(), faradaicEfficiency: num(`--fe[${i}]`, fe), from: from.split('+').map((s) => s.trim()) };
  });
}

/** `--j` as one current or a log-spaced range from:to:points (mA cm⁻²). */
function currentList(text: string): number[] {
  const range = text.split(':');
  if (range.length === 1) return [num('--j', text)];
  const [from, to, points] = range.map((r) => num('--j', r));
  if (range.length !== 3 || !(from! > 0 && to! > 0 && Number.isInteger(points) && points! >= 2 && points! <= 200)) throw new InputError('--j', 'a current or from:to:points with positive currents and 2–200 points', `got "${text}"`);
  return Array.from({ length: points! }, (_, i) => from! * (to! / from!) ** (i / (points! - 1)));
}

/** Exit code of a command whose requested current (or program) has no solution: 3 (docs/cli.md). */
export const UNSOLVED_EXIT_CODE = 3;

/** `--rate-constants` with the allowed sets. */
const rateConstantsOption = () => new Option('--rate-constants <set>', 'homogeneous rate-constant set (docs/microenvironment.md)').choices([...RATE_CONSTANT_SET_IDS]).default(DEFAULT_RATE_CONSTANT_SET);

/** One line per current of a steady microenvironment run (mA cm⁻²). */
function microenvLines(results: MicroenvironmentResult[], currentsMAPerCm2: number[]): string[] {
  return results.map((r, i) => {
    const head = `${currentsMAPerCm2[i]!.toPrecision(3)} mA cm-2: `;
    if (r.converged) return `${head}surface pH ${r.surfacePH.toFixed(2)} (bulk ${r.bulkPH.toFixed(2)}); ${Object.entries(r.surface).filter(([k]) => ['CO2', 'NO3-', 'NO2-', 'HCO3-', 'NH3', 'NH4+'].includes(k)).map(([k, v]) => `${k} ${(v / 1000).toExponential(2)} M`).join(', ')}`;
    const largest = r.largestSolved ? `; largest solved current ${(r.largestSolved.currentDensityAPerM2 / 10).toPrecision(3)} mA cm-2 (surface pH ${r.largestSolved.surfacePH.toFixed(2)} there)` : '';
    return `${head}NOT SOLVED — ${r.message}${largest}`;
  });
}

/** Human summary of a transient run: completion, final and extreme surface pH, steps. */
function transientSummary(r: TransientMicroenvironmentResult): string {
  const head = r.completed ? `completed ${r.timesS.at(-1)!.toPrecision(4)} s in ${r.steps} steps (${r.rejectedSteps} rejected)` : `stopped: ${r.message}`;
  const ph = r.surfacePH.filter(Number.isFinite);
  const tail = ph.length ? `surface pH: start ${ph[0]!.toFixed(2)}, max ${Math.max(...ph).toFixed(2)}, min ${Math.min(...ph).toFixed(2)}, end ${ph.at(-1)!.toFixed(2)}` : 'no H+ in the model: surface pH not defined';
  const per = r.periodic;
  const periodic = per ? `\n${per.converged ? 'periodic' : 'NOT periodic'} after ${per.periods} periods (period averages changed ${Number.isFinite(per.lastRelativeChange) ? per.lastRelativeChange.toExponential(1) : '—'}, tolerance ${per.tolerance}); period-average surface pH ${per.periodAverageSurfacePH.toFixed(3)}` : '';
  return `${head}\n${tail}${periodic}\nrate constants: ${r.rateConstants ?? 'none (no homogeneous reactions)'}`;
}

/** The study runners with their zod input schemas, YAML, and the model compiler: loaded when a command needs them, not at start-up. */
const studies = async () => ({ ...(await import('../reactor/runStudies.js')), ...(await import('../reactor/inputSchemas.js')) });

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
  throw new InputError('--out', 'a study with a figure (microenv, tea, mechanism.diagram, transient, couple, kinetics.optimize with one or two varied inputs, screen)', `"${kind}" draws none (input ${JSON.stringify(input).slice(0, 40)}…)`);
}

/** One human line per study result (the JSON is the full result). */
function studySummary(kind: string, input: unknown, result: unknown): string {
  if (kind === 'microenv') {
    const i = input as { rateConstants: string; currentDensitiesMAPerCm2: number[] };
    return [`rate constants: ${i.rateConstants}`, ...microenvLines((result as { results: MicroenvironmentResult[] }).results, i.currentDensitiesMAPerCm2)].join('\n');
  }
  if (kind === 'reactor') {
    const study = result as { channel: { conversion: number }; voltage: { cellVoltageV: number }; energyJPerKg: number; scaleUp: { electrodeAreaM2: number } };
    return `conversion ${(100 * study.channel.conversion).toFixed(2)} %, cell voltage ${study.voltage.cellVoltageV.toFixed(3)} V, ${(study.energyJPerKg / 3.6e6).toFixed(2)} kWh kg-1, ${study.scaleUp.electrodeAreaM2.toFixed(1)} m² for the target`;
  }
  if (kind === 'tea') {
    const { result: r } = result as { result: { costUsdPerKg: number; energyKWhPerKg: number } };
    return `levelized cost ${r.costUsdPerKg.toFixed(3)} USD/kg (${r.energyKWhPerKg.toFixed(2)} kWh/kg)`;
  }
  return JSON.stringify(result, null, 2);
}

/** Registers `microenv`, `reactor` and `tea`. */
export function registerProcessCommands(program: Command, run: Run): void {
  const json = () => new Option('--json', 'machine-readable output (see docs/cli.md)');
  program
    .command('microenv')
    .description('local pH and concentrations at the electrode (1-D diffusion–reaction across the boundary layer)')
    .requiredOption('--electrolyte <text>', 'e.g. "0.1 M KHCO3 + 0.05 M KNO3"')
    .requiredOption('--j <mA/cm2>', 'current density, mA cm-2 (or a range from:to:points for a pH sweep)')
    .requiredOption('--fe <products>', 'product:FE:sources, e.g. "urea:0.3:CO2+NO3-, H2:0.7:H2O"')
    .option('--co2-saturated', 'bulk saturated with 1 bar CO2')
    .option('--delta-um <µm>', 'boundary-layer thickness, µm', '50')
    .option('--migration', 'include migration (Nernst–Planck with electroneutrality)')
    .addOption(rateConstantsOption())
    .option('--sensitivity', 'solve with every rate-constant set and report how the surface values move')
    .option('--out <file>', 'profiles (single j) or surface pH vs j (range) as .svg/.png')
    .addOption(json())
    .action(run(async (o: { electrolyte: string; j: string; fe: string; co2Saturated?: boolean; deltaUm: string; migration?: boolean; rateConstants: RateConstantSetId; sensitivity?: boolean; out?: string }) => {
      const bulk = electrolyteFromText(o.electrolyte, Boolean(o.co2Saturated));
      const products = parseProducts(o.fe);
      const delta = num('--delta-um', o.deltaUm) * 1e-6;
      const currents = currentList(o.j);
      const layer = { bulk: bulk.concentrations, products, boundaryLayerM: delta, migration: Boolean(o.migration) };
      const t0 = performance.now();
      const results = solveMicroenvironmentAtCurrents({ ...layer, rateConstants: o.rateConstants }, currents.map((j) => j * 10));
      const seconds = (performance.now() - t0) / 1000;
      if (o.out) await writeFigure(microenvironmentSpecs(results, currents), o.out);
      const text = [`rate constants: ${o.rateConstants} — ${RATE_CONSTANT_SETS[o.rateConstants].description}`, ...microenvLines(results, currents)];
      const lim = results[0]!.limitingCurrentAPerM2;
      text.push(`diffusion-limited current (no homogeneous supply): ${Object.entries(lim).map(([k, v]) => `${k} ${(v / 10).toPrecision(3)} mA cm-2`).join(', ') || '—'}; ${seconds.toFixed(2)} s`);
      const sensitivity = o.sensitivity ? rateConstantSensitivity(layer, currents.map((j) => j * 10), o.rateConstants) : undefined;
      if (sensitivity) {
        text.push(`sensitivity to the rate-constant set (changes from ${sensitivity.reference}, largest over ${RATE_CONSTANT_SET_IDS.filter((id) => id !== sensitivity.reference).join(', ')}):`);
        sensitivity.changes.forEach((c, i) => {
          const rel = Object.entries(c.relativeChange).filter(([k]) => k !== 'K+').map(([k, v]) => `${k} ${Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)} %` : '—'}`).join(', ');
          text.push(`  ${currents[i]!.toPrecision(3)} mA cm-2: ΔpH ${Number.isFinite(c.surfacePHChange) ? c.surfacePHChange.toFixed(3) : '— (not solved under some set)'}; ${rel}`);
        });
        text.push(`  reactant run-out current: ${sensitivity.sets.map((s) => `${s.rateConstants} ${s.runOutCurrentAPerM2 === null ? '—' : `${(s.runOutCurrentAPerM2 / 10).toPrecision(4)} mA cm-2`}`).join(', ')}${Number.isFinite(sensitivity.runOutCurrentRelativeChange) ? ` (${(100 * sensitivity.runOutCurrentRelativeChange).toFixed(1)} %)` : ''}`);
      }
      const unsolved = results.some((r) => !r.converged);
      const rows = results.map((r, i) => ({ currentDensityMAPerCm2: currents[i], ...r }));
      return { json: sensitivity ? { results: rows, sensitivity } : rows, text: text.join('\n'), ...(unsolved ? { exitCode: UNSOLVED_EXIT_CODE } : {}) };
    }));
  program
    .command('transient')
    .description('time-dependent microenvironment under current steps or square pulses (surface pH vs time)')
    .requiredOption('--electrolyte <text>', 'e.g. "0.5 M K2SO4"')
    .requiredOption('--fe <products>', 'product:FE:sources, e.g. "H2:1:H2O"')
    .option('--steps <program>', 'current program mA/cm2:seconds, e.g. "100:10, 0:5"')
    .option('--pulse <pulse>', 'square pulses high:tHigh:low:tLow[:periods] (mA cm-2, s), e.g. "100:1:0:1:5"; without periods (or "auto"): until the period averages settle')
    .option('--periodic-tol <relative>', 'with --pulse: relative change of the period-averaged surface concentrations that counts as periodic', '1e-3')
    .option('--max-periods <n>', 'with --pulse and automatic periods: cap on the periods', '1000')
    .option('--co2-saturated', 'bulk saturated with 1 bar CO2')
    .option('--delta-um <µm>', 'boundary-layer thickness, µm', '50')
    .option('--migration', 'include migration (Nernst–Planck with electroneutrality)')
    .addOption(rateConstantsOption())
    .option('--out <file>', 'surface pH and current vs time as .svg/.png')
    .addOption(json())
    .action(run(async (o: { electrolyte: string; fe: string; steps?: string; pulse?: string; periodicTol: string; maxPeriods: string; co2Saturated?: boolean; deltaUm: string; migration?: boolean; rateConstants: RateConstantSetId; out?: string; json?: boolean }) => {
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
        boundaryLayerUm: num('--delta-um', o.deltaUm),
        migration: Boolean(o.migration),
        rateConstants: o.rateConstants,
        ...(o.steps ? { steps: o.steps.split(',').map((part) => fields('--steps', part.trim(), 2)).map(([j, t]) => ({ currentDensityMAPerCm2: j, durationS: t })) } : {}),
        ...(pulse ? { pulse: { highMAPerCm2: pulse[0], tHighS: pulse[1], lowMAPerCm2: pulse[2], tLowS: pulse[3], periods: autoPeriods ? 'auto' : pulse[4], periodicTolerance: num('--periodic-tol', o.periodicTol), maxPeriods: num('--max-periods', o.maxPeriods) } } : {}),
      });
      const r = await transientWithProgress(input, !o.json);
      if (o.out) await writeFigure(transientSpec(r), o.out);
      const unsettled = autoPeriods && r.periodic !== undefined && !r.periodic.converged;
      return { json: r, text: transientSummary(r), ...(r.completed && !unsettled ? {} : { exitCode: UNSOLVED_EXIT_CODE }) };
    }));
  program
    .command('study')
    .description('run any operation of the use-case layer (src/studies) from a validated JSON/YAML input file — the API body of the same operation; --json prints exactly what the API returns')
    .argument('<kind>', 'a study name (formula, balance, fe, potential, convert, e0, mechanism.diagram, kinetics.steady, kinetics.pulse, microenv, reactor, tea) or transient')
    .argument('<file>', 'input file; fields as the API bodies (docs/cli.md)')
    .option('--out <file>', 'plot (.svg/.png): profiles or surface pH (microenv), surface pH vs time (transient), tornado (tea)')
    .addOption(json())
    .action(run(async (kind: string, file: string, o: { out?: string; json?: boolean }) => {
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
      // a microenvironment with an unsolved current exits 3 (docs/cli.md), like `microenv`
      const unsolved = kind === 'microenv' && (result as { results: MicroenvironmentResult[] }).results.some((r) => !r.converged);
      return { json: result, text: studySummary(kind, input, result), ...(unsolved ? { exitCode: UNSOLVED_EXIT_CODE } : {}) };
    }));
  program
    .command('couple')
    .description('self-consistent microkinetics at the local (surface) concentrations from the microenvironment model; FE vs j with --j from:to:points')
    .argument('<model>', 'built-in kinetic model, e.g. urea-cu4-ceo2')
    .requiredOption('--electrolyte <text>', 'e.g. "0.1 M KHCO3 + 0.05 M KNO3"')
    .requiredOption('--j <mA/cm2>', 'target current density, mA cm-2 (or from:to:points, log-spaced)')
    .requiredOption('--sources <list>', 'product:source+source for every model product, e.g. "urea:CO2+NO3-, NH3:NO3-, H2:H2O"')
    .option('--co2-saturated', 'bulk saturated with 1 bar CO2')
    .option('--delta-um <µm>', 'boundary-layer thickness, µm', '50')
    .addOption(rateConstantsOption())
    .option('--out <file>', 'FE vs current density with and without transport as .svg/.png (with a range)')
    .addOption(json())
    .action(run(async (name: string, o: { electrolyte: string; j: string; sources: string; co2Saturated?: boolean; deltaUm: string; rateConstants: RateConstantSetId; out?: string; json?: boolean }) => {
      const productSources = Object.fromEntries(o.sources.split(',').map((part, i) => {
        const [p, src] = part.trim().split(':');
        if (!p || !src) throw new InputError(`--sources[${i}]`, 'product:source+source', `got "${part.trim()}"`);
        return [p.trim(), src.split('+').map((x) => x.trim())];
      }));
      const [{ loadModel }, { coupleToKinetics, couplingCurve }] = await Promise.all([import('../store/builtinModels.js'), import('../transport/coupleToKinetics.js')]);
      const input = { model: loadModel({ name }), bulk: electrolyteFromText(o.electrolyte, Boolean(o.co2Saturated)).concentrations, productSources, boundaryLayerM: num('--delta-um', o.deltaUm) * 1e-6, rateConstants: o.rateConstants };
      const fmt = (fe: Record<string, number>) => Object.entries(fe).map(([k, v]) => `${k} ${(100 * v).toFixed(2)} %`).join(', ');
      const currents = currentList(o.j);
      if (currents.length > 1) {
        const bar = progressBar('coupling', 'currents', !o.json);
        const points = couplingCurve(input, currents.map((j) => j * 10), bar.update);
        bar.stop();
        if (o.out) await writeFigure(couplingSpec(points), o.out);
        const text = points.map((p, i) => `${currents[i]!.toPrecision(3)} mA cm-2: ${p.faradaicEfficiency ? `${p.converged ? '' : '(not converged) '}FE with transport ${fmt(p.faradaicEfficiency)}; at bulk ${fmt(p.faradaicEfficiencyBulk!)}; surface pH ${p.surfacePH!.toFixed(2)} (kinetics at pH ${p.kineticsPH!.toFixed(2)}, bulk ${p.kineticsPHBulk!.toFixed(2)})` : `not solved — ${p.message}`}`);
        return { json: points, text: [`rate constants: ${o.rateConstants}`, ...text].join('\n'), ...(points.some((p) => !p.converged) ? { exitCode: UNSOLVED_EXIT_CODE } : {}) };
      }
      const r = coupleToKinetics({ ...input, currentDensityAPerM2: currents[0]! * 10 });
      const text = [
        `${r.converged ? 'self-consistent' : `NOT converged (${r.message})`} after ${r.iterations} iterations at ${r.potentialVvsRHE.toFixed(3)} V vs RHE`,
        `FE with transport: ${fmt(r.faradaicEfficiency)} (kinetics at pH ${r.kineticsPH.toFixed(2)})`,
        `FE at bulk concentrations: ${fmt(r.faradaicEfficiencyBulk)} (kinetics at pH ${r.kineticsPHBulk.toFixed(2)})`,
        `surface pH ${r.microenvironment.surfacePH.toFixed(2)} (bulk ${r.microenvironment.bulkPH.toFixed(2)}); rate constants ${o.rateConstants}`,
      ];
      const { microenvironment: m, ...rest } = r;
      return { json: { ...rest, rateConstants: o.rateConstants, surface: m.surface, surfacePH: m.surfacePH, bulkPH: m.bulkPH }, text: text.join('\n'), ...(r.converged ? {} : { exitCode: UNSOLVED_EXIT_CODE }) };
    }));
  program
    .command('reactor')
    .description('parallel-plate flow cell: conversion, production, cell voltage, energy per kg, scale-up')
    .requiredOption('--product <species>', 'product, e.g. urea')
    .requiredOption('--electrons <n>', 'electrons per product molecule')
    .requiredOption('--fe <fraction>', 'faradaic efficiency of the product')
    .requiredOption('--c-in <mol/m3>', 'inlet concentration of the limiting reactant, mol m-3')
    .option('--reactant-per-product <n>', 'reactant molecules per product', '1')
    .option('--d <m2/s>', 'reactant diffusion coefficient, m2 s-1', '1.9e-9')
    .option('--velocity <m/s>', 'mean velocity, m s-1', '0.05')
    .option('--length <m>', 'electrode length, m', '0.1')
    .option('--width <m>', 'electrode width, m', '0.05')
    .option('--gap <m>', 'channel gap, m', '0.002')
    .option('--j-kin <A/m2>', 'kinetic partial current density, A m-2 (default: mass-transfer control)')
    .option('--e-cathode <V>', 'equilibrium potential of the cathode reaction, V vs RHE (default: from the chemistry core for --product from --cathode-sources at --ph; urea at pH 7: 0.759)')
    .option('--cathode-sources <list>', 'reactants of the cathode reaction, comma-separated (default CO2, NO3- for urea; NO3- for NH3)')
    .option('--ph <pH>', 'pH for the default cathode equilibrium potential', '7')
    .option('--conductivity <S/m>', 'electrolyte conductivity, S m-1', '10')
    .option('--target-t-per-day <t>', 'production target for scale-up, t/day', '1')
    .addOption(json())
    .action(run((o: Record<string, string>) => {
      const M = molarMassGPerMol(resolveSpecies(o.product!, '--product').formula);
      const study = flowCellStudy({
        inletConcentrationMolPerM3: num('--c-in', o.cIn),
        velocityMPerS: num('--velocity', o.velocity),
        lengthM: num('--length', o.length),
        widthM: num('--width', o.width),
        gapM: num('--gap', o.gap),
        diffusionM2PerS: num('--d', o.d),
        kineticCurrentDensityAPerM2: o.jKin === undefined ? Number.POSITIVE_INFINITY : num('--j-kin', o.jKin),
        electrons: num('--electrons', o.electrons),
        reactantPerProduct: num('--reactant-per-product', o.reactantPerProduct),
        faradaicEfficiency: num('--fe', o.fe),
        molarMassGPerMol: M,
        cathodeEquilibriumVvsRHE: o.eCathode === undefined ? undefined : num('--e-cathode', o.eCathode),
        product: o.product!,
        cathodeSources: o.cathodeSources?.split(',').map((s) => s.trim()).filter(Boolean),
        pH: num('--ph', o.ph),
        conductivitySPerM: num('--conductivity', o.conductivity),
        targetTonnesPerDay: num('--target-t-per-day', o.targetTPerDay),
      });
      const { channel, voltage, scaleUp: plant } = study;
      const { positionsM: _p, concentrationsMolPerM3: _c, ...summary } = channel;
      const text = [
        `Re ${channel.reynolds.toFixed(0)}, Sh ${channel.sherwood.toFixed(2)} (${channel.regime}), k_m ${channel.massTransferCoefficientMPerS.toExponential(3)} m s-1`,
        `single-pass conversion ${(100 * channel.conversion).toFixed(2)} %, outlet ${channel.outletConcentrationMolPerM3.toFixed(3)} mol m-3, residence ${channel.residenceTimeS.toFixed(2)} s`,
        `production ${(channel.productionMolPerS * 3600 * M).toExponential(3)} g h-1; mean partial j ${(channel.meanPartialCurrentDensityAPerM2 / 10).toFixed(2)} mA cm-2; total ${channel.totalCurrentA.toFixed(3)} A`,
        `cathode equilibrium ${study.cathodeEquilibrium.potentialVvsRHE.toFixed(4)} V vs RHE (${study.cathodeEquilibrium.from})`,
        `cell voltage ${voltage.cellVoltageV.toFixed(3)} V = E_eq ${voltage.equilibriumV.toFixed(3)} + η_c ${voltage.cathodeOverpotentialV.toFixed(3)} + η_a ${voltage.anodeOverpotentialV.toFixed(3)} + iR ${voltage.ohmicV.toFixed(3)} (Tafel 120/60 mV dec-1 assumed)`,
        `energy ${(study.energyJPerKg / 3.6e6).toFixed(2)} kWh kg-1; for ${o.targetTPerDay} t/day: ${plant.electrodeAreaM2.toFixed(1)} m² electrode, ${plant.cells} cells, ${(plant.powerW / 1e6).toFixed(3)} MW`,
      ];
      return { json: { ...study, channel: summary }, text: text.join('\n') };
    }));
  program
    .command('tea')
    .description('levelized product cost, tornado sensitivity and cost curves')
    .requiredOption('--product <species>', 'product, e.g. urea')
    .requiredOption('--electrons <n>', 'electrons per product molecule')
    .requiredOption('--fe <fraction>', 'faradaic efficiency')
    .requiredOption('--j <A/m2>', 'total current density, A m-2')
    .requiredOption('--voltage <V>', 'cell voltage, V')
    .option('--t-per-day <t>', 'plant capacity, t/day', '100')
    .option('--set <name=value...>', `override a default (${Object.keys(TEA_DEFAULTS).join(', ')})`)
    .option('--out <file>', 'tornado chart .svg/.png')
    .addOption(json())
    .action(run(async (o: { product: string; electrons: string; fe: string; j: string; voltage: string; tPerDay: string; set?: string[]; out?: string }) => {
      const overrides = Object.fromEntries((o.set ?? []).map((s) => {
        const [k, v] = s.split('=');
        if (!k || !(k in TEA_DEFAULTS)) throw new InputError('--set', `name=value with a name among ${Object.keys(TEA_DEFAULTS).join(', ')}`, `got "${s}"`);
        return [k, num(`--set ${k}`, v)];
      }));
      const input = { productionTonnesPerDay: num('--t-per-day', o.tPerDay), electrons: num('--electrons', o.electrons), molarMassGPerMol: molarMassGPerMol(resolveSpecies(o.product, '--product').formula), faradaicEfficiency: num('--fe', o.fe), currentDensityAPerM2: num('--j', o.j), cellVoltageV: num('--voltage', o.voltage), overrides };
      const study = teaStudy(input);
      const { result, tornado: bars } = study;
      if (o.out) await writeFigure(tornadoSpec(bars, result.costUsdPerKg), o.out);
      const b = result.breakdownUsdPerKg;
      const text = [
        `levelized cost ${result.costUsdPerKg.toFixed(3)} USD/kg = capital ${b.capital.toFixed(3)} + fixed O&M ${b.fixedOpex.toFixed(3)} + electricity ${b.electricity.toFixed(3)} + feedstock ${b.feedstock.toFixed(3)} + separation ${b.separation.toFixed(3)}`,
        `electrode ${result.electrodeAreaM2.toFixed(0)} m², capital ${(result.capitalUsd / 1e6).toFixed(2)} MUSD, ${result.energyKWhPerKg.toFixed(2)} kWh/kg, CRF ${result.capitalRecoveryFactor.toFixed(4)}`,
        'sensitivity (±20 %):',
        ...bars.slice(0, 6).map((t) => `  ${t.parameter.padEnd(26)} ${t.costAtLowUsdPerKg.toFixed(3)} … ${t.costAtHighUsdPerKg.toFixed(3)} USD/kg`),
        'defaults (override with --set name=value):',
        ...Object.entries(TEA_DEFAULTS).map(([k, v]) => `  ${k} = ${v.value} ${v.unit} — ${v.source}`),
      ];
      return { json: { ...result, tornado: bars, costVsFaradaicEfficiency: study.costVsFaradaicEfficiency, costVsCurrentDensity: study.costVsCurrentDensity }, text: text.join('\n') };
    }));
}
