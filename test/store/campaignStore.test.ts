/**
 * Saved experiment campaigns (issue 13, "a user's campaign survives a restart"): the same tests on the embedded
 * SQLite database and on PostgreSQL (a database of its own in the test cluster, so that the record-store tests'
 * resets do not race these), including reopening the database and the owner checks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { InputError } from '../../src/chem/index.js';
import type { Actor } from '../../src/store/ApiTokens.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../src/store/errors.js';
import { migrateToLatest } from '../../src/store/migrations.js';
import { RecordStore } from '../../src/store/RecordStore.js';

/** A fresh PostgreSQL database `name` in the test cluster; its URL. */
async function freshPostgresDatabase(name: string): Promise<string> {
  const url = inject('pgUrl');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop database if exists ${name}`);
  await client.query(`create database ${name}`);
  await client.end();
  return url.replace(/\/[^/]*$/, `/${name}`);
}

/** How to open the same database again: the data folder (SQLite) or the URL (PostgreSQL). */
const targets: [string, () => Promise<{ dataDir: string } | { url: string }>][] = [
  [
    'SQLite (embedded)',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-campaigns-'));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));
      return { dataDir: dir };
    },
  ],
  ['PostgreSQL', async () => ({ url: await freshPostgresDatabase('cncouple_campaigns_test') })],
];

// two parameters, one objective; runs by hand: lines 2–4 finished (y given), line 5 in flight (y empty)
const space =
  'parameters:\n  - { name: a, type: continuous, low: 0, high: 1 }\n  - { name: n, type: integer, low: 1, high: 5 }\nobjectives: [{ name: y, goal: maximize }]\n';
const runs = 'a,n,y\n0.1,1,0.19\n0.5,3,0.75\n0.9,5,0.99\n0.3,2,\n';
const alice: Actor = { name: 'alice', scope: 'write' };
const bob: Actor = { name: 'bob', scope: 'write' };
const admin: Actor = { name: 'root', scope: 'admin' };

/** The InputError a call throws (fails the test when it throws none or another error). */
async function inputError(call: () => Promise<unknown>): Promise<InputError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe.each(targets)('saved campaigns on %s', (_name, where) => {
  it('saves, lists, reads back after the database is closed and reopened, updates and deletes a campaign', async () => {
    const options = await where();
    const first = await RecordStore.open(options);
    const saved = await first.campaigns.create({ name: '  CuPd nitrate series ', space, runs }, alice);
    expect(saved.id).toMatch(/^cmp_[A-Za-z0-9_-]{12}$/);
    expect(saved).toMatchObject({ name: 'CuPd nitrate series', owner: 'alice', completedRuns: 3, pendingRuns: 1, space, runs });
    expect(saved.createdAt).toBe(saved.updatedAt);
    await first.close();

    // a new process on the same data: everything as saved
    const again = await RecordStore.open(options);
    expect(await again.campaigns.get(saved.id)).toEqual(saved);
    expect(await again.campaigns.list()).toEqual([
      { id: saved.id, name: 'CuPd nitrate series', owner: 'alice', completedRuns: 3, pendingRuns: 1, createdAt: saved.createdAt, updatedAt: saved.updatedAt },
    ]);

    // the in-flight run finished: 4 finished, 0 in flight; a space given as an object is kept as an object
    const objectSpace = {
      parameters: [
        { name: 'a', type: 'continuous', low: 0, high: 1 },
        { name: 'n', type: 'integer', low: 1, high: 5 },
      ],
      objectives: [{ name: 'y', goal: 'maximize' }],
    };
    const updated = await again.campaigns.update(
      saved.id,
      { name: 'CuPd nitrate series', space: objectSpace, runs: runs.replace('0.3,2,\n', '0.3,2,0.51\n') },
      alice,
    );
    expect(updated).toMatchObject({ id: saved.id, owner: 'alice', completedRuns: 4, pendingRuns: 0, createdAt: saved.createdAt, space: objectSpace });
    expect(updated.updatedAt >= saved.updatedAt).toBe(true);
    expect(await again.campaigns.get(saved.id)).toEqual(updated);

    // runs may be left out: an empty campaign
    const empty = await again.campaigns.create({ name: 'empty', space });
    expect(empty).toMatchObject({ owner: null, completedRuns: 0, pendingRuns: 0, runs: '' });
    expect((await again.campaigns.list()).map((c) => c.id).sort()).toEqual([saved.id, empty.id].sort());

    await again.campaigns.delete(saved.id, alice);
    await expect(again.campaigns.get(saved.id)).rejects.toThrow(NotFoundError);
    await expect(again.campaigns.get(saved.id)).rejects.toThrow(`no campaign with id "${saved.id}"`);
    await expect(again.campaigns.delete(saved.id)).rejects.toThrow(NotFoundError);
    await again.campaigns.delete(empty.id);
    expect(await again.campaigns.list()).toEqual([]);
    await again.close();
  });

  it('lets a token edit only the campaigns it saved (an admin token any), and keeps names unique per owner', async () => {
    const store = await RecordStore.open(await where());
    try {
      const mine = await store.campaigns.create({ name: 'series A', space, runs }, alice);
      const draft = { name: 'series A', space, runs: 'a,n,y\n' };
      await expect(store.campaigns.update(mine.id, draft, bob)).rejects.toThrow(ForbiddenError);
      await expect(store.campaigns.update(mine.id, draft, bob)).rejects.toThrow(
        `campaign "${mine.id}" belongs to token "alice"; token "bob" may edit only its own campaigns`,
      );
      await expect(store.campaigns.delete(mine.id, bob)).rejects.toThrow(ForbiddenError);
      // bob's refused writes changed nothing
      expect(await store.campaigns.get(mine.id)).toEqual(mine);
      expect((await store.campaigns.update(mine.id, draft, admin)).completedRuns).toBe(0);
      // bob may use the same name for his own; alice may not use it twice
      const his = await store.campaigns.create({ name: 'series A', space }, bob);
      expect(his.owner).toBe('bob');
      await expect(store.campaigns.create({ name: 'series A', space }, alice)).rejects.toThrow(ConflictError);
      const other = await store.campaigns.create({ name: 'series B', space }, alice);
      await expect(store.campaigns.update(other.id, { name: 'series A', space }, alice)).rejects.toThrow(/already has a campaign named "series A"/);
      await store.campaigns.delete(mine.id, alice);
      await store.campaigns.delete(his.id, bob);
      await store.campaigns.delete(other.id, admin);
    } finally {
      await store.close();
    }
  });

  it('refuses bad campaigns with the field named, writing nothing', async () => {
    const store = await RecordStore.open(await where());
    try {
      expect((await inputError(() => store.campaigns.create({ name: '   ', space, runs }))).field).toBe('name');
      expect((await inputError(() => store.campaigns.create({ space, runs }))).field).toBe('name');
      expect((await inputError(() => store.campaigns.create({ name: 'x', space, runs: 5 }))).field).toBe('runs');
      expect((await inputError(() => store.campaigns.create({ name: 'x', space, runs, extra: 1 }))).field).toBe('(campaign)');
      // the space is checked as plan ask checks it, under "space."
      const highBelowLow = await inputError(() =>
        store.campaigns.create({
          name: 'x',
          space: { parameters: [{ name: 'a', type: 'continuous', low: 1, high: 0 }], objectives: [{ name: 'y', goal: 'maximize' }] },
        }),
      );
      expect(highBelowLow.field).toBe('space.parameters.0.high');
      expect(highBelowLow.message).toMatch(/^space\.parameters\.0\.high: high must exceed low/);
      expect((await inputError(() => store.campaigns.create({ name: 'x', space: 'parameters: [' }))).field).toBe('space');
      // and the runs against the space, under "runs, "
      const outside = await inputError(() => store.campaigns.create({ name: 'x', space, runs: 'a,n,y\n0.5,3,0.7\n1.5,3,0.2\n' }));
      expect(outside.field).toMatch(/^runs, line 3\b.*\ba\b/);
      expect((await inputError(() => store.campaigns.create({ name: 'x', space, runs: 'a,n,z\n0.5,3,0.7\n' }))).field).toMatch(/^runs, line 1, column 3/);
      expect(await store.campaigns.list()).toEqual([]);
      // an update is checked the same way
      const ok = await store.campaigns.create({ name: 'ok', space, runs });
      expect((await inputError(() => store.campaigns.update(ok.id, { name: 'ok', space, runs: 'a,n,y\n0.5,9,0.1\n' }))).field).toMatch(
        /^runs, line 2\b.*\bn\b/,
      );
      expect(await store.campaigns.get(ok.id)).toEqual(ok);
      await store.campaigns.delete(ok.id);
    } finally {
      await store.close();
    }
  });

  it('finds and saves by name (the CLI): over the one campaign of that name keeping what is not given, or new; ambiguous names need the id', async () => {
    const store = await RecordStore.open(await where());
    try {
      const made = await store.campaigns.save('by name', { space });
      expect([made.created, made.campaign.owner, made.campaign.completedRuns, made.campaign.runs]).toEqual([true, null, 0, '']);
      const over = await store.campaigns.save('by name', { runs });
      expect([over.created, over.campaign.id, over.campaign.space, over.campaign.completedRuns, over.campaign.pendingRuns]).toEqual([
        false,
        made.campaign.id,
        space,
        3,
        1,
      ]);
      expect(await store.campaigns.find('by name')).toEqual(over.campaign);
      expect(await store.campaigns.find(made.campaign.id)).toEqual(over.campaign);
      // a bad runs text: the field named, the stored campaign unchanged
      expect((await inputError(() => store.campaigns.save('by name', { runs: 'a,n,y\n0.5,9,0.1\n' }))).field).toMatch(/^runs, line 2\b.*\bn\b/);
      expect(await store.campaigns.get(made.campaign.id)).toEqual(over.campaign);
      // an id that names nothing is refused, not made the name of a new campaign
      await expect(store.campaigns.save('cmp_AAAAAAAAAAAA', { space })).rejects.toThrow('no campaign with id "cmp_AAAAAAAAAAAA"');
      // a new campaign needs a space
      expect((await inputError(() => store.campaigns.save('no space', { runs }))).field).toBe('space');
      // another owner's campaign of the same name: found by id only; bob may not save over alice's
      const alices = await store.campaigns.create({ name: 'by name', space }, alice);
      await expect(store.campaigns.find('by name')).rejects.toThrow(/2 campaigns are named "by name" .*give the id instead/);
      await expect(store.campaigns.save('by name', { runs })).rejects.toThrow(ConflictError);
      await expect(store.campaigns.save(alices.id, { runs }, bob)).rejects.toThrow(ForbiddenError);
      await expect(store.campaigns.find('nothing')).rejects.toThrow('no campaign with id or name "nothing"');
      expect((await store.campaigns.list()).map((c) => c.id).sort()).toEqual([made.campaign.id, alices.id].sort());
      // delete by name (plan delete NAME, one transaction): an ambiguous name deletes nothing; by id, bob may not delete alice's
      await expect(store.campaigns.deleteNamed('by name')).rejects.toThrow(/2 campaigns are named "by name" .*give the id instead/);
      await expect(store.campaigns.deleteNamed(alices.id, bob)).rejects.toThrow(ForbiddenError);
      await expect(store.campaigns.deleteNamed('nothing')).rejects.toThrow('no campaign with id or name "nothing"');
      expect((await store.campaigns.list()).length).toBe(2);
      const { name, owner, ...summary } = await store.campaigns.deleteNamed(made.campaign.id);
      expect([name, owner, summary.id, summary.completedRuns]).toEqual(['by name', null, made.campaign.id, 3]);
      // now the name is alice's alone: deleted by name
      expect((await store.campaigns.deleteNamed('by name', alice)).id).toBe(alices.id);
      expect(await store.campaigns.list()).toEqual([]);
      await expect(store.campaigns.get(alices.id)).rejects.toThrow(NotFoundError);
    } finally {
      await store.close();
    }
  });

  it('migrates the campaigns table down and up again (0006-campaigns)', async () => {
    const store = await RecordStore.open(await where());
    try {
      const db = store.db as unknown as Kysely<unknown>;
      expect(await migrateToLatest(db, '0005-api-tokens')).toEqual(['0006-campaigns']);
      await expect(store.campaigns.list()).rejects.toThrow(/campaigns/);
      expect(await migrateToLatest(db)).toEqual(['0006-campaigns']);
      expect(await store.campaigns.list()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
