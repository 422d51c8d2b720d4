/** Issue 12: one error report for both edges — the same bad input gives the same code, field and allowed form through the CLI and the API. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { cli } from '../support/cli.js';

const t = useTestApp();
const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error object of the CLI (`study <kind> file --json`) and of the API (`POST url`) for the same input. */
async function bothEdges(kind: string, url: string, input: unknown) {
  const file = path.join(dir, `${kind}.json`);
  writeFileSync(file, JSON.stringify(input));
  const c = await cli('study', kind, file, '--json');
  const a = await t.app.inject({ method: 'POST', url, payload: input as object });
  return { cliCode: c.code, cliError: JSON.parse(c.out).error, status: a.statusCode, apiError: a.json().error };
}

describe('one error type at both edges', () => {
  it('an enum outside its options: same code, field and allowed (the options) through CLI and API', async () => {
    const r = await bothEdges('balance', '/api/balance', { from: ['CO2', 'NO3-'], to: ['urea'], medium: 'neutral' });
    expect([r.cliCode, r.status]).toEqual([2, 400]);
    const expected = { code: 'bad-input', field: 'medium', allowed: 'one of "acidic", "alkaline"' };
    expect(r.cliError).toMatchObject(expected);
    expect(r.apiError).toMatchObject(expected);
  });

  it('a number below its minimum: allowed names the bound', async () => {
    const r = await bothEdges('fe', '/api/fe', { to: ['urea'], electrons: 16, chargeC: 1, amountMol: -1 });
    const expected = { code: 'bad-input', field: 'amountMol', allowed: 'a number at least 0' };
    expect(r.cliError).toMatchObject(expected);
    expect(r.apiError).toMatchObject(expected);
  });

  it('an InputError of the library (unknown element): same code, field, allowed and message', async () => {
    const r = await bothEdges('formula', '/api/formula', { formula: 'CXx' });
    expect(r.cliError.code).toBe('bad-input');
    expect(r.cliError.field).toBe('formula');
    for (const key of ['code', 'field', 'allowed', 'message']) expect(r.apiError[key], key).toEqual(r.cliError[key]);
    // the flag command gives the same report as the study file
    const flag = await cli('formula', 'CXx', '--json');
    expect(JSON.parse(flag.out).error).toEqual(r.cliError);
  });

  it('an unknown record: not-found through both edges (HTTP 404, exit 2)', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/api/records/no-such-id' });
    const c = await cli('db', 'show', 'no-such-id', '--data-dir', dir, '--json');
    expect([a.statusCode, c.code]).toEqual([404, 2]);
    expect(a.json().error).toMatchObject({ code: 'not-found', id: 'no-such-id' });
    expect(JSON.parse(c.out).error).toMatchObject({ code: 'not-found', id: 'no-such-id' });
  });
});

describe('commander errors under --json (docs/cli.md)', () => {
  it('unknown option: exit 2, the message on stderr, the error object on stdout', async () => {
    const r = await cli('formula', 'CO2', '--bogus', '--json');
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: unknown option '--bogus'\n");
    expect(JSON.parse(r.out)).toEqual({
      error: { code: 'bad-input', message: "unknown option '--bogus'", field: '--bogus', allowed: 'the options of `--help`', kind: 'commander.unknownOption' },
    });
  });

  it('missing argument and missing required option name the field', async () => {
    const arg = await cli('formula', '--json');
    expect(arg.code).toBe(2);
    expect(JSON.parse(arg.out).error).toMatchObject({ code: 'bad-input', field: 'formula', allowed: 'a value for <formula>' });
    const opt = await cli('balance', '--from', 'CO2', '--json');
    expect(opt.code).toBe(2);
    expect(JSON.parse(opt.out).error).toMatchObject({ code: 'bad-input', field: '--to', allowed: 'a value: --to <species>' });
  });

  it('flag commands of the studies (microenv, couple, reactor): commander errors and a missing required flag give the same error object, exit 2', async () => {
    const arg = await cli('couple', '--electrolyte', '0.1 M KHCO3', '--j-ma-cm2', '2', '--sources', 'H2:H2O', '--json');
    expect(arg.code).toBe(2);
    expect(JSON.parse(arg.out)).toEqual({
      error: {
        code: 'bad-input',
        message: "missing required argument 'model'",
        field: 'model',
        allowed: 'a value for <model>',
        kind: 'commander.missingArgument',
      },
    });
    const unknown = await cli('reactor', '--product', 'urea', '--c-in-mol-m3', '50', '--velocity-mm-s', '5', '--json');
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out).error).toMatchObject({ code: 'bad-input', field: '--velocity-mm-s', kind: 'commander.unknownOption' });
    const value = await cli('reactor', '--product', 'urea', '--json', '--c-in-mol-m3');
    expect(value.code).toBe(2);
    expect(JSON.parse(value.out).error).toMatchObject({ code: 'bad-input', field: '--c-in-mol-m3', allowed: 'a value: --c-in-mol-m3 <mol/m3>' });
    // a required flag is checked by the flag map (its deprecated alias counts), in commander's form
    const flag = await cli('microenv', '--electrolyte', '0.1 M KHCO3', '--fe', 'H2:1:H2O', '--json');
    expect(flag.code).toBe(2);
    expect(JSON.parse(flag.out).error).toMatchObject({ code: 'bad-input', field: '--j-ma-cm2', allowed: 'a value: --j-ma-cm2 <mA/cm2>' });
    expect(flag.err).toMatch(/^error: --j-ma-cm2: /);
  });

  it('a choice outside the list: allowed lists the choices', async () => {
    const r = await cli('balance', '--from', 'CO2', '--to', 'urea', '--medium', 'neutral', '--json');
    expect(JSON.parse(r.out).error).toMatchObject({ field: '--medium', allowed: 'one of acidic, alkaline' });
  });

  it('without --json stdout stays empty; --help and --version are not errors', async () => {
    const r = await cli('formula', 'CO2', '--bogus');
    expect([r.code, r.out]).toEqual([2, '']);
    expect((await cli('--version')).code).toBe(0);
  });
});
