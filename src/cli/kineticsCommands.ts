import { type Command, Option } from 'commander';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { InputError, parseHumanNumber } from '../chem/index.js';
import { degreeOfRateControlChecked, polarizationCurve } from '../kinetics/analyze/steadyState.js';
import { runPulse } from '../kinetics/analyze/pulse.js';
import { runPulseUntilPeriodic } from '../kinetics/analyze/pulseUntilPeriodic.js';
import { SWEEP_FIELDS, type SweepField, type SweepResult, type SweepSpec } from '../kinetics/mapper/descriptorSweep.js';
import { mapArrays, sweepJson, sweepSummary, sweepToCsv } from '../studies/sweepOutput.js';
import type { CompiledModel } from '../kinetics/parser/compileModel.js';
import { freeEnergyDiagram } from '../mechanism/freeEnergyDiagram.js';
import { freeEnergyDiagramSpec } from '../plot/freeEnergyDiagramSpec.js';
import { volcanoSpec } from '../plot/volcanoSpec.js';
import { progressBar } from './progressBar.js';
import { writeFigure } from './writeFigure.js';
import type { Run } from './dbCommands.js';
import { UNSOLVED_EXIT_CODE } from './processCommands.js';
import { modelInput, runStudy } from './runStudy.js';

const num = (field: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  return parseHumanNumber(field, text); // "−0.6", "0,05": as people type them
};

/** "-0.6:0.0:0.05" → [-0.6, -0.55, …, 0.0]; "-0.4" → [-0.4]. */
export function parsePotentialRange(text: string): number[] {
  const parts = text.split(':').map((p) => num('--potential', p)!);
  if (parts.length === 1) return parts;
  if (parts.length !== 3) throw new InputError('--potential', 'a value, or from:to:step in V vs RHE, e.g. -0.6:0.0:0.05', `got "${text}"`);
  const [from, to, step] = parts as [number, number, number];
  if (step <= 0) throw new InputError('--potential', 'a positive step', `got ${step}`);
  const n = Math.floor(Math.abs(to - from) / step + 1e-9) + 1;
  if (n > 2000) throw new InputError('--potential', 'at most 2000 points', `got ${n}`);
  const dir = to >= from ? 1 : -1;
  return Array.from({ length: n }, (_, i) => Number((from + dir * i * step).toFixed(10)));
}

/** "dG_NO:-1.5:0.5" → { name, from, to }. */
function parseAxis(field: string, text: string, points: number) {
  const [name, from, to] = text.split(':');
  if (!name || from === undefined || to === undefined) throw new InputError(field, 'name:from:to, e.g. dG_NO:-1.5:0.5', `got "${text}"`);
  return { name, from: num(field, from)!, to: num(field, to)!, points };
}

// The model compiler (zod schemas, YAML) and the worker pool load when a command needs them, not at start-up.
const builtinModels = () => import('../store/builtinModels.js');

/** A built-in model by name, else a model file by path. */
async function model(ref: string): Promise<CompiledModel> {
  const { builtinModelNames, loadModel } = await builtinModels();
  return builtinModelNames().includes(ref) ? loadModel({ name: ref }) : loadModel({ path: ref });
}
const fmt = (x: number, d = 3) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(d) : x.toFixed(d));

