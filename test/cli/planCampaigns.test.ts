/**
 * `cncouple plan campaigns|save|show|export|delete` and `plan ask|status --campaign` (issue 13): the saved
 * campaigns of the API and the web page, from the command line, on the same store code (CampaignStore) and
 * the same checks (checkSavedCampaign). In-process CLI on a data folder of its own.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/buildApp.js';
import { RecordStore } from '../../src/store/RecordStore.js';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-plan-campaigns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

const spaceText = 'parameters:\n  - { name: a, type: continuous, low: 0, high: 1 }\nobjectives: [{ name: y, goal: maximize }]\n';
// y = a(2 − a) at five points (finished), one run in flight (a = 0.9, y empty)
const runsText = 'a,y\n0.1,0.19\n0.3,0.51\n0.5,0.75\n0.7,0.91\n0.9,\n0.2,0.36\n';
const space = file('space.yaml', spaceText);
const runs = file('runs.csv', runsText);
// line 3 (the header is line 1): a = 1.5 lies outside [0, 1]
const badRuns = file('bad.csv', 'a,y\n0.1,0.19\n1.5,0.2\n');

/** The CLI on a data folder `dataDir`. */
const plan = (dataDir: string, ...args: string[]) => cli('plan', ...args, '--data-dir', dataDir);
const json = async (dataDir: string, ...args: string[]) => {
  const r = await plan(dataDir, ...args, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};
const newDataDir = () => mkdtempSync(path.join(dir, 'data-'));

describe('cncouple plan: saved campaigns', () => {
  it('save → list → ask --campaign gives the suggestions of the file-based ask with the same seed; status likewise', async () => {
    const d = newDataDir();
    expect(await json(d, 'campaigns')).toEqual([]);
    const saved = await json(d, 'save', 'nitrate series', '--space', space, '--runs', runs);
    expect(saved).toMatchObject({ name: 'nitrate series', owner: null, completedRuns: 5, pendingRuns: 1, space: spaceText, runs: runsText });
    expect(saved.id).toMatch(/^cmp_/);
    const list = await json(d, 'campaigns');
    expect(list).toEqual([
      { id: saved.id, name: 'nitrate series', owner: null, completedRuns: 5, pendingRuns: 1, createdAt: saved.createdAt, updatedAt: saved.updatedAt },
    ]);
    const fromStore = await json(d, 'ask', '--campaign', 'nitrate series', '--batch', '2', '--seed', '3');
    const fromFiles = await json(d, 'ask', '--space', space, '--runs', runs, '--batch', '2', '--seed', '3');
    expect(fromStore).toEqual(fromFiles);
    expect([fromStore.method, fromStore.completedRuns, fromStore.pendingRuns, fromStore.suggestions.length]).toEqual(['log-ei', 5, 1, 2]);
    // by id as by name
    expect(await json(d, 'ask', '--campaign', saved.id, '--batch', '2', '--seed', '3')).toEqual(fromFiles);
    const status = await json(d, 'status', '--campaign', 'nitrate series');
    expect(status).toEqual(await json(d, 'status', '--space', space, '--runs', runs));
    expect([status.best.y.line, status.best.y.objectives.y]).toEqual([5, 0.91]); // a = 0.7: 0.7 · 1.3
    // one source only
    const both = await plan(d, 'ask', '--campaign', 'nitrate series', '--space', space);
    expect([both.code, both.err]).toEqual([2, expect.stringMatching(/^error: --campaign: /)]);
    const neither = await plan(d, 'ask');
    expect([neither.code, neither.err]).toEqual([2, expect.stringMatching(/^error: --space: /)]);
  });

  it('a bad runs file exits 2 naming the line and the field, and changes nothing', async () => {
    const d = newDataDir();
    const before = await json(d, 'save', 'series A', '--space', space, '--runs', runs);
    const over = await plan(d, 'save', 'series A', '--runs', badRuns);
    expect(over.code).toBe(2);
    expect(over.err).toBe('error: runs, line 3, a: 1.5 is outside the space (allowed: a number from 0 to 1)\n');
    expect(await json(d, 'show', 'series A')).toEqual(before);
    const fresh = await plan(d, 'save', 'series B', '--space', space, '--runs', badRuns, '--json');
    expect(fresh.code).toBe(2);
    expect(JSON.parse(fresh.out).error).toMatchObject({ code: 'bad-input', field: 'runs, line 3, a' });
    // a space that is not one: named as the API names it
    const badSpace = await plan(d, 'save', 'series C', '--space', file('bad-space.yaml', spaceText.replace('high: 1', 'high: -1')));
    expect([badSpace.code, badSpace.err]).toEqual([2, expect.stringMatching(/^error: space\.parameters\.0/)]);
    // runs alone under a name nothing has: a new campaign, which needs a space
    const noSpace = await plan(d, 'save', 'series D', '--runs', runs);
    expect([noSpace.code, noSpace.err]).toEqual([
      2,
      'error: space: no saved campaign has the id or name "series D" (allowed: a search space (YAML or JSON, docs/ml.md): a new campaign needs one)\n',
    ]);
    expect((await json(d, 'campaigns')).map((c: { name: string }) => c.name)).toEqual(['series A']);
    // an unreadable file is refused before the database is touched
    expect((await plan(d, 'save', 'series A', '--runs', path.join(dir, 'missing.csv'))).err).toMatch(/^error: --runs: cannot read/);
  });

  it('answers with the JSON of the API for the same campaign (GET /api/campaigns, /api/campaigns/{id}, POST /api/plan/ask)', async () => {
    const d = newDataDir();
    await json(d, 'save', 'first', '--space', space);
    const saved = await json(d, 'save', 'second', '--space', space, '--runs', runs);
    const cliList = await json(d, 'campaigns');
    const cliShow = await json(d, 'show', 'second');
    const cliAsk = await json(d, 'ask', '--campaign', 'second', '--seed', '5');
    const store = await RecordStore.open({ dataDir: d });
    const app = await buildApp({ store, webRoot: '/nonexistent', security: {} });
    try {
      expect((await app.inject({ url: '/api/campaigns' })).json()).toEqual(cliList);
      expect(cliList.map((c: { name: string }) => c.name)).toEqual(['second', 'first']); // most recently saved first
      expect((await app.inject({ url: `/api/campaigns/${saved.id}` })).json()).toEqual(cliShow);
      const apiAsk = await app.inject({ method: 'POST', url: '/api/plan/ask', payload: { space: cliShow.space, runs: cliShow.runs, seed: 5 } });
      expect(apiAsk.json()).toEqual(cliAsk);
      // a campaign the API saves (space as an object) is one the CLI plans with
      const posted = await app.inject({
        method: 'POST',
        url: '/api/campaigns',
        payload: {
          name: 'from the web',
          space: { parameters: [{ name: 'a', type: 'continuous', low: 0, high: 1 }], objectives: [{ name: 'y', goal: 'maximize' }] },
          runs: runsText,
        },
      });
      expect(posted.statusCode).toBe(201);
    } finally {
      await app.close();
      await store.close();
    }
    expect(await json(d, 'ask', '--campaign', 'from the web', '--seed', '5')).toEqual(cliAsk);
    // exported as YAML (an object saved through the API), read back by the file-based ask
    const out = path.join(dir, 'web-space.yaml');
    await json(d, 'export', 'from the web', '--space', out);
    expect(await json(d, 'ask', '--space', out, '--runs', runs, '--seed', '5')).toEqual(cliAsk);
  });

  it('save keeps what it is not given; export writes both files or neither; delete; ambiguous names need the id', async () => {
    const d = newDataDir();
    const first = await json(d, 'save', 'series', '--space', space);
    expect([first.completedRuns, first.pendingRuns, first.runs]).toEqual([0, 0, '']);
    const withRuns = await json(d, 'save', 'series', '--runs', runs);
    expect([withRuns.id, withRuns.space, withRuns.completedRuns, withRuns.pendingRuns, withRuns.createdAt]).toEqual([
      first.id,
      spaceText,
      5,
      1,
      first.createdAt,
    ]);
    const wider = spaceText.replace('high: 1', 'high: 2');
    const newSpace = await json(d, 'save', 'series', '--space', file('wider.yaml', wider));
    expect([newSpace.space, newSpace.runs, newSpace.completedRuns]).toEqual([wider, runsText, 5]);
    const noSpace = await plan(d, 'save', 'another', '--runs', runs);
    expect([noSpace.code, noSpace.err]).toEqual([2, expect.stringMatching(/^error: space: /)]);

    const outSpace = path.join(dir, 'out-space.yaml');
    const outRuns = path.join(dir, 'out-runs.csv');
    expect(await json(d, 'export', 'series', '--space', outSpace, '--runs', outRuns)).toEqual({ id: first.id, name: 'series', files: [outSpace, outRuns] });
    expect([readFileSync(outSpace, 'utf8'), readFileSync(outRuns, 'utf8')]).toEqual([wider, runsText]);
    const lonely = path.join(dir, 'lonely-space.yaml');
    const refused = await plan(d, 'export', 'series', '--space', lonely, '--runs', path.join(dir, 'no-such-folder', 'runs.csv'));
    expect([refused.code, refused.err]).toEqual([2, expect.stringMatching(/^error: --runs: cannot write/)]);
    expect(existsSync(lonely)).toBe(false);

    // a token's campaign of the same name: the name no longer says which, the id does
    const store = await RecordStore.open({ dataDir: d });
    const alices = await store.campaigns.create({ name: 'series', space: spaceText }, { name: 'alice', scope: 'write' });
    await store.close();
    const ambiguous = await plan(d, 'show', 'series');
    expect([ambiguous.code, ambiguous.err]).toEqual([2, expect.stringContaining('2 campaigns are named "series"')]);
    expect(ambiguous.err).toContain(alices.id);
    expect((await json(d, 'show', alices.id)).owner).toBe('alice');

    expect(await json(d, 'delete', first.id)).toEqual({ deleted: first.id });
    expect((await json(d, 'show', 'series')).id).toBe(alices.id);
    const gone = await plan(d, 'show', first.id);
    expect([gone.code, gone.err]).toEqual([2, `error: no campaign with id or name "${first.id}"\n`]);
  });
});
