/**
 * The `kinetics optimize` flag command maps its flags onto the `kinetics.optimize` study's input (src/studies/ml.ts;
 * defaults written once in src/ml/optimizeDefaults.ts): `kinetics optimize … --json`, `study kinetics.optimize
 * <file> --json` and the result of the POST /api/kinetics/optimize job are one result for the same input — at the
 * study's defaults and with every flag off them; a bad value is named by its field in the API and by its flag in
 * the CLI.
 */
import { describe, expect, it } from 'vitest';
import { cli, studyJson } from '../support/cli.js';
import { jobResult } from '../support/jobs.js';
import { useLoopbackServer } from '../support/server.js';

const server = useLoopbackServer('cncouple-optimize-eq-');

interface Optimized {
  trace: { phase: 'global' | 'local'; status: string; inputs: Record<string, number> }[];
  best: { value: number; inputs: Record<string, number> } | null;
}

/** The finished POST /api/kinetics/optimize job's result. */
const api = (body: object) => jobResult<Optimized>(server, '/api/kinetics/optimize', body);

/** `study kinetics.optimize <file> --json` on `body`. */
const study = (body: object) => studyJson('kinetics.optimize', body, server.dataDir);

/** `kinetics optimize <model> <argv> --json`. */
async function flags(model: string, ...argv: string[]): Promise<unknown> {
  const r = await cli('kinetics', 'optimize', model, ...argv, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
}

const phases = (r: Optimized) => r.trace.map((t) => t.phase);

/**
 * A run of `budget` evaluations with a local phase of at most `local`: the first budget − local asked of the GP, then
 * at least one local step (evaluations the local phase does not need go back to the GP).
 */
function expectLocalPhase(r: Optimized, budget: number, local: number) {
  expect(r.trace).toHaveLength(budget);
  expect(phases(r).slice(0, budget - local)).toEqual(Array(budget - local).fill('global'));
  const count = phases(r).filter((p) => p === 'local').length;
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(local);
}

describe('kinetics optimize: flags == study file == API', () => {
  it("at the study's defaults (budget 20, seed 0; one input → the last ⌊0.3 × 20⌋ = 6 evaluations local; the CLI used to take 30)", async () => {
    const body = { model: 'urea-cu4-ceo2', vary: [{ name: 'dG_NO', low: -1.5, high: 0.5 }], objective: 'log10Tof:urea' };
    const a = await api(body);
    expect(await flags('urea-cu4-ceo2', '--vary', 'dG_NO:-1.5:0.5', '--objective', 'log10Tof:urea')).toEqual(a);
    expect(await study(body)).toEqual(a);
    // 14 evaluations asked of the GP first, then the local phase
    expectLocalPhase(a, 20, 6);
    // the same as asking for the default rule's 6 explicitly
    expect(await api({ ...body, localBudget: 6 })).toEqual(a);
  }, 120_000);

  it('with every flag off its default (2 inputs, budget 12 < 10 per input: no local phase unless asked)', async () => {
    const argv = [
      '--vary',
      'dG_NO:-1.5:0.5',
      'dG_CO:-0.5:0.5',
      '--objective',
      'fe:urea',
      '--budget',
      '12',
      '--local-budget',
      '4',
      '--seed',
      '5',
      '--periods',
      '3',
    ];
    const body = {
      model: 'urea-cu4-ceo2',
      vary: [
        { name: 'dG_NO', low: -1.5, high: 0.5 },
        { name: 'dG_CO', low: -0.5, high: 0.5 },
      ],
      objective: 'fe:urea',
      budget: 12,
      localBudget: 4,
      seed: 5,
      periods: 3,
    };
    const a = await api(body);
    expect(await flags('urea-cu4-ceo2', ...argv)).toEqual(a);
    expect(await study(body)).toEqual(a);
    expectLocalPhase(a, 12, 4);
    // the seed reaches the study: another seed gives another first point
    const other = (await flags('urea-cu4-ceo2', ...argv.slice(0, -4), '--seed', '6', '--periods', '3')) as Optimized;
    expect(other.trace[0]!.inputs).not.toEqual(a.trace[0]!.inputs);
    // without --local-budget the default rule gives none at 6 per input: the pure Bayesian optimization
    const pure = (await flags('urea-cu4-ceo2', ...argv.slice(0, 7), '--seed', '5')) as Optimized;
    expect(phases(pure)).toEqual(Array(12).fill('global'));
    expect(pure.trace.slice(0, 8)).toEqual(a.trace.slice(0, 8));
  }, 120_000);

  it('pulse programs: --periods reaches the study (flags == API)', async () => {
    const vary = [
      { name: 'E1', low: -0.6, high: -0.2 },
      { name: 't1', low: 0.1, high: 10 },
      { name: 'E2', low: -0.3, high: 0 },
      { name: 't2', low: 0.1, high: 10 },
    ];
    const body = { model: 'urea-cu4-ceo2', vary, objective: 'fe:urea', budget: 3, seed: 1, periods: 3 };
    const a = await api(body);
    expect(
      await flags(
        'urea-cu4-ceo2',
        '--vary',
        'E1:-0.6:-0.2',
        't1:0.1:10',
        'E2:-0.3:0',
        't2:0.1:10',
        '--objective',
        'fe:urea',
        '--budget',
        '3',
        '--seed',
        '1',
        '--periods',
        '3',
      ),
    ).toEqual(a);
    expect(a.trace).toHaveLength(3);
  }, 120_000);

  it('OpenAPI publishes localBudget as an optional integer ≥ 0 with the budget default 20', async () => {
    const doc = await server.call('GET', '/api/openapi.json');
    const schema = doc.json.paths['/api/kinetics/optimize'].post.requestBody.content['application/json'].schema;
    expect(schema.properties.localBudget).toMatchObject({ type: 'integer', minimum: 0 });
    expect(schema.properties.localBudget.description).toMatch(/0\.3 × budget/);
    expect(schema.properties.budget).toMatchObject({ type: 'integer', default: 20 });
    expect(schema.required ?? []).not.toContain('localBudget');
  });

  it('a bad value: the API names the field, the CLI the flag', async () => {
    const base = { model: 'urea-cu4-ceo2', vary: [{ name: 'dG_NO', low: -1.5, high: 0.5 }], objective: 'log10Tof:urea' };
    const cases: [object, string, string[], RegExp][] = [
      [{ objective: 'fe:glycine' }, 'objective', ['--objective', 'fe:glycine'], /^error: --objective: "glycine" is not a product of the model/m],
      [{ budget: 500 }, 'budget', ['--budget', '500'], /^error: --budget: .*200/m],
      [
        { budget: 10, localBudget: 8 },
        'localBudget',
        ['--budget', '10', '--local-budget', '8'],
        /^error: --local-budget: got 8 \(allowed: an integer from 0 to budget − 3 \(7\)\)/m,
      ],
      [{ localBudget: -1 }, 'localBudget', ['--local-budget', '-1'], /^error: --local-budget: /m],
      [{ localBudget: 1.5 }, 'localBudget', ['--local-budget', '1.5'], /^error: --local-budget: /m],
      // bounds of a varied input: checked before the job (it used to fail as a job)
      [
        { vary: [{ name: 'dG_NO', low: -30, high: 0 }] },
        'vary.0',
        ['--vary', 'dG_NO:-30:0'],
        /^error: --vary dG_NO: got -30:0 \(allowed: bounds from -20 to 20 eV for dG_NO\)/m,
      ],
      [{ vary: [{ name: 'dG_XX', low: 0, high: 1 }] }, 'vary.0.name', ['--vary', 'dG_XX:0:1'], /^error: --vary dG_XX: unknown input "dG_XX"/m],
    ];
    for (const [change, field, argv, message] of cases) {
      const body = { ...base, ...change };
      const refused = await server.call('POST', '/api/kinetics/optimize', body);
      expect([refused.status, refused.json.error.field], JSON.stringify(change)).toEqual([400, field]);
      const flagArgv = ['--vary', 'dG_NO:-1.5:0.5', '--objective', 'log10Tof:urea', ...argv];
      const r = await cli('kinetics', 'optimize', 'urea-cu4-ceo2', ...flagArgv);
      expect(r.code, JSON.stringify(change)).toBe(2);
      expect(r.err).toMatch(message);
    }
  });
});