/** Registers `models`, `mech …` and `kinetics …`. Models are addressed by built-in name or file path. */
export function registerKineticsCommands(program: Command, run: Run): void {
  const json = () => new Option('--json', 'machine-readable output (see docs/cli.md)');
  program
    .command('models')
    .description('list the built-in mechanism models')
    .addOption(json())
    .action(
      run(async () => {
        const models = (await builtinModels()).listBuiltinModels();
        return {
          json: models,
          text: models
            .map(
              (m) =>
                `${m.name}\n  ${m.description}\n  source: ${m.source}\n  pathways: ${m.pathways.join(', ')}; descriptors: ${JSON.stringify(m.descriptors)}${m.warnings.map((w) => `\n  warning: ${w}`).join('')}`,
            )
            .join('\n\n'),
        };
      }),
    );

  const mech = program.command('mech').description('free-energy diagrams and limiting potentials (computational hydrogen electrode)');
  mech
    .command('diagram')
    .argument('<model>', 'a built-in model (cncouple models) or a model file')
    .option('--potential <V>', 'potential, V vs RHE (default 0)', '0')
    .option('--pathway <names>', 'comma-separated pathways (default all)')
    .option('--out <file>', 'write the diagram as .svg or .png')
    .addOption(json())
    .action(
      run(async (ref: string, o: { potential: string; pathway?: string; out?: string }) => {
        const m = await model(ref);
        const U = num('--potential', o.potential)!;
        const names = o.pathway ? o.pathway.split(',').map((s) => s.trim()) : m.file.pathways.map((p) => p.name);
        const diagrams = names.map((n) => freeEnergyDiagram(m, n, U));
        const bytes = o.out ? await writeFigure(freeEnergyDiagramSpec(diagrams, m.file.name), o.out) : 0;
        const text = diagrams.map((d) =>
          [
            `${d.pathway} at ${U} V vs RHE: U_L = ${d.limitingPotentialV === null ? '—' : d.limitingPotentialV.toFixed(3) + ' V'}${d.limitingPotentialKind === 'equilibrium' ? ' (equilibrium potential of a lumped step)' : ''} (PDS ${d.potentialDeterminingStep ?? '—'})`,
            ...d.levels.map(
              (l) =>
                `  ${String(l.index).padStart(2)}  ${l.freeEnergyEv.toFixed(3).padStart(8)} eV  ${l.label}${l.barrierEv !== undefined ? `   (Ea ${l.barrierEv.toFixed(2)} eV)` : ''}`,
            ),
          ].join('\n'),
        );
        if (o.out) text.push(`wrote ${o.out} (${bytes} bytes)`);
        return { json: { diagrams, ...(o.out ? { file: o.out } : {}) }, text: text.join('\n\n') };
      }),
    );
  mech
    .command('limiting')
    .argument('<model>')
    .addOption(json())
    .action(
      run(async (ref: string) => {
        const rows = await runStudy('mechanism.limiting', await modelInput(ref));
        return {
          json: rows,
          text: rows
            .map(
              (r) =>
                `${r.pathway.padEnd(12)} U_L = ${r.limitingPotentialV === null ? '—' : r.limitingPotentialV.toFixed(3) + ' V vs RHE'}${r.limitingPotentialKind === 'equilibrium' ? ' (equilibrium potential of a lumped multi-electron step, not a limiting potential)' : ''}   PDS ${r.potentialDeterminingStep ?? '—'}${r.uphillChemicalSteps.length ? `   uphill chemical: ${r.uphillChemicalSteps.map((s) => `${s.step} ${s.dGEv.toFixed(2)} eV`).join(', ')}` : ''}`,
            )
            .join('\n'),
        };
      }),
    );

  const kin = program.command('kinetics').description('mean-field microkinetics: steady states, pulses, descriptor sweeps');
  kin
    .command('steady')
    .argument('<model>')
    .option('--potential <V>', 'V vs RHE, or from:to:step (default: the model’s)')
    .option('--descriptor <name=value...>', 'descriptor values, eV')
    .addOption(json())
    .action(
      run(async (ref: string, o: { potential?: string; descriptor?: string[] }) => {
        const m = await model(ref);
        const potentials = o.potential ? parsePotentialRange(o.potential) : [m.file.potentialVvsRHE];
        const descriptors = Object.fromEntries(
          (o.descriptor ?? []).map((d) => {
            const [k, v] = d.split('=');
            return [k!, num(`--descriptor ${k}`, v)!];
          }),
        );
        const { withTransportWarnings } = await import('../transport/diffusionLimitCheck.js');
        const curve = withTransportWarnings(
          m,
          polarizationCurve(m, potentials, { descriptors }).map(({ theta: _theta, state: _state, ...rest }) => rest),
        );
        const products = m.productIndices.map((p) => m.species[p]!);
        const header = `E (V RHE)  j (mA cm-2)   ${products.map((p) => `FE ${p}`.padEnd(14)).join('')}converged  resolved  residual`;
        // an FE that is not resolved to the rate tolerance is marked with "?" (its value is still shown)
        const feText = (c: (typeof curve)[number], p: string) =>
          Number.isFinite(c.faradaicEfficiency[p]) ? `${(100 * c.faradaicEfficiency[p]!).toFixed(2)} %${c.faradaicEfficiencyResolved[p] ? '' : ' ?'}` : '—';
        const lines = curve.map(
          (c) =>
            `${c.potentialVvsRHE.toFixed(3).padStart(9)}  ${fmt(c.currentDensityAPerM2 / 10).padStart(11)}   ${products.map((p) => feText(c, p).padEnd(14)).join('')}${c.converged ? 'yes' : 'NO '}        ${c.resolved ? 'yes' : 'NO '}       ${c.residual.toExponential(1)}`,
        );
        const note = curve.some((c) => c.converged && !c.resolved) ? ['? / NO: not resolved to the relative rate tolerance (see tofErrorPerS in --json)'] : [];
        const warnings = [
          ...m.warnings.map((w) => `warning: ${w}`),
          ...curve.flatMap((c) => (c.warnings ?? []).map((w) => `warning at ${c.potentialVvsRHE.toFixed(3)} V: ${w}`)),
        ];
        return { json: curve, text: [header, ...lines, ...note, ...warnings].join('\n') };
      }),
    );
  kin
    .command('drc')
    .argument('<model>')
    .requiredOption('--target <species>', 'product whose rate is controlled')
    .option('--potential <V>', 'V vs RHE')
    .addOption(json())
    .action(
      run(async (ref: string, o: { target: string; potential?: string }) => {
        const drc = degreeOfRateControlChecked(await model(ref), o.target, { potentialVvsRHE: num('--potential', o.potential) });
        const entries = Object.entries(drc);
        return {
          json: {
            degreeOfRateControl: Object.fromEntries(entries.map(([k, v]) => [k, v.value])),
            errorBounds: Object.fromEntries(entries.map(([k, v]) => [k, v.errorBound ?? null])),
            reasons: Object.fromEntries(entries.filter(([, v]) => v.reason).map(([k, v]) => [k, v.reason!])),
          },
          text: entries
            .map(([k, v]) => `${k.padEnd(20)} ${v.value === null ? '—'.padStart(7) : v.value.toFixed(4).padStart(7)}${v.reason ? `   (${v.reason})` : ''}`)
            .join('\n'),
        };
      }),
    );
  kin
    .command('pulse')
    .argument('<model>')
    .requiredOption('--e1 <V>', 'first potential, V vs RHE')
    .requiredOption('--t1 <s>', 'its duration, s')
    .requiredOption('--e2 <V>', 'second potential, V vs RHE')
    .requiredOption('--t2 <s>', 'its duration, s')
    .option('--periods <n|auto>', 'number of periods, or "auto": until the period averages settle within --tolerance (cap --max-periods)', '50')
    .option(
      '--tolerance <rel>',
      'with --periods auto: estimated distance of the period averages from periodic (rates relative to the largest, FE as fractions)',
      '1e-3',
    )
    .option('--max-periods <n>', 'with --periods auto: cap; reaching it reports "periodic: false"', '1000')
    .addOption(json())
    .action(
      run(async (ref: string, o: { e1: string; t1: string; e2: string; t2: string; periods: string; tolerance: string; maxPeriods: string }) => {
        const m = await model(ref);
        const t0 = performance.now();
        const program = { e1V: num('--e1', o.e1)!, t1S: num('--t1', o.t1)!, e2V: num('--e2', o.e2)!, t2S: num('--t2', o.t2)! };
        const auto =
          o.periods === 'auto'
            ? runPulseUntilPeriodic(m, { ...program, tolerance: num('--tolerance', o.tolerance)!, maxPeriods: num('--max-periods', o.maxPeriods)! })
            : undefined;
        const result = auto ?? runPulse(m, { ...program, periods: num('--periods', o.periods)! });
        const seconds = (performance.now() - t0) / 1000;
        const last = result.periods.at(-1)!;
        const text = [
          ...(auto
            ? [
                auto.periodic
                  ? `periodic after ${auto.periods.length} periods (period averages within ${auto.tolerance} of the limit, estimated ${auto.estimatedDistance.toExponential(2)}; decay ${auto.decayPerPeriod.toFixed(4)} per period)`
                  : `NOT periodic after ${auto.periods.length} periods (estimated distance ${auto.estimatedDistance.toExponential(2)} > ${auto.tolerance}; periodic: false)`,
              ]
            : []),
          `${result.periods.length} periods, ${result.steps} steps (${result.rejectedSteps} rejected) in ${seconds.toFixed(2)} s; periodic steady state from period ${result.periodicFromPeriod ?? '— (not reached)'}`,
          `last period averages: ${Object.entries(last.faradaicEfficiency)
            .map(([p, v]) => `FE ${p} ${Number.isFinite(v) ? `${(100 * v).toFixed(2)} %` : '— (no net electrons)'}`)
            .join(', ')}; electrons ${fmt(last.electronRatePerS)} s-1 per site`,
        ];
        return { json: { ...result, wallTimeS: seconds }, text: text.join('\n'), ...(auto && !auto.periodic ? { exitCode: UNSOLVED_EXIT_CODE } : {}) };
      }),
    );
  kin
    .command('ramp')
    .description('linear-sweep or cyclic voltammetry of the surface processes (staircase, ROS2)')
    .argument('<model>')
    .requiredOption('--start <V>', 'start potential, V vs RHE')
    .requiredOption('--vertex <V>', 'vertex potential, V vs RHE')
    .option('--scan-rate <V/s>', 'scan rate, V s-1', '0.05')
    .option('--cycles <n>', '0 = linear sweep, n = cyclic voltammetry cycles', '1')
    .option('--step <V>', 'staircase step, V', '0.001')
    .addOption(json())
    .action(
      run(async (ref: string, o: { start: string; vertex: string; scanRate: string; cycles: string; step: string }) => {
        const r = await runStudy('kinetics.ramp', {
          ...(await modelInput(ref)),
          startVvsRHE: num('--start', o.start)!,
          vertexVvsRHE: num('--vertex', o.vertex)!,
          scanRateVPerS: num('--scan-rate', o.scanRate)!,
          cycles: num('--cycles', o.cycles)!,
          stepV: num('--step', o.step)!,
        });
        const peak = r.points.reduce((best, p) => (Math.abs(p.currentDensityAPerM2) > Math.abs(best.currentDensityAPerM2) ? p : best));
        return {
          json: r,
          text: `${r.points.length} points, ${r.steps} integration steps${r.completed ? '' : ' (stopped early)'}; largest |j| ${(Math.abs(peak.currentDensityAPerM2) / 10).toPrecision(3)} mA cm-2 at ${peak.potentialVvsRHE.toFixed(3)} V vs RHE`,
        };
      }),
    );
  kin
    .command('sweep')
    .argument('<model>')
    .requiredOption('--x <name:from:to>', 'first descriptor axis, e.g. dG_NO:-1.5:0.5')
    .option('--y <name:from:to>', 'second descriptor axis')
    .option('--grid <NxM>', 'points per axis', '50x50')
    .option('--potential <V>', 'V vs RHE')
    .option('--product <species>', 'product to map (default: the first)')
    .option('--quantity <q>', 'log10Tof or faradaicEfficiency', 'log10Tof')
    .option('--workers <n>', 'worker threads (default: all cores)')
    .option('--checkpoint <file>', 'save finished rows here and resume from it')
    .option('--queue <redis-url>', 'solve the chunks on `cncouple worker` processes reading this Redis queue (BullMQ) instead of local threads')
    .option('--chunk-rows <n>', 'grid rows per chunk (default: shrinking chunks of ceil(rows left / (2 × threads)) rows, at least 4)')
    .option('--out <file>', 'heat map .svg or .png (with --shard: the part file, .json)')
    .option(
      '--shard <i/N>',
      'solve only shard i of N (1-based; contiguous bands of grid rows) and write a part file to --out for `cncouple merge` (docs/deploy.md)',
    )
    .option('--fields <list>', 'extra per-point output: coverages,rates,residual (JSON points and CSV columns)')
    .option('--csv <file>', 'write one CSV row per point (x, y, status, reason, residual, TOF, log10 TOF, FE, resolved per product, and --fields)')
    .addOption(json())
    .action(
      run(
        async (
          ref: string,
          o: {
            x: string;
            y?: string;
            grid: string;
            potential?: string;
            product?: string;
            quantity: string;
            workers?: string;
            checkpoint?: string;
            queue?: string;
            chunkRows?: string;
            out?: string;
            shard?: string;
            fields?: string;
            csv?: string;
          },
          cmd: Command,
        ) => {
          const m = await model(ref);
          const [nx, ny] = o.grid.split('x').map((s) => num('--grid', s)!) as [number, number?];
          const fields = (
            o.fields
              ? o.fields
                  .split(',')
                  .map((f) => f.trim())
                  .filter(Boolean)
              : []
          ) as SweepField[];
          for (const f of fields)
            if (!(SWEEP_FIELDS as readonly string[]).includes(f))
              throw new InputError('--fields', `a comma-separated list of ${SWEEP_FIELDS.join(', ')}`, `got "${f}"`);
          const spec: SweepSpec = {
            x: parseAxis('--x', o.x, nx),
            ...(o.y ? { y: parseAxis('--y', o.y, ny ?? nx) } : {}),
            potentialVvsRHE: num('--potential', o.potential),
            ...(fields.length ? { fields } : {}),
          };
          const { builtinModelNames, builtinModelText } = await builtinModels();
          const modelText = builtinModelNames().includes(ref) ? builtinModelText(ref) : readFileSync(ref, 'utf8');
          if (o.shard !== undefined)
            return (await import('./shardCommands.js')).runSweepShard({
              model: m,
              modelText,
              spec,
              shard: o.shard,
              out: o.out,
              ignored: { '--checkpoint': o.checkpoint, '--queue': o.queue, '--csv': o.csv, '--workers': o.workers, '--chunk-rows': o.chunkRows },
            });
          const completed: SweepResult[] = o.checkpoint && existsSync(o.checkpoint) ? reviveChunks(JSON.parse(readFileSync(o.checkpoint, 'utf8'))) : [];
          const saved: SweepResult[] = [...completed];
          const bar = progressBar('sweep', 'points', !cmd.opts().json);
          const t0 = performance.now();
          const { runParallelSweep } = await import('../jobs/runParallelSweep.js');
          const queue = o.queue ? (await import('../jobs/queue/sweepQueue.js')).queueChunkRunner(o.queue) : undefined;
          let result: SweepResult;
          try {
            result = await runParallelSweep({
              modelText,
              model: m,
              spec,
              workers: num('--workers', o.workers),
              chunkRows: num('--chunk-rows', o.chunkRows),
              ...(queue ? { runChunk: queue.run } : {}),
              // one-shot process: without --workers, grids up to 40 000 points skip the worker pool's start-up (BENCHMARKS.md)
              inProcess: o.workers === undefined || num('--workers', o.workers) === 1 ? 'auto' : false,
              completed,
              onProgress: bar.update,
              onChunk: (chunk) => {
                if (!o.checkpoint) return;
                saved.push(chunk);
                writeFileSync(o.checkpoint, JSON.stringify(saved.map(serializeChunk)));
              },
            });
          } finally {
            bar.stop();
            await queue?.close();
          }
          const seconds = (performance.now() - t0) / 1000;
          const product = o.product ?? m.species[m.productIndices[0]!]!;
          if (!(product in result.log10Tof))
            throw new InputError('--product', `a product of the model (${Object.keys(result.log10Tof).join(', ')})`, `got "${product}"`);
          let bytes = 0;
          if (o.out)
            bytes = await writeFigure(
              volcanoSpec(result, product, o.quantity === 'faradaicEfficiency' ? 'faradaicEfficiency' : 'log10Tof', spec.x.name, spec.y?.name ?? ''),
              o.out,
            );
          if (o.csv) writeFileSync(o.csv, sweepToCsv(result, spec, fields));
          const text = `${sweepSummary(result, seconds)}${o.out ? `; wrote ${o.out} (${bytes} bytes)` : ''}${o.csv ? `; wrote ${o.csv}` : ''}`;
          return { json: sweepJson(result, seconds), text };
        },
      ),
    );
}

