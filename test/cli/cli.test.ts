import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

/** Runs the CLI in-process and captures its output. */

const json = async (...argv: string[]) => {
  const r = await cli(...argv, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};

describe('cncouple CLI (JSON contract of docs/cli.md)', async () => {
  it('formula', async () => {
    expect(await json('formula', 'CO(NH2)2')).toEqual({
      formula: 'CO(NH2)2',
      hill: 'CH4N2O',
      counts: { C: 1, O: 1, N: 2, H: 4 },
      charge: 0,
      molarMass: expect.closeTo(60.056, 3),
    });
    expect((await cli('formula', 'CO(NH2)2')).out).toContain('molar mass    60.056 g/mol');
  });

  it('balance by registry names and formulas', async () => {
    const r = await json('balance', '--from', 'CO2, NO3-', '--to', 'CO(NH2)2');
    expect(r.equation).toBe('CO2 + 2 NO3- + 18 H+ + 16 e- → CO(NH2)2 + 7 H2O');
    expect(r.electrons).toBe(16);
    expect((await json('balance', '--from', 'glyoxylic acid, NO3-', '--to', 'glycine')).electrons).toBe(10);
    expect((await json('balance', '--from', 'CO2, NO3-', '--to', 'urea', '--medium', 'alkaline')).equation).toContain('18 OH-');
  });

  it('fe with balancing and with --electrons', async () => {
    const r = await json('fe', '--to', 'urea', '--from', 'CO2, NO3-', '--charge-C', '12.5', '--amount-umol', '6.1');
    expect(r.faradaicEfficiency).toBeCloseTo(0.7533575, 7);
    expect(r.electrons).toBe(16);
    expect((await json('fe', '--to', 'urea', '--electrons', '8', '--charge-C', '12.5', '--amount-umol', '6.1')).faradaicEfficiency).toBeCloseTo(0.37667874, 7);
  });

  it('potential with a negative value', async () => {
    const r = await json('potential', '-0.9', '--from', 'Ag/AgCl sat. KCl', '--to', 'RHE', '--ph', '7');
    expect(r.potentialV).toBeCloseTo(-0.2888846, 7);
  });

  it('convert with a species', async () => {
    const r = await json('convert', '0.78', 'mmol h-1 cm-2', 'mg h-1 cm-2', '--species', 'cyclohexanone oxime');
    expect(r.value).toBeCloseTo(88.2648, 4);
    expect(r.molarMass).toBeCloseTo(113.16, 3);
  });

  it('e0', async () => {
    const r = await json('e0', '--from', 'CO2, NO3-', '--to', 'urea', '--ph', '7');
    expect(r.e0VsSHE).toBeCloseTo(0.8109445, 6);
    expect(r.pH).toBe(7);
  });

  it('bad input: exit 2, one line on stderr naming the field; JSON error with --json', async () => {
    const bad = await cli('formula', 'CXx');
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/^error: formula: unknown element "Xx" at position 1/);
    const badJson = await cli('potential', '0', '--from', 'Ag/AgCl', '--to', 'RHE', '--ph', '7', '--json');
    expect(badJson.code).toBe(2);
    expect(JSON.parse(badJson.out).error.field).toBe('from');
    expect((await cli('fe', '--to', 'urea', '--charge-C', 'abc', '--amount-umol', '1', '--electrons', '16')).err).toMatch(
      /^error: --charge-C: "abc" does not start with a number \(allowed: a number with "\." as the decimal point, such as/,
    );
    expect((await cli('balance', '--from', 'CO2')).code).toBe(2); // missing --to: commander's message
    expect((await cli('nonsense')).code).toBe(2);
  });
});

describe('installed bin (dist/cli/main.js, built by npm test before vitest)', async () => {
  const bin = new URL('../../dist/cli/main.js', import.meta.url).pathname;
  it('prints the package version and runs a command', async () => {
    expect(existsSync(bin)).toBe(true);
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect(execFileSync('node', [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(version);
    const r = spawnSync('node', [bin, 'formula', 'NO3-', '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).charge).toBe(-1);
    const bad = spawnSync('node', [bin, 'formula', '(('], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
});
