/** Database integrity (issue 14): start-up check, refused writes, restore, statistics, read-only and newer schemas. */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/buildApp.js';
import { CorruptDatabaseError, DatabaseError } from '../../src/store/errors.js';
import { readLiteratureRecords } from '../../src/store/literature.js';
import { LATEST_MIGRATION } from '../../src/store/migrations.js';
import { RecordStore } from '../../src/store/RecordStore.js';
import { restoreDatabase } from '../../src/store/restoreDatabase.js';
import { cli } from '../support/cli.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'cncouple-integrity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dir = (name: string) => path.join(root, name);
const user = (id: string) => ({
  id,
  catalystPrinted: id,
  catalyst: id,
  strategy: 'interface engineering',
  productPrinted: 'urea',
  products: ['urea'],
  nitrogenSources: ['NO3-'],
  carbonSources: ['CO2'],
  sourceCitation: 'integrity test',
  sourceLocation: 'here',
});

/** A seeded database in `name`, closed (its WAL checkpointed into the file). */
async function seeded(name: string): Promise<string> {
  const store = await RecordStore.open({ dataDir: dir(name) });
  await store.seedLiterature(readLiteratureRecords());
  await store.create(user('mine'));
  await store.close();
  return path.join(dir(name), 'cncouple.sqlite');
}

/** Overwrites `length` bytes at `offset` of `file` with 0xA5. */
function damage(file: string, offset: number, length: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset);
  closeSync(fd);
}

describe('a damaged database', () => {
  it('fails the start-up check: health says so (503), writes are refused with the way out', async () => {
    const good = await seeded('good');
    mkdirSync(dir('bad'));
    const bad = path.join(dir('bad'), 'cncouple.sqlite');
    copyFileSync(good, bad);
    const pageBytes = 4096; // SQLite's default page size
    const pages = statSync(bad).size / pageBytes;
    expect(pages).toBeGreaterThan(10);
    damage(bad, Math.floor(pages / 2) * pageBytes, 3 * pageBytes); // three pages in the middle of the file

    const store = await RecordStore.open({ dataDir: dir('bad') });
    expect(store.integrity).toMatchObject({ checked: true, ok: false });
    expect(store.integrity.problems.length).toBeGreaterThan(0);
    await expect(store.create(user('another'))).rejects.toThrow(CorruptDatabaseError);
    await expect(store.create(user('another'))).rejects.toThrow(/damaged .*cncouple db backup.*cncouple db restore/);
    expect(await store.seedLiterature(readLiteratureRecords().slice(0, 1))).toBe(0); // no write, no throw

    const app = await buildApp({ store, webRoot: '/nonexistent' });
    const health = await app.inject({ url: '/api/health' });
    expect([health.statusCode, health.json().ok, health.json().integrity.ok]).toEqual([503, false, false]);
    const write = await app.inject({ method: 'POST', url: '/api/records', payload: user('another') });
    expect(write.statusCode).toBe(503);
    expect(write.json().error.message).toContain('cncouple db restore');
    await app.close();
    await store.close();

    // the CLI checks before its first write and says the same in one line, exit 2
    const added = await cli('db', 'delete', 'mine', '--data-dir', dir('bad'));
    expect(added.code).toBe(2);
    expect(added.err.trim().split('\n')).toHaveLength(1);
    expect(added.err).toContain('cncouple db restore');
    // a read goes as far as the file allows: a result, or one line (exit 2) when it meets a damaged page
    const listed = await cli('db', 'list', '--limit', '10000', '--data-dir', dir('bad'));
    if (listed.code !== 0) expect([listed.code, listed.err.trim().split('\n').length]).toEqual([2, 1]);

    // restore puts the good copy back and keeps the damaged one
    const restored = restoreDatabase(dir('bad'), good);
    expect(restored.replacedBy).toMatch(/backups\/cncouple-replaced-.*\.sqlite$/);
    const again = await RecordStore.open({ dataDir: dir('bad') });
    expect(again.integrity.ok).toBe(true);
    expect((await again.get('mine')).id).toBe('mine');
    await again.close();
    expect(() => restoreDatabase(dir('bad'), restored.replacedBy!)).toThrow(/fails its check/); // a damaged backup is refused
  });

  it('whose header is overwritten does not open: one line naming the file, exit 2 in the CLI', async () => {
    const good = await seeded('good2');
    mkdirSync(dir('header'));
    const bad = path.join(dir('header'), 'cncouple.sqlite');
    copyFileSync(good, bad);
    damage(bad, 0, 100); // the 100-byte header, with its "SQLite format 3" magic
    await expect(RecordStore.open({ dataDir: dir('header') })).rejects.toThrow(DatabaseError);
    const result = await cli('db', 'list', '--data-dir', dir('header'));
    expect(result.code).toBe(2);
    expect(result.err).toContain(bad);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });
});

it('keeps a committed import when the statistics refresh fails', async () => {
  const store = await RecordStore.open({ dataDir: ':memory:' });
  const refresh = vi
    .spyOn(RecordStore.prototype as unknown as { refreshStatistics: () => Promise<void> }, 'refreshStatistics')
    .mockRejectedValue(new Error('database disk image is malformed'));
  const rows = Array.from({ length: 1000 }, (_, i) => ({ line: i + 1, data: user(`bulk-${i}`) }));
  const ids = await store.importRows(rows);
  expect(refresh).toHaveBeenCalledTimes(1);
  expect(ids).toHaveLength(1000);
  expect((await store.list({ origin: 'user', limit: 1 })).total).toBe(1000);
  expect(store.lastWarning).toMatch(/statistics were not refreshed .*malformed/);
  refresh.mockRestore();
  await store.close();
});

it('refuses a database from a newer schema version with one line naming both versions', async () => {
  const file = await seeded('newer');
  const sqlite = new Database(file);
  sqlite.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999-from-the-future', new Date().toISOString());
  sqlite.close();
  await expect(RecordStore.open({ dataDir: dir('newer') })).rejects.toThrow(
    new RegExp(`schema version 9999-from-the-future.*newest schema is ${LATEST_MIGRATION}`),
  );
  const result = await cli('db', 'list', '--data-dir', dir('newer'));
  expect(result.code).toBe(2);
  expect(result.err.trim().split('\n')).toHaveLength(1);
});

it('refuses a data folder it cannot write with one line naming it, exit 2', async () => {
  // root writes into a mode-555 folder, so as root use a folder under /sys (EPERM on mkdir)
  let readOnly = dir('read-only');
  if (process.getuid?.() === 0) readOnly = '/sys/cncouple-test';
  else {
    mkdirSync(readOnly, { mode: 0o555 });
    readOnly = path.join(readOnly, 'data');
  }
  const result = await cli('db', 'list', '--data-dir', readOnly);
  expect(result.code).toBe(2);
  expect(result.err).toContain(`cannot write the data folder ${readOnly}`);
  expect(result.err.trim().split('\n')).toHaveLength(1);
});