const finite = (a: Float64Array) => Array.from(a, (x) => (Number.isFinite(x) ? x : null));

function serializeChunk(c: SweepResult) {
  return {
    ...c,
    converged: Array.from(c.converged),
    status: Array.from(c.status),
    residual: finite(c.residual),
    tofPerS: mapArrays(c.tofPerS),
    log10Tof: mapArrays(c.log10Tof),
    faradaicEfficiency: mapArrays(c.faradaicEfficiency),
    resolved: Object.fromEntries(Object.entries(c.resolved).map(([k, v]) => [k, Array.from(v)])),
    coverages: c.coverages ? finite(c.coverages) : undefined,
    stepRatesPerS: c.stepRatesPerS ? finite(c.stepRatesPerS) : undefined,
  };
}

function reviveChunks(raw: ReturnType<typeof serializeChunk>[]): SweepResult[] {
  const arr = (a: (number | null)[]) => Float64Array.from(a, (x) => (x === null ? Number.NaN : x));
  const per = (r: Record<string, (number | null)[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, arr(v)]));
  return raw.map((c) => {
    if (!Array.isArray(c.status) || !c.tofPerS || !c.resolved)
      throw new InputError(
        '--checkpoint',
        'a checkpoint written by this version (with per-point status)',
        'an older checkpoint: delete it and run the sweep again',
      );
    return {
      ...c,
      converged: Uint8Array.from(c.converged),
      status: Uint8Array.from(c.status),
      residual: arr(c.residual),
      tofPerS: per(c.tofPerS),
      log10Tof: per(c.log10Tof),
      faradaicEfficiency: per(c.faradaicEfficiency),
      resolved: Object.fromEntries(Object.entries(c.resolved).map(([k, v]) => [k, Uint8Array.from(v)])),
      coverages: c.coverages ? arr(c.coverages) : undefined,
      stepRatesPerS: c.stepRatesPerS ? arr(c.stepRatesPerS) : undefined,
    };
  });
}
