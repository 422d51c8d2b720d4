import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'cncouple-plan-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const space = file(
  'space.yaml',
  `parameters:
  - { name: potential, type: continuous, low: -0.8, high: -0.2, unit: V vs RHE }
  - { name: x_Cu, type: continuous, low: 0, high: 1 }
  - { name: x_Pd, type: continuous, low: 0, high: 1 }
constraints: ["x_Cu + x_Pd <= 1"]
objectives:
  - { name: fe_urea, goal: maximize }
`,
);
// a made-up smooth response with its maximum at potential −0.5, x_Cu 0.6, x_Pd 0.2
const fe = (e: number, cu: number, pd: number) => 0.6 - 2 * (e + 0.5) ** 2 - 0.5 * (cu - 0.6) ** 2 - 0.5 * (pd - 0.2) ** 2;
const rows = [
  [-0.7, 0.1, 0.1],
  [-0.3, 0.5, 0.4],
  [-0.5, 0.9, 0.05],
  [-0.6, 0.3, 0.6],
  [-0.4, 0.2, 0.2],
  [-0.25, 0.7, 0.1],
  [-0.75, 0.45, 0.45],
];
const runsText = 'potential,x_Cu,x_Pd,fe_urea\n' + rows.map((r) => `${r.join(',')},${fe(r[0]!, r[1]!, r[2]!).toFixed(4)}`).join('\n') + '\n-0.55,0.55,0.25,\n';
const runs = file('runs.csv', runsText);

describe('cncouple plan', () => {
  it('ask: suggestions with predictions, the same for the same seed', async () => {
    const a = await cli('plan', 'ask', '--space', space, '--runs', runs, '--batch', '2', '--seed', '3', '--json');
    expect(a.code, a.err).toBe(0);
    const r = JSON.parse(a.out);
    expect(r.method).toBe('log-ei');
    expect(r.completedRuns).toBe(7);
    expect(r.pendingRuns).toBe(1);
    expect(r.suggestions).toHaveLength(2);
    for (const s of r.suggestions) {
      expect(s.parameters.x_Cu + s.parameters.x_Pd).toBeLessThanOrEqual(1 + 1e-9);
      expect(s.predictions.fe_urea.sd).toBeGreaterThan(0);
    }
    expect(r.warnings.join(' ')).toContain('only 7 observations for 3 input(s)');
    const again = await cli('plan', 'ask', '--space', space, '--runs', runs, '--batch', '2', '--seed', '3', '--json');
    expect(JSON.parse(again.out).suggestions).toEqual(r.suggestions);
    expect((await cli('plan', 'ask', '--space', space, '--runs', runs)).out).toContain('predicted fe_urea');
  });

  it('status: best run, diagnostics and a parity plot', async () => {
    const out = path.join(dir, 'parity.svg');
    const slices = path.join(dir, 'slices.svg');
    const s = await cli('plan', 'status', '--space', space, '--runs', runs, '--out', out, '--slices-out', slices, '--json');
    expect(s.code, s.err).toBe(0);
    const r = JSON.parse(s.out);
    expect(r.best.fe_urea.line).toBe(4); // −0.5, 0.9, 0.05 → 0.6 − 0.5·0.09 − 0.5·0.0225 = 0.54375
    expect(r.best.fe_urea.objectives.fe_urea).toBeCloseTo(0.54375, 3); // written with 4 decimals
    expect(r.parity.fe_urea).toHaveLength(7);
    expect(r.diagnostics.fe_urea.looRmse).toBeGreaterThan(0);
    expect(readFileSync(out, 'utf8')).toContain('<svg');
    expect(readFileSync(slices, 'utf8')).toContain('x_Cu');
    expect(r.slices.fe_urea.map((x: { parameter: string }) => x.parameter)).toEqual(['potential', 'x_Cu', 'x_Pd']);
    // a bad second figure name: refused before the first is written
    const first = path.join(dir, 'first.svg');
    expect((await cli('plan', 'status', '--space', space, '--runs', runs, '--out', first, '--slices-out', 'x.pdf')).code).toBe(2);
    expect(existsSync(first)).toBe(false);
  });

  it('ask --acquisition ehvi: two objectives by expected hypervolume improvement; one objective refused, exit 2', async () => {
    const two = file(
      'two.yaml',
      'parameters:\n  - { name: x, type: continuous, low: 0, high: 1 }\nobjectives: [{ name: y1, goal: maximize }, { name: y2, goal: maximize }]\n',
    );
    // y1 = x, y2 = 1 − x: a linear front with a gap between 0.2 and 0.8; the largest added area is at x = 0.5
    const twoRuns = file('two.csv', 'x,y1,y2\n' + [0, 0.1, 0.2, 0.8, 0.9, 1].map((x) => `${x},${x},${1 - x}`).join('\n') + '\n');
    const a = await cli('plan', 'ask', '--space', two, '--runs', twoRuns, '--acquisition', 'ehvi', '--seed', '2');
    expect(a.code, a.err).toBe(0);
    expect(a.out).toMatch(/^ehvi: 1 suggestion\(s\) from 6 finished/);
    expect(a.out).toMatch(/ln EHVI -?\d/);
    const x = Number(/x=([\d.]+)/.exec(a.out)![1]);
    expect(Math.abs(x - 0.5)).toBeLessThan(0.15);
    const one = await cli('plan', 'ask', '--space', space, '--runs', runs, '--acquisition', 'ehvi', '--json');
    expect([one.code, JSON.parse(one.out).error.field]).toEqual([2, 'acquisition']);
    expect((await cli('plan', 'ask', '--space', two, '--acquisition', 'nehvi')).code).toBe(2);
  });

  it('bad input: exit 2 naming the line and the field', async () => {
    const header = 'potential,x_Cu,x_Pd,fe_urea\n-0.5,0.1,0.1,0.3\n';
    const cases: [string, RegExp][] = [
      [header + '-0.9,0.1,0.1,0.3\n', /line 3, potential: -0.9 is outside the space/],
      [header + '-0.5,0.6,0.6,0.3\n', /line 3, constraints.0: violated by 0.2/],
      [header + '-0.4,0.1,0.1,n/a\n', /line 3, fe_urea: got "n\/a"/],
      [header + '-0.5,0.1,0.1,0.4\n', /line 3: same parameters as line 2/],
      ['potential,x_Cu,x_Pd,fe_urea,temperature\n-0.5,0.1,0.1,0.3,25\n', /line 1, column 5 "temperature": unknown column/],
    ];
    for (const [text, message] of cases) {
      const r = await cli('plan', 'ask', '--space', space, '--runs', file('bad.csv', text), '--json');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(JSON.parse(r.out).error.field).toMatch(/^line \d/);
    }
    const badSpace = file('bad.yaml', 'parameters:\n  - { name: a, type: continuous, low: 1, high: 0 }\nobjectives: [{ name: y, goal: maximize }]\n');
    const r = await cli('plan', 'ask', '--space', badSpace);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/parameters.0.high: high must exceed low/);
    const out = path.join(dir, 'never.svg');
    expect((await cli('plan', 'status', '--space', space, '--runs', file('bad2.csv', header + '-0.9,0.1,0.1,0.3\n'), '--out', out)).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
